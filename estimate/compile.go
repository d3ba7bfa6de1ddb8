package estimate

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// What a node turned out to be once its names were resolved.
type nodeKind uint8

const (
	nkLiteral nodeKind = iota // value known before running: 42, 5 GB, 300M users, -3, 20%
	nkVar                     // a variable or ans, substituted by its value in the working
	nkUnit                    // a unit standing alone (/ day)
	nkLabel                   // a counted thing (users); multiplies by 1
	nkOp                      // computed when the program runs
	nkGroup                   // parentheses: the value of the inner node
)

// nodeInfo is what the compiler and the run learn about one node.
type nodeInfo struct {
	n      node
	kind   nodeKind
	q      Quantity // the value: set at compile time for leaves, by the run for ops
	height int      // 0 for leaves; 1 + the highest child for ops
	fn     *builtin // the builtin called by a call node
	ufn    *userFunc
	// For ranges: the distribution, the identity its random stream is
	// derived from, and the unit a bare low end borrows (1 to 4 KB).
	dist       distKind
	identity   string
	unitFactor *Quantity
	bareLow    bool        // the low end is a plain number (10 to 50 million, 1 to 4%)
	conv       *convTarget // for a conversion inside an expression
	slot       int         // the node's slot of K, for a leaf
}

// plan is one expression ready to run: the expr program's source (a tree
// of calls into the runtime, every leaf a slot of K) and what is known
// about each node.
type plan struct {
	src   string // the napkin source line, for error positions
	info  []*nodeInfo
	ids   map[node]int
	k     []Quantity
	code  strings.Builder
	root  int
	scope *scope
	// warnings collected while running: see Result.Warnings.
	warnings []string
	// name is the variable the line assigns, part of each range's identity.
	name       string
	identities map[string]int
	// kept counts the samples of intermediate values recorded for the
	// working; dropped is set when some were not (see plan.record).
	kept    int
	dropped bool
	// body is set for a user function's body: compiled once, run at every
	// call, it records neither values nor warnings.
	body bool
	// oneRange caches definesOneRange: 0 unknown, 1 yes, 2 no.
	oneRange uint8
	// head is the number a juxtaposition starts with (the 3 of 3 ks), and
	// headSp its span, for the hints of words after it.
	head   float64
	headSp span
}

// identity names a range for its random stream: the variable it is
// assigned to, its text, and how many identical ranges came before it in
// the line. Never the line number: unrelated edits must not reshuffle.
func (p *plan) identity(n node) string {
	sp := n.pos()
	text := p.name + "=" + tidySpaces(p.src[sp.Start:sp.End])
	if p.identities == nil {
		p.identities = map[string]int{}
	}
	k := p.identities[text]
	p.identities[text]++
	return fmt.Sprintf("%s#%d", text, k)
}

// uses lists the names a plan refers to and the numbers written in it.
func (p *plan) uses() (names []string, literals []float64) {
	seen := map[string]bool{}
	for _, ni := range p.info {
		switch n := ni.n.(type) {
		case *ident:
			if ni.kind != nkLabel && !seen[n.name] {
				seen[n.name] = true
				names = append(names, n.name)
			}
		case *numLit:
			literals = append(literals, n.v)
		}
	}
	return names, literals
}

// scope is where names are looked up: parameters of the user function being
// evaluated, then the session's variables, then the units.
type scope struct {
	s      *Session
	params map[string]Quantity
	// unitsFirst makes units win over variables of the same name: in a
	// conversion target (-> qps) and right after a number (5 min).
	unitsFirst bool
}

// knownNames are the names a typo is looked for among: the variables
// defined last (see recentVars), and every other name.
func (sc *scope) knownNames() []string { return sc.namesWith(sc.s.recentVars()) }

