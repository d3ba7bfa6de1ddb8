package estimate

import (
	"maps"
	"math"
	"slices"
	"testing"
)

// TestBuiltinNames keeps the sorted list of builtin names, which answers
// "is this a builtin?" without building the table, in step with the table.
func TestBuiltinNames(t *testing.T) {
	keys := slices.Sorted(maps.Keys(builtins()))
	if !slices.Equal(keys, builtinNames) {
		t.Errorf("builtinNames = %q, want the table's names %q", builtinNames, keys)
	}
}

// TestHarmonicDiff checks H(n) − H(m) against the sum term by term where
// subtracting the two sums would lose most digits.
func TestHarmonicDiff(t *testing.T) {
	for _, c := range [][2]float64{{1e14, 1e14 - 1}, {1e14, 1e14 - 1000}, {1e9, 1e9 - 5000}, {3, 1}, {1e6, 10}, {2000, 1001}, {5, 5}} {
		n, m := c[0], c[1]
		want := 0.0
		for i := n; i > m; i-- {
			want += 1 / i
		}
		if got := harmonicDiff(n, m); math.Abs(got-want) > 1e-11*want {
			t.Errorf("harmonicDiff(%g, %g) = %.17g, want %.17g", n, m, got, want)
		}
	}
}
