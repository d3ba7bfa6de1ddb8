package estimate

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/expr-lang/expr/compiler"
	"github.com/expr-lang/expr/vm"
)

// exprEnv is the environment every program runs in: C carries the run's
// state, K the values known before the run (literals, variables, units).
// It is one fixed struct, so compiling never walks the user's variables.
type exprEnv struct {
	C *evalCtx
	K []Quantity
}

// evalCtx is the state of one run of one plan.
type evalCtx struct {
	p     *plan
	err   *Error
	depth int // nesting of user-function calls
}

// errStop tells expr to stop; the real error is in evalCtx.err.
var errStop = errors.New("napkin: evaluation stopped")

const maxCallDepth = 64

var (
	// programs caches compiled programs by their source. The source names
	// only slots and node ids, so lines of the same shape share a program.
	// It is made on first use: nothing is built before a line needs it.
	programs   map[string]*vm.Program
	programsMu sync.Mutex
)

const maxCachedPrograms = 4096

type (
	fn1 = func(*evalCtx, int, Quantity) Quantity
	fn2 = func(*evalCtx, int, Quantity, Quantity) Quantity
	fnN = func(*evalCtx, int, ...Quantity) Quantity
)

// program compiles (or fetches) the expr program for a plan's code.
func program(code string) (*vm.Program, error) {
	programsMu.Lock()
	defer programsMu.Unlock()
	if prog, ok := programs[code]; ok {
		return prog, nil
	}
	c := config()
	tree, err := parseCheck(code, c)
	if err != nil {
		return nil, err
	}
	prog, err := compiler.Compile(tree, c)
	if err != nil {
		return nil, err
	}
	if programs == nil || len(programs) >= maxCachedPrograms {
		programs = make(map[string]*vm.Program)
	}
	programs[code] = prog
	return prog, nil
}

// run evaluates a plan, recording every node's value in the plan.
func (p *plan) run(depth int) (Quantity, *Error) {
	return p.runWith(depth, p.k)
}

// runWith evaluates a plan with k as its known values: p.k, or a function
// body's with the arguments of one call in the parameters' slots.
func (p *plan) runWith(depth int, k []Quantity) (Quantity, *Error) {
	if root := p.info[p.root]; root.height == 0 {
		// A literal, a name or a unit: its value is already known, but a
		// literal folded from a number and units (1e308 TB) can overflow.
		if ok, _ := root.q.allFinite(); !ok {
			return Quantity{}, errorAt(p.src, root.n.pos(), "the numbers are beyond about 1.8e308; check the exponents",
				"the result is too large (overflow)")
		}
		return root.q, nil
	}
	prog, err := program(p.code.String())
	if err != nil {
		// Never the generated program: it can be as long as the line.
		return Quantity{}, errorAt(p.src, p.info[p.root].n.pos(), "please report this with the line that caused it",
			"internal error compiling the expression")
	}
	ctx := &evalCtx{p: p, depth: depth}
	machine := p.scope.s.vm(depth)
	out, err := machine.Run(prog, exprEnv{C: ctx, K: k})
	// The stack would keep the run's values (samples) alive.
	clear(machine.Stack[:cap(machine.Stack)])
	if ctx.err != nil {
		return Quantity{}, ctx.err
	}
	if err != nil {
		return Quantity{}, errorAt(p.src, p.info[p.root].n.pos(), "please report this with the line that caused it",
			"internal error evaluating the expression")
	}
	q := out.(Quantity)
	if !p.body {
		p.info[p.root].q = q
	}
	return q, nil
}

// vm is the session's machine for programs at a depth of user-function
// calls: a run at one depth calls functions only at the next, so each
// depth needs one, and reusing them spares an allocation per call.
func (s *Session) vm(depth int) *vm.VM {
	for len(s.vms) <= depth {
		s.vms = append(s.vms, &vm.VM{})
	}
	return s.vms[depth]
}