func (sc *scope) namesWith(vars []string) []string {
	names := make([]string, 0, 64)
	for k := range sc.params {
		names = append(names, k)
	}
	names = append(names, vars...)
	names = append(names, sortedKeys(sc.s.funcs)...)
	names = append(names, sc.s.lazyFunctionNames()...)
	names = append(names, sc.s.base.sortedNames()...)
	names = append(names, builtinNames...)
	for _, l := range sc.s.libs {
		names = append(names, l.Names()...)
	}
	return names
}

// valueNames are the names that may follow a number: parameters,
// variables and units (and the libraries' names), not functions.
func (sc *scope) valueNames() []string {
	names := make([]string, 0, 64)
	for k := range sc.params {
		names = append(names, k)
	}
	names = append(names, sortedKeys(sc.s.vars)...)
	names = append(names, sc.s.base.sortedNames()...)
	for _, l := range sc.s.libs {
		names = append(names, l.Names()...)
	}
	return names
}

// compile resolves the names of an expression and writes its program.
// It works in two passes: resolve decides what every node is (and folds
// literals such as 5 GB into one value), then emit writes the call tree.
// name is the variable the line assigns ("" for none): it is part of the
// identity of the line's ranges.
func compile(src, name string, x node, sc *scope) (*plan, *Error) {
	// Room for a typical line's nodes, to spare the slice's first doublings.
	p := &plan{src: src, name: name, ids: make(map[node]int), info: make([]*nodeInfo, 0, 8), scope: sc, head: math.NaN()}
	id, err := p.resolve(x, false)
	if err != nil {
		return nil, err
	}
	p.root = id
	// A literal folded from a number and its suffix or units (1e308K,
	// 1e308 TB) must not reach the run as +Inf: 1/1e308K would be 0.
	for _, ni := range p.info {
		if ok, _ := ni.q.allFinite(); ni.kind == nkLiteral && !ok {
			return nil, p.errorf(ni.n, "the numbers are beyond about 1.8e308; check the exponents",
				"the number is too large (overflow)")
		}
		if ni.kind == nkLiteral && (tiny(ni.q) || ni.q.V == 0 && ni.q.S == nil && nonzeroHead(ni.n)) {
			// 1e-317 ns is 1e-326 s: below the smallest number napkin keeps.
			return nil, p.errorf(ni.n, "napkin keeps numbers down to about 1e-318 (in base units: s, bytes, $); if the quantity is negligible, write 0",
				"the number is too small (underflow)")
		}
	}
	p.emit(id)
	return p, nil
}

func (p *plan) add(n node, ni *nodeInfo) int {
	ni.n = n
	p.info = append(p.info, ni)
	id := len(p.info) - 1
	p.ids[n] = id
	return id
}

func (p *plan) errorf(n node, hint, format string, args ...any) *Error {
	return errorAt(p.src, n.pos(), hint, format, args...)
}

