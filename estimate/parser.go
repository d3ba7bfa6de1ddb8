package estimate

import "fmt"

// Limits that keep hostile input from exhausting the stack or the evaluator.
const (
	maxDepth = 200    // nesting of parentheses and operators
	maxNodes = 10_000 // nodes in one statement
)

// parser is a precedence-climbing parser over one line's tokens.
//
// Precedence, loosest first:
//
//	-> in          conversion (statement level only)
//	+ -            additive
//	* / per        multiplicative
//	- +            unary
//	juxtaposition  5 GB, 300M users, 2^40 bytes
//	^              power, right-associative
//	%              postfix percent
type parser struct {
	src   string
	toks  []token
	i     int
	depth int
	nodes int
}

func parseLine(src string) (*statement, *Error) {
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}
	p := &parser{src: src, toks: toks}
	st, err := p.statement()
	if err != nil {
		return nil, err
	}
	return st, nil
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) peekAt(k int) token {
	if p.i+k < len(p.toks) {
		return p.toks[p.i+k]
	}
	return p.toks[len(p.toks)-1]
}
func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}
func (p *parser) isOp(text string) bool {
	t := p.peek()
	return t.kind == tokOp && t.text == text
}
func (p *parser) isIdent(name string) bool {
	t := p.peek()
	return t.kind == tokIdent && t.text == name
}

func (p *parser) errorf(sp span, hint, format string, args ...any) *Error {
	return errorAt(p.src, sp, hint, format, args...)
}

func (p *parser) statement() (*statement, *Error) {
	if p.peek().kind == tokEOF {
		return &statement{kind: stmtEmpty}, nil
	}
	t0, t1 := p.peek(), p.peekAt(1)
	switch {
	case t0.kind == tokIdent && t0.text == "assert" && t1.kind != tokEOF && !(t1.kind == tokOp && t1.text == "="):
		return p.assertion()
	case t0.kind == tokIdent && t1.kind == tokOp && t1.text == "=":
		p.i += 2
		if err := p.checkDefinable(t0); err != nil {
			return nil, err
		}
		st := &statement{kind: stmtAssign, name: t0.text, nameSp: t0.sp}
		return p.finishExpr(st)
	case t0.kind == tokIdent && t1.kind == tokOp && t1.text == "(" && p.isFuncDef():
		return p.funcDef()
	}
	return p.finishExpr(&statement{kind: stmtExpr})
}

// checkDefinable rejects names that the grammar needs for itself.
func (p *parser) checkDefinable(t token) *Error {
	switch t.text {
	case "per", "in", "to", "assert", "ans", "$", "_":
		return p.errorf(t.sp, "choose another name", "%q is a reserved word and cannot be assigned", t.text)
	}
	return nil
}

// isFuncDef looks past the matching ) for an =: f(a, b) = …
func (p *parser) isFuncDef() bool {
	depth := 0
	for k := p.i + 1; k < len(p.toks); k++ {
		t := p.toks[k]
		if t.kind != tokOp {
			continue
		}
		switch t.text {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				n := p.toks[k+1]
				return n.kind == tokOp && n.text == "="
			}
		}
	}
	return false
}

func (p *parser) funcDef() (*statement, *Error) {
	name := p.next()
	if err := p.checkDefinable(name); err != nil {
		return nil, err
	}
	st := &statement{kind: stmtFunc, name: name.text, nameSp: name.sp}
	p.next() // (
	seen := map[string]bool{}
	for !p.isOp(")") {
		t := p.next()
		if t.kind != tokIdent {
			return nil, p.errorf(t.sp, "parameters are plain names: f(total, per) = …", "expected a parameter name, found %s", describe(t))
		}
		if seen[t.text] {
			return nil, p.errorf(t.sp, "give each parameter its own name", "parameter %q appears twice", t.text)
		}
		seen[t.text] = true
		st.params = append(st.params, t.text)
		if p.isOp(",") {
			p.next()
			if p.isOp(")") {
				return nil, p.errorf(p.peek().sp, "remove the trailing comma", "missing parameter after ,")
			}
			continue
		}
		if !p.isOp(")") {
			return nil, p.errorf(p.peek().sp, "separate parameters with commas", "expected , or ) in the parameter list, found %s", describe(p.peek()))
		}
	}
	p.next() // )
	p.next() // =
	x, err := p.expr()
	if err != nil {
		return nil, err
	}
	st.x = x
	return st, p.expectEOF()
}

