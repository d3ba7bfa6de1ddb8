package estimate

import (
	"strings"
	"testing"
)

// A chain of % (issue 10, item 1) is a syntax error at its second %, found
// in one pass: 2,000,000 of them neither overflow the stack nor go
// quadratic, and a nested chain trips the nesting limit.
func TestPercentChains(t *testing.T) {
	for _, tc := range []struct {
		src, msg string
		col      int
	}{
		{"1" + strings.Repeat("%", 2_000_000), "unexpected %: 1% is already a percentage", 3},
		{"a" + strings.Repeat("%", 20_000), "unexpected %: a% is already a percentage", 3},
		{strings.Repeat("(", 300) + "5" + strings.Repeat("%)", 300), "expression is nested too deeply (more than 200 levels)", 201},
		{strings.Repeat("5% of ", 300) + "5", "expression is nested too deeply (more than 200 levels)", 1204},
	} {
		_, err := parseLine(tc.src)
		if err == nil || err.Msg != tc.msg || err.Column != tc.col {
			t.Errorf("%.20s…: got %v, want %d: %s", tc.src, err, tc.col, tc.msg)
		}
	}
}

// Percent nodes count toward the size limit like every other operator.
func TestPercentCountsTowardSize(t *testing.T) {
	src := strings.Repeat("1% + ", maxNodes/2) + "1%"
	if _, err := parseLine(src); err == nil || !strings.Contains(err.Msg, "too long") {
		t.Errorf("%d percentages: got %v, want the size limit", maxNodes/2+1, err)
	}
}

// TestDurationDigits: at a high --digits the fraction of a second is the
// value's own decimal digits, not a millisecond count with float noise.
func TestDurationDigits(t *testing.T) {
	for _, c := range []struct {
		digits int
		in     string
		want   string
	}{
		{17, "61.123456789 s", "1 min 1.123456789 s"},
		{17, "10000.123456789 s", "2 h 46 min 40.123456789 s"},
		{17, "120.0001 s", "2 min 0.0001 s"},
		{17, "3599.9996 s", "59 min 59.9996 s"},
		{5, "61.123456789 s", "1 min 1.123 s"},
		{5, "10000.123456789 s", "2 h 46 min 40.123 s"},
		{5, "3599.9996 s", "60 min"},
		{3, "90061.5 s", "1 day 1 h 1 min"},
	} {
		r, err := NewSession(Options{Digits: c.digits}).Eval(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		if r.Text != c.want {
			t.Errorf("--digits %d %s: got %q, want %q", c.digits, c.in, r.Text, c.want)
		}
	}
}
