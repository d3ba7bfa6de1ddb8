package estimate

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Which words after a number are units, never labels. A label is an
// ordinary count noun (300M users); a word that is a unit in another
// calculator (fortnight, km, kilohertz), a known prefix glued to a known
// unit (ks, Mibit), letters glued to the number (2ehello) and words of
// fewer than three letters are errors instead, so that no unit is ever
// silently dropped.

// siPrefixes are the prefix symbols of SI and IEC, glued to a unit symbol
// (ks, MHz, Gibit); namePrefixes are their names, glued to a unit's name
// (kilohertz, mebibyte).
var (
	siPrefixes = []struct {
		sym    string
		factor float64
	}{
		{"da", 1e1}, {"Ki", 1 << 10}, {"Mi", 1 << 20}, {"Gi", 1 << 30}, {"Ti", 1 << 40}, {"Pi", 1 << 50},
		{"Ei", 1 << 60}, {"Zi", 1 << 70}, {"Yi", 1 << 80},
		{"q", 1e-30}, {"r", 1e-27}, {"y", 1e-24}, {"z", 1e-21}, {"a", 1e-18}, {"f", 1e-15}, {"p", 1e-12},
		{"n", 1e-9}, {"u", 1e-6}, {"µ", 1e-6}, {"μ", 1e-6}, {"m", 1e-3}, {"c", 1e-2}, {"d", 1e-1},
		{"h", 1e2}, {"k", 1e3}, {"K", 1e3}, {"M", 1e6}, {"G", 1e9}, {"T", 1e12}, {"P", 1e15}, {"E", 1e18},
		{"Z", 1e21}, {"Y", 1e24}, {"R", 1e27}, {"Q", 1e30},
	}
	namePrefixes = []struct {
		name   string
		factor float64
	}{
		{"quecto", 1e-30}, {"ronto", 1e-27}, {"yocto", 1e-24}, {"zepto", 1e-21}, {"atto", 1e-18},
		{"femto", 1e-15}, {"pico", 1e-12}, {"nano", 1e-9}, {"micro", 1e-6}, {"milli", 1e-3},
		{"centi", 1e-2}, {"deci", 1e-1}, {"deca", 1e1}, {"deka", 1e1}, {"hecto", 1e2}, {"kilo", 1e3},
		{"mega", 1e6}, {"giga", 1e9}, {"tera", 1e12}, {"peta", 1e15}, {"exa", 1e18}, {"zetta", 1e21},
		{"yotta", 1e24}, {"ronna", 1e27}, {"quetta", 1e30},
		{"kibi", 1 << 10}, {"mebi", 1 << 20}, {"gibi", 1 << 30}, {"tebi", 1 << 40}, {"pebi", 1 << 50},
		{"exbi", 1 << 60}, {"zebi", 1 << 70}, {"yobi", 1 << 80},
	}
)

// byteWords names the decimal prefixes a data unit may carry, for the
// bit/byte messages: K is kilo, M mega, …
func byteWord(p byte) (string, bool) {
	i := strings.IndexByte("KMGTPEZY", p)
	if i < 0 {
		return "", false
	}
	return [...]string{"kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"}[i], true
}

// bitByteHint is the message for a data unit that does not say bits or
// bytes (Tb, kb, mbit) or says it two ways (MBps): napkin names the units
// it means instead of guessing one, which would be 8 times off.
func bitByteHint(name string) (hint string, dropSuggestion bool) {
	if len(name) < 2 {
		return "", false
	}
	p := name[0]
	if p >= 'a' && p <= 'z' {
		p -= 'a' - 'A'
	}
	word, ok := byteWord(p)
	if !ok {
		return "", false
	}
	P := string(p)
	rest := name[1:]
	all := fmt.Sprintf("%sB is %sbytes, %sbit %sbits, %sbps %sbits per second", P, word, P, word, P, word)
	switch {
	case rest == "b" || rest == "B" && name[0] != p:
		return all, false
	case strings.EqualFold(rest, "bps") && name[0] != p, rest == "Bps" || rest == "BPS":
		return fmt.Sprintf("write %sB/s for %sbytes per second, or %sbps for %sbits per second", P, word, P, word), true
	case (strings.EqualFold(rest, "bit") || strings.EqualFold(rest, "bits") || strings.EqualFold(rest, "byte") || strings.EqualFold(rest, "bytes")) && name[0] != p && name[0] != 'k':
		return all, false
	}
	return "", false
}

