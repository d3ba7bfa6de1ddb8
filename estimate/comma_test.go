package estimate

import (
	"math"
	"testing"

	"github.com/dustin/go-humanize"
)

// TestComma checks comma against humanize.Comma, whose text it replaced.
func TestComma(t *testing.T) {
	for _, n := range []int64{0, 1, -1, 12, 999, -999, 1000, -1000, 12345, 100000, 999999, 1000000, -1234567,
		1 << 53, math.MaxInt64, math.MinInt64, math.MinInt64 + 1} {
		if got, want := comma(n), humanize.Comma(n); got != want {
			t.Errorf("comma(%d) = %q, want %q", n, got, want)
		}
	}
}

func FuzzComma(f *testing.F) {
	f.Add(int64(1234567))
	f.Fuzz(func(t *testing.T, n int64) {
		if got, want := comma(n), humanize.Comma(n); got != want {
			t.Errorf("comma(%d) = %q, want %q", n, got, want)
		}
	})
}
