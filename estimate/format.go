package estimate

import (
	"math"
	"strconv"
	"strings"
)

// Display is a quantity as napkin shows it: Text for people, and the same
// value as a number in a unit for programs (Value is expressed in Unit; Unit
// is "" for a plain number).
type Display struct {
	Text   string
	Value  float64
	Unit   string
	Approx bool // Text is rounded: the working shows ≈ instead of =
	// overflow is the unit the value was too large to show in (and is
	// shown in base units instead), "" when it fit.
	overflow string
}

// DefaultDigits is how many significant digits results show.
const DefaultDigits = 5

// numberText formats a plain number to digits significant digits. With
// scale set, numbers of a million and more take the suffixes napkin reads
// back (50M, 1.2B, 3T) and whole numbers below a million are exact
// (86,400); without it (a conversion to a unit the user chose) whole
// numbers are exact up to 10^15 (1,073,741,824 bytes). Very large and very
// small numbers use e notation (1.2e18, 3e-7). approx reports rounding.
// percentText is v as a percentage, without the %, to digits significant
// digits; or more, when those would round a value that is not 100% to
// 100: parallel(99.9%, 99.99%) is 99.99999%, and its downtime is not 0.
func percentText(v float64, digits int) (string, bool) {
	if p := v * 100; p >= 99 && p < 100 {
		// An availability: at least three digits of what it lacks of
		// 100% (99.99995%, not 99.9999%, which has twice the downtime).
		digits = max(digits, 2+lackDecimals(p, 3))
	}
	text, approx := numberText(v*100, digits, false)
	for text == "100" && approx && digits < 17 {
		digits++
		text, approx = numberText(v*100, digits, false)
	}
	return text, approx
}

// lackDecimals is how many decimals a percentage p below 100 needs to
// show digits significant digits of what it lacks of 100%: 3 for 99.9%
// at 1 digit, 6 for 99.99945% at 3.
func lackDecimals(p float64, digits int) int {
	return digits - 1 - int(math.Floor(math.Log10(100-p)))
}

func numberText(v float64, digits int, scale bool) (string, bool) {
	if v == 0 {
		return "0", false
	}
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	var s string
	approx := false
	switch {
	case v >= 1e15 || v < 1e-4:
		s, approx = eNotation(v, digits)
	case scale && v >= 1e6:
		s, approx = scaled(v, digits)
	case v == math.Trunc(v):
		s = comma(int64(v))
	default:
		s, approx = sigDigits(v, digits)
		if r, _ := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64); scale && r >= 1e6 {
			s, _ = scaled(r, digits) // 999,999.9 rounds up to 1M
			approx = true
		}
	}
	return sign + s, approx
}

var suffixes = []struct {
	scale  float64
	suffix string
}{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}}

func scaled(v float64, digits int) (string, bool) {
	for i, sf := range suffixes {
		if v < sf.scale {
			continue
		}
		m := v / sf.scale
		s, approx := sigDigits(m, digits)
		if r, _ := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64); r >= 1000 {
			if i == 0 {
				return eNotation(v, digits) // 999.9999T rounds to 1e15, as 1e15 shows
			}
			// 999.999M rounds to 1000M: say 1B.
			return scaled(suffixes[i-1].scale, digits)
		}
		return s + sf.suffix, approx
	}
	return sigDigits(v, digits)
}

// sigDigits rounds v (> 0) to digits significant digits, groups thousands
// and drops trailing zeros.
func sigDigits(v float64, digits int) (string, bool) {
	decimals := digits - 1 - int(math.Floor(math.Log10(v)))
	rounded := v
	if decimals < 0 {
		// Fewer digits than the integer part has: 578.7 to 2 digits is 580.
		p := math.Pow(10, float64(-decimals))
		rounded, decimals = math.Round(v/p)*p, 0
	}
	s := strconv.FormatFloat(rounded, 'f', decimals, 64)
	r, _ := strconv.ParseFloat(s, 64)
	approx := !closeEnough(r, v)
	intPart, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	n, err := strconv.ParseInt(intPart, 10, 64)
	if err == nil {
		intPart = comma(n)
	}
	if frac != "" {
		return intPart + "." + frac, approx
	}
	return intPart, approx
}

