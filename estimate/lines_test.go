package estimate

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

func TestSplitLines(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"a", []string{"a"}},
		{"a\n", []string{"a"}},
		{"a\n\n", []string{"a", ""}},
		{"a\r\nb\r\n", []string{"a", "b"}},
		{"x = 5 GB\rx * 2\r", []string{"x = 5 GB", "x * 2"}},
		{"a\r\rb", []string{"a", "", "b"}},
		{"a\n\rb\r\n\nc", []string{"a", "", "b", "", "c"}},
		{"\ufeffx = 1\n", []string{"x = 1"}},
		{"x = 1\ufeff\n", []string{"x = 1\ufeff"}}, // only a leading BOM
	} {
		if got := SplitLines(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("SplitLines(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCommentStart(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"x = 5", -1},
		{"x = 5 # =>", 6},
		{`x = 5 "# => a" * 2 # =>`, 19},
		{`x = 5 'it''s' # b`, 14},
		{`x = 5 "a # b`, -1},
		{"# only", 0},
		{"café = 1 # c", 10},
	} {
		if got := CommentStart(c.in); got != c.want {
			t.Errorf("CommentStart(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

// FuzzCommentStart: the lexer sees the same tokens in a line and in the
// line cut where its comment starts.
func FuzzCommentStart(f *testing.F) {
	for _, s := range []string{"x = 5 # =>", `x = 5 "# => a" * 2 # =>`, `'#' "#" # #`, `5 "a # b`, "1 # é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		c := CommentStart(line)
		if c < 0 || !utf8.ValidString(line) {
			return
		}
		if line[c] != '#' {
			t.Fatalf("offset %d is %q, not #", c, line[c])
		}
		full, err1 := lex(line)
		cut, err2 := lex(line[:c])
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("lex errors differ: %v / %v", err1, err2)
		}
		if err1 != nil {
			return
		}
		if len(full) != len(cut) {
			t.Fatalf("%d tokens, %d before the comment", len(full), len(cut))
		}
		for i := range full[:len(full)-1] {
			if full[i] != cut[i] {
				t.Fatalf("token %d: %v / %v", i, full[i], cut[i])
			}
		}
	})
}
