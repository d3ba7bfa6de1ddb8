package notes

import (
	"fmt"
	"slices"
	"testing"

	"github.com/napkin-calc/napkin/estimate"
)

// evaluated returns the lines of src that napkin evaluates.
func evaluated(src string) []int {
	var lines []int
	Process("n.md", []byte(src), Options{NewSession: newSession, Check: func(line int, _ *estimate.Result) error {
		lines = append(lines, line)
		return nil
	}})
	return lines
}

// TestFencesAsInCommonMark: napkin evaluates exactly the lines that
// CommonMark (cmark 0.30 agrees on each case) puts in napkin code blocks:
// a fence indented 4 columns or more is an indented code block or a
// paragraph's text; in a list item the indentation counts from the item's
// content; a fenced block ends with its list item; block quotes are
// followed but their napkin blocks are not napkin's.
func TestFencesAsInCommonMark(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      []int
	}{
		{"a fence in an indented code block", "# How\n\nStart a block:\n\n    ```napkin\n\nthen write `qps = dau * 2 / day  # =>` and close it.\n\nCost today # => about $5\n", nil},
		{"indented 3", "   ```napkin\nx = 1 # =>\n   ```\n", []int{2}},
		{"indented 4, after a paragraph", "text\n    ```napkin\nx = 1 # =>\n", nil},
		{"after a tab", "\t```napkin\nx = 1 # =>\n", nil},
		{"a closing fence indented 4 is code", "```napkin\nx = 1 # =>\n    ```\ny = 2 # =>\n```\n", []int{2, 3, 4}},
		{"a closing fence indented 3", "```napkin\nx = 1 # =>\n   ```\ny = 2 # =>\n", []int{2}},
		{"in a list item", "- a\n\n  ```napkin\n  x = 1 # =>\n  ```\n", []int{4}},
		{"in an ordered item, indented 4", "1.  a\n\n    ```napkin\n    x = 1 # =>\n    ```\n", []int{4}},
		{"in a nested item", "- a\n  - b\n\n    ```napkin\n    x = 1 # =>\n    ```\n", []int{5}},
		{"an indented code block in an item", "- a\n\n      ```napkin\n      x = 1 # =>\n", nil},
		{"a lazy line keeps the item", "1.  a\nlazy\n\n    ```napkin\n    x = 1 # =>\n    ```\n", []int{5}},
		{"the block ends with its item", "- a\n  ```napkin\n  x = 1 # =>\nnot code # =>\n```\n", []int{3}},
		{"on the item's first line", "- ```napkin\n  x = 1 # =>\n  ```\n", []int{2}},
		{"an item starting with two blank lines ends", "1.\n\n    ```napkin\n    x = 1 # =>\n", nil},
		{"an item starting with one blank line", "-\n  ```napkin\n  x = 1 # =>\n  ```\n", []int{3}},
		{"tabs in an item", "- a\n\n\t```napkin\n\tx = 1 # =>\n\t```\n", []int{4}},
		{"a space and a tab in an item", "- a\n\n \t```napkin\n \tx = 1 # =>\n \t```\n", []int{4}},
		{"a tab-indented item", "\t\t- a\n\n\t```napkin\n\tx = 1 # =>\n", nil},
		{"in a block quote", "> ```napkin\n> x = 1 # =>\n> ```\n```napkin\ny = 2 # =>\n```\n", []int{5}},
		{"after a block quote", "> quote\n```napkin\nx = 1 # =>\n```\n", []int{3}},
		{"in a block quote, after a tab", ">\t```napkin\n>\tx # =>\n", nil},
	} {
		if got := evaluated(c.src); !slices.Equal(got, c.want) {
			t.Errorf("%s: evaluates lines %v, want %v\n%s", c.name, got, c.want, c.src)
		}
		res := process("n.md", []byte(c.src))
		checkOnlySlotsChanged(t, []byte(c.src), res.Output)
	}
}

// TestHTMLCommentsAsInCommonMark: "<!-->" and "<!--->" are whole comments;
// "<!--" in an indented code block opens none; a comment in a list item
// ends with the item.
func TestHTMLCommentsAsInCommonMark(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []int
	}{
		{"<!-->\n```napkin\nx = 1 # =>\n```\n", []int{3}},
		{"<!--->\n```napkin\nx = 1 # =>\n```\n", []int{3}},
		{"<!---->\n```napkin\nx = 1 # =>\n```\n", []int{3}},
		{"Sample:\n\n    <!-- not a comment\n\n```napkin\nx = 1 # =>\n```\n", []int{6}},
		{"- <!--\n```napkin\nx = 1 # =>\n```\n-->\n", []int{3}},
		{"- a\n  <!--\n  ```napkin\n  x = 1 # =>\n  ```\n  -->\n", nil},
		{"  <!-- hidden\n```napkin\nx = 1 # =>\n```\n  end -->\n", nil},
	} {
		if got := evaluated(c.src); !slices.Equal(got, c.want) {
			t.Errorf("evaluates lines %v, want %v\n%s", got, c.want, c.src)
		}
	}
}

// TestCursor: columns count tabs to the next multiple of 4, and a tab
// partly skipped leaves the rest of its columns.
func TestCursor(t *testing.T) {
	for _, c := range []struct {
		text      string
		col, skip int
		want      string
	}{
		{"  x", 0, 2, "x@2"},
		{"\tx", 0, 2, "  x@2"},
		{"\tx", 1, 1, "  x@2"},
		{" \tx", 0, 4, "x@4"},
		{"x", 0, 3, "x@0"},
	} {
		got := cursor{text: c.text, col: c.col}.skip(c.skip)
		if s := fmt.Sprintf("%s@%d", got.text, got.col); s != c.want {
			t.Errorf("%q from %d, skip %d: %s, want %s", c.text, c.col, c.skip, s, c.want)
		}
	}
	if n, rest := (cursor{text: " \t x"}).indent(); n != 5 || rest.text != "x" || rest.col != 5 {
		t.Errorf("indent: %d, %+v", n, rest)
	}
}