func eNotation(v float64, digits int) (string, bool) {
	s := strconv.FormatFloat(v, 'e', digits-1, 64)
	r, _ := strconv.ParseFloat(s, 64)
	mant, exp, ok := strings.Cut(s, "e")
	if !ok {
		return s, false // not a finite number: never shown as a result
	}
	if strings.Contains(mant, ".") {
		mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
	}
	sign := ""
	if exp[0] == '-' {
		sign = "-"
	}
	exp = strings.TrimLeft(exp[1:], "0")
	return mant + "e" + sign + exp, !closeEnough(r, v)
}

func closeEnough(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b))
}

// Seconds in the calendar units napkin shows durations in. They agree with
// units.napkin (a test checks it).
const (
	secMinute = 60
	secHour   = 3600
	secDay    = 86400
	secYear   = 365 * secDay
	secMonth  = secYear / 12
)

// prefixes for scaling data sizes, smallest first.
var (
	decimalBytes = []string{"B", "KB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"}
	binaryBytes  = []string{"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"}
	bitRates     = []string{"bps", "Kbps", "Mbps", "Gbps", "Tbps"}
)

// pickPrefix scales v by powers of base until it is below base, and returns
// the scaled value with the unit from names.
func pickPrefix(v, base float64, names []string) (float64, string) {
	i := 0
	for math.Abs(v) >= base && i < len(names)-1 {
		v /= base
		i++
	}
	return v, names[i]
}

var (
	dimData     = Dim{dimInformation: 1}
	dimTime1    = Dim{dimTime: 1}
	dimRate     = Dim{dimTime: -1}
	dimDataRate = Dim{dimInformation: 1, dimTime: -1}
	dimMoney1   = Dim{dimMoney: 1}
	dimMoneyT   = Dim{dimMoney: 1, dimTime: -1}
	dimMoneyD   = Dim{dimMoney: 1, dimInformation: -1}
	dimMoneyDT  = Dim{dimMoney: 1, dimInformation: -1, dimTime: -1}
)

// display picks the unit a person would want for q. Data sizes take the
// best prefix (binary only when the input was binary), bit rates stay in
// bits per second, durations read as 2 h 46 min 40 s, rates are per second
// (per day below 0.01 per second), and money is in dollars (per month for
// a money rate).
func display(q Quantity, pr precision) Display {
	switch {
	case q.S != nil:
		return rangeDisplay(q, pr.ranges)
	case q.hint&hintProbability != 0 && q.D.IsZero():
		return probabilityDisplay(q, pr.exact)
	}
	if q.D == dimTime1 {
		return duration(q.V, pr.exact)
	}
	return inline(q, pr.exact)
}

// precision is how many significant digits values show: exact ones, and
// ranges (whose digits beyond the third are noise unless asked for).
type precision struct{ exact, ranges int }

// digitsOf is the precision for a number of digits asked for (0 for the
// defaults).
func digitsOf(digits int) precision {
	if digits <= 0 {
		return precision{DefaultDigits, rangeDigits}
	}
	return precision{digits, digits}
}

// formatInline shows q in one unit, for the working and for messages.
func formatInline(q Quantity, pr precision) string {
	if q.S != nil {
		return rangeInline(q, pr.ranges)
	}
	return inline(q, pr.exact).Text
}

// inline shows q in the unit a person would want; when the value in that
// unit is beyond float64 (1e308 $/s in $/month), in base units instead,
// with overflow naming the unit it did not fit.
func inline(q Quantity, digits int) Display {
	d := preferredUnit(q, digits)
	if finite(d.Value) {
		return d
	}
	fb := fallback(q, digits)
	if !finite(fb.Value) {
		fb = withUnit(q.V, baseUnits(q.D), digits)
	}
	fb.overflow = d.Unit
	return fb
}

