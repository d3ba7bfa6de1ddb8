package reference

import (
	"fmt"
	"strings"
	"testing"

	"github.com/napkin-calc/napkin/estimate"
)

func TestDataFilesTestThemselves(t *testing.T) {
	gs, err := Groups()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range gs {
		s := estimate.NewSession(estimate.Options{})
		s.AddLibrary(Library())
		if err := g.File.RunAsserts(s); err != nil {
			t.Errorf("%s: %v", g.Name, err)
		}
		if len(g.File.Asserts) == 0 {
			t.Errorf("%s: no asserts", g.Name)
		}
		for _, c := range g.File.Constants {
			if c.Source == "" || c.Description == "" {
				t.Errorf("%s:%d: %s lacks a source or a description", c.File, c.Line, c.Name)
			}
		}
	}
}

func TestFormulasTestThemselves(t *testing.T) {
	s := estimate.NewSession(estimate.Options{})
	if err := s.Load("formulas.napkin", FormulasSource()); err != nil {
		t.Fatal(err)
	}
	fs := s.Functions()
	if len(fs) < 12 {
		t.Errorf("only %d formulas", len(fs))
	}
	for _, f := range fs {
		if f.Doc == "" {
			t.Errorf("%s has no help comment", f.Name)
		}
	}
	// Loaded the lazy way, as sessions do, each formula carries the source
	// and year of the "#@" lines above it.
	lazy := estimate.NewSession(estimate.Options{})
	LoadFormulas(lazy)
	got := map[string]estimate.FunctionInfo{}
	for _, f := range lazy.Functions() {
		got[f.Name] = f
	}
	if len(got) != len(fs) {
		t.Errorf("%d formulas loaded lazily, %d by running the file", len(got), len(fs))
	}
	for name, want := range map[string]string{
		"fanout_slow":          "2013 Jeffrey Dean and Luiz André Barroso",
		"backoff_total":        "2015 Marc Brooker",
		"sliding_window_count": "2020 Alex Xu",
		"sliding_log_memory":   "0 Grokking",
		"series":               "0 ",
		"concurrency":          "1961 John D. C. Little",
	} {
		f := got[name]
		if have := fmt.Sprintf("%d %s", f.Year, f.Source); !strings.HasPrefix(have, want) {
			t.Errorf("%s: source %q, want %q…", name, have, want)
		}
	}
}

// TestCanonFigures checks the formulas against figures their sources
// publish, shown as a user sees them.
func TestCanonFigures(t *testing.T) {
	s := estimate.NewSession(estimate.Options{})
	s.AddLibrary(Library())
	LoadFormulas(s)
	wantTexts(t, s, map[string]string{
		"mm1_wait(0.9/s, 1 s)":                                       "9 s",
		"round(fanout_slow(99%, 100) * 100)":                         "63",
		"retry_amplification(3, 5)":                                  "1,024",
		"fixed_window_burst(5 / min) -> /min":                        "10 /min",
		"sliding_window_count(5, 3, 30%)":                            "6.5",
		"1M * sliding_log_memory(500, 24 bytes, 28 bytes)":           "12.028 GB",
		"ec_overhead(6, 3)":                                          "1.5",
		"backoff_total(100 ms, 1 s, 6)":                              "3.5 s",
		"db_load(10k qps, 90%)":                                      "1,000 /s",
		"bdp(1 Gbps, 100 ms) -> MB":                                  "12.5 MB",
		"hot_key_replicas(zipf_top_share(1, 1M) * 5M qps, 100k qps)": "4",
	})
	// A queue past its capacity is an error, not a negative wait.
	if _, err := s.Eval("mm1_wait(2/s, 1 s)"); err == nil || !strings.Contains(err.Error(), "never empties") {
		t.Errorf("an unstable queue: %v", err)
	}
}

func TestLibraryInASession(t *testing.T) {
	s := estimate.NewSession(estimate.Options{})
	s.AddLibrary(Library())
	LoadFormulas(s)
	wantTexts(t, s, map[string]string{
		"0.02 $/GB/month * 500 TB -> $/month":  "$10,000/month",
		"500 TB * price_blob_storage":          "$10,000/month",
		"servers(1M qps, redis_node_qps, 70%)": "15",
		"servers(21k qps, 1 qps, 70%)":         "30,000", // not 30,001: 21k / 0.7 is 30000.000000000004
		"servers(2.1k qps, 3 qps, 70%)":        "1,000",
		"downtime(99.99%) -> min":              "52.56 min",
		"downtime(99.99%)":                     "52 min 33.6 s",
	})
	if _, err := s.Eval("redis_nodes_qps"); err == nil || !strings.Contains(err.(*estimate.Error).Hint, "redis_node_qps") {
		t.Errorf("a misspelt constant: %v", err)
	}
}

func TestPowers(t *testing.T) {
	for n, want := range map[int]Power{
		10: {N: 10, Exact: "1,024", Approx: "1.02 thousand", Binary: "1 KiB", Decimal: "1.024 KB"},
		32: {N: 32, Exact: "4,294,967,296", Approx: "4.29 billion", Binary: "4 GiB", Decimal: "4.295 GB"},
		40: {N: 40, Exact: "1,099,511,627,776", Approx: "1.1 trillion", Binary: "1 TiB", Decimal: "1.1 TB"},
		64: {N: 64, Exact: "18,446,744,073,709,551,616", Approx: "18.4 quintillion", Binary: "16 EiB", Decimal: "18.45 EB"},
		7:  {N: 7, Exact: "128", Approx: "128", Binary: "128 B", Decimal: "128 B"},
	} {
		got, err := PowerOfTwo(n)
		if err != nil {
			t.Fatal(err)
		}
		got.Gap, got.Note = 0, ""
		if got != want {
			t.Errorf("2^%d: %+v, want %+v", n, got, want)
		}
	}
	// The gaps are the floats nearest the true ones, so --json shows
	// 0.099511627776, not 0.09951162777599998.
	for n, want := range map[int]float64{0: 0, 10: 0.024, 20: 0.048576, 40: 0.099511627776, 45: 0.099511627776, 50: 0.125899906842624} {
		if p, _ := PowerOfTwo(n); p.Gap != want {
			t.Errorf("gap at 2^%d: %v, want %v", n, p.Gap, want)
		}
	}
	if _, err := PowerOfTwo(65); err == nil {
		t.Error("2^65 accepted")
	}
}

func TestNinesTable(t *testing.T) {
	rows, err := NinesTable()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rows {
		got[r.Availability] = r.PerDay.Text + " | " + r.PerYear.Text
	}
	for a, want := range map[string]string{
		"99.9%":   "1 min 26.4 s | 8 h 45 min 36 s",
		"99.99%":  "8.64 s | 52 min 33.6 s",
		"99.999%": "864 ms | 5 min 15.36 s",
	} {
		if got[a] != want {
			t.Errorf("%s: %q, want %q", a, got[a], want)
		}
	}
}

// wantTexts evaluates each line in s and checks the result it shows.
func wantTexts(t *testing.T, s *estimate.Session, cases map[string]string) {
	t.Helper()
	for line, want := range cases {
		r, err := s.Eval(line)
		if err != nil {
			t.Errorf("%s: %v", line, err)
			continue
		}
		if r.Text != want {
			t.Errorf("%s = %s, want %s", line, r.Text, want)
		}
	}
}
