package estimate

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"weak"
)

// rangeDigits is how many significant digits a range shows unless more
// or fewer are asked for: its digits beyond the third are noise.
const rangeDigits = 3

// headline is a range's summary: median, 90% interval, mean.
type headline struct {
	p5, p50, p95, mean float64
	// meanError is the half-width of the 95% confidence interval of the
	// mean, relative to it: sampling a heavy tail (1 to 1M) leaves the
	// mean uncertain by tens of percent, and the display says so.
	meanError float64
}

// headlineCache remembers the headlines of recent sample vectors, keyed by
// a weak pointer to their first element: the cache never keeps a vector
// alive (each is 800 KB at the default sample count, 80 MB at the most),
// and a weak pointer never equals one made for a later vector.
var (
	headlineCache   map[weak.Pointer[float64]]headline // made on first use
	headlineCacheMu sync.Mutex
)

const headlineCacheSize = 32

// headlineOf reads a range's median, 90% interval and mean without sorting
// all its samples (quickselect), and remembers them: a variable's samples
// are shown again in every line that uses it.
func headlineOf(s []float64) headline {
	headlineCacheMu.Lock()
	key := weak.Make(&s[0])
	h, ok := headlineCache[key]
	headlineCacheMu.Unlock()
	if ok {
		return h
	}
	c := slices.Clone(s)
	i5, i50, i95 := headlineIndexes(len(c))
	quickselect(c, i50)
	quickselect(c[:i50], i5)
	quickselect(c[i50+1:], i95-i50-1)
	h = headline{p5: c[i5], p50: c[i50], p95: c[i95]}
	h.mean, h.meanError = meanWithError(s)
	rememberHeadline(s, h)
	return h
}

// headlineIndexes are the positions of the 5th, 50th and 95th percentiles
// among n sorted samples.
func headlineIndexes(n int) (i5, i50, i95 int) {
	return rankIndex(0.05, n), rankIndex(0.5, n), rankIndex(0.95, n)
}

// rankIndex is the position of the q-quantile among n sorted samples: the
// nearest rank, round(q·(n-1)). Every percentile napkin shows or prints
// (headline, Distribution, JSON) is read this way.
func rankIndex(q float64, n int) int {
	return int(math.Round(q * float64(n-1)))
}

// rememberHeadline caches the headline of s.
func rememberHeadline(s []float64, h headline) {
	key := weak.Make(&s[0])
	headlineCacheMu.Lock()
	if headlineCache == nil || len(headlineCache) >= headlineCacheSize {
		headlineCache = make(map[weak.Pointer[float64]]headline, headlineCacheSize)
	}
	headlineCache[key] = h
	headlineCacheMu.Unlock()
}