// baseUnits names a dimension in napkin's base units: $/bit/s.
func baseUnits(d Dim) string {
	var num, den []string
	for _, i := range []int{dimMoney, dimInformation, dimTime} {
		sym := [numDims]string{"s", "bit", "$"}[i]
		part := sym
		if e := abs(int(d[i])); e > 1 {
			part += "^" + strconv.Itoa(e)
		}
		switch {
		case d[i] > 0:
			num = append(num, part)
		case d[i] < 0:
			den = append(den, part)
		}
	}
	unit := strings.Join(num, "·")
	for _, x := range den {
		unit += "/" + x
	}
	return unit
}

func preferredUnit(q Quantity, digits int) Display {
	v := q.V
	switch q.D {
	case Dim{}:
		if q.hint&hintPercent != 0 {
			// 99.85%, never with a scale suffix (1,000T%).
			text, approx := percentText(v, digits)
			return Display{Text: text + "%", Value: v * 100, Unit: "%", Approx: approx}
		}
		return withUnit(v, "", digits)
	case dimTime1:
		switch a := math.Abs(v); {
		case a == 0 || a >= 1:
			return withUnit(v, "s", digits)
		case a >= 1e-3:
			return withUnit(v*1e3, "ms", digits)
		case a >= 1e-6:
			return withUnit(v*1e6, "µs", digits)
		}
		return withUnit(v*1e9, "ns", digits)
	case dimData:
		b, u := bytePrefix(v/8, q.hint)
		return withUnit(b, u, digits)
	case dimDataRate:
		if q.hint&hintBits != 0 {
			s, u := pickPrefix(v, 1000, bitRates)
			return withUnit(s, u, digits)
		}
		s, u := bytePrefix(v/8, q.hint)
		return withUnit(s, u+"/s", digits)
	case dimRate:
		// Per second, except rates too slow to read that way:
		// 2 /day rather than 2.3148e-5 /s.
		if a := math.Abs(v); a != 0 && a < 0.01 {
			return withUnit(v*secDay, "/day", digits)
		}
		return withUnit(v, "/s", digits)
	case dimMoney1:
		return withUnit(v, "$", digits)
	case dimMoneyT:
		return withUnit(v*secMonth, "$/month", digits)
	case dimMoneyD:
		return withUnit(v*8e9, "$/GB", digits)
	case dimMoneyDT:
		return withUnit(v*8e9*secMonth, "$/GB/month", digits)
	}
	return fallback(q, digits)
}

func bytePrefix(b float64, h hint) (float64, string) {
	if h&hintBinary != 0 && h&hintDecimal == 0 {
		return pickPrefix(b, 1024, binaryBytes)
	}
	return pickPrefix(b, 1000, decimalBytes)
}

// moneyFirst reports whether unit is money, or money per something, which
// shows with the dollar sign first ($5, $5/month); a power of money does
// not (5 $^2: $5^2 would read back as $25^2).
func moneyFirst(unit string) bool {
	return unit == "$" || strings.HasPrefix(unit, "$/")
}

// withUnit joins a number and a unit: "578.7 /s", "1.0995 TB", "$1.2M".
func withUnit(v float64, unit string, digits int) Display {
	v = noNegativeZero(v)
	text, approx := numberText(v, digits, true)
	d := Display{Value: v, Unit: unit, Approx: approx}
	switch {
	case unit == "":
		d.Text = text
	case unit == "%":
		d.Text = text + "%"
	case moneyFirst(unit):
		if strings.HasPrefix(text, "-") {
			d.Text = "-$" + text[1:] + unit[1:]
		} else {
			d.Text = "$" + text + unit[1:]
		}
	default:
		d.Text = text + " " + unit
	}
	return d
}