func (p *parser) assertion() (*statement, *Error) {
	p.next() // assert
	st := &statement{kind: stmtAssert}
	x, err := p.expr()
	if err != nil {
		return nil, err
	}
	t := p.next()
	switch {
	case t.kind == tokOp && (t.text == "==" || t.text == "!=" || t.text == "<" || t.text == "<=" || t.text == ">" || t.text == ">="):
	default:
		return nil, p.errorf(t.sp, "write assert LEFT == RIGHT (or !=, <, <=, >, >=)", "expected a comparison in the assert, found %s", describe(t))
	}
	st.cmp = t.text
	y, err := p.expr()
	if err != nil {
		return nil, err
	}
	st.x, st.y = x, y
	return st, p.expectEOF()
}

// finishExpr parses EXPR [-> TARGET] to the end of the line.
func (p *parser) finishExpr(st *statement) (*statement, *Error) {
	x, err := p.expr()
	if err != nil {
		return nil, err
	}
	st.x = x
	if p.isOp("->") || p.isIdent("in") {
		if st.target, st.tgtSp, st.pct, err = p.conversion(); err != nil {
			return nil, err
		}
	}
	return st, p.expectEOF()
}

// conversion parses -> TARGET (or in TARGET): a unit, a compound unit, a
// multiple of one (-> 45 min), a rate (-> /s) or % (the ratio as a
// percentage; target is then nil).
func (p *parser) conversion() (target node, tgtSp span, pct bool, err *Error) {
	arrow := p.next()
	if p.peek().kind == tokEOF {
		return nil, span{}, false, p.errorf(arrow.sp, "name a unit after it, e.g. -> GB/s", "missing unit after %s", arrow.text)
	}
	start := p.peek().sp.Start
	if p.isOp("%") {
		t := p.next()
		return nil, t.sp, true, nil
	}
	var t node
	if p.isOp("/") || p.isIdent("per") {
		slash := p.next()
		if err := p.enter(slash.sp); err != nil {
			return nil, span{}, false, err
		}
		y, err := p.unaryExpr()
		if err != nil {
			return nil, span{}, false, err
		}
		p.depth--
		t = &recip{sp: span{slash.sp.Start, y.pos().End}, x: y}
		if err := p.count(t); err != nil {
			return nil, span{}, false, err
		}
		if t, err = p.binaryRest(t, 2); err != nil {
			return nil, span{}, false, err
		}
	} else if t, err = p.binaryLevel(2); err != nil {
		return nil, span{}, false, err
	}
	return t, span{start, t.pos().End}, false, nil
}

func (p *parser) expectEOF() *Error {
	t := p.peek()
	if t.kind == tokEOF {
		return nil
	}
	switch {
	case t.kind == tokIdent && t.text == "to", t.kind == tokOp && t.text == "..":
		return p.errorf(t.sp, "a range has two ends: 10M to 50M; convert units with -> or in", "unexpected %q: a range has only two ends", t.text)
	case t.kind == tokOp && isComparison(t.text):
		return p.errorf(t.sp, "comparisons go inside P(…), for a probability, or in an assert", "unexpected %s", t.text)
	case t.kind == tokOp && t.text == ")":
		return p.errorf(t.sp, "remove it, or add a matching ( before it", "unmatched )")
	case t.kind == tokOp && t.text == "=":
		return p.errorf(t.sp, "assign with a plain name on the left: qps = 50M / day; compare with == in an assert", "unexpected =")
	case t.kind == tokNumber && p.i > 0 && p.toks[p.i-1].kind == tokIdent && p.toks[p.i-1].text == "of":
		return p.errorf(t.sp, "of follows a number written with % (5% of 200, (2 + 5)% of 200); otherwise multiply: 5 percent * 200, (5%) * 200", "unexpected number %s after of", t.text)
	case t.kind == tokNumber:
		return p.errorf(t.sp, "put an operator between the numbers, e.g. *", "unexpected number %s after an expression", t.text)
	case t.kind == tokOp && t.text == ",":
		return p.errorf(t.sp, "a comma separates a call's arguments, or groups thousands in threes: 1,234,567", "unexpected ,")
	case t.kind == tokOp && t.text == "->":
		return p.errorf(t.sp, "a line converts once, at its end: 1 h -> s; to convert inside an expression, bracket it: (6 h -> 45 min) + 1 min", "unexpected ->")
	case t.kind == tokIdent && t.text == "of":
		return p.errorf(t.sp, "of follows a percentage written with %: 5% of 200, (2 + 5)% of 200; or multiply: 5 percent * 200", "unexpected of")
	}
	return p.errorf(t.sp, "put an operator between the values, e.g. *", "unexpected %s", describe(t))
}

