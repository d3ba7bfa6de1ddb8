package estimate

import (
	"fmt"
	"math"
	"strings"
	"sync/atomic"

	"github.com/expr-lang/expr/vm"
)

// Options configure a Session.
type Options struct {
	// Digits is the number of significant digits results show; 0 means
	// DefaultDigits.
	Digits int
	// RangeDigits is the number of significant digits ranges show; 0 means
	// three, since their digits beyond the third are noise.
	RangeDigits int
	// Seed and Samples set the Monte Carlo evaluation of ranges; 0 means
	// DefaultSeed and DefaultSamples.
	Seed    uint64
	Samples int
	// MaxSteps is the work budget of each evaluated line: operator
	// applications, calls, operations on samples. A line over it is an
	// *Error wrapping ErrBudget. 0 means DefaultMaxSteps, generous enough
	// for any real estimate.
	MaxSteps int
	// MaxLiveSamples bounds the samples of ranges the session keeps in
	// memory (variables, ans, the line being evaluated): a line over it is
	// an *Error wrapping ErrTooManySamples. 0 means DefaultMaxLiveSamples.
	MaxLiveSamples int
}

// Session evaluates lines one after another: variables, functions and ans
// flow from each line to the next. The zero value is not usable; call
// NewSession.
type Session struct {
	opts  Options
	base  *prelude
	vars  map[string]*variable
	funcs map[string]*userFunc
	// varOrder lists the variables' names in the order they were first set.
	varOrder []string
	ans      *Quantity
	file     string
	line     int
	// valuesOnly skips the display and the working, for loading units.
	valuesOnly bool
	// unitLimit, when ≥ 0, hides the units declared at or after that
	// position: a unit's definition sees only the units before it.
	unitLimit   int
	libs        []Library
	funcSources []*funcSource
	// steps is the work done so far by the line being evaluated; evalGen
	// numbers the lines, and stopGen is the number of the line Interrupt
	// stopped.
	steps         int
	vms           []*vm.VM
	compiledFuncs []*userFunc // the functions whose bodies this line compiled
	evalGen       atomic.Uint64
	stopGen       atomic.Uint64
	// The samples kept in memory (see memory.go): the vectors variables
	// and ans hold, and those the line being evaluated has made.
	held        map[*float64]*heldVector
	heldSamples int
	lineVecs    map[*float64]*lineVector
	lineSamples int
}

func (s *Session) seed() uint64 {
	if s.opts.Seed == 0 {
		return DefaultSeed
	}
	return s.opts.Seed
}

func (s *Session) samples() int {
	if s.opts.Samples <= 0 {
		return DefaultSamples
	}
	return s.opts.Samples
}

type variable struct {
	q    Quantity
	line int
	// failedLine is set when the line that should have defined the
	// variable failed: using it is then an error, even where the name
	// would otherwise mean a unit (qps).
	failedLine int
}

// Kind says what a line was.
type Kind string

// The kinds of line that produce a Result.
const (
	KindExpression Kind = "expression" // 10M * 5 / day
	KindAssignment Kind = "assignment" // qps = 10M * 5 / day
	KindFunction   Kind = "function"   // shards(total, per) = ceil(total / per)
	KindAssertion  Kind = "assertion"  // assert 1 KiB == 1024 bytes
)

// Result is one evaluated line.
type Result struct {
	Line  int    // 1-based line number
	Input string // the line as given
	Kind  Kind
	Name  string // the variable assigned or function defined
	Display
	Quantity  Quantity
	Dimension string // "data/time"; "number" for a plain number
	// Steps is the working: the line as written, then with names replaced
	// by their values, then each intermediate step. The result itself is
	// Display.Text, shown after them.
	Steps []string
	// Literal is set for a line that is one value as written (5 GB,
	// 300M users): its working is the value itself, with no step to show.
	Literal bool
	// Uses lists the variables, constants and units the line refers to,
	// once each, in order; Literals the plain numbers written in it. Lint
	// uses them to follow how a figure was derived.
	Uses     []string
	Literals []float64
	// Warnings are doubts about the line that do not stop it: adding
	// decimal to binary units.
	Warnings []string
	session  *Session
}

