package estimate

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"
)

// The budget charges an operation on ranges by its samples: the same line
// fits at 1,000 samples and not at 10,000.
func TestBudgetScalesWithSamples(t *testing.T) {
	line := "(1 to 2) * (1 to 2) * (1 to 2) * (1 to 2) * (1 to 2) * (1 to 2)" // 11 operations
	for _, c := range []struct {
		samples int
		ok      bool
	}{{1_000, true}, {10_000, false}} {
		s := NewSession(Options{Samples: c.samples, MaxSteps: 1_000})
		_, err := s.Eval(line)
		if c.ok && err != nil {
			t.Errorf("%d samples: %v", c.samples, err)
		}
		var e *Error
		if !c.ok && (!errors.Is(err, ErrBudget) || !errors.As(err, &e) || !strings.Contains(e.Hint, "10,000 samples") || !strings.Contains(e.Hint, "--samples")) {
			t.Errorf("%d samples: got %v, want a budget error whose hint names the samples", c.samples, err)
		}
	}
	// max() of many ranges is charged for each of them.
	s := NewSession(Options{Samples: 10_000, MaxSteps: 1_000})
	if _, err := s.Eval("x = 1 to 2"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Eval("max(" + strings.Repeat("x, ", 20) + "x)"); !errors.Is(err, ErrBudget) {
		t.Errorf("max of 21 ranges within 1,000 steps: got %v", err)
	}
	if _, err := s.Eval("P(" + "x > 1.5)"); err != nil {
		t.Errorf("P(x > 1.5): %v", err)
	}
}

// A session keeps at most MaxLiveSamples samples: past it, a positioned
// error that says how many ranges are live, and reassigning frees room.
func TestTooManySamples(t *testing.T) {
	s := NewSession(Options{Samples: 1_000, MaxLiveSamples: 10_000})
	for i := 1; i <= 10; i++ {
		if _, err := s.Eval(fmt.Sprintf("x%d = %d to %d", i, i, i+1)); err != nil {
			t.Fatalf("range %d of 10: %v", i, err)
		}
	}
	_, err := s.Eval("x11 = 11 to 12")
	var e *Error
	if !errors.Is(err, ErrTooManySamples) || !errors.As(err, &e) {
		t.Fatalf("an 11th range: got %v, want an error wrapping ErrTooManySamples", err)
	}
	if e.Column != 7 || !strings.Contains(e.Msg, "10 ranges kept by variables") || !strings.Contains(e.Hint, "--samples") {
		t.Errorf("got %+v", e)
	}
	if errors.Is(err, ErrBudget) {
		t.Error("a memory error is not a budget error")
	}
	// Exact values cost nothing, and a variable assigned again frees its
	// samples.
	if _, err := s.Eval("y = 5 GB * 2"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Eval("x1 = 1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Eval("x11 = 11 to 12"); err != nil {
		t.Fatalf("after x1 = 1: %v", err)
	}
	// In a function body, the error points at the call.
	if _, err := s.Eval("f(a) = a * (1 to 2)"); err != nil {
		t.Fatal(err)
	}
	_, err = s.Eval("z = f(3)")
	if !errors.Is(err, ErrTooManySamples) || !errors.As(err, &e) || e.Column != 5 {
		t.Fatalf("f(3) with no room: got %+v", err)
	}
}

// More samples per range than MaxSamples is an error before any is drawn.
func TestSamplesUpperBound(t *testing.T) {
	s := NewSession(Options{Samples: 50 * MaxSamples, MaxLiveSamples: 1 << 40})
	_, err := s.Eval("1 to 2")
	var e *Error
	if !errors.Is(err, ErrTooManySamples) || !errors.As(err, &e) || !strings.Contains(e.Msg, "500,000,000 samples") {
		t.Fatalf("got %v", err)
	}
}

// --why reads a range's samples back while they live and draws them again,
// identically, once they are garbage.
func TestSensitivityRedrawsSources(t *testing.T) {
	s := NewSession(Options{Samples: 10_000})
	r, err := s.Eval("(1 to 10) * (1 to 2)")
	if err != nil {
		t.Fatal(err)
	}
	first := r.Sensitivity()
	runtime.GC()
	runtime.GC()
	for _, src := range r.Quantity.src {
		if src.samples.Value() != nil {
			t.Fatalf("the samples of %s are still alive", src.label)
		}
	}
	again := r.Sensitivity()
	if fmt.Sprint(first) != fmt.Sprint(again) || len(again) != 2 || again[0].Name != "1 to 10" {
		t.Errorf("sensitivity from live samples %v, from drawn ones %v", first, again)
	}
}

// A chain that adds a range a line keeps at most maxSources of them; the
// rest are "other ranges", and the shares still add up to 1.
func TestSourcesBounded(t *testing.T) {
	s := NewSession(Options{Samples: 1_000})
	if _, err := s.Eval("x = 1 to 2"); err != nil {
		t.Fatal(err)
	}
	var r *Result
	for i := 0; i < 3*maxSources; i++ {
		var err error
		if r, err = s.Eval(fmt.Sprintf("x = x * (%d to %d)", 10+i, 20+i)); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(r.Quantity.src); n > maxSources+1 {
		t.Fatalf("x has %d sources, want at most %d", n, maxSources+1)
	}
	infl := r.Sensitivity()
	total, other := 0.0, false
	for _, in := range infl {
		total += in.Share
		other = other || in.Name == otherRanges
	}
	if !other || math.Abs(total-1) > 1e-9 {
		t.Errorf("shares %v add up to %g, want 1 with %q", infl, total, otherRanges)
	}
}