// notALabel decides whether a word after a number (or glued to one) must
// be an error rather than a label, and returns that error. head is the
// number before it (NaN when unknown), for hints such as write 42 days.
func (p *plan) notALabel(n *ident, head float64) *Error {
	name := n.name
	if bb, _ := bitByteHint(name); bb != "" || confusion(strings.ToLower(name)) != "" {
		return nil // a curated message says it better (m, k, mb, Tb)
	}
	for _, cand := range withoutPlural(strings.ToLower(name)) {
		for _, pr := range namePrefixes {
			if cand == pr.name {
				return p.errorf(n, fmt.Sprintf("glue it to a unit (%ssecond, %sbyte), or use a scale: 10M, 10 million", pr.name, pr.name),
					"%q is a prefix, not a unit", name)
			}
		}
	}
	if f, factor, ok := p.foreignUnit(name); ok {
		return p.errorf(n, p.foreignHint(f, name, factor, head), "%q is a unit napkin does not know", name)
	}
	if strings.Contains(name, "_") {
		// Numbat writes units with underscores: julian_year, kilowatt_hour,
		// bytes_per_second.
		if f, factor, ok := p.foreignUnit(strings.ReplaceAll(name, "_", "")); ok {
			return p.errorf(n, p.foreignHint(f, name, factor, head), "%q is a unit napkin does not know", name)
		}
		for _, part := range strings.Split(name, "_") {
			if f, _, ok := p.foreignUnit(part); ok && len(part) >= 3 {
				about := name // to count things called kilowatt_hour, quote it
				if f.equiv != "" {
					about = part // write 14 days for each fortnight
				}
				return p.errorf(n, p.foreignHint(f, about, 1, math.NaN()), "%q is a unit napkin does not know", name)
			}
		}
		for _, part := range strings.Split(name, "_") {
			if _, ok := p.scope.s.unit(part); ok && len(part) >= 3 && !isScaleWord(part) {
				return p.errorf(n, fmt.Sprintf("write it with napkin's units and operators (GB/s, $/month, 1 h); to count things called %s, quote it: \"%s\"", name, name),
					"%q is a unit napkin does not know", name)
			}
		}
	}
	if u, factor, ok := p.prefixedUnit(name); ok {
		return p.errorf(n, writeFor(name, head, factor, u), "%q is a unit napkin does not know", name)
	}
	if u, factor, ok := p.prefixedRate(name); ok {
		return p.errorf(n, writeFor(name, head, factor, u), "%q is a unit napkin does not know", name)
	}
	if pr, base, ok := p.stackedPrefix(name); ok {
		num := "5"
		if !math.IsNaN(head) {
			num = strconv.FormatFloat(head, 'g', -1, 64)
		}
		return p.errorf(n, fmt.Sprintf("prefixes do not stack (%s glued to %s); write one unit with one prefix, or a count per second as /s (%s%s /s); to count things called %s, quote it: \"%s\"", pr, base, num, pr, name, name),
			"%q is a unit napkin does not know", name)
	}
	// A misspelt data unit (Tibibyte, gigabites, Mbyts) is never a label:
	// guessing bits or bytes, or the prefix, would be 8 or 1,024 times off.
	if _, f := prefixOf(name); utf8.RuneCountInString(name) >= 3 && (strings.Contains(strings.ToLower(name), "byte") || f != 0 && dataKind(name) != "") {
		if near := suggestUnit(name, p.scope.s.base.sortedNames()); near != "" {
			if kept, _ := p.dataAdvice(name, near); kept != "" {
				return nil // a typo with a safe suggestion: unknown() offers it
			}
		}
		return p.errorf(n, dataMessage(name), "unknown unit %q", name)
	}
	return nil
}