// WithoutSamples is a copy of r that does not keep a range's samples (or
// those of the ranges it derives from) alive: its display, value, unit and
// working are r's, but it is no longer a range, so Distribution and
// Sensitivity return nil. For callers that keep many results.
func (r *Result) WithoutSamples() *Result {
	if r == nil || r.Quantity.S == nil {
		return r
	}
	c := *r
	c.Quantity.S, c.Quantity.src, c.session = nil, nil, nil
	return &c
}

// NewSession starts a session with napkin's units in scope.
func NewSession(opts Options) *Session {
	if opts.Digits <= 0 {
		opts.Digits = DefaultDigits
	}
	return &Session{
		opts:      opts,
		base:      loadPrelude(),
		vars:      map[string]*variable{},
		funcs:     map[string]*userFunc{},
		unitLimit: -1,
	}
}

// MarkFailed records that the line that assigns name failed, so that later
// lines using name fail too, saying why, instead of falling back to a unit
// of the same name or reporting an unknown name.
func (s *Session) MarkFailed(name string, line int) {
	s.setVar(name, &variable{failedLine: line})
}

// setVar sets a variable, noting a new name in varOrder.
func (s *Session) setVar(name string, v *variable) {
	old, ok := s.vars[name]
	if !ok {
		s.varOrder = append(s.varOrder, name)
	}
	s.hold(v.q)
	if ok {
		s.release(old.q)
	}
	s.vars[name] = v
}

// recentVars are the names of the variables defined last, at most
// maxSuggestVars, newest last: where a typo is looked for, so that an
// error costs the same in a script of 100,000 variables as in one of ten.
func (s *Session) recentVars() []string {
	return s.varOrder[max(0, len(s.varOrder)-maxSuggestVars):]
}

const maxSuggestVars = 1000

// AssignedName is the variable a line assigns, or "" (also for a line that
// does not parse).
func AssignedName(line string) string {
	st, err := parseLine(line)
	if err != nil || st.kind != stmtAssign {
		return ""
	}
	return st.name
}

// SetFile names the script being evaluated, for error positions.
func (s *Session) SetFile(name string) { s.file = name }

func (s *Session) digits() int { return s.opts.Digits }

// prec is the precision of the session's results: Digits for exact
// values, RangeDigits for ranges.
func (s *Session) prec() precision {
	if s.opts.RangeDigits <= 0 {
		return precision{s.opts.Digits, rangeDigits}
	}
	return precision{s.opts.Digits, s.opts.RangeDigits}
}

// Eval evaluates the next line (numbered after the previous one).
func (s *Session) Eval(src string) (*Result, error) {
	return s.EvalLine(s.line+1, src)
}

// EvalLine evaluates one line. It returns (nil, nil) for a blank or
// comment-only line, and an *Error for bad input.
func (s *Session) EvalLine(line int, src string) (*Result, error) {
	s.line = line
	s.startLine()
	src = strings.TrimRight(src, "\r\n")
	r, err := s.evalLine(line, src)
	s.endLine() // its map would keep the line's vectors alive
	if err != nil {
		err.File, err.Line = s.file, line
		return nil, err
	}
	return r, nil
}

func (s *Session) evalLine(line int, src string) (*Result, *Error) {
	st, err := parseLine(src)
	if err != nil {
		return nil, err
	}
	r := &Result{Line: line, Input: src, Name: st.name}
	switch st.kind {
	case stmtEmpty:
		return nil, nil
	case stmtFunc:
		return s.defineFunc(st, src, r)
	case stmtAssert:
		return s.assert(st, src, r)
	case stmtAssign:
		r.Kind = KindAssignment
	default:
		r.Kind = KindExpression
	}
	p, err := compile(src, st.name, st.x, &scope{s: s})
	if err != nil {
		return nil, err
	}
	q, err := p.run(0)
	if err != nil {
		return nil, err
	}
	r.Quantity = q
	r.session = s
	if s.valuesOnly {
		s.setAns(&q)
		return r, nil
	}
	r.Dimension = q.D.String()
	if st.target != nil || st.pct {
		if r.Display, err = s.convert(src, st, q); err != nil {
			return nil, err
		}
	} else {
		r.Display = display(q, s.prec())
		if u := r.Display.overflow; u != "" {
			return nil, tooLarge(src, st.x.pos(), u)
		}
	}
	r.Steps = s.working(p, st, src)
	r.Literal = p.info[p.root].kind == nkLiteral
	r.Uses, r.Literals = p.uses()
	r.Warnings = p.warnings
	if st.kind == stmtAssign {
		s.setVar(st.name, &variable{q: q, line: line})
	}
	s.setAns(&q)
	return r, nil
}

