package estimate

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkTypicalLine measures one everyday estimate: lex, parse,
// resolve, run, format the result and the working.
func BenchmarkTypicalLine(b *testing.B) {
	s := NewSession(Options{})
	for b.Loop() {
		if _, err := s.Eval("qps = 300M users * 2 / day * 3"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewLineShapes measures lines whose program is not cached yet,
// the cost of handing a new shape to expr.
func BenchmarkNewLineShapes(b *testing.B) {
	s := NewSession(Options{})
	i := 0
	for b.Loop() {
		i++
		// A fresh nesting depth each time makes a new program shape.
		line := strings.Repeat("(", i%50) + "1 GB" + strings.Repeat(" + 1 MB)", i%50) + fmt.Sprintf(" * %d", i)
		programsMu.Lock()
		clear(programs)
		programsMu.Unlock()
		if _, err := s.Eval(line); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScript runs scripts of growing length, each line using a
// variable defined just before it: the time per line should stay flat.
func BenchmarkScript(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		lines := make([]string, n)
		lines[0] = "v0 = 1 GB"
		for i := 1; i < n; i++ {
			lines[i] = fmt.Sprintf("v%d = v%d * 1.0001 + %d MB / 2", i, i-1, i%97)
		}
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			for b.Loop() {
				s := NewSession(Options{})
				for _, l := range lines {
					if _, err := s.Eval(l); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/line")
		})
	}
}

// BenchmarkPrelude is the cost of reading units.napkin, which only the
// generation of unit_table.go and the tests pay now (a run reads the
// table; see BenchmarkColdSession).
func BenchmarkPrelude(b *testing.B) {
	for b.Loop() {
		if _, err := parsePrelude(unitsSource); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAllUnits is the cost of evaluating every unit definition, which
// go generate pays once, and a run not at all.
func BenchmarkAllUnits(b *testing.B) {
	for b.Loop() {
		pre, _ := parsePrelude(unitsSource)
		for _, u := range pre.list {
			u.mustValue()
		}
	}
}

// scalingScript is a script of n lines: chain-shaped (each line uses the
// one before: x1 = x0 + 1) or range-shaped (a range every other line, and
// a line that uses it).
func scalingScript(shape string, n int) []string {
	lines := make([]string, n)
	for i := range lines {
		switch {
		case shape == "chain" && i == 0:
			lines[i] = "x0 = 1"
		case shape == "chain":
			lines[i] = fmt.Sprintf("x%d = x%d + 1", i, i-1)
		case i%2 == 0:
			lines[i] = fmt.Sprintf("r%d = %d to %d", i, i+1, 2*i+2)
		default:
			lines[i] = fmt.Sprintf("y%d = r%d * 2 GB", i, i-1)
		}
	}
	return lines
}

// BenchmarkScaling runs chain- and range-shaped scripts of 1k, 10k and
// 100k lines: the time and allocations per line must stay flat (see
// BENCHMARKS.md). Ranges use 1,000 samples, so that the lines' own cost
// shows rather than the sampling's.
func BenchmarkScaling(b *testing.B) {
	for _, shape := range []string{"chain", "range"} {
		for _, n := range []int{1_000, 10_000, 100_000} {
			lines := scalingScript(shape, n)
			b.Run(fmt.Sprintf("%s/lines=%d", shape, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					s := NewSession(Options{Samples: 1_000})
					for i, l := range lines {
						if _, err := s.EvalLine(i+1, l); err != nil {
							b.Fatal(err)
						}
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/line")
			})
		}
	}
}

// BenchmarkLex is the lexer alone on long lines: a sum of numbers, and a
// product of names and units. Its cost per byte must stay flat and small.
func BenchmarkLex(b *testing.B) {
	for _, c := range []struct{ name, unit string }{
		{"numbers", "12 + "},
		{"names", "x_1 * GB / "},
		{"grouped", "1,234.5e3 + "},
	} {
		for _, size := range []int{1 << 10, 1 << 20} {
			src := strings.Repeat(c.unit, size/len(c.unit)) + "1"
			b.Run(fmt.Sprintf("%s/bytes=%d", c.name, len(src)), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					if _, err := lex(src); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(src)), "ns/byte")
			})
		}
	}
}