func wrap1(f func(*evalCtx, int, Quantity) (Quantity, *Error)) func(...any) (any, error) {
	return func(a ...any) (any, error) {
		ctx, id := a[0].(*evalCtx), a[1].(int)
		x := a[2].(Quantity)
		q, err := f(ctx, id, x)
		return ctx.finish(id, q, err, len(x.S), x)
	}
}

func wrap2(f func(*evalCtx, int, Quantity, Quantity) (Quantity, *Error)) func(...any) (any, error) {
	return func(a ...any) (any, error) {
		ctx, id := a[0].(*evalCtx), a[1].(int)
		x, y := a[2].(Quantity), a[3].(Quantity)
		q, err := f(ctx, id, x, y)
		return ctx.finish(id, q, err, max(len(x.S), len(y.S)), x, y)
	}
}

// wrapScaling wraps *, / and ^, whose result is 0 only when an operand is:
// 0 from two nonzero operands (1e-200 * 1e-200) is an underflow.
func wrapScaling(f func(*evalCtx, int, Quantity, Quantity) (Quantity, *Error)) func(...any) (any, error) {
	return func(a ...any) (any, error) {
		ctx, id := a[0].(*evalCtx), a[1].(int)
		x, y := a[2].(Quantity), a[3].(Quantity)
		q, err := f(ctx, id, x, y)
		if err == nil && zeroFromNonzero(q, x, y) {
			err = underflow(ctx, id)
		}
		return ctx.finish(id, q, err, max(len(x.S), len(y.S)), x, y)
	}
}

// zeroFromNonzero reports whether q (or one of its samples) is 0 where
// every operand (or its sample) is not.
func zeroFromNonzero(q Quantity, args ...Quantity) bool {
	at := func(x Quantity, i int) float64 {
		if x.S != nil {
			return x.S[i]
		}
		return x.V
	}
	n := max(len(q.S), 1)
	for i := 0; i < n; i++ {
		if at(q, i) != 0 {
			continue
		}
		zero := false
		for _, x := range args {
			if x.S != nil && len(x.S) != n || at(x, i) == 0 {
				zero = true
			}
		}
		if !zero {
			return true
		}
	}
	return false
}

// tiny reports whether q (or one of its samples) is nonzero but below the
// smallest number napkin keeps, as a literal would be.
func tiny(q Quantity) bool {
	if q.S == nil {
		return q.V != 0 && math.Abs(q.V) < minNumber
	}
	for _, x := range q.S {
		if x != 0 && math.Abs(x) < minNumber {
			return true
		}
	}
	return false
}

func underflow(ctx *evalCtx, id int) *Error {
	return ctx.errorf(id, "napkin keeps numbers down to about 1e-318 (in base units: s, bytes, $); check the exponents, or write 0 if the result is negligible",
		"the result is too small (underflow)")
}

// finish records a node's value, or its error, and rejects non-finite
// results (napkin never prints +Inf or NaN) and results below the smallest
// number napkin keeps. It charges the work, by the samples of the operands
// (in) or of the result, and counts a new vector of samples against the
// session's memory for them, while the operands' vectors, used up, are no
// longer counted.
func (ctx *evalCtx) finish(id int, q Quantity, err *Error, in int, operands ...Quantity) (any, error) {
	if ok, nan := q.allFinite(); err == nil && !ok {
		if nan {
			err = ctx.errorf(id, "", "the result is not a number")
		} else {
			err = ctx.errorf(id, "the numbers are beyond about 1.8e308; check the exponents", "the result is too large (overflow)")
		}
	}
	if err == nil && tiny(q) {
		err = underflow(ctx, id)
	}
	if n := max(in, len(q.S)); err == nil && n > 0 {
		err = ctx.chargeSamples(id, n)
	} else if err == nil {
		err = ctx.charge(id, 1)
	}
	if err == nil && q.S != nil {
		err = ctx.madeSamples(id, q)
	}
	if err != nil {
		if ctx.err == nil {
			ctx.err = err
		}
		return nil, errStop
	}
	// A range whose samples are all equal (x - x) is exact again.
	if q.S != nil && allEqual(q.S) {
		q.V, q.S, q.src = q.S[0], nil, nil
	}
	if !ctx.p.body {
		ctx.p.record(id, q)
	}
	for _, o := range operands {
		ctx.p.scope.s.usedUp(o, q)
	}
	return q, nil
}

