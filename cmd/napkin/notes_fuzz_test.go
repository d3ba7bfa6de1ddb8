package main

import (
	"regexp"
	"strings"
	"testing"
)

// These give "outside the slots" its own definition, written from the
// documentation rather than from package notes: lines end at \r\n, \r or
// \n; a slot is the text after the first "# =>" that follows the first #
// outside a quoted label ("..." or '...'), to the end of its line. This is
// wider than napkin's own slots (it ignores fences), so the check holds
// napkin to at least this: no byte outside it ever changes. And, from
// CommonMark: a line starting with "<!--" (not indented: then it is in no
// list item or block quote) outside a fence opens raw HTML up to the first
// line, that one included, with "-->" ("<!-->" is a whole comment); no
// line of it changes. A fence here is indented by at most 3 spaces: one
// indented more, or in a list item, only makes the check see fewer
// comments.
var (
	lineEnd       = regexp.MustCompile(`\r\n|\r|\n`)
	beforeComment = regexp.MustCompile(`^(?:[^"'#]|"[^"]*"|'[^']*')*#`)
	fenceLine     = regexp.MustCompile("^ {0,3}(```+[^`]*|~~~+.*)$")
	closingFence  = regexp.MustCompile("^ {0,3}(```+|~~~+)[ \t]*$")
	htmlComment   = regexp.MustCompile(`^<!--`)
)

// inHTMLComment marks the lines of raw HTML comment blocks.
func inHTMLComment(lines []string) []bool {
	marks := make([]bool, len(lines))
	fence, inComment := "", false
	for i, l := range lines {
		if i == 0 {
			l = strings.TrimPrefix(l, "\ufeff")
		}
		t := strings.TrimSpace(l)
		switch {
		case fence != "":
			if closingFence.MatchString(l) && strings.HasPrefix(t, fence) {
				fence = ""
			}
		case inComment || htmlComment.MatchString(l):
			marks[i] = true
			inComment = !strings.Contains(l, "-->")
		case fenceLine.MatchString(l):
			fence = t[:len(t)-len(strings.TrimLeft(t, t[:1]))] // the run of ` or ~
		}
	}
	return marks
}

// splitForCheck splits text into lines and their endings.
func splitForCheck(text string) (lines, ends []string) {
	last := 0
	for _, m := range lineEnd.FindAllStringIndex(text, -1) {
		lines, ends = append(lines, text[last:m[0]]), append(ends, text[m[0]:m[1]])
		last = m[1]
	}
	return append(lines, text[last:]), append(ends, "")
}

// slotStart is where the text a slot owns starts in line, or -1.
func slotStart(line string) int {
	m := beforeComment.FindStringIndex(line)
	if m == nil {
		return -1
	}
	comment := m[1] - 1
	i := strings.Index(line[comment:], "# =>")
	if i < 0 {
		return -1
	}
	return comment + i + len("# =>")
}

// checkOutsideSlots fails unless out is in with only slot text changed.
func checkOutsideSlots(t *testing.T, in, out string) {
	t.Helper()
	a, aEnds := splitForCheck(in)
	b, bEnds := splitForCheck(out)
	if len(a) != len(b) {
		t.Fatalf("%d lines became %d", len(a), len(b))
	}
	raw := inHTMLComment(a)
	for i := range a {
		if raw[i] && a[i] != b[i] {
			t.Fatalf("line %d, in an HTML comment, changed:\n%q\n%q", i+1, a[i], b[i])
		}
		if aEnds[i] != bEnds[i] {
			t.Fatalf("line %d: ending %q became %q", i+1, aEnds[i], bEnds[i])
		}
		if a[i] == b[i] {
			continue
		}
		s := slotStart(a[i])
		if s < 0 || !strings.HasPrefix(b[i], a[i][:s]) {
			t.Fatalf("line %d changed outside a slot:\n%q\n%q", i+1, a[i], b[i])
		}
	}
}

func TestHTMLCommentDefinition(t *testing.T) {
	lines := []string{"<!--", "```napkin", "x # =>", "```", "-->", "```napkin", "<!-- x # =>", "```", "<!-- a --> b", "<!-->", "```napkin",
		"    ```", "```", "    <!--", "```napkin", "\t```", "<!--", "```", "<!--", "x # =>"}
	want := []bool{true, true, true, true, true, false, false, false, true, true, false,
		false, false, false, false, false, false, false, true, true}
	got := inHTMLComment(lines)
	for i := range lines {
		if got[i] != want[i] {
			t.Errorf("line %d %q: in a comment %v, want %v", i+1, lines[i], got[i], want[i])
		}
	}
}

func TestOutsideSlotsDefinition(t *testing.T) {
	for _, c := range []struct {
		line string
		want int
	}{
		{"x = 1 # =>", 10},
		{"x = 1", -1},
		{`x = 5 "# => a" * 2 # =>`, 23},
		{`x = 5 "# => a`, -1},
		{"x # note # => 1", 13},
	} {
		if got := slotStart(c.line); got != c.want {
			t.Errorf("slotStart(%q) = %d, want %d", c.line, got, c.want)
		}
	}
}

// FuzzNotesCommand runs napkin notes - on any text: it never fails inside,
// and never changes a byte outside the slots.
func FuzzNotesCommand(f *testing.F) {
	for _, seed := range []string{
		"# Plan\n\n```napkin\nx = 5 GB  # =>\ny = x * 2 # => old\n```\nprose # => not a slot\n",
		"```napkin\r\nx = 5 \"# => a\" * 2 # =>\r\n```",
		"\ufeff```napkin\rx = 1 # =>\r```\r",
		"~~~ napkin fresh\n1/0 # =>\n'a # => b' # => c\n~~~\n",
		"  ```napkin\n  x = 1e308 * 10 # =>\n  ```\n",
		"```napkin\nf(x) = x * 2 # =>\nf(3 GB) # =>\nassert f(1) == 2 # =>\n```\n",
		"<!--\n```napkin\nx = 1 # =>\n```\n-->\n```napkin\nx = 2 # =>\n```\n",
		"<!-- one line --> \n```napkin\n<!-- x # =>\n```\n",
		"<!-->\n```napkin\nx = 1 # =>\n```\n",
		"Start:\n\n    ```napkin\n\nprose # =>\n    <!--\n```napkin\nx = 1 # =>\n```\n",
		"- item\n\n  ```napkin\n  x = 1 # =>\n```\n> ```napkin\n> y = 2 # =>\n",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, note string) {
		out, errOut, code := runCLI(t, note, "notes", "-")
		if code != exitOK && code != exitEval {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if strings.Contains(errOut, "internal error") {
			t.Fatalf("internal error: %s", errOut)
		}
		checkOutsideSlots(t, note, out)
	})
}
