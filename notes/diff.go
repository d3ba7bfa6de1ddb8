package notes

import (
	"fmt"
	"strings"
)

// Diff is a unified diff from old to new, which have the same number of
// lines (napkin notes only ever changes lines in place), with three lines
// of context.
func Diff(name string, old, new []byte) string {
	a, b := diffLines(old), diffLines(new)
	if len(a) != len(b) {
		return fmt.Sprintf("--- %s\n+++ %s\n(line counts differ: %d and %d)\n", name, name, len(a), len(b))
	}
	var changed []int
	for i := range a {
		if a[i] != b[i] {
			changed = append(changed, i)
		}
	}
	if len(changed) == 0 {
		return ""
	}
	const context = 3
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", name, name)
	for k := 0; k < len(changed); {
		// A hunk runs while the changes are within 2×context of each other.
		first, last := changed[k], changed[k]
		for k+1 < len(changed) && changed[k+1]-last <= 2*context {
			k++
			last = changed[k]
		}
		k++
		from, to := max(0, first-context), min(len(a)-1, last+context)
		n := to - from + 1
		fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@\n", from+1, n, from+1, n)
		for i := from; i <= to; {
			if a[i] == b[i] {
				fmt.Fprintf(&out, " %s\n", a[i])
				i++
				continue
			}
			// A run of changed lines: the old ones, then the new ones.
			j := i
			for j <= to && a[j] != b[j] {
				j++
			}
			for _, l := range a[i:j] {
				fmt.Fprintf(&out, "-%s\n", l)
			}
			for _, l := range b[i:j] {
				fmt.Fprintf(&out, "+%s\n", l)
			}
			i = j
		}
	}
	return out.String()
}

// diffLines splits text into lines, without their endings; a final line
// ending ends the last line rather than starting an empty one.
func diffLines(text []byte) []string {
	if len(text) == 0 {
		return nil
	}
	lines, ends := splitLines(string(text))
	if ends[len(ends)-1] == "" && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