// fallback writes a quantity of an unusual dimension in base units, in a
// form napkin reads back: 3 B·s, 2 /s^2.
func fallback(q Quantity, digits int) Display {
	v := q.V
	var num, den []string
	for _, i := range []int{dimMoney, dimInformation, dimTime} {
		e := q.D[i]
		if e == 0 {
			continue
		}
		sym := [numDims]string{"s", "B", "$"}[i]
		if i == dimInformation {
			v /= math.Pow(8, float64(e))
			if e == 1 {
				v, sym = bytePrefix(v, q.hint) // 1 GB·s, not 1B B·s
			}
		}
		part := sym
		if abs(int(e)) != 1 {
			part += "^" + strconv.Itoa(abs(int(e)))
		}
		if e > 0 {
			num = append(num, part)
		} else {
			den = append(den, part)
		}
	}
	unit := strings.Join(num, "·")
	for _, d := range den {
		unit += "/" + d
	}
	return withUnit(v, unit, digits)
}

var calendar = []struct {
	name    string
	seconds int64
	plural  bool
}{{"year", secYear, true}, {"day", secDay, true}, {"h", secHour, false}, {"min", secMinute, false}, {"s", 1, false}}

// duration shows a time as people say it: under a minute in one unit
// (1.5 s, 500 ms), then up to three calendar parts (2 h 46 min 40 s,
// 1 year 182 days 12 h), and past a century in years.
func duration(v float64, digits int) Display {
	a := math.Abs(v)
	if a < secMinute || a >= 100*secYear {
		if a >= 100*secYear {
			d := withUnit(v/secYear, "years", digits)
			d.Value, d.Unit = v, "s"
			return d
		}
		return inline(Quantity{V: v, D: dimTime1}, digits)
	}
	first := 0
	for float64(calendar[first].seconds) > a {
		first++
	}
	last := min(first+2, len(calendar)-1)
	// Count in the last part's unit, so that the parts are whole and add
	// up exactly. When the last part is seconds, the fraction of a second
	// is the decimal digits of the value itself (milliseconds, or more
	// when --digits asks): 61.123456789 s is 1 min 1.123456789 s.
	base := float64(calendar[last].seconds)
	count := int64(math.Round(a / base))
	approx := !closeEnough(float64(count)*base, a)
	frac := ""
	if last == len(calendar)-1 {
		decimals := max(3, digits-1-int(math.Floor(math.Log10(a))))
		text := strconv.FormatFloat(a, 'f', -1, 64)
		if _, f, _ := strings.Cut(text, "."); len(f) > decimals {
			text = strconv.FormatFloat(a, 'f', decimals, 64)
		}
		whole, f, _ := strings.Cut(text, ".")
		frac = strings.TrimRight(f, "0")
		count, _ = strconv.ParseInt(whole, 10, 64)
		r, _ := strconv.ParseFloat(text, 64)
		approx = !closeEnough(r, a)
	}
	var parts []string
	for _, c := range calendar[first : last+1] {
		size := int64(math.Round(float64(c.seconds) / base))
		n := count / size
		count -= n * size
		if c.name == "s" {
			if n != 0 || frac != "" {
				s := strconv.FormatInt(n, 10)
				if frac != "" {
					s += "." + frac
				}
				parts = append(parts, s+" s")
			}
			continue
		}
		if n == 0 {
			continue
		}
		name := c.name
		if c.plural && n != 1 {
			name += "s"
		}
		parts = append(parts, comma(n)+" "+name)
	}
	text := strings.Join(parts, " ")
	if v < 0 {
		text = "-" + text
	}
	return Display{Text: text, Value: v, Unit: "s", Approx: approx}
}

// noNegativeZero turns -0 into 0: a result is never shown, nor reported in
// JSON, as -0.
func noNegativeZero(v float64) float64 {
	if v == 0 {
		return 0
	}
	return v
}
