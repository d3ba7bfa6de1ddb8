package estimate

import (
	"unicode"
	"unicode/utf8"
)

// asciiSpace marks the ASCII bytes unicode.IsSpace calls space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// appendFields appends the fields of s to dst, split exactly as
// strings.Fields splits them, without allocating when dst has room: the
// prelude reads every line of units.napkin this way at start-up.
func appendFields(dst []string, s string) []string { return appendFieldsN(dst, s, -1) }

// appendFieldsN is appendFields that stops after the first n fields (all
// of them for n < 0), for a line whose first words are all it needs.
func appendFieldsN(dst []string, s string, n int) []string {
	start := -1 // the start of the field being read, or -1 between fields
	for i := 0; i < len(s) && n != 0; {
		var space bool
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space && start >= 0:
			dst, start = append(dst, s[start:i]), -1
			n--
		case !space && start < 0:
			start = i
		}
		i += size
	}
	if start >= 0 && n != 0 {
		dst = append(dst, s[start:])
	}
	return dst
}
