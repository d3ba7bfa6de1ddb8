package reference

import (
	"strings"
	"testing"

	"github.com/napkin-calc/napkin/estimate"
)

func TestFormulaDomainsParse(t *testing.T) {
	if err := estimate.CheckDomains("formulas.napkin", FormulasSource()); err != nil {
		t.Error(err)
	}
}

// TestFormulaDomains checks that a formula called outside its domain is an
// error at the argument (or the call) that says what the domain is, never
// a number: percentages typed as plain numbers, lognormal ranges that spill
// past 100%, negative or fractional counts, impossible relations.
func TestFormulaDomains(t *testing.T) {
	s := estimate.NewSession(estimate.Options{})
	s.AddLibrary(Library())
	LoadFormulas(s)
	for _, c := range []struct {
		line      string
		column    int
		msg, hint string // substrings
	}{
		{"nines(100%)", 7, "availability of nines must be a probability from 0 to below 100%, not 100%", "nines is infinite at 100%"},
		{"nines(-1%)", 7, "availability of nines must be a probability from 0 to below 100%, not -1%", "from 0% to below 100%"},
		{"nines(99% to 99.9%)", 7, "availability of nines must be a probability from 0 to below 100%, but", "write uniform(99%, 99.9%)"},
		{"P(downtime(99.9% to 99.99%) < 0 s)", 12, "availability of downtime must be a probability", "uniform(99.9%, 99.99%)"},
		{"db_load(10k qps, 90% to 99%)", 18, "hit_ratio of db_load must be a probability", "uniform(90%, 99%)"},
		{"fanout_slow(99, 100)", 13, "percentile of fanout_slow must be a probability from 0 to 100%, not 99", "write 99%"},
		{"downtime(99.99)", 10, "not 99.99", "write 99.99%"},
		{"db_load(10k qps, 90)", 18, "hit_ratio", "write 90%"},
		{"parallel(99, 99)", 10, "a of parallel", "write 99%"},
		{"series(99.9, 99.9)", 8, "a of series", "write 99.9%"},
		{"servers(100k qps, 10k qps, 70)", 28, "utilisation of servers must be a utilisation above 0 and at most 100%, not 70", "write 70%"},
		{"servers(100k qps, 10k qps, 150%)", 28, "utilisation of servers must be a utilisation", "such as 70%"},
		{"servers(100k qps, 10k qps, 0%)", 28, "utilisation of servers must be a utilisation", ""},
		{"zipf_hot_share(1, 1M, 150%)", 23, "fraction of zipf_hot_share must be a fraction from 0 to 100%", "from 0% to 100%"},
		{"backoff_total(100 ms, 1 s, -2)", 28, "retries of backoff_total must be a whole number ≥ 0, not -2", "cannot be below 0"},
		{"backoff_sleep(100 ms, 1 s, 0)", 28, "retry of backoff_sleep must be a whole number ≥ 1, not 0", ""},
		{"backoff_sleep(100 ms, 1 s, 1.5)", 28, "not 1.5", "round(x)"},
		{"retry_amplification(-3, 5)", 21, "retries of retry_amplification must be a whole number ≥ 0", ""},
		{"retry_amplification(3, 0.5)", 24, "layers of retry_amplification", ""},
		{"ec_overhead(6 s, 3)", 13, "data of ec_overhead must be a plain number, not 6 s [time]", "drop its unit"},
		{"quorum_latency(10 ms, 3, -1)", 26, "quorum of quorum_latency must be a whole number ≥ 1", ""},
		{"quorum_latency(10 ms, 3, 4)", 1, "the quorum exceeds the replicas: quorum is 4, replicas is 3", "quorum <= replicas"},
		{"leaky_bucket_queue(30/s, 10/s, -2 s, 100)", 32, "duration of leaky_bucket_queue must be ≥ 0", ""},
		{"hot_key_replicas(-250k qps, 100k qps)", 18, "key_load of hot_key_replicas must be ≥ 0", ""},
		{"ec_overhead(6, -3)", 16, "parity of ec_overhead", ""},
		{"fixed_window_burst(-5)", 20, "limit of fixed_window_burst must be ≥ 0", ""},
		{"fanout_slow(99%, -1)", 18, "servers of fanout_slow", ""},
		{"backend_percentile(99%, -1)", 25, "servers of backend_percentile", ""},
		{"sliding_window_count(5, 3, 130%)", 28, "elapsed of sliding_window_count must be a fraction", ""},
		{"mm1_wait(-1/s, 1 s)", 10, "arrival of mm1_wait must be ≥ 0", ""},
		{"erlang_c(5, -1)", 13, "erlang_c needs a load ≥ 0, not -1", ""},
		{"erlang_c(1000001, 1000)", 10, "not 1000001", ""},
		{"zipf_top_share(1, 1 to 10)", 19, "keys of zipf_top_share must be at least 1, but", "uniform(1, 10)"},
		{"token_bucket_drain(100, 10/s, 5/s)", 1, "a full token bucket never drains when requests arrive no faster than it refills: arrival is 5 /s, refill is 10 /s", "arrival > refill"},
		{"leaky_bucket_fill(100, 10/s, 5/s)", 1, "a leaky bucket never fills when requests arrive no faster than it lets them out", "arrival > outflow"},
		{"mm1_wait(2/s, 1 s)", 0, "never empties", ""},
	} {
		_, err := s.Eval(c.line)
		e, ok := err.(*estimate.Error)
		if !ok {
			t.Errorf("%s: no error (%v), want %q", c.line, err, c.msg)
			continue
		}
		if e.Hint == "" {
			t.Errorf("%s: %s: the error has no hint", c.line, e.Msg)
		}
		if !strings.Contains(e.Msg, c.msg) || !strings.Contains(e.Hint, c.hint) || (c.column > 0 && e.Column != c.column) {
			t.Errorf("%s:\n got %d: %s\n hint: %s\nwant %d: %s\n hint: …%s…", c.line, e.Column, e.Msg, e.Hint, c.column, c.msg, c.hint)
		}
	}
}

