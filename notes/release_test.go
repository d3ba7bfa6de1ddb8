package notes

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// A note's slots keep their text and value, not their ranges' samples: a
// note with hundreds of range slots costs memory for its live variables
// only.
func TestRangeSlotsReleaseSamples(t *testing.T) {
	var b strings.Builder
	b.WriteString("```napkin\n")
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&b, "%d to %d  # =>\n", i+1, i+3)
	}
	b.WriteString("```\n")
	before := liveHeap()
	res := process("ranges.md", []byte(b.String()))
	grown := int64(liveHeap()) - int64(before)
	if len(res.Slots) != 100 || res.Slots[99].New == "" {
		t.Fatalf("slots not filled: %d", len(res.Slots))
	}
	// 100 ranges of 100,000 samples would be 80 MB.
	if limit := int64(16 << 20); grown > limit {
		t.Errorf("live heap grew by %d MB for 100 range slots, want at most %d MB", grown>>20, limit>>20)
	}
	runtime.KeepAlive(res)
}

// A slot never receives +Inf: a value too large for its unit is an error
// in the slot, like any other.
func TestSlotNeverInf(t *testing.T) {
	src := "```napkin\ncost = 1e308 USD/s  # =>\n1.7e308 s -> ms  # =>\n```\n"
	res := process("inf.md", []byte(src))
	if strings.Contains(string(res.Output), "Inf") || len(res.Errors) != 2 {
		t.Fatalf("output %q with %d errors", res.Output, len(res.Errors))
	}
	if !strings.Contains(string(res.Output), "# => error: the result is too large to show in $/month (overflow)") {
		t.Errorf("output %q", res.Output)
	}
}
