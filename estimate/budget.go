package estimate

import "fmt"

// Every line has a work budget, so that every input ends in bounded time:
// a chain of functions that each call the next twice (f40(1) makes 2^40
// calls) stops with an error instead of running for ever. The work is
// counted in steps: an operator applied to exact values, or a call, is one
// step; an operation on a range touches every sample and costs one step per
// valuesPerStep samples (see rangeCost), so that the budget bounds the time
// of a line whatever the number of samples.

// DefaultMaxSteps is the work budget of a line unless Options.MaxSteps sets
// another: a few seconds of work at most, and thousands of times what any
// real estimate needs (a long line of arithmetic is tens of steps).
const DefaultMaxSteps = 1_000_000

// valuesPerStep is how many values an operation on samples (or any simple
// loop over numbers) handles for one step of a line's work budget: sample
// arithmetic runs about a hundred times faster per value than an
// interpreted step. An operation on the default 100,000 samples costs a
// thousand steps, a line may do a thousand of them; at 10,000,000 samples
// an operation costs 100,000 steps, and the same budget allows ten.
const valuesPerStep = 100

// rangeCost is the cost in steps of an operation on vectors of n samples.
func rangeCost(n int) int { return max(1, (n+valuesPerStep-1)/valuesPerStep) }

func (s *Session) maxSteps() int {
	if s.opts.MaxSteps <= 0 {
		return DefaultMaxSteps
	}
	return s.opts.MaxSteps
}

// Interrupt makes the evaluation running now (if any) end soon with a
// positioned *Error that wraps ErrInterrupted. A line evaluated after the
// call is not affected. Safe to call from any goroutine.
func (s *Session) Interrupt() { s.stopGen.Store(s.evalGen.Load()) }

// startLine resets the work budget and makes the line interruptible.
func (s *Session) startLine() {
	s.steps = 0
	s.endLine()
	s.evalGen.Add(1)
	// The bodies compiled for the last line hold the values of its
	// variables (a range's samples): let them go.
	for _, f := range s.compiledFuncs {
		f.compiled = nil
	}
	s.compiledFuncs = s.compiledFuncs[:0]
}

// chargeSamples counts an operation on n samples for node id.
func (ctx *evalCtx) chargeSamples(id, n int) *Error { return ctx.chargeWork(id, rangeCost(n), true) }

// charge counts cost steps of work for node id, and stops the line when
// its budget is spent or it was interrupted.
func (ctx *evalCtx) charge(id, cost int) *Error { return ctx.chargeWork(id, cost, false) }

func (ctx *evalCtx) chargeWork(id, cost int, samples bool) *Error {
	s := ctx.p.scope.s
	s.steps += cost
	if s.stopGen.Load() == s.evalGen.Load() {
		err := ctx.errorf(id, "", "interrupted")
		err.cause = ErrInterrupted
		return err
	}
	if s.steps > s.maxSteps() {
		hint := "split the line into several"
		switch {
		case ctx.depth > 0:
			hint = "a function that calls another twice doubles the work at every level: write 2 * f(x) rather than f(x) + f(x), or use fewer levels"
		case samples:
			hint = fmt.Sprintf("an operation on a range touches each of its %s samples, a step per %d: split the line, use fewer ranges, or fewer samples (--samples)",
				comma(int64(ctx.p.scope.s.samples())), valuesPerStep)
		}
		err := ctx.errorf(id, hint, "this line needs more than %s steps of work, napkin's limit for one line", comma(int64(s.maxSteps())))
		err.cause = ErrBudget
		return err
	}
	return nil
}

// stopped reports whether err ended the line for lack of budget or an
// interrupt, rather than for something wrong in it.
func stopped(err *Error) bool { return err != nil && err.cause != nil }

// restate is err re-positioned at node id of ctx's line, keeping its cause.
func (ctx *evalCtx) restate(id int, err *Error) *Error {
	e := ctx.errorf(id, err.Hint, "%s", err.Msg)
	e.cause = err.cause
	return e
}