// foreignUnit finds name among units.napkin's foreign units, directly, in
// the plural, or with a prefix (kilometre, km): the unit and the prefix's
// factor.
func (p *plan) foreignUnit(name string) (*foreignUnit, float64, bool) {
	fs, _ := p.scope.s.base.foreignUnits()
	for _, cand := range withoutPlural(name) {
		if f, ok := fs[cand]; ok {
			return f, 1, true
		}
	}
	var found *foreignUnit
	factor := 0.0
	eachPrefixed(name, func(base string, fac float64) bool {
		for _, cand := range withoutPlural(base) {
			if f, ok := fs[cand]; ok && utf8.RuneCountInString(cand) >= 1 && !p.isPrefixed(cand) {
				found, factor = f, fac
				return true
			}
		}
		return false
	})
	return found, factor, found != nil
}

// prefixedUnit finds a known prefix glued to one of napkin's units that is
// not itself a unit (ks, Ms, kilosecond): the unit's name and the factor.
func (p *plan) prefixedUnit(name string) (string, float64, bool) {
	unit, factor := "", 0.0
	eachPrefixed(name, func(base string, fac float64) bool {
		for _, cand := range withoutPlural(base) {
			if u, ok := p.scope.s.unit(cand); ok && u.Names[0] != "thousand" && !isScaleWord(cand) && !p.isPrefixed(cand) &&
				!(fac == 1e-18 && rateAbbrev(cand)) {
				unit, factor = cand, fac
				return true
			}
		}
		return false
	})
	return unit, factor, unit != ""
}

// prefixedRate finds a prefix glued to a rate's abbreviation in capitals
// (kQPS, MRPS): never a count of kQPS, which would drop the factor.
func (p *plan) prefixedRate(name string) (string, float64, bool) {
	unit, factor := "", 0.0
	eachPrefixed(name, func(base string, fac float64) bool {
		lower := strings.ToLower(base)
		u, ok := p.scope.s.unit(lower)
		if !ok || !rateAbbrev(lower) || fac < 1e3 {
			return false
		}
		if q, err := u.value(); err != nil || q.D != (Dim{dimTime: -1}) {
			return false // Bps and bps are data rates: bitByteHint's
		}
		unit, factor = lower, fac
		return true
	})
	return unit, factor, unit != ""
}

// isPrefixed reports whether name is itself a prefix glued to a unit (ps
// is 1e-12 s, ms, km): prefixes never stack, so cps is not 0.01 ps. A unit
// that only starts like one (pps, packets per second) is not.
func (p *plan) isPrefixed(name string) bool {
	found := false
	u, napkinUnit := p.scope.s.unit(name)
	eachPrefixed(name, func(base string, factor float64) bool {
		for _, cand := range withoutPlural(base) {
			if napkinUnit {
				b, ok := p.scope.s.unit(cand)
				if !ok || isScaleWord(cand) {
					continue
				}
				uq, err1 := u.value()
				bq, err2 := b.value()
				found = err1 == nil && err2 == nil && uq.D == bq.D && closeEnough(uq.V, factor*bq.V)
			} else if _, ok := p.scope.s.base.foreign[cand]; ok {
				found = true
			}
			if found {
				return true
			}
		}
		return false
	})
	return found
}

// stackedPrefix finds a prefix glued to a unit that already has one (Gps,
// Mms): never a label, and never read as two prefixes.
func (p *plan) stackedPrefix(name string) (prefix, base string, found bool) {
	eachPrefixed(name, func(rest string, _ float64) bool {
		for _, cand := range withoutPlural(rest) {
			if _, ok := p.scope.s.unit(cand); ok && p.isPrefixed(cand) {
				prefix, base, found = strings.TrimSuffix(name, rest), cand, true
				return true
			}
		}
		return false
	})
	return prefix, base, found
}

// rateAbbrev reports whether name is a count per second written as an
// abbreviation (qps, rps, tps, pps): it takes a prefix (Mpps), but not atto
// (apps is a count noun, not atto-pps).
func rateAbbrev(name string) bool {
	return len(name) == 3 && strings.HasSuffix(name, "ps")
}

func isScaleWord(name string) bool {
	switch name {
	case "thousand", "million", "billion", "trillion", "quadrillion", "quintillion", "sextillion", "septillion",
		"octillion", "nonillion", "decillion", "milliard", "googol", "basispoint", "percent", "dozen", "pi", "π", "tau":
		return true
	}
	return false
}