// quickselect reorders s so that s[k] is the k-th smallest, smaller
// values before it and larger after.
func quickselect(s []float64, k int) {
	lo, hi := 0, len(s)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		// Median of three as the pivot.
		if s[mid] < s[lo] {
			s[mid], s[lo] = s[lo], s[mid]
		}
		if s[hi] < s[lo] {
			s[hi], s[lo] = s[lo], s[hi]
		}
		if s[hi] < s[mid] {
			s[hi], s[mid] = s[mid], s[hi]
		}
		pivot := s[mid]
		i, j := lo, hi
		for i <= j {
			for s[i] < pivot {
				i++
			}
			for s[j] > pivot {
				j--
			}
			if i <= j {
				s[i], s[j] = s[j], s[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}

// rangeUnit picks the unit a range is shown in, from its median, and the
// factor from base units to it; overflow is the unit the median did not
// fit in (see inline).
func rangeUnit(q Quantity, median float64, digits int) (unit string, scale float64, overflow string) {
	d := inline(Quantity{V: median, D: q.D, hint: q.hint}, digits)
	if d.Value == 0 || median == 0 {
		return d.Unit, 1, d.overflow
	}
	return d.Unit, median / d.Value, d.overflow
}

// compact writes a number to digits significant digits with the suffixes
// napkin reads (1.29K, 12.3M) and no thousands separators, so that a range
// can be pasted back: 579 to 2.89K /s.
func compact(v float64, digits int) string {
	if v == 0 {
		return "0"
	}
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	// Round first, then choose the suffix: 999.97 to 3 digits is 1K.
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', digits, 64), 64)
	if r >= 1e15 || r < 1e-4 {
		s, _ := eNotation(v, digits)
		return sign + s
	}
	for _, sf := range []struct {
		scale  float64
		suffix string
	}{{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}} {
		if r >= sf.scale {
			return sign + strconv.FormatFloat(r/sf.scale, 'f', -1, 64) + sf.suffix
		}
	}
	return sign + strconv.FormatFloat(r, 'f', -1, 64)
}

// withCompactUnit joins a compact number and a unit as withUnit does.
func withCompactUnit(v float64, unit string, digits int) string {
	n := compact(noNegativeZero(v), digits)
	switch {
	case unit == "":
		return n
	case unit == "%":
		return n + "%"
	case moneyFirst(unit):
		if strings.HasPrefix(n, "-") {
			return "-$" + n[1:] + unit[1:]
		}
		return "$" + n + unit[1:]
	}
	return n + " " + unit
}

// compactPercent is compact for a percentage of a range between 99% and
// 100%: the digits are those of what it lacks of 100%, where
// availabilities differ: 99.9045% and 99.9855%, not 99.9% and 100%.
func compactPercent(v float64, digits int) string {
	if v < 99 || v >= 100 {
		return compact(v, digits)
	}
	decimals := min(max(lackDecimals(v, digits), 0), 15)
	text := strconv.FormatFloat(v, 'f', decimals, 64)
	if strings.Contains(text, ".") {
		text = strings.TrimRight(strings.TrimRight(text, "0"), ".")
	}
	return text
}

// intervalText is a 90% interval in the form napkin reads back:
// 579 to 2.89K /s, 1 to 4 KB, $579 to $2.89K/month.
func intervalText(lo, median, hi float64, unit string, digits int) string {
	switch {
	case lo <= 0 || normalShaped(lo, median, hi):
		// LO to HI is lognormal, for positive ends: an interval that
		// reaches 0 or below, or whose median a lognormal would put far
		// off, reads back as the normal with that interval.
		return "normal(" + withCompactUnit(lo, unit, digits) + ", " + withCompactUnit(hi, unit, digits) + ")"
	case moneyFirst(unit):
		return withCompactUnit(lo, "$", digits) + " to " + withCompactUnit(hi, unit, digits)
	case unit == "%":
		return withCompactUnit(lo, unit, digits) + " to " + withCompactUnit(hi, unit, digits)
	}
	lo, hi = noNegativeZero(lo), noNegativeZero(hi)
	if high, ok := plainHigh(lo, hi, digits); ok {
		if unit == "" {
			return compact(lo, digits) + " to " + high
		}
		return compact(lo, digits) + " to " + high + " " + unit
	}
	return compact(lo, digits) + " to " + withCompactUnit(hi, unit, digits)
}

// normalShaped reports whether a positive interval reads back better as
// a normal than as LO to HI, a lognormal whose median is √(LO·HI): the
// median of normal(0, 1)'s samples is 0.5, and its interval may be 3.7e-6
// to 1, whose lognormal median is 0.0019.
func normalShaped(lo, median, hi float64) bool {
	geo, mid := math.Sqrt(lo)*math.Sqrt(hi), lo/2+hi/2 // no overflow near 1e308
	return math.Abs(median/geo-1) > 0.1 && math.Abs(median-mid) < math.Abs(median-geo)
}

// plainHigh is the high end of an interval in plain digits when, with a
// scale suffix, it would give the bare low end the suffix too: 4 to 4K
// reads as 4K to 4K would (checkRangeSuffix), so napkin prints 4 to 4000.
func plainHigh(lo, hi float64, digits int) (string, bool) {
	l, h := compact(lo, digits), compact(hi, digits)
	if s, _ := suffixOf(l); s != "" || strings.ContainsAny(l, "eE") {
		return "", false
	}
	suffix, factor := suffixOf(h)
	lv, _ := strconv.ParseFloat(l, 64)
	hv, _ := strconv.ParseFloat(strings.TrimSuffix(h, suffix), 64)
	if _, twoWays := suffixReadsTwoWays(lv, hv*factor, h); !twoWays {
		return "", false
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(hi, 'g', digits, 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64), true
}

// rangeDisplay is the headline of a range: 1.29K /s [579 to 2.89K /s]
// mean 1.46K /s. Value and Unit are the median's.
func rangeDisplay(q Quantity, digits int) Display {
	h := headlineOf(q.S)
	unit, scale, overflow := rangeUnit(q, h.p50, digits)
	d := rangeIn(q, h, unit, scale, digits)
	if overflow != "" {
		d.overflow = overflow
	}
	return d
}

// rangeIn shows a range in unit, scale base units each. overflow is set
// when a value the range can report (its interval, its mean, any
// percentile of its Distribution) is too large for that unit.
func rangeIn(q Quantity, h headline, unit string, scale float64, digits int) Display {
	text := withCompactUnit(h.p50/scale, unit, digits) + " [" + intervalText(h.p5/scale, h.p50/scale, h.p95/scale, unit, digits) + "]  mean " + withCompactUnit(h.mean/scale, unit, digits) + meanErrorText(h.meanError)
	if unit == "%" && h.p5/scale >= 99 && h.p95/scale < 100 {
		// Availabilities: the digits of what each lacks of 100%.
		c := func(v float64) string { return compactPercent(v/scale, digits) + "%" }
		text = c(h.p50) + " [" + c(h.p5) + " to " + c(h.p95) + "]  mean " + c(h.mean) + meanErrorText(h.meanError)
	}
	d := Display{Text: text, Value: noNegativeZero(h.p50 / scale), Unit: unit, Approx: true}
	if !finite(maxAbs(q.S)/scale) || !finite(d.Value) {
		d.overflow = unit
	}
	return d
}

// maxAbs is the largest magnitude among samples.
func maxAbs(s []float64) float64 {
	m := 0.0
	for _, x := range s {
		m = max(m, math.Abs(x))
	}
	return m
}

// unsteadyMean is the relative error of the mean from which the display
// shows it: at 2% its third digit is noise.
const unsteadyMean = 0.02

// meanErrorText is what follows a mean whose sampling error is large:
// " (±40% from sampling)", or "".
func meanErrorText(relErr float64) string {
	if relErr <= unsteadyMean {
		return ""
	}
	pct := 100 * relErr // at most 196%: positive samples have sd ≤ √n × mean
	digits := 1
	if pct >= 10 {
		digits = 2
	}
	e := math.Pow(10, math.Floor(math.Log10(pct))-float64(digits-1))
	return " (±" + strconv.FormatFloat(math.Ceil(pct/e)*e, 'f', -1, 64) + "% from sampling)"
}

// meanWithError is the mean of s and the half-width of its 95%
// confidence interval relative to it (1.96 standard errors); 0 for samples
// that are not all positive.
func meanWithError(s []float64) (float64, float64) {
	m := mean(s)
	var ss float64
	for _, x := range s {
		if x <= 0 {
			return m, 0 // a mean near 0 has no relative error worth showing; heavy tails are of positive quantities
		}
		d := (x - m) / m // relative, so that squares cannot overflow near 1e308
		ss += d * d
	}
	n := float64(len(s))
	if n < 2 || ss == 0 {
		return m, 0
	}
	return m, 1.96 * math.Sqrt(ss/(n-1)/n)
}

// mean is the mean of finite samples, without overflow: 1e308 to 2e308
// has a mean, though the sum of its samples does not fit a float64.
func mean(s []float64) float64 {
	var sum float64
	for _, x := range s {
		sum += x
	}
	if n := float64(len(s)); finite(sum) {
		return sum / n
	}
	sum = 0
	for _, x := range s {
		sum += x / float64(len(s))
	}
	return sum
}

// rangeInline is a range inside the working: (579 to 2.89K /s).
func rangeInline(q Quantity, digits int) string {
	h := headlineOf(q.S)
	unit, scale, _ := rangeUnit(q, h.p50, digits)
	if h.p5 == h.p95 {
		return withCompactUnit(h.p50/scale, unit, digits)
	}
	return "(" + intervalText(h.p5/scale, h.p50/scale, h.p95/scale, unit, digits) + ")"
}

// probabilityDisplay shows P(…) as a percentage.
func probabilityDisplay(q Quantity, digits int) Display {
	text, approx := percentText(q.V, min(digits, 3))
	return Display{Text: text + "%", Value: q.V, Unit: "", Approx: approx}
}

// FormatCompact writes a number as ranges do: three significant digits,
// K/M/B/T suffixes, no thousands separators.
func FormatCompact(v float64) string { return compact(v, rangeDigits) }
