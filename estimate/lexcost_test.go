package estimate

import (
	"strings"
	"testing"
)

// TestLexAllocations keeps the lexer's allocations independent of the
// number of tokens: it once built a strings.Replacer for every number (a
// 2 MB line of numbers took 2 s), and a line's tokens now go into one
// slice sized from the line's length.
func TestLexAllocations(t *testing.T) {
	// A number written with separators (1_000, 86,400) costs one small
	// string, the digits without them, for strconv.
	for unit, perUnit := range map[string]float64{"12 + ": 0, "x_1 * GB / ": 0, "3.5e9 - 0x1F ** 2 -> ": 0, "1_000 + ": 1} {
		src := strings.Repeat(unit, 2000) + "1"
		allocs := testing.AllocsPerRun(5, func() {
			if _, err := lex(src); err != nil {
				t.Fatal(err)
			}
		})
		if want := 4 + 2000*perUnit; allocs > want {
			t.Errorf("lex(%q × 2000) made %v allocations, want at most %v", unit, allocs, want)
		}
	}
}

// TestWithoutSeparators checks the digit separators' removal.
func TestWithoutSeparators(t *testing.T) {
	for in, want := range map[string]string{
		"42": "42", "1_000_000": "1000000", "86,400": "86400", "1,234,567.5": "1234567.5", "1_0e1_0": "10e10",
	} {
		if got := withoutSeparators(in); got != want {
			t.Errorf("withoutSeparators(%q) = %q, want %q", in, got, want)
		}
	}
}
