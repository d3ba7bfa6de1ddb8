package estimate

import (
	"strings"
	"testing"
)

// TestTidySpaces checks tidySpaces against the strings.Fields way.
func TestTidySpaces(t *testing.T) {
	for _, s := range []string{
		"", " ", "x", "5 GB", " 5 GB", "5 GB ", "5  GB", "5\tGB", "a\u00a0b", "a\u2003 b", "µs", "3 × 4",
		"x\n", "\r", "a b c", "a  b", "10 M users * 2 / day",
	} {
		want := strings.Join(strings.Fields(s), " ")
		if got := tidySpaces(s); got != want {
			t.Errorf("tidySpaces(%q) = %q, want %q", s, got, want)
		}
	}
	if n := testing.AllocsPerRun(10, func() { tidySpaces("300 M users") }); n != 0 {
		t.Errorf("tidySpaces of tidy text allocated %v times", n)
	}
}

func FuzzTidySpaces(f *testing.F) {
	f.Add("5  GB")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := tidySpaces(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("tidySpaces(%q) = %q, want %q", s, got, want)
		}
	})
}