// resolve decides what n is. labelOK is set for the words right after a
// number, where an unknown word is a label rather than an error.
func (p *plan) resolve(n node, labelOK bool) (int, *Error) {
	switch n := n.(type) {
	case *numLit:
		return p.add(n, &nodeInfo{kind: nkLiteral, q: number(n.v)}), nil
	case *label:
		if !labelOK {
			return 0, p.errorf(n, "a quoted label goes right after a number: 5 \"bots\"", "label %q does not follow a number", n.text)
		}
		return p.add(n, &nodeInfo{kind: nkLabel, q: number(1)}), nil
	case *ident:
		return p.ident(n, labelOK)
	case *group:
		inner, err := p.resolve(n.x, false)
		if err != nil {
			return 0, err
		}
		in := p.info[inner]
		return p.add(n, &nodeInfo{kind: nkGroup, q: in.q, height: in.height}), nil
	case *unary:
		if q, ok := literalValue(n); ok {
			return p.add(n, &nodeInfo{kind: nkLiteral, q: q}), nil
		}
		return p.op(n, false, n.x)
	case *percent:
		if q, ok := literalValue(n); ok {
			return p.add(n, &nodeInfo{kind: nkLiteral, q: q}), nil
		}
		return p.op(n, false, n.x)
	case *recip:
		return p.op(n, false, n.x)
	case *rangeNode:
		id, err := p.op(n, false, n.lo, n.hi)
		if err != nil {
			return 0, err
		}
		if err := p.checkRangeSuffix(n); err != nil {
			return 0, err
		}
		if err := p.checkRangeEnds(n); err != nil {
			return 0, err
		}
		ni := p.info[id]
		ni.dist, ni.identity = distLognormal, p.identity(n)
		ni.unitFactor = p.unitOf(n.hi)
		ni.bareLow = isBareNumber(n.lo)
		return id, nil
	case *compare:
		return p.op(n, false, n.x, n.y)
	case *convNode:
		t, err := targetOf(p.src, n.target, n.tgtSp, p.scope.s)
		if err != nil {
			return 0, err
		}
		id, err := p.op(n, false, n.x)
		if err != nil {
			return 0, err
		}
		p.info[id].conv = t
		return id, nil
	case *binary:
		if q, ok := p.unitPower(n, labelOK); ok {
			return p.add(n, &nodeInfo{kind: nkLiteral, q: q}), nil
		}
		return p.op(n, false, n.x, n.y)
	case *juxt:
		return p.juxt(n)
	case *call:
		return p.call(n)
	}
	return 0, p.errorf(n, "", "internal error: unknown node %T", n)
}

// unitOf is the unit of a literal like 4 KB (the quantity divided by its
// number), which the low end of 1 to 4 KB borrows; nil when there is none.
func (p *plan) unitOf(n node) *Quantity {
	if pc, ok := n.(*percent); ok {
		// 1 to 4%: the low end is a percentage too.
		if _, ok := literalValue(pc.x); ok {
			return &Quantity{V: 0.01, hint: hintPercent}
		}
		return nil
	}
	j, ok := n.(*juxt)
	if !ok {
		return nil
	}
	head, ok := literalValue(j.xs[0])
	ni := p.info[p.ids[n]]
	if !ok || head.V == 0 || ni.kind != nkLiteral {
		return nil
	}
	u := ni.q
	u.V /= head.V
	return &u
}

// nonzeroHead reports whether n is a number and units (1e-317 ns) whose
// number is not 0.
func nonzeroHead(n node) bool {
	j, ok := n.(*juxt)
	if !ok {
		return false
	}
	head, ok := literalValue(j.xs[0])
	return ok && head.V != 0
}

// checkRangeSuffix refuses a bare low end before a high end with a glued
// scale suffix, when both readings are ranges: 100 to 300M users is 100M
// to 300M to most readers (as 100 to 300 million is to napkin), and 100 to
// 300,000,000 to Squiggle's, so napkin asks which was meant. 579 to 2.89K,
// as napkin prints intervals, has one reading.
func (p *plan) checkRangeSuffix(n *rangeNode) *Error {
	if !isBareNumber(n.lo) || strings.ContainsAny(n.lo.(*numLit).text, "eE") {
		return nil // 1e-6 to 86.3M: an exponent says the low end's size
	}
	hi := n.hi
	if j, ok := hi.(*juxt); ok {
		hi = j.xs[0]
	}
	if pc, ok := hi.(*percent); ok {
		hi = pc.x
	}
	l, ok := hi.(*numLit)
	if !ok {
		return nil
	}
	suffix, ok := suffixReadsTwoWays(n.lo.(*numLit).v, l.v, l.text)
	if !ok {
		return nil
	}
	lo := p.src[n.lo.pos().Start:n.lo.pos().End]
	full := comma(int64(l.v))
	if l.v >= 1e15 || l.v != math.Trunc(l.v) {
		full = strconv.FormatFloat(l.v, 'g', -1, 64)
	}
	to := " " + n.opText + " "
	if n.opText == ".." {
		to = ".."
	}
	return p.errorf(n, fmt.Sprintf("write the suffix at both ends, %s%s%s%s; or the high end without it, %s%s%s", lo, suffix, to, l.text, lo, to, full),
		"%s%s%s is ambiguous: is the low end %s or %s%s?", lo, to, l.text, lo, lo, suffix)
}

