package presets

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/latency"
	"github.com/napkin-calc/napkin/lint"
	"github.com/napkin-calc/napkin/notes"
	"github.com/napkin-calc/napkin/reference"
)

func session(t testing.TB) *estimate.Session {
	s := estimate.NewSession(estimate.Options{})
	lib, err := latency.Library(latency.DefaultSet)
	if err != nil {
		t.Fatal(err)
	}
	s.AddLibrary(lib)
	s.AddLibrary(reference.Library())
	reference.LoadFormulas(s)
	return s
}

// TestBuiltins: every preset runs, is described, asks questions, uses the
// shared names for shared assumptions, and passes lint.
func TestBuiltins(t *testing.T) {
	all := Builtin()
	if len(all) < 15 {
		t.Fatalf("only %d presets", len(all))
	}
	for _, p := range all {
		t.Run(p.Name, func(t *testing.T) {
			if p.Title == "" || p.Summary == "" || len(p.Scope()) == 0 {
				t.Errorf("title %q, summary %q, scope %q", p.Title, p.Summary, p.Scope())
			}
			steps, err := p.Run(session(t), nil)
			if err != nil {
				t.Fatal(err)
			}
			if q := Questions(steps); len(q) < 3 {
				t.Errorf("%d practice questions, want at least 3", len(q))
			}
			names := map[string]bool{}
			for _, a := range p.Assumptions() {
				names[a.Name] = true
				if a.Reason == "" {
					t.Errorf("line %d: assumption %s has no reason", a.N, a.Name)
				}
			}
			for _, want := range []string{"peak_factor", "replication", "utilisation"} {
				if !names[want] {
					t.Errorf("no %s assumption", want)
				}
			}
			for _, bad := range []string{"peak", "replicas", "replication_factor", "headroom", "read_ratio"} {
				if names[bad] {
					t.Errorf("assumption %s: use the shared name", bad)
				}
			}
			c := lint.NewChecker()
			for _, s := range steps {
				c.Add(s.Result, s.Reason+" "+strings.Join(s.Prose, " "))
			}
			for _, w := range c.Warnings() {
				t.Errorf("lint: line %d: %s", w.Line, w.Msg)
			}
		})
	}
}

// TestMarkdownRoundTrip: --md writes a note that napkin notes fills without
// errors, and that a second notes run leaves alone.
func TestMarkdownRoundTrip(t *testing.T) {
	for _, p := range Builtin() {
		md := p.Markdown(map[string]string{"peak_factor": "4"})
		opts := notes.Options{NewSession: func() *estimate.Session { return session(t) }}
		res := notes.Process(p.Name+".md", []byte(md), opts)
		if len(res.Errors) > 0 {
			t.Errorf("%s: %v", p.Name, res.Errors[0])
			continue
		}
		if !strings.Contains(md, "peak_factor = 4") {
			t.Errorf("%s: the --set value is not in the note", p.Name)
		}
		if again := notes.Process(p.Name+".md", res.Output, opts); !bytes.Equal(again.Output, res.Output) {
			t.Errorf("%s: the note is not stable", p.Name)
		}
	}
}

func TestSetErrors(t *testing.T) {
	p, _ := Find(Builtin(), "twitter")
	_, err := p.Run(session(t), map[string]string{"dua": "5M"})
	if se, ok := err.(*SetError); !ok || !strings.Contains(se.Hint, `did you mean "dau"?`) {
		t.Errorf("unknown name: %v", err)
	}
	_, err = p.Run(session(t), map[string]string{"retention": "5 GB"})
	if se, ok := err.(*SetError); !ok || !strings.Contains(se.Msg, "retention is 5 years [time], and 5 GB is data") {
		t.Errorf("wrong dimension: %v", err)
	}
	steps, err := p.Run(session(t), map[string]string{"dau": "300M", "peak_factor": "3"})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		if s.Name == "peak_write_qps" && s.Result.Text != "20,833 /s" {
			t.Errorf("peak_write_qps with dau=300M, peak_factor=3: %s", s.Result.Text)
		}
	}
}

func TestGrade(t *testing.T) {
	qps := func(v float64) estimate.Quantity { q := estimate.Seconds(1 / v); return reciprocal(q) }
	for _, c := range []struct {
		answer, expected estimate.Quantity
		want             Grade
	}{
		{qps(1000), qps(1157), Good},
		{qps(3000), qps(1157), OrderOfMag},
		{qps(200), qps(1157), OrderOfMag},
		{qps(100), qps(1157), Off},
		{qps(10), qps(1157), Off},
		{estimate.Seconds(1), qps(1157), WrongDim},
		{qps(-5), qps(1157), Off},
	} {
		if g, _, _ := GradeAnswer(c.answer, c.expected); g != c.want {
			t.Errorf("%v vs %v: %s, want %s", c.answer, c.expected, g, c.want)
		}
	}
	// No ratio means anything: the grade is off, the factor 0 (never +Inf)
	// and the reason says why.
	zero := reciprocal(estimate.Seconds(1))
	zero.V = 0
	tiny, huge := qps(1e-300), qps(1e300)
	for _, c := range []struct {
		answer, expected estimate.Quantity
		want             Grade
		why              string
	}{
		{zero, qps(1157), Off, "0 is not an estimate"},
		{qps(-1000), qps(1157), Off, "wrong sign"},
		{qps(1000), qps(-1157), Off, "wrong sign"},
		{qps(1000), zero, Off, "napkin's figure is 0"},
		{zero, zero, Good, ""},
		{tiny, huge, Off, "more than 10^308 times off"},
		{qps(-1000), qps(-1157), Good, ""},
	} {
		g, f, why := GradeAnswer(c.answer, c.expected)
		if g != c.want || why != c.why || math.IsInf(f, 0) || math.IsNaN(f) {
			t.Errorf("%v vs %v: %s, %v, %q; want %s, %q", c.answer, c.expected, g, f, why, c.want, c.why)
		}
	}
	if Good.Points() != 1 || OrderOfMag.Points() != 0.5 || Off.Points() != 0 {
		t.Error("points")
	}
}

