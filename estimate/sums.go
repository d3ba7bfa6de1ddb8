package estimate

import (
	"fmt"
	"math"
	"strconv"
)

// The builtins here are sums that napkin's language cannot write (it has no
// loops): the generalised harmonic number behind the Zipf distribution and
// the Erlang C formula behind the M/M/c queue. Each does bounded work: the
// harmonic number in constant time whatever n, Erlang C in time linear in
// the number of servers, with a cap on servers × samples.

// maxErlangWork bounds the steps of one erlang_c call: servers summed over
// the samples of a range. A million servers as a single number, or a few
// hundred over a range's samples.
const maxErlangWork = 50_000_000

// maxErlangServers is the most servers erlang_c takes.
const maxErlangServers = 1_000_000

// harmonicDirect is the n up to which harmonic sums term by term; above it,
// the first terms are summed and the tail is the Euler–Maclaurin formula,
// accurate to about 1e-12 relative.
const harmonicDirect = 64

func harmonicBuiltin() *builtin {
	return &builtin{name: "harmonic", minArgs: 2, maxArgs: 2, usage: "harmonic(n, s)",
		doc: "harmonic(n, s): 1 + 1/2^s + … + 1/n^s, the sum under a Zipf distribution; harmonic(1M, 1) is 14.39",
		eval: func(ctx *evalCtx, id int, a []Quantity) (Quantity, *Error) {
			n, s := a[0], a[1]
			if err := plainArgs(ctx, id, "harmonic", a, "pass a count of keys and an exponent"); err != nil {
				return Quantity{}, err
			}
			for i := 0; i < max(len(n.S), 1); i++ {
				v := n.at(i)
				if v < 0 || v != math.Trunc(v) || v > 1e15 {
					return Quantity{}, ctx.operandError(id, 0, "round it first, e.g. harmonic(floor(keys), 1)",
						"harmonic needs a whole number n from 0 to 1e15, not %s", ctx.show(n))
				}
			}
			for i := 0; i < max(len(s.S), 1); i++ {
				if v := s.at(i); v < 0 || v > 100 {
					return Quantity{}, ctx.operandError(id, 1, "Zipf exponents are usually between 0.5 and 1.5",
						"harmonic needs an exponent s from 0 to 100, not %s", ctx.show(s))
				}
			}
			// Up to 64 powers a value, charged like sample arithmetic.
			values := max(len(n.S), len(s.S), 1)
			if err := ctx.charge(id, values*harmonicDirect/valuesPerStep); err != nil {
				return Quantity{}, err
			}
			v, samples, src := zip(n, s, harmonic)
			return Quantity{V: v, S: samples, src: src}, nil
		}}
}

// harmonic is H(n, s) = Σ_{i=1}^{n} i^-s for a whole n ≥ 0 and s ≥ 0.
func harmonic(n, s float64) float64 {
	if n <= harmonicDirect {
		sum := 0.0
		for i := n; i >= 1; i-- { // smallest terms first
			sum += math.Pow(i, -s)
		}
		return sum
	}
	const m = 10.0
	head := 0.0
	for i := m - 1; i >= 1; i-- {
		head += math.Pow(i, -s)
	}
	// Σ_{i=m}^{n} f(i) ≈ ∫_m^n f + (f(m)+f(n))/2 + Σ_k B_2k/(2k)! (f^(2k−1)(n) − f^(2k−1)(m)).
	f := func(x float64) float64 { return math.Pow(x, -s) }
	var integral float64
	if s == 1 {
		integral = math.Log(n / m)
	} else {
		integral = (math.Pow(n, 1-s) - math.Pow(m, 1-s)) / (1 - s)
	}
	d1 := func(x float64) float64 { return -s * math.Pow(x, -s-1) }
	d3 := func(x float64) float64 { return -s * (s + 1) * (s + 2) * math.Pow(x, -s-3) }
	d5 := func(x float64) float64 { return -s * (s + 1) * (s + 2) * (s + 3) * (s + 4) * math.Pow(x, -s-5) }
	tail := integral + (f(m)+f(n))/2 +
		(d1(n)-d1(m))/12 - (d3(n)-d3(m))/720 + (d5(n)-d5(m))/30240
	return head + tail
}

func harmonicDiffBuiltin() *builtin {
	return &builtin{name: "harmonic_diff", minArgs: 2, maxArgs: 2, usage: "harmonic_diff(n, m)",
		doc: "harmonic_diff(n, m): harmonic(n, 1) − harmonic(m, 1) = 1/(m+1) + … + 1/n, accurate even when n and m are close; harmonic_diff(3, 1) is 0.83",
		eval: func(ctx *evalCtx, id int, a []Quantity) (Quantity, *Error) {
			n, m := a[0], a[1]
			if err := plainArgs(ctx, id, "harmonic_diff", a, "pass two counts"); err != nil {
				return Quantity{}, err
			}
			total := max(len(n.S), len(m.S), 1)
			for i := 0; i < total; i++ {
				nv, mv := n.at(i), m.at(i)
				if nv < 0 || nv != math.Trunc(nv) || nv > 1e15 {
					return Quantity{}, ctx.operandError(id, 0, "round it first, e.g. harmonic_diff(round(n), round(m))",
						"harmonic_diff needs a whole number n from 0 to 1e15, not %s", ctx.show(n))
				}
				if mv < 0 || mv != math.Trunc(mv) || mv > nv {
					return Quantity{}, ctx.operandError(id, 1, "harmonic_diff(n, m) needs 0 ≤ m ≤ n",
						"harmonic_diff needs a whole number m from 0 to n = %s, not %s", ctx.show(n), ctx.show(m))
				}
			}
			if err := ctx.charge(id, total*harmonicDirect/valuesPerStep); err != nil {
				return Quantity{}, err
			}
			v, samples, src := zip(n, m, harmonicDiff)
			return Quantity{V: v, S: samples, src: src}, nil
		}}
}