// convert shows q in the unit of an -> or in target.
func (s *Session) convert(src string, st *statement, q Quantity) (Display, *Error) {
	t, err := targetOf(src, st.target, st.tgtSp, s)
	if err != nil {
		return Display{}, err
	}
	if err := t.check(src, st.tgtSp, q, s.prec()); err != nil {
		return Display{}, err
	}
	d, overflow := t.show(q, s.prec())
	if overflow {
		return Display{}, tooLarge(src, st.tgtSp, t.text)
	}
	return d, nil
}

// tooLarge is the error for a result that is finite in base units but
// too large for the unit it is shown in: napkin never shows +Inf.
func tooLarge(src string, sp span, unit string) *Error {
	return errorAt(src, sp, "the numbers are beyond about 1.8e308 in that unit; check the exponents, or convert to a larger unit",
		"the result is too large to show in %s (overflow)", unit)
}

func (s *Session) defineFunc(st *statement, src string, r *Result) (*Result, *Error) {
	if isBuiltin(st.name) {
		return nil, errorAt(src, st.nameSp, "choose another name", "%s is a builtin function and cannot be redefined", st.name)
	}
	// Defining a function settles its name: a function file loaded later
	// must not replace it.
	for _, fs := range s.funcSources {
		if !fs.loaded && s.file != fs.file && fs.defines()[st.name] {
			delete(fs.names, st.name)
		}
	}
	f := &userFunc{name: st.name, params: st.params, body: st.x, src: src, line: s.line, file: s.file}
	if _, doc, ok := strings.Cut(src, "#"); ok {
		f.doc = strings.TrimSpace(doc)
	}
	if err := s.checkNames(src, st.x, st.params, f); err != nil {
		return nil, err
	}
	s.funcs[st.name] = f
	r.Kind = KindFunction
	body := st.x.pos()
	r.Display = Display{Text: f.signature() + " = " + src[body.Start:body.End]}
	return r, nil
}

