package estimate

import (
	"fmt"
	"math"
	"strings"
)

// The base dimensions napkin knows. Every unit is a multiple of a product of
// their base units (second, bit, dollar); the unit data file names them.
const (
	dimTime = iota
	dimInformation
	dimMoney
	numDims
)

// dimNames are the words used for a base dimension in messages and in the
// bracketed dimension shown after a result.
var dimNames = [numDims]string{"time", "data", "money"}

// Dim is a dimension vector: the exponent of each base dimension.
// The zero Dim is dimensionless.
type Dim [numDims]int8

// maxExponent bounds dimension exponents so that int8 arithmetic cannot wrap.
const maxExponent = 24

func (d Dim) add(e Dim) (Dim, bool) {
	var r Dim
	for i := range d {
		s := int(d[i]) + int(e[i])
		if s > maxExponent || s < -maxExponent {
			return r, false
		}
		r[i] = int8(s)
	}
	return r, true
}

func (d Dim) neg() Dim {
	var r Dim
	for i := range d {
		r[i] = -d[i]
	}
	return r
}

// IsZero reports whether d is dimensionless.
func (d Dim) IsZero() bool { return d == Dim{} }

// String names a dimension the way a reader says it: "data/time", "1/time",
// "time^2", "money/data/time". The dimensionless vector is "number".
func (d Dim) String() string {
	var num, den []string
	for i, e := range d {
		name := dimNames[i]
		switch {
		case e == 1:
			num = append(num, name)
		case e > 1:
			num = append(num, fmt.Sprintf("%s^%d", name, e))
		case e == -1:
			den = append(den, name)
		case e < -1:
			den = append(den, fmt.Sprintf("%s^%d", name, -e))
		}
	}
	if len(num) == 0 && len(den) == 0 {
		return "number"
	}
	s := strings.Join(num, "×")
	if s == "" {
		s = "1"
	}
	for _, x := range den {
		s += "/" + x
	}
	return s
}

// hint records how the numbers that made a quantity were written, so that the
// result can be shown the way the user thinks of it: binary prefixes only when
// the input used them, bits per second only when the input was a bit rate.
type hint uint8

const (
	hintBinary      hint = 1 << iota // a binary prefix (KiB, MiB, …) was used
	hintDecimal                      // a decimal prefix (KB, MB, …) was used
	hintBits                         // a bit-based unit (bit, Mbps, …) was used
	hintProbability                  // a probability from P(…): shown as a percentage
	hintPercent                      // written as a percentage (99.9%): shown as one
)

// Quantity is a number with a dimension: V is expressed in base units
// (seconds, bits, dollars). A quantity with uncertainty (a range) also
// carries its Monte Carlo samples in S, in the same units; V is then the
// result of the same arithmetic on the ranges' medians, a representative
// that is never shown as the answer.
type Quantity struct {
	V    float64
	D    Dim
	S    []float64
	src  []*rangeInfo // the ranges the samples derive from, for sensitivity
	hint hint
}

// IsRange reports whether q carries samples.
func (q Quantity) IsRange() bool { return q.S != nil }

// at is the i-th sample, or the exact value of a scalar.
func (q Quantity) at(i int) float64 {
	if q.S == nil {
		return q.V
	}
	return q.S[i]
}

// zip combines a and b sample by sample (a scalar stands for every sample).
func zip(a, b Quantity, f func(x, y float64) float64) (float64, []float64, []*rangeInfo) {
	v := f(a.V, b.V)
	if a.S == nil && b.S == nil {
		return v, nil, nil
	}
	s := make([]float64, max(len(a.S), len(b.S)))
	for i := range s {
		s[i] = f(a.at(i), b.at(i))
	}
	return v, s, mergeSrc(a.src, b.src)
}

// mapQ applies f to every sample of q.
func mapQ(q Quantity, f func(float64) float64) Quantity {
	r := q
	r.V = f(q.V)
	if q.S != nil {
		r.S = make([]float64, len(q.S))
		for i, x := range q.S {
			r.S[i] = f(x)
		}
	}
	return r
}

// mergeSrc is the union of two lists of ranges, at most maxSources of
// them (then with an entry for the others). A range evaluated twice (in a
// function called twice) has the same identity, hence the same samples:
// it counts once.
func mergeSrc(a, b []*rangeInfo) []*rangeInfo {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	var out []*rangeInfo
	more := false
	for _, x := range b {
		if x.identity == "" {
			more = true
			continue
		}
		if hasSource(a, x) || hasSource(out, x) {
			continue
		}
		if out == nil {
			out = make([]*rangeInfo, 0, len(a)+len(b))
			for _, y := range a {
				if y.identity != "" {
					out = append(out, y)
				}
			}
		}
		if len(out) >= maxSources {
			more = true
			continue
		}
		out = append(out, x)
	}
	switch {
	case out == nil && (!more || hasSource(a, nil)):
		return a // nothing new
	case out == nil:
		out = append([]*rangeInfo{}, a...)
	}
	if more || hasSource(a, nil) {
		out = append(out, &rangeInfo{label: otherRanges})
	}
	return out
}

// hasSource reports whether list has range x, or (for a nil x) the entry
// for other ranges.
func hasSource(list []*rangeInfo, x *rangeInfo) bool {
	for _, y := range list {
		if x == nil {
			if y.identity == "" {
				return true
			}
			continue
		}
		if x == y || x.identity == y.identity {
			return true
		}
	}
	return false
}

// allFinite reports whether the value and every sample are finite.
func (q Quantity) allFinite() (bool, bool) {
	if !finite(q.V) && q.S == nil {
		return false, math.IsNaN(q.V)
	}
	for _, x := range q.S {
		if !finite(x) {
			return false, math.IsNaN(x)
		}
	}
	return true, false
}

// number makes a dimensionless quantity.
func number(v float64) Quantity { return Quantity{V: v} }

// sameDim reports whether a and b may be added, compared or converted.
func sameDim(a, b Quantity) bool { return a.D == b.D }

// finite reports whether v is a usable result (not ±Inf, not NaN).
func finite(v float64) bool { return !math.IsInf(v, 0) && !math.IsNaN(v) }

// Seconds makes a duration.
func Seconds(s float64) Quantity { return Quantity{V: s, D: Dim{dimTime: 1}} }

// IsTime reports whether q is a duration.
func (q Quantity) IsTime() bool { return q.D == Dim{dimTime: 1} }

// Dimension names q's dimension: "data/time", "number".
func (q Quantity) Dimension() string { return q.D.String() }

// Format shows q the way napkin shows results, to digits significant
// digits (0 for the default).
func Format(q Quantity, digits int) Display {
	return display(q, digitsOf(digits))
}

// FormatInline shows q in one unit, as the working does.
func FormatInline(q Quantity, digits int) string {
	return formatInline(q, digitsOf(digits))
}