// eachPrefixed calls f with what remains of name after each prefix it
// starts with (symbols before symbols, names before names), until f
// returns true.
func eachPrefixed(name string, f func(base string, factor float64) bool) {
	for _, pr := range siPrefixes {
		if rest, ok := strings.CutPrefix(name, pr.sym); ok && rest != "" && len(rest) <= 5 && f(rest, pr.factor) {
			return
		}
	}
	lower := strings.ToLower(name)
	for _, pr := range namePrefixes {
		if rest, ok := strings.CutPrefix(lower, pr.name); ok && len(rest) >= 3 && f(rest, pr.factor) {
			return
		}
	}
}

// withoutPlural is name and its singular forms: hours → hour, inches → inch.
func withoutPlural(name string) []string {
	out := []string{name}
	if s, ok := strings.CutSuffix(name, "s"); ok && s != "" {
		out = append(out, s)
		if e, ok := strings.CutSuffix(s, "e"); ok && e != "" &&
			(strings.HasSuffix(e, "ch") || strings.HasSuffix(e, "sh") || strings.HasSuffix(e, "x") || strings.HasSuffix(e, "s")) {
			out = append(out, e)
		}
	}
	return out
}

// dataAdvice keeps a suggestion from pointing 8 or 1,024 times away: when
// near is a data unit and name says bits where near says bytes (or does not
// say which: Gbs, gigabites), or carries another prefix (Tibibyte →
// gibibyte), the suggestion is dropped and the advice names the units
// instead. It also returns the curated bit/byte message for name.
func (p *plan) dataAdvice(name, near string) (string, string) {
	advice, drop := bitByteHint(name)
	if drop {
		near = ""
	}
	if near == "" {
		return near, advice
	}
	u, ok := p.scope.s.unit(near)
	if !ok {
		return near, advice
	}
	q := u.mustValue()
	if q.D[dimInformation] == 0 {
		return near, advice
	}
	nearKind := "bytes"
	if q.hint&hintBits != 0 || strings.Contains(strings.ToLower(near), "bit") {
		nearKind = "bits"
	}
	kind := dataKind(name)
	_, pn := prefixOf(name)
	_, pk := prefixOf(near)
	if (kind != "" && kind != nearKind) || (pn != 0 && pk != 0 && pn != pk) {
		near = ""
		if advice == "" {
			advice = dataMessage(name)
		}
	}
	return near, advice
}

// dataKind says whether a data word means bits, bytes, or "?" when it
// could be either (Gbs, gigabites); "" when it names neither.
func dataKind(name string) string {
	lower := strings.ToLower(name)
	switch {
	case strings.Contains(lower, "bite"):
		return "?"
	case strings.Contains(lower, "byte") || strings.Contains(name, "B"):
		return "bytes"
	case strings.Contains(lower, "bit") || strings.HasSuffix(name, "bps"):
		return "bits"
	case strings.Contains(name, "b"):
		if p, _ := prefixOf(name); p != "" {
			return "?" // Gbs: gigabits or gigabytes?
		}
	}
	return ""
}

// prefixOf is the prefix a data word starts with, by name or symbol, and
// its factor (0 for none). K and k are both kilo.
func prefixOf(name string) (string, float64) {
	lower := strings.ToLower(name)
	for _, pr := range namePrefixes {
		if strings.HasPrefix(lower, pr.name) {
			return pr.name, pr.factor
		}
	}
	for _, exact := range []bool{true, false} {
		// Kib and kib as well as KiB: the case of a prefix is often lost.
		for _, pr := range siPrefixes {
			if len(name) <= len(pr.sym) || !strings.ContainsAny(name[len(pr.sym):len(pr.sym)+1], "bB") {
				continue
			}
			if exact && strings.HasPrefix(name, pr.sym) || !exact && strings.EqualFold(name[:len(pr.sym)], pr.sym) {
				return pr.sym, pr.factor
			}
		}
	}
	return "", 0
}