// maxKeptSamples bounds the samples of intermediate values a line keeps
// for its working: about ten ranges of the default size.
const maxKeptSamples = 1 << 20

// record keeps a node's value for the working. An intermediate range's
// samples are kept only while they are few: beyond that the working
// shows no step that would need them (see plan.dropped), and the samples
// are garbage as soon as the next operation has used them.
func (p *plan) record(id int, q Quantity) {
	if q.S != nil && id != p.root {
		if p.kept+len(q.S) > maxKeptSamples || len(p.info) > maxWorkingNodes {
			q.S, q.src = nil, nil
			p.dropped = true
		} else {
			p.kept += len(q.S)
			p.scope.s.pin(q)
		}
	}
	p.info[id].q = q
}

func allEqual(s []float64) bool {
	for _, x := range s[1:] {
		if x != s[0] {
			return false
		}
	}
	return true
}

func (ctx *evalCtx) errorf(id int, hint, format string, args ...any) *Error {
	return errorAt(ctx.p.src, ctx.p.info[id].n.pos(), hint, format, args...)
}

// operand returns the node of an operand, for errors that point at it.
func (ctx *evalCtx) operand(id, which int) node {
	switch n := ctx.p.info[id].n.(type) {
	case *binary:
		if which == 0 {
			return n.x
		}
		return n.y
	case *call:
		return n.args[which]
	}
	return ctx.p.info[id].n
}

func (ctx *evalCtx) operandError(id, which int, hint, format string, args ...any) *Error {
	return errorAt(ctx.p.src, ctx.operand(id, which).pos(), hint, format, args...)
}

func addOp(ctx *evalCtx, id int, a, b Quantity) (Quantity, *Error) {
	if !sameDim(a, b) {
		return Quantity{}, ctx.mismatch(id, "add", a, b)
	}
	if err := ctx.checkPercentSum(id, a, b, 1); err != nil {
		return Quantity{}, err
	}
	ctx.checkPrefixes(a, b, "adds")
	return addQ(a, b, 1), nil
}

func subOp(ctx *evalCtx, id int, a, b Quantity) (Quantity, *Error) {
	if !sameDim(a, b) {
		return Quantity{}, ctx.mismatch(id, "subtract", a, b)
	}
	if err := ctx.checkPercentSum(id, a, b, -1); err != nil {
		return Quantity{}, err
	}
	ctx.checkPrefixes(a, b, "subtracts")
	return addQ(a, b, -1), nil
}

// checkPercentSum refuses a sum of a percentage and a plain number other
// than 1. 200 + 10% is 220 to qalc and Soulver (10% more) and 200.1 to
// Numbat and GNU units (10% is 0.1): a reader cannot tell which was meant,
// so napkin asks. With 1 the two readings agree (1 - 99.9% is 0.1%).
func (ctx *evalCtx) checkPercentSum(id int, a, b Quantity, sign float64) *Error {
	pa, pb := a.hint&hintPercent != 0, b.hint&hintPercent != 0
	if pa == pb || !a.D.IsZero() {
		return nil
	}
	plain, pct := a, b
	if pa {
		plain, pct = b, a
	}
	if plain.S == nil && plain.V == 1 {
		return nil
	}
	x, p := ctx.show(plain), ctx.show(pct)
	fraction := ctx.show(Quantity{V: pct.V, S: pct.S, src: pct.src})
	if sign < 0 && pa {
		return ctx.errorf(id, fmt.Sprintf("for the number write %s - %s; for a share of %s, write %s of %s", fraction, x, x, p, x),
			"%s - %s subtracts a plain number from a percentage", p, x)
	}
	op, more, verb := "+", "more", "add"
	if sign < 0 {
		op, more, verb = "-", "less", "subtract"
	}
	written := x + " " + op + " " + p
	number := x + " " + op + " " + fraction
	if pa {
		written, number = p+" + "+x, fraction+" + "+x
	}
	return ctx.errorf(id, fmt.Sprintf("for %s %s than %s write %s × (1 %s %s); to %s the number %s, write %s", p, more, x, x, op, p, verb, fraction, number),
		"%s is ambiguous: %s %s than %s, or %s?", written, p, more, x, number)
}