// checkNames makes sure every name in a function body will resolve when the
// function is called: a parameter, a variable, a unit or a function.
func (s *Session) checkNames(src string, n node, params []string, self *userFunc) *Error {
	// Only a function that is already defined can be called by another, so
	// only a redefinition can close a cycle (f → g → f).
	_, redefining := s.funcs[self.name]
	var walk func(n node, afterNumber bool) *Error
	walk = func(n node, afterNumber bool) *Error {
		switch n := n.(type) {
		case *ident:
			for _, p := range params {
				if p == n.name {
					return nil
				}
			}
			if _, ok := s.vars[n.name]; ok || n.name == "ans" {
				return nil
			}
			if _, ok := s.unit(n.name); ok {
				return nil
			}
			if _, ok := s.constant(n.name); ok {
				return nil
			}
			if afterNumber {
				return nil // a label, or a unit typo caught at the call
			}
			sc := &scope{s: s, params: map[string]Quantity{}}
			for _, p := range params {
				sc.params[p] = Quantity{}
			}
			return (&plan{src: src, scope: sc}).unknown(n, suggest(n.name, sc.knownNames()), false)
		case *call:
			if _, ok := s.function(n.name); !ok && n.name != self.name {
				if !isBuiltin(n.name) {
					return errorAt(src, n.nameSp, "define it first, or check the spelling", "unknown function %q", n.name)
				}
			}
			if n.name == self.name {
				return errorAt(src, n.nameSp, "napkin has no conditionals, so a function calling itself never ends",
					"%s calls itself", n.name)
			}
			if redefining {
				if g, ok := s.funcs[n.name]; ok {
					if path := s.callPath(g, self.name); path != nil {
						cycle := strings.Join(append(append([]string{self.name}, path...), self.name), " → ")
						return errorAt(src, n.nameSp, fmt.Sprintf("napkin has no conditionals, so functions that call each other never end; give the new %s another name", self.name),
							"this definition makes %s call itself: %s", self.name, cutLongWords(cycle))
					}
				}
			}
			for _, a := range n.args {
				if err := walk(a, false); err != nil {
					return err
				}
			}
		case *binary:
			if err := walk(n.x, false); err != nil {
				return err
			}
			return walk(n.y, false)
		case *unary:
			return walk(n.x, false)
		case *percent:
			return walk(n.x, false)
		case *group:
			return walk(n.x, false)
		case *rangeNode:
			if err := walk(n.lo, false); err != nil {
				return err
			}
			return walk(n.hi, false)
		case *compare:
			if err := walk(n.x, false); err != nil {
				return err
			}
			return walk(n.y, false)
		case *convNode:
			return walk(n.x, false) // the target is a unit, checked at the call
		case *juxt:
			_, num := literalValue(n.xs[0])
			for i, x := range n.xs {
				if err := walk(x, num && i > 0); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return walk(n, false)
}

func (s *Session) assert(st *statement, src string, r *Result) (*Result, *Error) {
	var qs [2]Quantity
	for i, x := range []node{st.x, st.y} {
		p, err := compile(src, "", x, &scope{s: s})
		if err != nil {
			return nil, err
		}
		if qs[i], err = p.run(0); err != nil {
			return nil, err
		}
	}
	a, b := qs[0], qs[1]
	whole := span{st.x.pos().Start, st.y.pos().End}
	if a.D != b.D {
		return nil, errorAt(src, whole, "compare quantities of one kind", "assert compares %s [%s] with %s [%s]",
			formatInline(a, s.prec()), a.D, formatInline(b, s.prec()), b.D)
	}
	// With ranges, an assert must hold in every sample.
	n := max(len(a.S), len(b.S), 1)
	failed := 0
	for i := 0; i < n; i++ {
		if !holds(st.cmp, a.at(i), b.at(i)) {
			failed++
		}
	}
	switch {
	case failed > 0 && n > 1:
		return nil, errorAt(src, whole, "to require it only mostly, assert on a probability: assert P(x > y) > 90%",
			"assertion failed in %.3g%% of the samples: left side is %s, right side is %s",
			100*float64(failed)/float64(n), formatInline(a, s.prec()), formatInline(b, s.prec()))
	case failed > 0:
		return nil, errorAt(src, whole, "the sides differ (shown in full): fix the calculation or the expected value; for a bound, assert with < or >", "assertion failed: left side is %s, right side is %s",
			preciseText(a), preciseText(b))
	}
	r.Kind = KindAssertion
	r.Display = Display{Text: "ok"}
	return r, nil
}

// Load evaluates a whole script into the session without returning its
// results: a prelude of formulas, a preset's assumptions. It stops at the
// first error.
func (s *Session) Load(file, src string) error {
	saved := s.file
	defer s.SetFile(saved)
	s.SetFile(file)
	for i, line := range SplitLines(src) {
		if _, err := s.EvalLine(i+1, line); err != nil {
			return err
		}
	}
	return nil
}

// holds compares two values as an assert does: == and != allow a relative
// difference of 1e-9.
func holds(cmp string, a, b float64) bool {
	eq := a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(a), math.Abs(b))
	switch cmp {
	case "==":
		return eq
	case "!=":
		return !eq
	case "<":
		return a < b && !eq
	case "<=":
		return a < b || eq
	case ">":
		return a > b && !eq
	}
	return a > b || eq // >=
}

// preciseText shows a quantity with all its digits, for failed asserts.
func preciseText(q Quantity) string { return formatInline(q, precision{17, 17}) }

// Variables lists the session's variables with their current values.
func (s *Session) Variables() map[string]Display {
	out := make(map[string]Display, len(s.vars))
	for name, v := range s.vars {
		out[name] = display(v.q, s.prec())
	}
	return out
}