// harmonicDiff is H(n, 1) − H(m, 1) = Σ_{i=m+1}^{n} 1/i for whole
// 0 ≤ m ≤ n, without the cancellation of subtracting two near-equal sums:
// term by term for a few terms, the difference of the two sums when m is
// small, else the difference of the asymptotic expansions
// H(x) = ln x + γ + 1/2x − 1/12x² + 1/120x⁴ − …, term by term.
func harmonicDiff(n, m float64) float64 {
	q := n - m
	switch {
	case q <= harmonicDirect:
		sum := 0.0
		for i := n; i > m; i-- { // smallest terms first
			sum += 1 / i
		}
		return sum
	case m <= 1000:
		return harmonic(n, 1) - harmonic(m, 1)
	}
	return math.Log1p(q/m) - q/(2*n*m) + q*(n+m)/(12*n*n*m*m) + (1/math.Pow(n, 4)-1/math.Pow(m, 4))/120
}

func erlangCBuiltin() *builtin {
	return &builtin{name: "erlang_c", minArgs: 2, maxArgs: 2, usage: "erlang_c(servers, load)",
		doc: "erlang_c(servers, load): the chance that a request waits in an M/M/c queue, load = arrival rate × service time; erlang_c(55, 48) is 23.9%",
		eval: func(ctx *evalCtx, id int, a []Quantity) (Quantity, *Error) {
			c, load := a[0], a[1]
			if err := plainArgs(ctx, id, "erlang_c", a, "servers is a count", "load is arrival rate × service time, a plain number (erlangs)"); err != nil {
				return Quantity{}, err
			}
			work := 0.0
			for i := 0; i < max(len(c.S), 1); i++ {
				v := c.at(i)
				if v < 1 || v != math.Trunc(v) || v > maxErlangServers {
					return Quantity{}, ctx.operandError(id, 0, "round it up first, e.g. erlang_c(ceil(servers), load)",
						"erlang_c needs a whole number of servers from 1 to %s, not %s", formatPlain(maxErlangServers), exactPlain(c, ctx))
				}
				work += v
			}
			if len(c.S) == 0 && len(load.S) > 0 {
				work *= float64(len(load.S))
			}
			if work > maxErlangWork {
				return Quantity{}, ctx.operandError(id, 0, "give the servers as a single number, or fewer of them",
					"erlang_c over a range with %s servers is too much work", ctx.show(c))
			}
			if err := ctx.charge(id, int(work)/valuesPerStep); err != nil {
				return Quantity{}, err
			}
			bad := 0
			total := max(len(c.S), len(load.S), 1)
			for i := 0; i < total; i++ {
				if l := load.at(i); l < 0 || math.IsNaN(l) {
					return Quantity{}, ctx.operandError(id, 1, "load is arrival rate × service time: neither is negative",
						"erlang_c needs a load ≥ 0, not %s", ctx.show(load))
				}
			}
			for i := 0; i < total; i++ {
				if l := load.at(i); l >= c.at(i) {
					bad++
				}
			}
			if bad > 0 {
				msg := fmt.Sprintf("the queue never empties: a load of %s erlangs on %s servers", ctx.show(load), ctx.show(c))
				if total > 1 {
					msg = fmt.Sprintf("the queue never empties in %.1f%% of the samples: the load reaches the servers", 100*float64(bad)/float64(total))
				}
				return Quantity{}, ctx.errorf(id, "add servers or cut the load: erlang_c needs load < servers (utilisation below 100%)", "%s", msg)
			}
			v, samples, src := zip(c, load, erlangC)
			return Quantity{V: v, S: samples, src: src}, nil
		}}
}

// erlangC is the probability of waiting in an M/M/c queue with c servers
// and an offered load a < c, from the Erlang B recurrence
// B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), and C = c·B / (c − a(1 − B)).
func erlangC(c, a float64) float64 {
	b := 1.0
	for k := 1.0; k <= c; k++ {
		b = a * b / (k + a*b)
	}
	return c * b / (c - a*(1-b))
}

// exactPlain shows a single plain number in full (1000001, not 1M), a range
// as results show it.
func exactPlain(x Quantity, ctx *evalCtx) string {
	if x.S == nil && math.Abs(x.V) < 1e15 {
		return strconv.FormatFloat(x.V, 'f', -1, 64)
	}
	return ctx.show(x)
}

// formatPlain shows a plain number the way results show it.
func formatPlain(v float64) string { return formatInline(number(v), digitsOf(0)) }

// plainArgs checks that every argument of a builtin is a plain number. Its
// error points at the first one that is not; hints[i] (or the last hint)
// says what that argument is.
func plainArgs(ctx *evalCtx, id int, name string, a []Quantity, hints ...string) *Error {
	for i, x := range a {
		if !x.D.IsZero() {
			return ctx.operandError(id, i, hints[min(i, len(hints)-1)], "%s needs plain numbers, not %s [%s]", name, ctx.show(x), x.D)
		}
	}
	return nil
}
