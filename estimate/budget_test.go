package estimate

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// doubling defines f0(x) = x and f{i}(x) = f{i-1}(x) + f{i-1}(x): f{n}(1)
// makes 2^n calls.
func doubling(t *testing.T, s *Session, n int) {
	t.Helper()
	lines := []string{"f0(x) = x"}
	for i := 1; i <= n; i++ {
		lines = append(lines, fmt.Sprintf("f%d(x) = f%d(x) + f%d(x)", i, i-1, i-1))
	}
	for _, l := range lines {
		if _, err := s.Eval(l); err != nil {
			t.Fatal(err)
		}
	}
}

func TestBudgetStopsExponentialCalls(t *testing.T) {
	s := NewSession(Options{})
	doubling(t, s, 40)
	_, err := s.Eval("x = f40(1)")
	if !errors.Is(err, ErrBudget) {
		t.Fatalf("f40(1): got %v, want an error wrapping ErrBudget", err)
	}
	var e *Error
	if !errors.As(err, &e) || e.Column != 5 || e.Width != 6 || e.Hint == "" {
		t.Fatalf("f40(1): want a positioned error at column 5 with a hint, got %+v", e)
	}
	if errors.Is(err, ErrInterrupted) {
		t.Error("a budget error is not an interrupt")
	}
	// The next line has a budget of its own.
	if r, err := s.Eval("f10(1)"); err != nil || r.Text != "1,024" {
		t.Fatalf("f10(1) after a budget error: %v %v", r, err)
	}
}

func TestMaxSteps(t *testing.T) {
	s := NewSession(Options{MaxSteps: 100})
	doubling(t, s, 10)
	if _, err := s.Eval("f5(1)"); err != nil {
		t.Fatalf("f5(1) within 100 steps: %v", err)
	}
	if _, err := s.Eval("f10(1)"); !errors.Is(err, ErrBudget) {
		t.Fatalf("f10(1) over 100 steps: got %v", err)
	}
	// Operations on ranges cost more: they touch every sample.
	_, err := s.Eval("(1 to 2) * 3")
	var e *Error
	if !errors.Is(err, ErrBudget) || !errors.As(err, &e) || !strings.Contains(e.Hint, "range") {
		t.Fatalf("a range within 100 steps: got %v", err)
	}
	// Bad input is not a budget error.
	if _, err := s.Eval("nope + 1"); err == nil || errors.Is(err, ErrBudget) || errors.Is(err, ErrInterrupted) {
		t.Fatalf("unknown name: got %v", err)
	}
}

func TestInterrupt(t *testing.T) {
	// A budget far beyond what the line needs: only Interrupt ends it.
	s := NewSession(Options{MaxSteps: 1 << 62})
	doubling(t, s, 40)
	done := make(chan error)
	go func() {
		_, err := s.Eval("f40(1) * 2")
		done <- err
	}()
	var err error
	for stop := false; !stop; {
		s.Interrupt()
		select {
		case err = <-done:
			stop = true
		case <-time.After(10 * time.Millisecond):
		}
	}
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("got %v, want an error wrapping ErrInterrupted", err)
	}
	var e *Error
	if !errors.As(err, &e) || e.Column != 1 || e.Msg != "interrupted" {
		t.Fatalf("want a positioned interrupt at the call, got %+v", e)
	}
	// An interrupt between lines does not stop the next one.
	s.Interrupt()
	if r, err := s.Eval("f3(1)"); err != nil || r.Text != "8" {
		t.Fatalf("after an interrupt: %v %v", r, err)
	}
}

// A function's body is compiled once per line, yet sees each line's
// variables and arguments.
func TestFunctionBodyCompiledOnce(t *testing.T) {
	s := NewSession(Options{})
	for _, l := range []string{"rate = 2", "f(x) = x * rate", "f(3) + f(4 GB / 1 GB)"} {
		if _, err := s.Eval(l); err != nil {
			t.Fatal(err)
		}
	}
	f := s.funcs["f"]
	compiled := f.compiled
	if r, _ := s.Eval("rate = 10"); r == nil {
		t.Fatal("rate = 10 failed")
	}
	r, err := s.Eval("f(1) + f(2)")
	if err != nil || r.Text != "30" {
		t.Fatalf("f after rate changed: %v %v", r, err)
	}
	if f.compiled == compiled {
		t.Error("the body was not recompiled for a new line")
	}
	compiled = f.compiled
	if _, err := s.Eval("f(1) + f(2) + f(3)"); err != nil {
		t.Fatal(err)
	}
	if f.compiled == compiled {
		t.Error("the body was not recompiled for a new line")
	}
}

// A parameter named like a unit is the parameter: h(s) = s^2 squares its
// argument.
func TestParameterShadowsUnitPower(t *testing.T) {
	s := NewSession(Options{})
	if _, err := s.Eval("h(s) = s^2"); err != nil {
		t.Fatal(err)
	}
	r, err := s.Eval("h(3)")
	if err != nil || r.Text != "9" {
		t.Fatalf("h(3) = %v %v, want 9", r, err)
	}
}