// checkRangeEnds refuses a range with a unit alone at an end: to binds
// tighter than * and /, so 1 h/day to 30 h/day is 1 h / (day to 30 h) /
// day, a different quantity, and no one writes day to 30 h meaning it.
func (p *plan) checkRangeEnds(n *rangeNode) *Error {
	for _, end := range []node{n.lo, n.hi} {
		id, ok := end.(*ident)
		if !ok || p.info[p.ids[end]].kind != nkUnit {
			continue
		}
		return p.errorf(n, "to binds tighter than * and /: write the unit once, after the range (1 to 30 h/day), or bracket each end ((1 h/day) to (30 h/day))",
			"a range's ends are amounts, not the unit %s alone", id.name)
	}
	return nil
}

// suffixOf is the scale suffix glued to a number's text (k of 10k, M of
// 300M) and what it multiplies by, or "" and 0.
func suffixOf(text string) (string, float64) {
	if len(text) < 2 || text[0] == '0' && strings.ContainsAny(text[1:2], "xXbBoO") {
		return "", 0 // 0x1B is hexadecimal
	}
	last := text[len(text)-1]
	if f, ok := scaleSuffix(last); ok && isDigit(rune(text[len(text)-2])) {
		return string(last), f
	}
	return "", 0
}

// suffixReadsTwoWays reports whether a bare low end before a high end
// written highText (value high) reads as a range both as written and with
// the high end's suffix, and returns that suffix: 10 to 50M does, and 579
// to 2.89K does not (579K is above the high end).
func suffixReadsTwoWays(low, high float64, highText string) (string, bool) {
	suffix, factor := suffixOf(highText)
	return suffix, factor != 0 && low*factor < high
}

// isBareNumber reports whether n is a number written with digits alone
// (10, 1.5, 2e3): the low end of 10 to 50 million takes the high end's
// scale word, unit or percent sign.
func isBareNumber(n node) bool {
	l, ok := n.(*numLit)
	if !ok {
		return false
	}
	for _, c := range l.text {
		if !isDigit(c) && c != '.' && c != '_' && c != ',' && c != 'e' && c != 'E' && c != '+' && c != '-' {
			return false
		}
	}
	return true
}

// literalValue folds -3 and 20% so that they show as written, not as steps.
func literalValue(n node) (Quantity, bool) {
	switch n := n.(type) {
	case *numLit:
		return number(n.v), true
	case *unary:
		if q, ok := literalValue(n.x); ok {
			if n.op == "-" {
				q.V = -q.V
			}
			return q, true
		}
	case *percent:
		if q, ok := literalValue(n.x); ok {
			q.V /= 100
			q.hint |= hintPercent
			return q, true
		}
	}
	return Quantity{}, false
}

// unitPower folds a unit raised to a literal power (s^2, m^3) into a
// literal, so 4 s^2 reads as a quantity rather than as arithmetic.
func (p *plan) unitPower(n *binary, labelOK bool) (Quantity, bool) {
	base, ok := n.x.(*ident)
	if n.op != "^" || !ok {
		return Quantity{}, false
	}
	e, ok := literalValue(n.y)
	if !ok {
		return Quantity{}, false
	}
	u, ok := p.scope.s.unit(base.name)
	if !ok {
		return Quantity{}, false
	}
	uq := u.mustValue()
	if _, shadowed := p.scope.s.vars[base.name]; shadowed && !labelOK {
		return Quantity{}, false
	}
	if _, param := p.scope.params[base.name]; param {
		return Quantity{}, false // h(s) = s^2 squares the argument, not a second
	}
	q, why := powQ(uq, e)
	if why != "" || !finite(q.V) {
		return Quantity{}, false
	}
	p.add(n.x, &nodeInfo{kind: nkLiteral, q: uq})
	p.add(n.y, &nodeInfo{kind: nkLiteral, q: e})
	return q, true
}

