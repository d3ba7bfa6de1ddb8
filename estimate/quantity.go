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
	hintBinary  hint = 1 << iota // a binary prefix (KiB, MiB, …) was used
	hintDecimal                  // a decimal prefix (KB, MB, …) was used
	hintBits                     // a bit-based unit (bit, Mbps, …) was used
)

// Quantity is a number with a dimension: V is expressed in base units
// (seconds, bits, dollars).
type Quantity struct {
	V    float64
	D    Dim
	hint hint
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
	if digits <= 0 {
		digits = DefaultDigits
	}
	return display(q, digits)
}

// FormatInline shows q in one unit, as the working does.
func FormatInline(q Quantity, digits int) string {
	if digits <= 0 {
		digits = DefaultDigits
	}
	return formatInline(q, digits)
}
