package estimate

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// rangeDigits is how many significant digits a range shows: its digits
// beyond the third are noise.
const rangeDigits = 3

// headline is a range's summary: median, 90% interval, mean.
type headline struct {
	p5, p50, p95, mean float64
}

// headlineCache remembers the headlines of recent sample vectors, keyed by
// their first element's address. A key keeps its vector alive, so an
// address is never reused while it is cached; the cache is small because
// each vector is 800 KB at the default sample count.
var (
	headlineCache   map[*float64]headline // made on first use
	headlineCacheMu sync.Mutex
)

const headlineCacheSize = 32

// headlineOf reads a range's median, 90% interval and mean without sorting
// all its samples (quickselect), and remembers them: a variable's samples
// are shown again in every line that uses it.
func headlineOf(s []float64) headline {
	headlineCacheMu.Lock()
	h, ok := headlineCache[&s[0]]
	headlineCacheMu.Unlock()
	if ok {
		return h
	}
	c := slices.Clone(s)
	n := len(c)
	at := func(q float64) int { return int(math.Round(q * float64(n-1))) }
	i50 := at(0.5)
	quickselect(c, i50)
	i5, i95 := at(0.05), at(0.95)
	quickselect(c[:i50], i5)
	quickselect(c[i50+1:], i95-i50-1)
	var sum float64
	for _, x := range s {
		sum += x
	}
	h = headline{p5: c[i5], p50: c[i50], p95: c[i95], mean: sum / float64(n)}
	headlineCacheMu.Lock()
	if headlineCache == nil || len(headlineCache) >= headlineCacheSize {
		headlineCache = make(map[*float64]headline, headlineCacheSize)
	}
	headlineCache[&s[0]] = h
	headlineCacheMu.Unlock()
	return h
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
// factor from base units to it.
func rangeUnit(q Quantity, median float64) (unit string, scale float64) {
	d := inline(Quantity{V: median, D: q.D, hint: q.hint}, rangeDigits)
	if d.Value == 0 || median == 0 {
		return d.Unit, 1
	}
	return d.Unit, median / d.Value
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
func withCompactUnit(v float64, unit string) string {
	n := compact(v, rangeDigits)
	switch {
	case unit == "":
		return n
	case unit == "%":
		return n + "%"
	case strings.HasPrefix(unit, "$"):
		if strings.HasPrefix(n, "-") {
			return "-$" + n[1:] + unit[1:]
		}
		return "$" + n + unit[1:]
	}
	return n + " " + unit
}

// intervalText is a 90% interval in the form napkin reads back:
// 579 to 2.89K /s, 1 to 4 KB, $579 to $2.89K/month.
func intervalText(lo, hi float64, unit string) string {
	switch {
	case strings.HasPrefix(unit, "$"):
		return withCompactUnit(lo, "$") + " to " + withCompactUnit(hi, unit)
	case unit == "%":
		return withCompactUnit(lo, unit) + " to " + withCompactUnit(hi, unit)
	}
	return compact(lo, rangeDigits) + " to " + withCompactUnit(hi, unit)
}

// rangeDisplay is the headline of a range: 1.29K /s [579 to 2.89K /s]
// mean 1.46K /s. Value and Unit are the median's.
func rangeDisplay(q Quantity) Display {
	h := headlineOf(q.S)
	unit, scale := rangeUnit(q, h.p50)
	text := withCompactUnit(h.p50/scale, unit) + " [" + intervalText(h.p5/scale, h.p95/scale, unit) + "]  mean " + withCompactUnit(h.mean/scale, unit)
	return Display{Text: text, Value: h.p50 / scale, Unit: unit, Approx: true}
}

// rangeInline is a range inside the working: (579 to 2.89K /s).
func rangeInline(q Quantity) string {
	h := headlineOf(q.S)
	unit, scale := rangeUnit(q, h.p50)
	if h.p5 == h.p95 {
		return withCompactUnit(h.p50/scale, unit)
	}
	return "(" + intervalText(h.p5/scale, h.p95/scale, unit) + ")"
}

// probabilityDisplay shows P(…) as a percentage.
func probabilityDisplay(q Quantity, digits int) Display {
	text, approx := numberText(q.V*100, min(digits, 3), false)
	return Display{Text: text + "%", Value: q.V, Unit: "", Approx: approx}
}

// FormatCompact writes a number as ranges do: three significant digits,
// K/M/B/T suffixes, no thousands separators.
func FormatCompact(v float64) string { return compact(v, rangeDigits) }
