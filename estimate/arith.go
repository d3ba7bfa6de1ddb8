package estimate

import (
	"fmt"
	"math"
)

// Dimension-checked arithmetic on quantities. These functions do not know
// about positions; the runtime wraps them and turns failures into Errors.

// mergeHints combines how two operands were written. A sum keeps a
// percentage (1 - 99.9% is 0.1%); see productHints for products.
func mergeHints(a, b Quantity) hint { return a.hint | b.hint }

// productHints is mergeHints for a product: it is a percentage only when
// both factors are (99.9% × 99.95% is 99.85%, but 20% × 1000 is 200).
func productHints(a, b Quantity) hint {
	return (a.hint|b.hint)&^hintPercent | a.hint&b.hint&hintPercent
}

func mulQ(a, b Quantity) (Quantity, bool) {
	d, ok := a.D.add(b.D)
	v, s, src := zip(a, b, func(x, y float64) float64 { return x * y })
	return Quantity{V: v, S: s, src: src, D: d, hint: productHints(a, b)}, ok
}

// divQ never keeps a percentage: a ratio of percentages is a plain ratio.
func divQ(a, b Quantity) (Quantity, bool) {
	d, ok := a.D.add(b.D.neg())
	v, s, src := zip(a, b, func(x, y float64) float64 { return x / y })
	return Quantity{V: v, S: s, src: src, D: d, hint: mergeHints(a, b) &^ hintPercent}, ok
}

func addQ(a, b Quantity, sign float64) Quantity {
	v, s, src := zip(a, b, func(x, y float64) float64 { return cancelled(x, sign*y) })
	return Quantity{V: v, S: s, src: src, D: a.D, hint: mergeHints(a, b)}
}

// cancelTolerance is the size, relative to the larger term, below which a
// sum is floating-point rounding left over from terms that cancel: 8
// units in the last place (1.1 - 1 - 0.1 leaves 4; 1 year + 100 ns - 1
// year, 14, is kept).
const cancelTolerance = 8 * 0x1p-52

// cancelled is x + y, or 0 when the terms cancel but for rounding:
// 0.1 + 0.2 - 0.3 is 0, not 5.55e-17, and 1.1 s - 1 s - 100 ms is 0 s.
func cancelled(x, y float64) float64 {
	r := x + y
	if r != 0 && math.Abs(r) < cancelTolerance*max(math.Abs(x), math.Abs(y)) {
		return 0
	}
	return r
}

// powQ raises a to a dimensionless power. A quantity with a dimension may
// only be raised to a power that keeps every exponent whole.
func powQ(a, e Quantity) (Quantity, string) {
	if !e.D.IsZero() {
		return Quantity{}, "the exponent must be a plain number"
	}
	v, s, src := zip(a, e, math.Pow)
	r := Quantity{V: v, S: s, src: src, hint: a.hint}
	if a.D.IsZero() {
		return r, ""
	}
	if e.S != nil {
		return Quantity{}, "a quantity with units needs an exact exponent, not a range"
	}
	for i, x := range a.D {
		f := float64(x) * e.V
		if f != math.Trunc(f) {
			return Quantity{}, fmt.Sprintf("raising %s to the power %g would leave a fractional dimension", a.D, e.V)
		}
		if math.Abs(f) > maxExponent {
			return Quantity{}, "the dimension's exponent would be too large"
		}
		r.D[i] = int8(f)
	}
	return r, ""
}

// mismatchHint suggests how to make two sides of an addition, comparison or
// conversion agree. want is the dimension needed, got the one there is.
func mismatchHint(got, want Dim, side string) string {
	diff, _ := got.add(want.neg()) // got = want × diff
	for i, e := range diff {
		rest := diff
		rest[i] = 0
		if !rest.IsZero() {
			continue
		}
		name := dimNames[i]
		switch e {
		case 1:
			return fmt.Sprintf("%s has a %s too many: divide it by a %s%s", side, name, name, example(i))
		case -1:
			return fmt.Sprintf("%s lacks a %s: multiply it by a %s%s", side, name, name, example(i))
		}
	}
	return ""
}

// example gives a typical quantity of a base dimension, for hints.
func example(i int) string {
	switch i {
	case dimTime:
		return " (e.g. 1 day)"
	case dimInformation:
		return " (e.g. 1 KB)"
	case dimMoney:
		return " (e.g. $1)"
	}
	return ""
}