// precedence of binary operators; 0 means "not a binary operator here".
func binaryPrec(t token) (prec int, op string) {
	switch {
	case t.kind == tokOp && (t.text == "+" || t.text == "-"):
		return 1, t.text
	case t.kind == tokOp && (t.text == "*" || t.text == "/"):
		return 2, t.text
	case t.kind == tokIdent && t.text == "per":
		return 2, "/"
	}
	return 0, ""
}

func (p *parser) expr() (node, *Error) { return p.binaryLevel(1) }

func (p *parser) binaryLevel(min int) (node, *Error) {
	x, err := p.unaryExpr()
	if err != nil {
		return nil, err
	}
	return p.binaryRest(x, min)
}

func (p *parser) binaryRest(x node, min int) (node, *Error) {
	for {
		prec, op := binaryPrec(p.peek())
		if prec < min || prec == 0 {
			return x, nil
		}
		t := p.next()
		if p.peek().kind == tokEOF {
			return nil, p.errorf(t.sp, "finish the expression, e.g. "+quoteTail(p.src[x.pos().Start:t.sp.End])+" 2",
				"missing operand after %s", t.text)
		}
		if err := p.enter(t.sp); err != nil {
			return nil, err
		}
		y, err := p.binaryLevel(prec + 1)
		p.depth--
		if err != nil {
			return nil, err
		}
		spaced := t.sp.Start > 0 && (p.src[t.sp.Start-1] == ' ' || p.src[t.sp.Start-1] == '\t')
		x = &binary{sp: span{x.pos().Start, y.pos().End}, op: op, opText: t.text, spaced: spaced, x: x, y: y}
		if err := p.count(x); err != nil {
			return nil, err
		}
	}
}

func (p *parser) enter(sp span) *Error {
	p.depth++
	if p.depth > maxDepth {
		return p.errorf(sp, "split the expression into several lines with variables",
			"expression is nested too deeply (more than %d levels)", maxDepth)
	}
	return nil
}

func (p *parser) count(n node) *Error {
	p.nodes++
	if p.nodes > maxNodes {
		return p.errorf(n.pos(), "split the expression into several lines with variables",
			"expression is too long (more than %d terms)", maxNodes)
	}
	return nil
}

func (p *parser) unaryExpr() (node, *Error) {
	t := p.peek()
	if t.kind == tokOp && (t.text == "-" || t.text == "+") {
		p.next()
		if err := p.enter(t.sp); err != nil {
			return nil, err
		}
		x, err := p.unaryExpr()
		p.depth--
		if err != nil {
			return nil, err
		}
		if r, ok := x.(*rangeNode); ok {
			// -1 to 5 is a range from -1, not -(1 to 5): the sign belongs
			// to the low end (and the range then reports it is not above 0).
			lo := &unary{sp: span{t.sp.Start, r.lo.pos().End}, op: t.text, x: r.lo}
			r.lo, r.sp.Start = lo, t.sp.Start
			return r, p.count(lo)
		}
		n := &unary{sp: span{t.sp.Start, x.pos().End}, op: t.text, x: x}
		return n, p.count(n)
	}
	if t.kind == tokOp && t.text == "/" || t.kind == tokIdent && t.text == "per" && startsOperand(p.peekAt(1)) {
		// A rate on its own: /s, per second.
		p.next()
		if err := p.enter(t.sp); err != nil {
			return nil, err
		}
		x, err := p.juxtExpr()
		p.depth--
		if err != nil {
			return nil, err
		}
		n := &recip{sp: span{t.sp.Start, x.pos().End}, x: x}
		return n, p.count(n)
	}
	return p.rangeExpr()
}

// startsOperand reports whether t can begin an operand.
func startsOperand(t token) bool {
	switch t.kind {
	case tokNumber, tokLabel:
		return true
	case tokIdent:
		return !isKeyword(t.text)
	case tokOp:
		return t.text == "("
	}
	return false
}

