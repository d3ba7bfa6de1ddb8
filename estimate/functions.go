package estimate

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
)

// builtin is a function napkin provides. Each is unit-aware where that
// makes sense: min, max and abs keep units; rounding and logarithms need a
// plain number, so that ceil(2.3 TB / 1 TB) is 3 and ceil(2.3 TB) is an
// error that says which unit to divide by.
type builtin struct {
	name             string
	minArgs, maxArgs int // maxArgs < 0: any number
	usage            string
	doc              string
	eval             func(ctx *evalCtx, id int, args []Quantity) (Quantity, *Error)
	sampler          bool // draws samples: gets an identity like a range
}

func (b *builtin) arity() string {
	switch {
	case b.minArgs == b.maxArgs:
		return fmt.Sprintf("%d argument%s", b.minArgs, plural(b.minArgs))
	case b.maxArgs < 0:
		return fmt.Sprintf("at least %d argument%s", b.minArgs, plural(b.minArgs))
	}
	return fmt.Sprintf("%d to %d arguments", b.minArgs, b.maxArgs)
}

// userFunc is a function defined in napkin: shards(total, per) = ceil(total / per).
type userFunc struct {
	name   string
	params []string
	body   node
	src    string // the defining line
	line   int
	file   string       // where it was defined, "" for the session's own input
	doc    string       // the comment after the definition
	source string       // from a "#@ source:" line above it in a function file
	year   int          // from a "#@ year:" line; 0 when unknown
	domain []domainRule // from "#@ domain:" lines just above it (domain.go)
	// The body compiled once for the line being evaluated (compiledGen):
	// see userFunc.call.
	compiled    *plan
	compiledGen uint64
	compileErr  *Error
	paramSlots  []paramSlot
	direct      int // for a body that is one parameter, its index; else -1
}

func (f *userFunc) signature() string {
	return fmt.Sprintf("%s(%s)", f.name, strings.Join(f.params, ", "))
}

// builtinNames lists the builtins, sorted, for suggestions and help. The
// table itself is built the first time a line calls one: a line that only
// mentions names pays for none of it.
var builtinNames = []string{"P", "abs", "ceil", "erlang_c", "exp", "floor", "harmonic", "harmonic_diff", "ln", "log10", "log2", "max", "min", "normal", "round", "sqrt", "uniform"}

// isBuiltin reports whether name is a builtin function.
func isBuiltin(name string) bool {
	_, ok := slices.BinarySearch(builtinNames, name)
	return ok
}

// lookupBuiltin returns the builtin called name.
func lookupBuiltin(name string) (*builtin, bool) {
	if !isBuiltin(name) {
		return nil, false
	}
	b, ok := builtins()[name]
	return b, ok
}

var (
	builtinsOnce sync.Once
	builtinTable map[string]*builtin
)

// builtins is the table of builtin functions by name.
func builtins() map[string]*builtin {
	builtinsOnce.Do(func() { builtinTable = makeBuiltins() })
	return builtinTable
}

func makeBuiltins() map[string]*builtin {
	table := map[string]*builtin{}
	for _, b := range []*builtin{
		plainFn("ceil", "ceil(x): the smallest whole number ≥ x", wholeCeil, "ceil(2.3 TB / 1 TB) is 3"),
		plainFn("floor", "floor(x): the largest whole number ≤ x", wholeFloor, "floor(x / 1 GB)"),
		plainFn("round", "round(x): x rounded to the nearest whole number", math.Round, "round(x / 1 ms)"),
		plainFn("log2", "log2(x): the base-2 logarithm", math.Log2, ""),
		plainFn("log10", "log10(x): the base-10 logarithm", math.Log10, ""),
		plainFn("ln", "ln(x): the natural logarithm", math.Log, ""),
		plainFn("exp", "exp(x): e raised to x", math.Exp, ""),
		{name: "abs", minArgs: 1, maxArgs: 1, usage: "abs(x)", doc: "abs(x): x without its sign, units kept",
			eval: func(_ *evalCtx, _ int, a []Quantity) (Quantity, *Error) {
				return mapQ(a[0], math.Abs), nil
			}},
		samplerFn("normal", distNormal, "normal(lo, hi): a normal with 90% of its mass between lo and hi; for ranges that reach 0 or below"),
		samplerFn("uniform", distUniform, "uniform(lo, hi): every value between lo and hi equally likely"),
		{name: "P", minArgs: 1, maxArgs: 1, usage: "P(x > y)", doc: "P(x > y): the probability that a comparison of ranges holds",
			eval: func(ctx *evalCtx, id int, a []Quantity) (Quantity, *Error) {
				if a[0].hint&hintProbability == 0 {
					return Quantity{}, ctx.errorf(id, "write P(peak_qps > 10k/s)", "P takes a comparison")
				}
				return a[0], nil
			}},
		{name: "sqrt", minArgs: 1, maxArgs: 1, usage: "sqrt(x)", doc: "sqrt(x): the square root; sqrt(4 s^2) is 2 s", eval: sqrtFn},
		extremeFn("min", "min(a, b, …): the smallest, all of one dimension", func(a, b float64) bool { return a < b }),
		extremeFn("max", "max(a, b, …): the largest, all of one dimension", func(a, b float64) bool { return a > b }),
		harmonicBuiltin(),
		harmonicDiffBuiltin(),
		erlangCBuiltin(),
	} {
		table[b.name] = b
	}
	return table
}

// plainFn makes a one-argument function of a plain number.
// wholeTolerance is how close, relatively, a value must be to a whole
// number for ceil and floor to take it as that number: 42 / 70% is
// 60.00000000000001 in floating point, and its ceiling is 60, not 61.
// No estimate's inputs are known to one part in a trillion.
const wholeTolerance = 1e-12