// checkPrefixes warns when a sum mixes decimal and binary data units
// (1 GB + 1 GiB): legal, and exact, but usually a slip.
func (ctx *evalCtx) checkPrefixes(a, b Quantity, verb string) {
	mixed := (a.hint&hintBinary != 0 && b.hint&hintDecimal != 0) || (a.hint&hintDecimal != 0 && b.hint&hintBinary != 0)
	if mixed && a.D[dimInformation] != 0 && !ctx.p.body {
		ctx.p.warnings = append(ctx.p.warnings, fmt.Sprintf("%s decimal and binary units (%s and %s): they differ by 2.4%% per prefix step",
			verb, ctx.show(a), ctx.show(b)))
	}
}

// mismatch explains an addition or subtraction of different dimensions.
func (ctx *evalCtx) mismatch(id int, verb string, a, b Quantity) *Error {
	hint := mismatchHint(b.D, a.D, "the right side")
	if hint == "" {
		hint = "both sides must be the same kind of quantity"
	}
	return ctx.errorf(id, hint, "cannot %s %s and %s: left side is %s [%s], right side is %s [%s]",
		verb, a.D, b.D, ctx.show(a), a.D, ctx.show(b), b.D)
}

func (ctx *evalCtx) show(q Quantity) string {
	return formatInline(q, ctx.p.scope.s.prec())
}

func mulOp(ctx *evalCtx, id int, a, b Quantity) (Quantity, *Error) {
	r, ok := mulQ(a, b)
	if !ok {
		return r, ctx.errorf(id, "", "the units multiply to a dimension napkin cannot hold")
	}
	return r, nil
}

func divOp(ctx *evalCtx, id int, a, b Quantity) (Quantity, *Error) {
	if b.V == 0 && b.S == nil {
		return Quantity{}, ctx.operandError(id, 1, "check the value of the right side", "division by zero")
	}
	for _, x := range b.S {
		if x == 0 {
			return Quantity{}, ctx.operandError(id, 1, "a lognormal range (LO to HI) never reaches 0", "division by zero: the divisor's range includes 0")
		}
	}
	r, ok := divQ(a, b)
	if !ok {
		return r, ctx.errorf(id, "", "the units divide to a dimension napkin cannot hold")
	}
	return r, nil
}

func powOp(ctx *evalCtx, id int, a, e Quantity) (Quantity, *Error) {
	if a.V == 0 && e.V < 0 {
		return Quantity{}, ctx.operandError(id, 0, "0^-n is 1/0^n: use a base other than 0, or a power ≥ 0", "zero raised to a negative power (division by zero)")
	}
	if a.V < 0 && e.V != math.Trunc(e.V) {
		return Quantity{}, ctx.errorf(id, "napkin has no complex numbers: raise the magnitude and put the sign outside, -(8^0.5), or use a whole power", "a negative number raised to a fractional power is not a real number")
	}
	r, why := powQ(a, e)
	if why != "" {
		return r, ctx.operandError(id, 1, powHint(why), "%s", why)
	}
	return r, nil
}

