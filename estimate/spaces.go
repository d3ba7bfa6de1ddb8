package estimate

import "strings"

// tidySpaces is s with its runs of white space made single spaces and its
// ends trimmed: strings.Join(strings.Fields(s), " "). Most of the text it
// gets is tidy already (a name, a number, 5 GB), and then s itself is
// returned without allocating.
func tidySpaces(s string) string {
	prevSpace := true // a space at the start is untidy
	for k := 0; k < len(s); k++ {
		switch c := s[k]; {
		case c >= 0x80, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			// Other white space (and any Unicode space) goes the slow way.
			return strings.Join(strings.Fields(s), " ")
		case c == ' ':
			if prevSpace {
				return strings.Join(strings.Fields(s), " ")
			}
			prevSpace = true
		default:
			prevSpace = false
		}
	}
	if prevSpace && len(s) > 0 {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}
