package frontend

import (
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/napkin-calc/napkin/estimate"
)

func TestResultAndErrorJSON(t *testing.T) {
	s, err := NewSession(SessionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.EvalLine(1, "qps = 10M * 5 / day")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(NewResult(r, "plan.napkin", false, nil))
	want := `{"file":"plan.napkin","line":1,"input":"qps = 10M * 5 / day","kind":"assignment","name":"qps","value":578.7037037037037,"unit":"/s","display":"578.7 /s","approx":true,"dimension":"1/time","steps":["10M × 5 / day","10M × 5 / 86,400 s","50M / 86,400 s"]}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	_, err = s.EvalLine(2, "5 dya")
	var e *estimate.Error
	if !errors.As(err, &e) {
		t.Fatal(err)
	}
	got, _ = json.Marshal(NewError(e))
	want = `{"line":2,"column":3,"input":"5 dya","error":"unknown unit \"dya\"","hint":"did you mean \"day\"? (to count things called dya, quote it: \"dya\")"}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if _, err := NewSession(SessionOptions{Latency: "nope"}); err == nil {
		t.Error("an unknown latency set is accepted")
	}
}

func TestBinsCoverP1ToP99(t *testing.T) {
	s, _ := NewSession(SessionOptions{})
	r, err := s.EvalLine(1, "10 to 1000")
	if err != nil {
		t.Fatal(err)
	}
	d := r.Distribution()
	edges, counts := Bins(d, 20)
	total := 0
	for _, c := range counts {
		total += c
	}
	if len(edges) != 21 || edges[0] != d.P1 || edges[20] < d.P99*0.999999 || !LogBins(d) {
		t.Errorf("edges %v for p1 %v p99 %v", edges, d.P1, d.P99)
	}
	if n := len(d.Samples); total < n*97/100 || total > n*99/100+2 {
		t.Errorf("%d of %d samples binned; want the 98%% between p1 and p99", total, n)
	}
	r, _ = s.EvalLine(2, "(1 to 2) - 1.5")
	if LogBins(r.Distribution()) {
		t.Error("log bins for a range that reaches below zero")
	}
}

// TestRangeJSONAgreesWithDisplay: a range's value and p50 in JSON are the
// median its display shows, read the same way (nearest rank), and p5/p95
// around it; normal(-1, 1), whose median is near 0, once printed a p50
// 12 times smaller than the display's 1.16e-5.
func TestRangeJSONAgreesWithDisplay(t *testing.T) {
	s, err := NewSession(SessionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	close := func(a, b float64) bool { return a == b || math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b)) }
	for i, line := range []string{"normal(-1, 1)", "(1 to 10) GB/s", "uniform(-3, 1) ms", "normal(-1, 1) - normal(-1, 1)", "(2 to 8) * 1k users"} {
		r, err := s.EvalLine(i+1, line)
		if err != nil {
			t.Fatal(err)
		}
		j := NewResult(r, "", true, nil)
		if j.P50 == nil || j.P5 == nil || j.P95 == nil {
			t.Fatalf("%s: no percentiles", line)
		}
		if !close(*j.P50, r.Value) || !close(*j.Value, r.Value) {
			t.Errorf("%s: value %v, p50 %v; the display's median is %v (%s)", line, *j.Value, *j.P50, r.Value, r.Text)
		}
		if !(*j.P5 <= *j.P50 && *j.P50 <= *j.P95) {
			t.Errorf("%s: p5 %v, p50 %v, p95 %v out of order", line, *j.P5, *j.P50, *j.P95)
		}
	}
}