func reciprocal(q estimate.Quantity) estimate.Quantity {
	s := estimate.NewSession(estimate.Options{})
	r, _ := s.Eval("1 / (" + estimate.FormatInline(q, 17) + ")")
	return r.Quantity
}

// TestQuotesAfterSet: a comment quoting a source's figure says it is the
// source's once --set changes an assumption the line depends on, and only
// then.
func TestQuotesAfterSet(t *testing.T) {
	p, _ := Find(Builtin(), "typeahead")
	reasons := func(set map[string]string) map[string]string {
		steps, err := p.Run(session(t), set)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, s := range steps {
			out[s.Name] = s.Reason
		}
		return out
	}
	if r := reasons(nil)["qps"]; r != "one request per character; Alex Xu: about 24,000" {
		t.Errorf("without --set: %q", r)
	}
	r := reasons(map[string]string{"dau": "20M"})
	if r["qps"] != "one request per character; Alex Xu, before --set dau: about 24,000" {
		t.Errorf("qps with --set dau: %q", r["qps"])
	}
	if r["peak_qps"] != "Alex Xu, before --set dau: about 48,000" {
		t.Errorf("peak_qps depends on dau through qps: %q", r["peak_qps"])
	}
	if r := reasons(map[string]string{"peak_factor": "3"}); r["qps"] != "one request per character; Alex Xu: about 24,000" ||
		r["peak_qps"] != "Alex Xu, before --set peak_factor: about 48,000" {
		t.Errorf("--set peak_factor reaches peak_qps only: %q, %q", r["qps"], r["peak_qps"])
	}
	md := p.Markdown(map[string]string{"dau": "20M", "peak_factor": "3"})
	if !strings.Contains(md, "# Alex Xu, before --set dau, peak_factor: about 48,000") {
		t.Errorf("the note keeps a stale quote:\n%s", md)
	}
}

// TestUserPresetWithoutTitle: a plain script in the presets folder is a
// preset, titled by its first comment line or its file name.
func TestUserPresetWithoutTitle(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("queue_sizing.napkin", "# Sizing the order queue\n# for the spring sale\nrate = 2k/s\nbacklog = rate * 10 min\n")
	write("bare_script.napkin", "x = 5 GB\n")
	all, errs := All(dir)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	q, ok := Find(all, "queue_sizing")
	if !ok || q.Title != "Sizing the order queue" || strings.Join(q.Scope(), "|") != "for the spring sale" {
		t.Fatalf("queue_sizing: %+v, scope %q", q, q.Scope())
	}
	steps, err := q.Run(session(t), nil)
	if err != nil || len(steps) != 2 || steps[1].Result.Text != "1.2M" {
		t.Errorf("run: %v %v", steps, err)
	}
	if b, ok := Find(all, "bare_script"); !ok || b.Title != "bare script" || len(b.Scope()) != 0 {
		t.Errorf("bare_script: %+v", b)
	}
}

// TestPlaceholdersNameAssumptions checks that every {name} in a built-in
// preset's text names one of its assumptions, so that none shows as
// written.
func TestPlaceholdersNameAssumptions(t *testing.T) {
	for _, p := range Builtin() {
		values := p.values(nil)
		texts := append([]string{p.rawSummary}, p.rawScope()...)
		for _, l := range p.Lines() {
			texts = append(texts, l.Question, l.Reason)
			texts = append(texts, l.Prose...)
		}
		for _, text := range texts {
			for _, name := range placeholders(text) {
				if _, ok := values[name]; !ok {
					t.Errorf("%s: {%s} is not an assumption: %q", p.Name, name, text)
				}
			}
		}
	}
}

// TestQuestionsFollowSet checks that a question's text shows the value
// --set gave the assumption it names, as graded.
func TestQuestionsFollowSet(t *testing.T) {
	all, _ := All("")
	p, _ := Find(all, "pastebin")
	steps, err := p.Run(session(t), map[string]string{"cache_ratio": "50%"})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, q := range Questions(steps) {
		if q.Name == "cache_size" {
			found = strings.Contains(q.Text, "hottest 50%")
		}
	}
	if !found {
		t.Errorf("the cache question does not say 50%%: %v", Questions(steps))
	}
	if got := fill("{a} and {b} {", map[string]string{"a": "1 s"}); got != "1 s and {b} {" {
		t.Errorf("fill = %q", got)
	}
}