// op resolves an operator node and its operands.
func (p *plan) op(n node, labelOK bool, xs ...node) (int, *Error) {
	id := p.add(n, &nodeInfo{kind: nkOp})
	h := 0
	for _, x := range xs {
		xid, err := p.resolve(x, labelOK)
		if err != nil {
			return 0, err
		}
		h = max(h, p.info[xid].height)
	}
	p.info[id].height = h + 1
	return id, nil
}

func (p *plan) ident(n *ident, labelOK bool) (int, *Error) {
	sc := p.scope
	if q, ok := sc.params[n.name]; ok {
		return p.add(n, &nodeInfo{kind: nkVar, q: q}), nil
	}
	if n.name == "ans" {
		if sc.s.ans == nil {
			return 0, p.errorf(n, "ans is the previous line's result; evaluate something first", "no previous result for ans")
		}
		return p.add(n, &nodeInfo{kind: nkVar, q: *sc.s.ans}), nil
	}
	u, isUnit := sc.s.unit(n.name)
	if v, ok := sc.s.vars[n.name]; ok && v.failedLine > 0 {
		return 0, p.errorf(n, fmt.Sprintf("fix line %d first", v.failedLine), "%s is not defined because line %d failed", n.name, v.failedLine)
	}
	if v, ok := sc.s.vars[n.name]; ok && !(isUnit && (labelOK || sc.unitsFirst)) {
		return p.add(n, &nodeInfo{kind: nkVar, q: v.q}), nil
	}
	if isUnit {
		kind := nkUnit
		if labelOK {
			kind = nkLiteral
		}
		return p.add(n, &nodeInfo{kind: kind, q: u.mustValue()}), nil
	}
	if c, ok := sc.s.constant(n.name); ok {
		return p.add(n, &nodeInfo{kind: nkVar, q: c.Value}), nil
	}
	_, userFn := sc.s.function(n.name)
	if userFn || isBuiltin(n.name) {
		hint := fmt.Sprintf("call it: %s(…)", n.name)
		if !userFn {
			hint = fmt.Sprintf("call it: %s(x)", n.name)
		}
		if labelOK {
			// 10 servers: a count of things that share a formula's name.
			hint += fmt.Sprintf("; to count things called %s, quote it: \"%s\"", n.name, n.name)
		}
		return 0, p.errorf(n, hint, "%s is a function, not a value", n.name)
	}
	if labelOK || n.glued {
		if err := p.notALabel(n, p.head); err != nil {
			return 0, err
		}
	}
	var suggested string
	if labelOK || n.glued {
		suggested = suggestUnit(n.name, sc.valueNames())
	} else {
		suggested = suggest(n.name, sc.knownNames())
	}
	near, bitByte := p.dataAdvice(n.name, suggested)
	if labelOK && !n.glued && near == "" && bitByte == "" && confusion(strings.ToLower(n.name)) == "" && utf8.RuneCountInString(n.name) >= 3 {
		return p.add(n, &nodeInfo{kind: nkLabel, q: number(1)}), nil
	}
	return 0, p.unknown(n, suggested, labelOK || n.glued)
}

