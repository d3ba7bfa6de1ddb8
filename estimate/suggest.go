package estimate

import (
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// suggest returns the known name closest to an unknown one, or "" when none
// is close enough to be a likely typo. Close means: the same letters in
// another case (gb → GB), or one edit away (dya → day), or two edits away
// for names of seven letters or more. Short words get no edit-distance
// suggestions: too many real labels (users, bots) sit one edit away from
// some unit.
func suggest(name string, known []string) string {
	best, bestD := "", 1<<30
	n := utf8.RuneCountInString(name)
	limit := 1
	if n >= 7 {
		limit = 2
	}
	lower := lowerRunes(nil, name)
	var dist distance
	var kr []rune
	for _, k := range known {
		if k == name {
			continue
		}
		if strings.EqualFold(k, name) {
			return k
		}
		if n < 3 || abs(utf8.RuneCountInString(k)-n) > limit {
			continue
		}
		kr = lowerRunes(kr[:0], k)
		d := dist.between(lower, kr)
		if d == 2 && !strings.EqualFold(firstRune(name), firstRune(k)) {
			continue // two edits and another first letter: a different word (sockets, octets)
		}
		if d <= limit && (d < bestD || (d == bestD && k < best)) {
			best, bestD = k, d
		}
	}
	return best
}

// suggestUnit is suggest for a word after a number, where an unknown word
// is usually a label: only a name with the same first letter counts as a
// typo (dya → day, but hits is not bits, nor ops bps).
func suggestUnit(name string, known []string) string {
	s := suggest(name, known)
	if s != "" && !strings.EqualFold(firstRune(s), firstRune(name)) {
		return ""
	}
	if s != "" && !strings.EqualFold(s, name) && dataKind(s) != "" && !strings.ContainsAny(name, "bB") {
		return "" // tps is not Tbps, nor Mpps Mbps: another quantity
	}
	return s
}

// lowerRunes appends the lower-case runes of s to buf.
func lowerRunes(buf []rune, s string) []rune {
	for _, r := range s {
		buf = append(buf, unicode.ToLower(r))
	}
	return buf
}

// distance computes the optimal-string-alignment distance (insertions,
// deletions, substitutions and transpositions of neighbours each cost 1),
// holding the rows of its table, reused from one pair of words to the
// next: a typo is looked for among thousands of names.
type distance struct{ prev2, prev, cur []int }

func (d *distance) between(ra, rb []rune) int {
	n := len(rb) + 1
	if cap(d.cur) < n {
		d.prev2, d.prev, d.cur = make([]int, n), make([]int, n), make([]int, n)
	}
	prev2, prev, cur := d.prev2[:n], d.prev[:n], d.cur[:n]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	d.prev2, d.prev, d.cur = prev2, prev, cur
	return prev[len(rb)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// confusion says what to write instead of a word people type that napkin
// deliberately does not accept (the word in lower case), or "".
func confusion(word string) string {
	switch word {
	case "m":
		return "napkin has no metres; write min for minutes, or M glued to a number for millions (10M)"
	case "b":
		return "write B (with a space, 5 B) for bytes, B glued to a number (5B) for billions, or bit for bits"
	case "mb":
		return "MB is megabytes, Mbit megabits, Mbps megabits per second"
	case "gb":
		return "GB is gigabytes, Gbit gigabits, Gbps gigabits per second"
	case "to":
		return "to is reserved for ranges; convert units with -> or in"
	case "mo":
		return "write month or months"
	case "mon":
		return "write month or months"
	case "yrs":
		return "write years"
	case "y":
		return "write year or years"
	case "d":
		return "write day or days"
	case "w":
		return "write week or weeks"
	case "k":
		return "glue k to the number for thousands: 10k"
	case "usd":
		return "write USD or $"
	case "sqrt":
		return "sqrt is a function: sqrt(x)"
	}
	return ""
}

// Suggest returns the name in known that name is most likely meant to be,
// or "": a typo by the rules of the engine's errors, or else the name
// sharing the longest beginning with it (redis_qps → redis_get_qps). It
// is for command arguments; in expressions, where an unknown word may be a
// label, only typos are suggested.
func Suggest(name string, known []string) string {
	if s := suggest(name, known); s != "" {
		return s
	}
	best, bestLen := "", 0
	for _, k := range known {
		n := 0
		for n < len(k) && n < len(name) && k[n] == name[n] {
			n++
		}
		better := n > bestLen || (n == bestLen && n > 0 && (len(k) < len(best) || len(k) == len(best) && k < best))
		if better && n >= 4 && 2*n >= len(name) {
			best, bestLen = k, n
		}
	}
	return best
}

// sortedKeys lists a map's keys in order, for stable suggestions.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

func firstRune(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}