// rangeExpr parses LO to HI (or LO..HI). It binds tighter than every
// operator: 10M to 50M * 5 / day is (10M to 50M) * 5 / day.
func (p *parser) rangeExpr() (node, *Error) {
	lo, err := p.juxtExpr()
	if err != nil {
		return nil, err
	}
	t := p.peek()
	if !(t.kind == tokIdent && t.text == "to") && !(t.kind == tokOp && t.text == "..") {
		return lo, nil
	}
	p.next()
	if p.peek().kind == tokEOF {
		return nil, p.errorf(t.sp, "give the high end: 10M to 50M", "missing the high end of the range after %s", t.text)
	}
	hi, err := p.juxtExpr()
	if err != nil {
		return nil, err
	}
	n := &rangeNode{sp: span{lo.pos().Start, hi.pos().End}, opText: t.text, lo: lo, hi: hi}
	return n, p.count(n)
}

func isComparison(op string) bool {
	switch op {
	case "==", "!=", "<", "<=", ">", ">=":
		return true
	}
	return false
}

// startsJuxt reports whether t can continue an implicit multiplication:
// a name, a label or a parenthesis (2 (3 + 4), (4)(6)).
func startsJuxt(t token) bool {
	switch t.kind {
	case tokLabel:
		return true
	case tokIdent:
		switch t.text {
		case "per", "in", "to", "assert":
			return false
		}
		return true
	case tokOp:
		return t.text == "("
	}
	return false
}

func (p *parser) juxtExpr() (node, *Error) {
	x, err := p.product()
	if err != nil {
		return nil, err
	}
	// 2 h 46 min 40 s, 1 year 182 days: a number and a unit followed by
	// another number and unit is their sum, as napkin shows durations.
	for isPart(x) && (p.peek().kind == tokNumber && p.peekAt(1).kind == tokIdent && startsJuxt(p.peekAt(1)) || p.startsAmount() && isMoney(x)) {
		y, err := p.product()
		if err != nil {
			return nil, err
		}
		if !isPart(y) {
			return nil, p.errorf(y.pos(), "write each part as a number and a unit: 2 h 46 min, or add them with +",
				"expected a number and a unit after %s", brief(p.src[x.pos().Start:x.pos().End], "the parts before it"))
		}
		x = &binary{sp: span{x.pos().Start, y.pos().End}, op: "+", opText: "", spaced: true, x: x, y: y}
		if err := p.count(x); err != nil {
			return nil, err
		}
	}
	return x, nil
}

// startsAmount reports whether the next tokens are an amount of money
// written $ first, $3.
func (p *parser) startsAmount() bool {
	d, num := p.peek(), p.peekAt(1)
	return d.kind == tokIdent && d.text == "$" && num.kind == tokNumber && num.sp.Start == d.sp.End
}

// isMoney reports whether a part is an amount of money ($5, 5 $, or a sum
// ending in one): $5 $3 adds, but 10 servers $200 multiplies.
func isMoney(n node) bool {
	switch n := n.(type) {
	case *juxt:
		for _, x := range n.xs {
			if id, ok := x.(*ident); ok && id.name == "$" {
				return true
			}
		}
	case *binary:
		return isMoney(n.y)
	}
	return false
}

// isPart reports whether n is a number followed by unit names (46 min), or
// a sum of such parts.
func isPart(n node) bool {
	switch n := n.(type) {
	case *juxt:
		if _, ok := n.xs[0].(*numLit); !ok || len(n.xs) < 2 {
			return false
		}
		for _, x := range n.xs[1:] {
			if _, ok := x.(*ident); !ok {
				return false
			}
		}
		return true
	case *binary:
		return n.opText == "" && n.op == "+"
	}
	return false
}

// product parses a juxtaposition: 5 GB, 300M users, 2 (3 + 4).
func (p *parser) product() (node, *Error) {
	x, err := p.powerExpr()
	if err != nil {
		return nil, err
	}
	if !startsJuxt(p.peek()) {
		return x, nil
	}
	j := &juxt{xs: []node{x}}
	for startsJuxt(p.peek()) {
		so := node(j) // the product so far
		if len(j.xs) == 1 {
			so = x
		}
		if p.startsAmount() && isPart(so) && isMoney(so) {
			break // $5 $3 is $8, as 5 $ 3 $ is: juxtExpr adds the parts
		}
		y, err := p.powerExpr()
		if err != nil {
			return nil, err
		}
		j.xs = append(j.xs, y)
	}
	if len(j.xs) == 1 {
		return x, nil
	}
	j.sp = span{x.pos().Start, j.xs[len(j.xs)-1].pos().End}
	return j, p.count(j)
}