func (p *plan) unknown(n *ident, near string, afterNumber bool) *Error {
	instead := confusion(strings.ToLower(n.name))
	near, bb := p.dataAdvice(n.name, near)
	if bb != "" {
		instead = bb
	}
	var hint string
	switch {
	case near != "" && afterNumber:
		hint = fmt.Sprintf("did you mean %q? (to count things called %s, quote it: \"%s\")", near, n.name, n.name)
	case near != "":
		hint = fmt.Sprintf("did you mean %q?", near)
	case instead != "":
		hint = instead
	case p.libraryHint(n.name) != "":
		hint = p.libraryHint(n.name)
	case n.glued && p.headSp.End > p.headSp.Start:
		hint = fmt.Sprintf("letters right after a number must be a unit or a scale suffix (5GB, 10k); to count things, write a space and quote the word: %s \"%s\"",
			p.src[p.headSp.Start:p.headSp.End], n.name)
	case n.glued:
		hint = "letters right after a number must be a unit or a scale suffix (5GB, 10k); to count things, write a space and quote the word"
	case afterNumber && utf8.RuneCountInString(n.name) < 3:
		hint = shortWordHint(n.name)
	case p.foreignHintFor(n.name) != "":
		hint = p.foreignHintFor(n.name)
	default:
		hint = fmt.Sprintf("define it first: %s = …", n.name)
	}
	if instead != "" && near != "" {
		hint += "; " + instead
	}
	what := "name"
	if afterNumber {
		what = "unit"
	}
	return p.errorf(n, hint, "unknown %s %q", what, n.name)
}

// libraryHint asks the session's libraries about a name they do not have
// in scope but know of (a latency of another set).
func (p *plan) libraryHint(name string) string {
	for _, l := range p.scope.s.libs {
		if h, ok := l.(interface{ Hint(string) string }); ok {
			if hint := h.Hint(name); hint != "" {
				return hint
			}
		}
	}
	return ""
}

// juxt resolves 5 GB, 300M users, 2^40 bytes, 2 x: a product whose factors
// after a leading number may be units or labels. When every factor is a
// literal, the product is folded into one literal that shows as written.
func (p *plan) juxt(n *juxt) (int, *Error) {
	headQ, headIsNumber := literalValue(n.xs[0])
	p.head, p.headSp = math.NaN(), span{}
	if headIsNumber {
		p.head, p.headSp = headQ.V, n.xs[0].pos()
	}
	id := p.add(n, &nodeInfo{kind: nkOp})
	literal, pct := true, false
	q := number(1)
	h := 0
	for i, x := range n.xs {
		xid, err := p.resolve(x, headIsNumber && i > 0)
		if err != nil {
			return 0, err
		}
		xi := p.info[xid]
		if xi.kind != nkLiteral && xi.kind != nkLabel {
			literal = false
		}
		if i > 0 && xi.q.hint&hintPercent != 0 {
			pct = true
		}
		if id, ok := x.(*ident); ok && headIsNumber && i > 0 && xi.kind == nkVar {
			// 10M users, with a variable called users: legal (2 x is 2 × x),
			// but usually a label that collides with a name.
			p.warnings = append(p.warnings, fmt.Sprintf("%s multiplies by the variable %s (%s); to count %s, quote it: \"%s\"",
				tidySpaces(p.src[n.sp.Start:n.sp.End]), id.name, formatInline(xi.q, digitsOf(0)), id.name, id.name))
		}
		h = max(h, xi.height)
		var ok bool
		if q, ok = mulQ(q, xi.q); !ok {
			return 0, p.errorf(n, "", "units multiply to a dimension napkin cannot hold")
		}
	}
	if literal {
		if headIsNumber && pct {
			// 20 percent counts percents: it is 20%, as written.
			q.hint |= hintPercent
		}
		p.info[id].kind = nkLiteral
		p.info[id].q = q
		return id, nil
	}
	p.info[id].height = h + 1
	return id, nil
}