// dataMessage names the data units of a word's prefix: GB is gigabytes,
// Gbit gigabits, Gbps gigabits per second.
func dataMessage(name string) string {
	if len(name) > 2 && (name[1] == 'i' || name[1] == 'I') {
		if sym, _ := prefixOf(name); len(sym) == 2 {
			return fmt.Sprintf("%sB is %sbytes (powers of 1,024), %sbit %sbits; %sB is %sbytes",
				sym, binaryWord(sym), sym, binaryWord(sym), sym[:1], decimalWord(sym[:1]))
		}
	}
	if len(name) > 0 {
		p := name[0]
		if p >= 'a' && p <= 'z' {
			p -= 'a' - 'A'
		}
		if word, ok := byteWord(p); ok {
			P := string(p)
			return fmt.Sprintf("%sB is %sbytes, %sbit %sbits, %sbps %sbits per second", P, word, P, word, P, word)
		}
	}
	return "B is bytes, bit bits, bps bits per second; KiB, MiB and GiB are powers of 1,024"
}

// foreignHint says what to write for head units of f: write 42 days, or
// why napkin has no such unit.
func (p *plan) foreignHint(f *foreignUnit, name string, factor, head float64) string {
	if f.equiv == "" {
		return f.why + fmt.Sprintf("; to count things called %s, quote it: \"%s\"", name, name)
	}
	num, rest, ok := strings.Cut(f.equiv, " ")
	if !ok {
		num, ok = f.equiv, true // a plain number: a lakh is 100000
	}
	v, err := strconv.ParseFloat(num, 64)
	if !ok || err != nil {
		return fmt.Sprintf("write %s (a %s is %s)", scaledText(head*factor, f.equiv), f.name, f.equiv)
	}
	return writeFor(name, head, factor*v, rest)
}

// writeFor is the hint write 42 days for head names, each factor units;
// when the number before the name is not known (2^3ks), per one of it.
func writeFor(name string, head, factor float64, unit string) string {
	if math.IsNaN(head) {
		return fmt.Sprintf("write %s for each %s", scaledText(factor, unit), name)
	}
	return "write " + scaledText(head*factor, unit)
}

// scaledText writes v unit in a form napkin reads: 42 days, 3000 s, 3e15 s.
func scaledText(v float64, unit string) string {
	var num string
	if a := math.Abs(v); a >= 1e15 || a != 0 && a < 1e-4 {
		num, _ = eNotation(a, 6)
		if v < 0 {
			num = "-" + num
		}
	} else if a >= 1e6 {
		num, _ = scaled(a, 12) // 5T FLOPS, not 5000000000000 FLOPS
		if v < 0 {
			num = "-" + num
		}
	} else {
		// 12 digits: a sidereal day is 86164.0905 s, not 86164.09050000001 s.
		r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
		num = strconv.FormatFloat(r, 'f', -1, 64)
	}
	if unit == "$" {
		if strings.HasPrefix(num, "-") {
			return "-$" + num[1:]
		}
		return "$" + num
	}
	return strings.TrimSpace(num + " " + unit)
}

// shortWordHint is the hint for a word too short to be a label.
func shortWordHint(name string) string {
	return fmt.Sprintf("a word after a number must be a unit, or a label of three letters or more; to count things called %s, quote it: \"%s\"", name, name)
}

// binaryWord names an IEC prefix symbol: Ki is kibi.
func binaryWord(sym string) string {
	for _, pr := range namePrefixes {
		if pr.factor == float64(uint64(1)<<(10*(1+strings.IndexByte("KMGTPEZY", sym[0])))) && strings.HasSuffix(pr.name, "bi") {
			return pr.name
		}
	}
	return ""
}

func decimalWord(sym string) string {
	w, _ := byteWord(sym[0])
	return w
}

// foreignHintFor is what to write instead of a foreign unit used where no
// number precedes it ((2) fortnight, fortnight * 2), or "".
func (p *plan) foreignHintFor(name string) string {
	if f, factor, ok := p.foreignUnit(name); ok {
		return p.foreignHint(f, name, factor, math.NaN())
	}
	if strings.Contains(name, "_") {
		// Numbat's julian_year, sidereal_day
		if f, factor, ok := p.foreignUnit(strings.ReplaceAll(name, "_", "")); ok {
			return p.foreignHint(f, name, factor, math.NaN())
		}
	}
	return ""
}