func (p *parser) powerExpr() (node, *Error) {
	x, err := p.postfixExpr()
	if err != nil {
		return nil, err
	}
	if !p.isOp("^") {
		return x, nil
	}
	t := p.next()
	if p.peek().kind == tokEOF {
		return nil, p.errorf(t.sp, "write the exponent, e.g. 2^10", "missing exponent after ^")
	}
	if err := p.enter(t.sp); err != nil {
		return nil, err
	}
	// The exponent may carry a sign (2^-3) and is itself a power: 2^3^2 = 2^9.
	var y node
	if s := p.peek(); s.kind == tokOp && (s.text == "-" || s.text == "+") {
		p.next()
		e, err := p.powerExpr()
		if err != nil {
			return nil, err
		}
		y = &unary{sp: span{s.sp.Start, e.pos().End}, op: s.text, x: e}
	} else if y, err = p.powerExpr(); err != nil {
		return nil, err
	}
	p.depth--
	opText := "^"
	if t.sp.Start == t.sp.End {
		opText = "" // a superscript: 3², shown as written
	}
	n := &binary{sp: span{x.pos().Start, y.pos().End}, op: "^", opText: opText, x: x, y: y}
	return n, p.count(n)
}

func (p *parser) postfixExpr() (node, *Error) {
	x, err := p.primary()
	if err != nil {
		return nil, err
	}
	if !p.isOp("%") {
		return x, nil
	}
	t := p.next()
	x = &percent{sp: span{x.pos().Start, t.sp.End}, x: x}
	if err := p.count(x); err != nil {
		return nil, err
	}
	if p.isOp("%") {
		return nil, p.errorf(p.peek().sp, "a percentage takes one %: 5%; for a percentage of a percentage, write (5%)%",
			"unexpected %%: %s is already a percentage", brief(p.src[x.pos().Start:t.sp.End], "the expression before it"))
	}
	if p.isIdent("of") {
		// 5% of 200: the percentage times what follows.
		of := p.next()
		if p.peek().kind == tokEOF {
			return nil, p.errorf(of.sp, "say of what: 5% of 200", "missing the whole after of")
		}
		if err := p.enter(of.sp); err != nil {
			return nil, err
		}
		minus, negative := p.peek(), p.isOp("-")
		if negative {
			p.next() // 5% of -200
		}
		y, err := p.juxtExpr()
		p.depth--
		if err != nil {
			return nil, err
		}
		if negative {
			y = &unary{sp: span{minus.sp.Start, y.pos().End}, op: "-", x: y}
			if err := p.count(y); err != nil {
				return nil, err
			}
		}
		x = &binary{sp: span{x.pos().Start, y.pos().End}, op: "*", opText: "of", spaced: true, x: x, y: y}
		return x, p.count(x)
	}
	return x, nil
}

func (p *parser) primary() (node, *Error) {
	t := p.next()
	switch t.kind {
	case tokNumber:
		n := &numLit{sp: t.sp, text: t.text, v: t.num}
		return n, p.count(n)
	case tokLabel:
		return &label{sp: t.sp, text: t.text}, nil
	case tokIdent:
		switch t.text {
		case "in", "to", "assert":
			return nil, p.errorf(t.sp, fmt.Sprintf("%s needs a value before it", t.text), "unexpected %q: expected a number or a name", t.text)
		}
		if minus, num := p.peek(), p.peekAt(1); t.text == "$" && minus.kind == tokOp && minus.text == "-" &&
			minus.sp.Start == t.sp.End && num.kind == tokNumber && num.sp.Start == minus.sp.End {
			// $-5 would be $1 - 5: a negative amount puts its sign first.
			return nil, p.errorf(span{t.sp.Start, num.sp.End}, fmt.Sprintf("write a negative amount with the sign first: -$%s", num.text),
				"$-%s is not a negative amount", num.text)
		}
		if t.text == "$" && p.peek().kind == tokNumber && (p.peek().sp.Start == t.sp.End || !p.afterOperand(p.i-1)) {
			// $5 (or $ 5 where an operand starts) is 5 $: money written
			// the usual way round. In 5 $ 3 the 3 is not the dollars'.
			num := p.next()
			n := &juxt{sp: span{t.sp.Start, num.sp.End}, xs: []node{
				&numLit{sp: num.sp, text: num.text, v: num.num},
				&ident{sp: t.sp, name: "$"},
			}}
			return n, p.count(n)
		}
		if p.isOp("(") {
			return p.callExpr(t)
		}
		name := t.text
		if name == "_" {
			name = "ans" // _ is the previous result, as in Python and qalc
		}
		n := &ident{sp: t.sp, name: name, glued: t.glued}
		return n, p.count(n)
	case tokOp:
		if t.text == "(" {
			if err := p.enter(t.sp); err != nil {
				return nil, err
			}
			if p.isOp(")") {
				return nil, p.errorf(span{t.sp.Start, p.peek().sp.End}, "put an expression between the parentheses", "empty parentheses")
			}
			x, err := p.expr()
			if err != nil {
				return nil, err
			}
			if p.isOp("->") || p.isIdent("in") {
				// (6 hours -> 45 min) + 1 min: a conversion inside an expression.
				c := &convNode{x: x}
				if c.target, c.tgtSp, _, err = p.conversion(); err != nil {
					return nil, err
				}
				c.sp = span{x.pos().Start, c.tgtSp.End}
				x = c
				if err := p.count(c); err != nil {
					return nil, err
				}
			}
			p.depth--
			if !p.isOp(")") {
				return nil, p.unclosed(t)
			}
			end := p.next()
			return &group{sp: span{t.sp.Start, end.sp.End}, x: x}, nil
		}
	case tokEOF:
		return nil, p.errorf(t.sp, "the line ends where a value should be: finish the expression (2 * 3, (1 + 2))", "unexpected end of line: expected a number or a name")
	}
	return nil, p.errorf(t.sp, "an operator needs a value on each side: 2 * 3; a negative value after of goes in brackets: 5% of (-200)", "unexpected %s: expected a number or a name", describe(t))
}