func (p *plan) call(n *call) (int, *Error) {
	ni := &nodeInfo{kind: nkOp}
	sc := p.scope
	if f, ok := sc.s.function(n.name); ok {
		if len(n.args) != len(f.params) {
			return 0, errorAt(p.src, n.pos(), fmt.Sprintf("%s takes %s", n.name, f.signature()),
				"%s needs %d argument%s, got %d", n.name, len(f.params), plural(len(f.params)), len(n.args))
		}
		ni.ufn = f
	} else if b, ok := lookupBuiltin(n.name); ok {
		if len(n.args) < b.minArgs || (b.maxArgs >= 0 && len(n.args) > b.maxArgs) {
			return 0, errorAt(p.src, n.pos(), "usage: "+b.usage, "%s needs %s, got %d", n.name, b.arity(), len(n.args))
		}
		ni.fn = b
		if b.sampler {
			ni.identity = p.identity(n)
		}
	} else {
		names := append(append(sortedKeys(sc.s.funcs), sc.s.lazyFunctionNames()...), builtinNames...)
		hint := "the functions are " + strings.Join(builtinNames, ", ") + "; define your own with f(x) = …"
		if near := suggest(n.name, names); near != "" {
			hint = fmt.Sprintf("did you mean %q?", near)
		}
		return 0, errorAt(p.src, n.nameSp, hint, "unknown function %q", n.name)
	}
	id := p.add(n, ni)
	h := 0
	for _, a := range n.args {
		aid, err := p.resolve(a, false)
		if err != nil {
			return 0, err
		}
		h = max(h, p.info[aid].height)
	}
	p.info[id].height = h + 1
	return id, nil
}

// binaryFunc names the runtime function of a binary operator.
func binaryFunc(op string) string {
	switch op {
	case "+":
		return "add"
	case "-":
		return "sub"
	case "*":
		return "mul"
	case "/":
		return "div"
	case "^":
		return "pow"
	}
	return ""
}

// emit writes the expr code for a resolved node: every value known before
// the run is a slot K[i]; every operator is a call carrying its node id, so
// that the runtime can record the value for the working and place errors.
func (p *plan) emit(id int) {
	ni := p.info[id]
	switch ni.kind {
	case nkLiteral, nkVar, nkUnit, nkLabel:
		p.k = append(p.k, ni.q)
		ni.slot = len(p.k) - 1
		p.code.WriteString("K[")
		p.code.WriteString(strconv.Itoa(len(p.k) - 1))
		p.code.WriteString("]")
		return
	case nkGroup:
		p.emit(p.ids[ni.n.(*group).x])
		return
	}
	open := func(fn string) {
		p.code.WriteString(fn)
		p.code.WriteString("(C, ")
		p.code.WriteString(strconv.Itoa(id))
	}
	arg := func(x node) {
		p.code.WriteString(", ")
		p.emit(p.ids[x])
	}
	switch n := ni.n.(type) {
	case *unary:
		if n.op == "+" {
			open("pos")
		} else {
			open("neg")
		}
		arg(n.x)
	case *percent:
		open("pct")
		arg(n.x)
	case *convNode:
		open("conv")
		arg(n.x)
	case *recip:
		open("recip")
		arg(n.x)
	case *rangeNode:
		open("rng")
		arg(n.lo)
		arg(n.hi)
	case *compare:
		open("cmp")
		arg(n.x)
		arg(n.y)
	case *binary:
		open(binaryFunc(n.op))
		arg(n.x)
		arg(n.y)
	case *call:
		open("call")
		for _, a := range n.args {
			arg(a)
		}
	case *juxt:
		// A product of factors, labels left out: mul(mul(a, b), c).
		var factors []node
		for _, x := range n.xs {
			if p.info[p.ids[x]].kind != nkLabel {
				factors = append(factors, x)
			}
		}
		if len(factors) == 1 {
			// Only labels beside it: (a + b) "things" is the value itself.
			open("pos")
			arg(factors[0])
			break
		}
		for range factors[1:] {
			open("mul")
			p.code.WriteString(", ")
		}
		p.emit(p.ids[factors[0]])
		for _, f := range factors[1 : len(factors)-1] {
			arg(f)
			p.code.WriteString(")")
		}
		arg(factors[len(factors)-1])
	}
	p.code.WriteString(")")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
