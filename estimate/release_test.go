package estimate

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

// A variable keeps its own samples, not those of every range it derives
// from (--why draws those again when it needs them).
func TestVariableKeepsOneVector(t *testing.T) {
	const samples = 100_000 // 800 KB a vector
	s := NewSession(Options{Samples: samples})
	// A first line of the shape loads what any line needs (units, the
	// program); its variable is then freed.
	warm := "w = (1 to 2)^(1 to 2) * (1 to 2) + (1 to 2) * (2 to 3) - (1 to 2)"
	for _, l := range []string{warm, "w = 1", "1"} {
		if _, err := s.Eval(l); err != nil {
			t.Fatal(err)
		}
	}
	before := liveHeap()
	const lines = 15
	for i := 0; i < lines; i++ {
		l := fmt.Sprintf("x%d = (1 to 2)^(1 to 2) * (1 to 2) + (1 to 2) * (2 to 3) - (1 to 2)", i)
		if _, err := s.Eval(l); err != nil {
			t.Fatal(err)
		}
	}
	// One vector a variable (ans shares the last), and a little slack.
	grown := int64(liveHeap()) - int64(before)
	if limit := int64((lines + 4) * samples * 8); grown > limit {
		t.Errorf("live heap grew by %d MB after %d lines of six ranges, want at most %d MB (a vector a line)", grown>>20, lines, limit>>20)
	}
	if got, want := s.LiveSamples(), lines*samples; got != want {
		t.Errorf("LiveSamples = %d, want %d", got, want)
	}
	runtime.KeepAlive(s)
}

// The intermediate ranges of a long line are not all kept to its end.
func TestLineIntermediatesNotKept(t *testing.T) {
	const samples = 100_000
	s := NewSession(Options{Samples: samples})
	line := "y = " + strings.Repeat("(1 to 2) * ", 60) + "1"
	if _, err := s.Eval(line); err != nil {
		t.Fatal(err)
	}
	before := liveHeap()
	// The line makes 120 vectors (96 MB); record what a run keeps by
	// measuring its plan after the run.
	st, perr := parseLine(line)
	if perr != nil {
		t.Fatal(perr)
	}
	s.startLine()
	p, err := compile(line, st.name, st.x, &scope{s: s})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.run(0); err != nil {
		t.Fatal(err)
	}
	grown := int64(liveHeap()) - int64(before)
	if limit := int64(maxKeptSamples*8 + 4*samples*8); grown > limit {
		t.Errorf("a line of 60 ranges keeps %d MB of samples while it runs, want at most %d MB", grown>>20, limit>>20)
	}
	if !p.dropped {
		t.Error("the plan kept every intermediate range")
	}
	runtime.KeepAlive(p)
}

// Reassigning, failing and moving ans on release what LiveSamples counts.
func TestLiveSamplesAccounting(t *testing.T) {
	s := NewSession(Options{Samples: 1_000})
	for _, c := range []struct {
		line string
		want int
	}{
		{"x = 1 to 2", 1_000},          // x and ans share one vector
		{"y = x", 1_000},               // still one
		{"z = x * 2", 2_000},           // z and ans
		{"x = 3", 2_000},               // y keeps the first vector
		{"y = 4", 1_000},               // z
		{"5", 1_000},                   // ans moved on: z only
		{"z = 1 GB", 0},                // nothing
		{"(1 to 2) * (3 to 4)", 1_000}, // ans only
	} {
		if _, err := s.Eval(c.line); err != nil {
			t.Fatal(err)
		}
		if got := s.LiveSamples(); got != c.want {
			t.Errorf("after %q: LiveSamples = %d, want %d", c.line, got, c.want)
		}
	}
}