// afterOperand reports whether the token before index k ends an operand,
// so that the token at k continues it rather than starting a new one.
func (p *parser) afterOperand(k int) bool {
	if k < 1 {
		return false
	}
	t := p.toks[k-1]
	switch t.kind {
	case tokNumber, tokIdent, tokLabel:
		return !isKeyword(t.text)
	case tokOp:
		return t.text == ")" || t.text == "%"
	}
	return false
}

func (p *parser) unclosed(open token) *Error {
	found := p.peek()
	if found.kind == tokEOF {
		return p.errorf(open.sp, "add a ) to close it", "unclosed parenthesis")
	}
	return p.errorf(found.sp, fmt.Sprintf("close the ( at column %d first", open.sp.Start+1), "expected ), found %s", describe(found))
}

func (p *parser) callExpr(name token) (node, *Error) {
	open := p.next() // (
	if err := p.enter(open.sp); err != nil {
		return nil, err
	}
	c := &call{name: name.text, nameSp: name.sp}
	if name.text == "P" {
		// P(x > 10k/s): the probability that a comparison holds.
		x, err := p.expr()
		if err != nil {
			return nil, err
		}
		op := p.next()
		if op.kind != tokOp || !isComparison(op.text) {
			return nil, p.errorf(op.sp, "write P(peak_qps > 10k/s)", "P needs a comparison (<, <=, >, >=, ==, !=), found %s", describe(op))
		}
		y, err := p.expr()
		if err != nil {
			return nil, err
		}
		if !p.isOp(")") {
			return nil, p.unclosed(open)
		}
		p.depth--
		end := p.next()
		cmp := &compare{sp: span{x.pos().Start, y.pos().End}, op: op.text, x: x, y: y}
		c.args = []node{cmp}
		c.sp = span{name.sp.Start, end.sp.End}
		return c, p.count(c)
	}
	for !p.isOp(")") {
		if p.peek().kind == tokEOF {
			return nil, p.unclosed(open)
		}
		a, err := p.expr()
		if err != nil {
			return nil, err
		}
		c.args = append(c.args, a)
		if p.isOp(",") {
			p.next()
			if p.isOp(")") {
				return nil, p.errorf(p.peek().sp, "remove the trailing comma", "missing argument after ,")
			}
			continue
		}
		if !p.isOp(")") {
			return nil, p.unclosed(open)
		}
	}
	p.depth--
	end := p.next()
	c.sp = span{name.sp.Start, end.sp.End}
	return c, p.count(c)
}

// brief quotes a piece of the line in a message, or names it when it is
// too long to quote.
func brief(text, name string) string {
	if len(text) > 40 {
		return name
	}
	return text
}

// describe names a token in an error message.
func describe(t token) string {
	switch t.kind {
	case tokEOF:
		return "end of line"
	case tokNumber:
		return "number " + t.text
	case tokLabel:
		return fmt.Sprintf("label %q", t.text)
	case tokIdent:
		return fmt.Sprintf("%q", t.text)
	}
	return fmt.Sprintf("%q", t.text)
}
