package estimate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// The round trip (language.md, "What napkin prints, napkin reads"): every
// value napkin displays, pasted back as a line, evaluates to the quantity
// it shows. These are properties over generated values, units and ranges.

// roundTripKinds are the dimensions and hints the generator draws from.
var roundTripKinds = []struct {
	name string
	d    Dim
	h    hint
}{
	{"number", Dim{}, 0},
	{"percent", Dim{}, hintPercent},
	{"time", dimTime1, 0},
	{"data", dimData, hintDecimal},
	{"binary data", dimData, hintBinary},
	{"data rate", dimDataRate, hintDecimal},
	{"bit rate", dimDataRate, hintBits},
	{"binary rate", dimDataRate, hintBinary},
	{"rate", dimRate, 0},
	{"money", dimMoney1, 0},
	{"money rate", dimMoneyT, 0},
	{"money per data", dimMoneyD, 0},
	{"money per data and time", dimMoneyDT, 0},
	{"data·time", Dim{dimInformation: 1, dimTime: 1}, 0},
	{"1/time²", Dim{dimTime: -2}, 0},
	// Powers of money show the number first: 5 $^2, not $5^2 ($25^2).
	{"money²", Dim{dimMoney: 2}, 0},
	{"money³", Dim{dimMoney: 3}, 0},
	{"money²/time", Dim{dimMoney: 2, dimTime: -1}, 0},
}

// randomValue draws a magnitude over the whole range napkin shows (1e-6
// to 1e20), often a round number or one near a display boundary.
func randomValue(r *rand.Rand) float64 {
	e := r.Float64()*26 - 6
	v := math.Pow(10, e)
	switch r.IntN(5) {
	case 0:
		v = math.Round(v) // whole numbers: 86,400
	case 1:
		v = float64(r.IntN(2_000_000)) // thousands separators and suffixes
	case 2:
		v = math.Pow(10, math.Round(e)) * (1 - 1e-7) // just below a boundary: 999,999.9
	}
	if r.IntN(6) == 0 {
		v = -v
	}
	return v
}

// relClose reports whether got is within the rounding of a display to
// digits significant digits.
func relClose(got, want float64, digits int) bool {
	if got == want {
		return true
	}
	return math.Abs(got-want) <= 0.51*math.Pow(10, float64(1-digits))*math.Max(math.Abs(got), math.Abs(want))
}

func pasteBack(t *testing.T, text string) *Result {
	t.Helper()
	s := NewSession(Options{})
	r, err := s.Eval(text)
	if err != nil {
		t.Fatalf("%q does not read back: %v", text, err)
	}
	if r == nil {
		t.Fatalf("%q reads back as nothing", text)
	}
	return r
}

func TestRoundTripResults(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 3))
	for i := 0; i < 4000; i++ {
		k := roundTripKinds[r.IntN(len(roundTripKinds))]
		digits := DefaultDigits
		if i%4 == 0 {
			digits = 2 + r.IntN(8)
		}
		q := Quantity{V: randomValue(r), D: k.d, hint: k.h}
		for _, text := range []string{display(q, digitsOf(digits)).Text, formatInline(q, digitsOf(digits))} {
			back := pasteBack(t, text)
			if back.Quantity.D != q.D {
				t.Fatalf("%s %v: %q reads back as %s, not %s", k.name, q.V, text, back.Quantity.D, q.D)
			}
			// Durations show at most three calendar parts (14 days 9 h
			// 52 min), so they are as precise as their last part.
			prec := digits
			if q.D == dimTime1 {
				prec = min(digits, 3)
			}
			if !relClose(back.Quantity.V, q.V, prec) {
				t.Fatalf("%s %v (%d digits): %q reads back as %v", k.name, q.V, digits, text, back.Quantity.V)
			}
		}
	}
}