// powHint says how to fix a power powQ refuses.
func powHint(why string) string {
	switch {
	case strings.HasPrefix(why, "the exponent must"):
		return "divide the exponent by its unit: 2^(10 s / 1 s)"
	case strings.Contains(why, "fractional dimension"):
		return "a power of a quantity with units must keep whole units: 4 GB^2 is fine, GB^0.5 is not; take the root of the plain number: (2^0.5) GB"
	case strings.Contains(why, "exact exponent"):
		return "use an exact exponent with units, or divide out the units first"
	}
	return "use a smaller power"
}

func negOp(_ *evalCtx, _ int, a Quantity) (Quantity, *Error) {
	return mapQ(a, func(x float64) float64 { return -x }), nil
}

func posOp(_ *evalCtx, _ int, a Quantity) (Quantity, *Error) { return a, nil }

func pctOp(ctx *evalCtx, id int, a Quantity) (Quantity, *Error) {
	if !a.D.IsZero() {
		return Quantity{}, ctx.errorf(id, "write the percentage of a plain number: 20%", "%% needs a plain number, not %s", a.D)
	}
	r := mapQ(a, func(x float64) float64 { return x / 100 })
	r.hint |= hintPercent
	return r, nil
}

func recipOp(ctx *evalCtx, id int, a Quantity) (Quantity, *Error) {
	return divOp(ctx, id, number(1), a)
}

func callOp(a ...any) (any, error) {
	ctx, id := a[0].(*evalCtx), a[1].(int)
	args := make([]Quantity, len(a)-2)
	for i := range args {
		args[i] = a[i+2].(Quantity)
	}
	ni := ctx.p.info[id]
	if ni.ufn != nil {
		q, err := ctx.callUser(id, ni.ufn, args)
		return ctx.finish(id, q, err, 0, args...) // the body charges its own work
	}
	in := 0
	for _, x := range args {
		in = max(in, len(x.S))
	}
	q, err := ni.fn.eval(ctx, id, args)
	if err == nil && ni.fn.name == "exp" && zeroFromNonzero(q, number(1)) {
		err = underflow(ctx, id) // exp is never 0
	}
	return ctx.finish(id, q, err, in, args...)
}

// callUser evaluates a user function's body with its parameters bound.
func (ctx *evalCtx) callUser(id int, f *userFunc, args []Quantity) (Quantity, *Error) {
	if ctx.depth >= maxCallDepth {
		return Quantity{}, ctx.errorf(id, "a function that calls itself never finishes: napkin has no conditionals",
			"functions call each other more than %d deep", maxCallDepth)
	}
	if err := ctx.checkDomain(id, f, args); err != nil {
		return Quantity{}, err
	}
	q, err := f.call(ctx.p.scope.s, ctx.depth+1, args)
	switch {
	case err == nil:
		return q, nil
	case stopped(err):
		return Quantity{}, ctx.restate(id, err)
	}
	return Quantity{}, ctx.inCall(id, f, err)
}

// keptFrames is how many of the innermost calls an error through nested
// user functions names; the outermost is named too, and the calls between
// are counted, so the message stays a line whatever the depth.
const keptFrames = 3

// inCall restates err, from the body of f, at the call id.
func (ctx *evalCtx) inCall(id int, f *userFunc, err *Error) *Error {
	frame := fmt.Sprintf("in %s (defined on line %d: %s)", f.name, f.line, cutLongWords(trimmed(f.src, f.body)))
	var e *Error
	switch between := err.frames - keptFrames; {
	case between < 0:
		e = ctx.errorf(id, err.Hint, "%s: %s", frame, err.Msg)
		e.inner = e.Msg
	case between == 0:
		e = ctx.errorf(id, err.Hint, "%s: %s", frame, err.inner)
		e.inner = err.inner
	default:
		e = ctx.errorf(id, err.Hint, "%s: … %d more call%s …: %s", frame, between, plural(between), err.inner)
		e.inner = err.inner
	}
	e.frames = err.frames + 1
	return e
}

func trimmed(src string, n node) string {
	sp := n.pos()
	return fmt.Sprint(src[sp.Start:sp.End])
}
