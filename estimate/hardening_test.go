package estimate

import (
	"errors"
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