// TestRoundTripConversions pastes back what -> shows: 1,073,741,824 bytes,
// 8 × 45 min, $10,000/month, 25%.
func TestRoundTripConversions(t *testing.T) {
	targets := []string{"bytes", "KiB", "MB", "GB/s", "Gbps", "min", "h", "day", "45 min", "8 h", "2 TB",
		"$", "$/month", "$/GB/month", "/s", "qps", "/day", "%", "ms", "µs", "years", "bits", "-1 GB", "-45 min", "$2"}
	sources := map[string]string{"bytes": "B", "KiB": "B", "MB": "B", "GB/s": "B/s", "Gbps": "B/s", "min": "s", "h": "s",
		"day": "s", "45 min": "s", "8 h": "s", "2 TB": "B", "$": "$", "$/month": "$/s", "$/GB/month": "$/B/s", "/s": "/s",
		"qps": "/s", "/day": "/s", "%": "", "ms": "s", "µs": "s", "years": "s", "bits": "B", "-1 GB": "B", "-45 min": "s", "$2": "$"}
	r := rand.New(rand.NewPCG(5, 8))
	checked := 0
	defer func() {
		if checked < 1500 {
			t.Errorf("only %d of 2000 conversions evaluated", checked)
		}
	}()
	for i := 0; i < 2000; i++ {
		tgt := targets[r.IntN(len(targets))]
		v := randomValue(r)
		src := fmt.Sprintf("%s %s -> %s", strings.ToUpper(strconvG(v)), sources[tgt], tgt)
		if sources[tgt] == "$" || strings.HasPrefix(sources[tgt], "$/") {
			src = fmt.Sprintf("%s %s -> %s", strconvG(v), sources[tgt], tgt)
		}
		s := NewSession(Options{})
		res, err := s.Eval(src)
		if err != nil {
			continue // out of range for the unit: not a display
		}
		checked++
		back := pasteBack(t, res.Text)
		if back.Quantity.D != res.Quantity.D || !relClose(back.Quantity.V, res.Quantity.V, DefaultDigits-1) {
			t.Fatalf("%s shows %q, which reads back as %v [%s], not %v [%s]", src, res.Text,
				back.Quantity.V, back.Quantity.D, res.Quantity.V, res.Quantity.D)
		}
	}
}

func strconvG(v float64) string { return fmt.Sprintf("%.17g", v) }

// TestRoundTripRanges pastes back a range's 90% interval as it is shown,
// and checks that it reads as the same interval.
func TestRoundTripRanges(t *testing.T) {
	units := []string{"", "/s", "GB", "KiB", "ms", "h", "$", "$/month", "Gbps", "%", "MB/s", "days"}
	r := rand.New(rand.NewPCG(9, 1))
	checked := 0
	defer func() {
		if checked < 250 {
			t.Errorf("only %d of 300 ranges evaluated", checked)
		}
	}()
	for i := 0; i < 300; i++ {
		u := units[r.IntN(len(units))]
		lo := math.Abs(randomValue(r)) + 1e-3
		hi := lo * (1.5 + 20*r.Float64())
		src := fmt.Sprintf("%s to %s %s", strconvG(lo), strconvG(hi), u)
		if u == "%" {
			src = fmt.Sprintf("%s%% to %s%%", strconvG(lo), strconvG(hi))
		}
		// Ranges that reach 0 or below show their interval as
		// normal(LO, HI), which reads back as the same interval.
		switch i % 3 {
		case 1:
			src = fmt.Sprintf("normal(%s, %s) * 1 %s", strconvG(-lo), strconvG(hi), u)
		case 2:
			src = fmt.Sprintf("uniform(%s, %s) * 1 %s", strconvG(-hi), strconvG(lo), u)
		}
		if i%3 != 0 && u == "%" {
			src = strings.Replace(src, "* 1 %", "* 1%", 1)
		}
		s := NewSession(Options{Samples: 2000})
		res, err := s.Eval(src)
		if err != nil {
			continue
		}
		checked++
		open := strings.Index(res.Text, "[")
		end := strings.Index(res.Text, "]")
		interval := res.Text[open+1 : end]
		back, err := NewSession(Options{Samples: 2000}).Eval(interval)
		if err != nil {
			t.Fatalf("%s shows %q, whose interval %q does not read back: %v", src, res.Text, interval, err)
		}
		h, hb := headlineOf(res.Quantity.S), headlineOf(back.Quantity.S)
		if back.Quantity.D != res.Quantity.D {
			t.Fatalf("%q reads back as %s, not %s", interval, back.Quantity.D, res.Quantity.D)
		}
		// The interval is shown to 3 digits; its draw has sampling noise.
		width := h.p95 - h.p5
		for _, pair := range [][2]float64{{h.p5, hb.p5}, {h.p95, hb.p95}} {
			if math.Abs(pair[0]-pair[1]) > 0.08*math.Max(math.Abs(pair[0]), width/4) {
				t.Fatalf("%s shows %q; pasted back, its interval is %v to %v, not %v to %v", src, interval, hb.p5, hb.p95, h.p5, h.p95)
			}
		}
	}
}
