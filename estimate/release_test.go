package estimate

import (
	"fmt"
	"runtime"
	"testing"
)

func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// Samples nothing can reach any more are released: a variable reassigned,
// ans moved on, a function body's values from the line before.
func TestRangeSamplesReleased(t *testing.T) {
	const samples = 100_000 // 800 KB a vector
	s := NewSession(Options{Samples: samples})
	if _, err := s.Eval("f(a) = a * (1 to 2)"); err != nil {
		t.Fatal(err)
	}
	before := liveHeap()
	for i := 0; i < 40; i++ {
		for _, l := range []string{
			fmt.Sprintf("x = %d to %d", i+1, i+3),
			"y = x * 2 GB",
			"f(x) + 1",
			fmt.Sprintf("%d to %d", i+1, i+5),
		} {
			if _, err := s.Eval(l); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Alive: x, y (and x's samples it derives from), ans and the last
	// line's few intermediate vectors: well under 40 lines' worth.
	grown := int64(liveHeap()) - int64(before)
	if limit := int64(12 * samples * 8); grown > limit {
		t.Errorf("live heap grew by %d MB after 40 rounds of ranges, want at most %d MB", grown>>20, limit>>20)
	}
	runtime.KeepAlive(s)
}
