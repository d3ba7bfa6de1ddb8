package estimate

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// An error about a huge token quotes a bounded part of it.
func TestLongTokenCutInErrors(t *testing.T) {
	name := strings.Repeat("x", 100_000)
	_, err := NewSession(Options{}).Eval(name + " + 1")
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("got %v, want an *Error", err)
	}
	if n := utf8.RuneCountInString(e.Msg); n > 200 || !strings.Contains(e.Msg, "…") {
		t.Errorf("message of %d characters: %.300s", n, e.Msg)
	}
	if n := utf8.RuneCountInString(e.Hint); n > 200 {
		t.Errorf("hint of %d characters: %.300s", n, e.Hint)
	}
	if e.Column != 1 || e.Width != 100_000 {
		t.Errorf("position %d+%d, want the whole token underlined", e.Column, e.Width)
	}
}

// A hint that quotes the line back quotes the end of a long line, where
// the fix goes; no message or hint outgrows maxTextRunes, whatever it holds.
func TestLongQuoteCutInErrors(t *testing.T) {
	line := "(1 to 2)" + strings.Repeat(" * (1 to 2)", 1000) + " *"
	_, err := NewSession(Options{}).Eval(line)
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("got %v, want an *Error", err)
	}
	if want := "finish the expression, e.g. … * (1 to 2) * (1 to 2) * (1 to 2) * 2"; e.Hint != want {
		t.Errorf("hint %.300q, want %q", e.Hint, want)
	}
	long := strings.Repeat("word ", 10_000)
	if got := boundText(long); utf8.RuneCountInString(got) > maxTextRunes || !strings.Contains(got, " … ") {
		t.Errorf("boundText kept %d characters: %.100q", utf8.RuneCountInString(got), got)
	}
	if got := boundText("short and plain"); got != "short and plain" {
		t.Errorf("boundText changed a short text: %q", got)
	}
}

// RangeDigits sets the digits of ranges; Digits alone does not.
func TestRangeDigits(t *testing.T) {
	for _, c := range []struct {
		opts Options
		want string
	}{
		{Options{}, "22.4M [10M to 50M]  mean 25.2M"},
		{Options{Digits: 8}, "22.4M [10M to 50M]  mean 25.2M"},
		{Options{RangeDigits: 1}, "20M [10M to 50M]  mean 30M"},
		{Options{RangeDigits: 5}, "22.361M [10M to 49.998M]  mean 25.203M"},
	} {
		r, err := NewSession(c.opts).Eval("10M to 50M")
		if err != nil || r.Text != c.want {
			t.Errorf("%+v: got %v %v, want %q", c.opts, r, err, c.want)
		}
	}
}

// A line of thousands of operations is legal: expr's own node limit must
// not turn it into an internal error.
func TestLongLineIsNotInternalError(t *testing.T) {
	r, err := NewSession(Options{}).Eval("1" + strings.Repeat(" + 1", 3000))
	if err != nil || r.Text != "3,001" {
		t.Fatalf("got %v %v, want 3,001", r, err)
	}
}

// An internal error says so briefly, at the line's position; it never
// prints the generated program.
func TestInternalErrorHidesProgram(t *testing.T) {
	s := NewSession(Options{})
	p, err := compile("1 + 2", "", mustParse(t, "1 + 2"), &scope{s: s})
	if err != nil {
		t.Fatal(err)
	}
	p.code.Reset()
	p.code.WriteString("add(C, 1, K[0], " + strings.Repeat("K[1] +", 1000))
	_, err = p.run(0)
	if err == nil || err.Msg != "internal error compiling the expression" || err.Column != 1 {
		t.Fatalf("got %+v", err)
	}
}

func mustParse(t *testing.T, src string) node {
	t.Helper()
	st, err := parseLine(src)
	if err != nil {
		t.Fatal(err)
	}
	return st.x
}

// A typo is looked for among the variables defined last, so that an error
// costs the same however many variables came before; completion still
// lists them all.
func TestSuggestAmongRecentVariables(t *testing.T) {
	s := NewSession(Options{})
	for i := 0; i < 3000; i++ {
		if _, err := s.Eval(fmt.Sprintf("value_%d = %d", i, i)); err != nil {
			t.Fatal(err)
		}
	}
	_, err := s.Eval("valeu_2999 + 1")
	var e *Error
	if !errors.As(err, &e) || !strings.Contains(e.Hint, `"value_2999"`) {
		t.Fatalf("got %v, want a suggestion of value_2999", err)
	}
	names := s.Names()
	if !slices.Contains(names, "value_0") || !slices.Contains(names, "value_2999") {
		t.Error("Names does not list every variable")
	}
}

// An error through many nested calls names the outermost call and the
// three innermost and counts the rest: one line, whatever the depth (a
// cycle once made it 2,248 characters of "in f … in g …").
func TestCallChainInErrorsIsCut(t *testing.T) {
	for _, depth := range []int{1, 3, 4, 5, 40} {
		s := NewSession(Options{})
		if _, err := s.EvalLine(1, "f0(x) = x + 1 GB"); err != nil {
			t.Fatal(err)
		}
		for i := 1; i <= depth; i++ {
			if _, err := s.EvalLine(i+1, fmt.Sprintf("f%d(x) = f%d(x) * 2", i, i-1)); err != nil {
				t.Fatal(err)
			}
		}
		_, err := s.EvalLine(depth+2, fmt.Sprintf("f%d(1 s)", depth))
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("depth %d: got %v", depth, err)
		}
		frames := strings.Count(e.Msg, "(defined on line")
		if want := min(depth+1, keptFrames+1); frames != want || len(e.Msg) > 400 {
			t.Errorf("depth %d: %d frames, %d bytes: %s", depth, frames, len(e.Msg), e.Msg)
		}
		if !strings.HasPrefix(e.Msg, fmt.Sprintf("in f%d ", depth)) || !strings.Contains(e.Msg, "in f0 (defined on line 1: x + 1 GB): cannot add") {
			t.Errorf("depth %d: the outermost or innermost call is missing: %s", depth, e.Msg)
		}
		if between := depth + 1 - (keptFrames + 1); between > 0 && !strings.Contains(e.Msg, fmt.Sprintf(": … %d more call", between)) {
			t.Errorf("depth %d: the calls between are not counted: %s", depth, e.Msg)
		}
	}
}