// maxWholeGap bounds the snap in absolute terms: from 1e6 up, a
// trillionth of the value is a fraction that may be real (floor(2e12 +
// 0.9) is 2e12).
const maxWholeGap = 1e-6

// nearWhole is x, or the whole number within wholeTolerance of it.
func nearWhole(x float64) float64 {
	if r := math.Round(x); r != 0 && math.Abs(x-r) <= min(wholeTolerance*math.Abs(r), maxWholeGap) {
		return r
	}
	return x
}

func wholeCeil(x float64) float64  { return math.Ceil(nearWhole(x)) }
func wholeFloor(x float64) float64 { return math.Floor(nearWhole(x)) }

func plainFn(name, doc string, f func(float64) float64, example string) *builtin {
	return &builtin{name: name, minArgs: 1, maxArgs: 1, usage: name + "(x)", doc: doc,
		eval: func(ctx *evalCtx, id int, a []Quantity) (Quantity, *Error) {
			x := a[0]
			if !x.D.IsZero() {
				hint := "divide by a unit first"
				if example != "" {
					hint += ", e.g. " + example
				}
				return Quantity{}, ctx.operandError(id, 0, hint, "%s needs a plain number, not %s [%s]", name, ctx.show(x), x.D)
			}
			if name == "log2" || name == "log10" || name == "ln" {
				for i := 0; i < max(len(x.S), 1); i++ {
					if v := x.at(i); v <= 0 {
						hint := fmt.Sprintf("a logarithm is defined above 0 only; %s(0) is minus infinity", name)
						if v < 0 {
							hint = fmt.Sprintf("a logarithm is defined above 0 only: %s of a negative number has no real value", name)
						}
						return Quantity{}, ctx.operandError(id, 0, hint, "%s needs a positive number, not %s", name, ctx.show(x))
					}
				}
			}
			r := mapQ(x, f)
			r.hint = 0
			return r, nil
		}}
}

func sqrtFn(ctx *evalCtx, id int, a []Quantity) (Quantity, *Error) {
	x := a[0]
	for i := 0; i < max(len(x.S), 1); i++ {
		if x.at(i) < 0 {
			return Quantity{}, ctx.operandError(id, 0, "napkin has no complex numbers; for the root of the magnitude write sqrt(abs(x))", "sqrt needs a number ≥ 0, not %s", ctx.show(x))
		}
	}
	r, why := powQ(x, number(0.5))
	if why != "" {
		return Quantity{}, ctx.operandError(id, 0, "", "sqrt of %s: %s", x.D, why)
	}
	return r, nil
}

func extremeFn(name, doc string, better func(a, b float64) bool) *builtin {
	return &builtin{name: name, minArgs: 1, maxArgs: -1, usage: name + "(a, b, …)", doc: doc,
		eval: func(ctx *evalCtx, id int, a []Quantity) (Quantity, *Error) {
			best := a[0]
			for i, x := range a[1:] {
				if !sameDim(x, a[0]) {
					return Quantity{}, ctx.operandError(id, i+1, "compare quantities of one kind",
						"%s of %s and %s: the first is %s, this one is %s", name, a[0].D, x.D, ctx.show(a[0]), ctx.show(x))
				}
				if n := max(len(best.S), len(x.S)); n > 0 {
					if err := ctx.chargeSamples(id, n); err != nil {
						return Quantity{}, err
					}
				}
				v, s, src := zip(best, x, func(p, q float64) float64 {
					if better(q, p) {
						return q
					}
					return p
				})
				best = Quantity{V: v, S: s, src: src, D: best.D, hint: best.hint | x.hint}
			}
			return best, nil
		}}
}

// samplerFn makes normal(lo, hi) and uniform(lo, hi).
func samplerFn(name string, kind distKind, doc string) *builtin {
	return &builtin{name: name, minArgs: 2, maxArgs: 2, usage: name + "(lo, hi)", doc: doc, sampler: true,
		eval: func(ctx *evalCtx, id int, a []Quantity) (Quantity, *Error) {
			return ctx.sampleRange(id, kind, ctx.p.info[id].identity, a[0], a[1], nil, false)
		}}
}

// FunctionInfo describes a function defined in napkin.
type FunctionInfo struct {
	Name      string
	Signature string   // shards(total, per)
	Body      string   // ceil(total / per)
	Doc       string   // the comment after the definition
	File      string   // the file that defined it
	Line      int      // the line that defined it
	Source    string   // where the formula comes from ("" for the session's own)
	Year      int      // the source's year, 0 when unknown
	Domain    []string // what the parameters accept, from #@ domain: lines ("availability: a probability")
}

// Functions lists the functions defined in the session, by name.
func (s *Session) Functions() []FunctionInfo {
	s.loadAllFunctions()
	var out []FunctionInfo
	for _, name := range sortedKeys(s.funcs) {
		f := s.funcs[name]
		sp := f.body.pos()
		out = append(out, FunctionInfo{Name: name, Signature: f.signature(), Body: f.src[sp.Start:sp.End], Doc: f.doc, File: f.file, Line: f.line, Source: f.source, Year: f.year, Domain: f.domainText()})
	}
	return out
}

// BuiltinHelp is the line of help of a builtin function, if name is one.
func BuiltinHelp(name string) (string, bool) {
	b, ok := lookupBuiltin(name)
	if !ok {
		return "", false
	}
	return b.doc, true
}

// FunctionHelp lists the builtin functions with a line of help each.
func FunctionHelp() []string {
	out := make([]string, 0, len(builtinNames))
	for _, n := range builtinNames {
		out = append(out, builtins()[n].doc)
	}
	return out
}
