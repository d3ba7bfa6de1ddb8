package estimate

import "testing"

// BenchmarkColdLine is what a one-shot `napkin '10M * 5 / day'` pays in
// the engine: the first session of a process (the prelude loaded, expr
// configured) and its first line (a program compiled), every cache reset
// each time.
func BenchmarkColdLine(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		resetCaches()
		s := NewSession(Options{})
		if _, err := s.EvalLine(1, "10M * 5 / day"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkColdSession is the first session of a process alone: loading
// the prelude.
func BenchmarkColdSession(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		resetCaches()
		NewSession(Options{})
	}
}
