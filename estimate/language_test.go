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