// TestFormulaEdges checks answers at the edges of the domains: the cap of
// a long backoff, the top k of fewer keys, a quorum of a huge cluster.
func TestFormulaEdges(t *testing.T) {
	s := estimate.NewSession(estimate.Options{})
	s.AddLibrary(Library())
	LoadFormulas(s)
	for line, want := range map[string]string{
		"backoff_sleep(100 ms, 1 s, 1030)": "1 s",
		"backoff_sleep(100 ms, 1 s, 4)":    "800 ms",
		"zipf_top_k_share(1, 100, 200)":    "1",
		"zipf_top_k_share(1, 100, 100)":    "1",
		// H(1e14) − H(1e14 − 1) is 1e−14: the first of 1e14 replicas.
		"quorum_latency(10 ms, 1e14, 1) * 1e14":     "10 ms",
		"quorum_latency(1 s, 1e12, 1000) * 1e9":     "1 s",
		"round(quorum_latency(10 ms, 3, 2) / 1 us)": "8,333",
		"nines(uniform(99%, 99.9%)) > 1.9":          "",
	} {
		r, err := s.Eval(line)
		if want == "" {
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", line, err)
			continue
		}
		if r.Text != want {
			t.Errorf("%s = %s, want %s", line, r.Text, want)
		}
	}
}

// TestFormulaSourcesAreOneWork checks that a formula's source names one
// work, so that the year printed after it is that work's: "…, SOSP, 2007",
// not "…, SOSP; the latency from order statistics, 2007".
func TestFormulaSourcesAreOneWork(t *testing.T) {
	s := estimate.NewSession(estimate.Options{})
	LoadFormulas(s)
	for _, f := range s.Functions() {
		if strings.Contains(f.Source, "; ") {
			t.Errorf("%s: the source %q has a second part: put it in the help comment", f.Name, f.Source)
		}
	}
}
