package estimate

import (
	"strings"
	"testing"
)

// FuzzEval drives the whole pipeline (lex, parse, resolve, compile, run,
// format the result and the working) with arbitrary lines. It must never
// panic, and every error must carry a position inside the line.
func FuzzEval(f *testing.F) {
	for _, seed := range []string{
		"10M * 5 / day", "qps = 10M users * 5 / day", "300M * 2/day * 280 bytes * 365 days * 5 * 3 -> TB",
		"2^40 bytes -> TiB", "1 TB / (100 MB/s)", "f(a, b) = ceil(a / b)", "f(1 TB, 3 GB)", "assert 1 KiB == 1024 bytes",
		"$5 * 3 -> $/month", "1 GB + 1 s", "((((1", "-2^-3%", "5 \"bots\" / s", "ans", "1e308 * 10", "2^0.5 s",
		"0.02 $/GB/month * 500 TB -> $/month", "min(1, 2 GB)", "5 in per s", "x = 1 -> GB", "\xff", "1_000_000k",
	} {
		f.Add(seed)
	}
	// Long inputs: short seeds never grow into the lines that found
	// quadratic costs and deep recursion.
	for _, seed := range []string{
		"1" + strings.Repeat(" + 1", 3000), strings.Repeat("(", 200) + "1" + strings.Repeat(")", 200),
		"a" + strings.Repeat("%", 1000), strings.Repeat("y", 20_000), "1e308K", "1e308 USD/s", "0 * -5",
	} {
		f.Add(seed)
	}
	f.Add("x = 1 to 10")
	f.Add("P(1 to 3 > 2) -> %")
	f.Add("normal(-1, 1) * 5 GB")
	// The language of issue 11: new forms and malformed numbers.
	for _, seed := range []string{"86,400 s", "max(1,234)", "0x1F * 0b101", "3² s⁻¹", "2 h 46 min 40 s", "5% of 2(3)",
		"(6 hours -> 45 min) + 1 min", "1 day -> 8 h", "/s + per day", "$ 1,000", "_ * 2", "1e- 1", "2ehello",
		"3 kilohertz", "1 fortnight", "5 MBps", "-1 to 5", "1e-400", "5%%", "0.3 -> %", "series(99%, 99%)"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, line string) {
		s := NewSession(Options{Samples: 200}) // few samples: ranges stay fast
		// A few lines so that variables and functions are in play.
		for _, l := range []string{"a = 5 GB", "f(x) = x * 2", line, line + " * a", "f(" + line + ")"} {
			r, err := s.Eval(l)
			if err != nil {
				e := err.(*Error)
				if e.Column < 1 || e.Column > len([]rune(l))+1 || e.Msg == "" {
					t.Fatalf("%q: bad error position %d or empty message %q", l, e.Column, e.Msg)
				}
				if strings.Contains(e.Msg, "internal error") {
					t.Fatalf("%.200q: %s", l, e.Msg)
				}
				continue
			}
			if r == nil {
				continue
			}
			if r.Kind == KindExpression || r.Kind == KindAssignment {
				if r.Text == "" || len(r.Steps) == 0 {
					t.Fatalf("%q: empty display %q or working %q", l, r.Text, r.Steps)
				}
				if strings.Contains(r.Text, "NaN") || strings.Contains(r.Text, "Inf") {
					t.Fatalf("%q: non-finite display %q", l, r.Text)
				}
			}
		}
	})
}
