package estimate

import (
	"strings"
	"unicode/utf8"
)

// The working shows how a result came about, one line per step:
//
//	10M users × 5 / day          the line as written
//	10M users × 5 / 86,400 s     names replaced by their values
//	50M / 86,400 s               each level of operations done
//
// A step renders the tree with every node of height ≤ k replaced by its
// value, so the working reads like arithmetic on paper, innermost first.

// Working is skipped for lines too large to read as arithmetic.
const (
	maxWorkingNodes = 200
	maxWrittenWidth = 240
)

func (s *Session) working(p *plan, st *statement, src string) []string {
	w := &writer{p: p, digits: s.digits(), prec: s.prec()}
	written := w.render(p.root, -1, ctxTop)
	last := written
	if st.target != nil || st.pct {
		written += " -> " + tidySpaces(src[st.tgtSp.Start:st.tgtSp.End])
	}
	if len(p.info) > maxWorkingNodes {
		return []string{elide(written)}
	}
	steps := []string{written}
	levels := p.info[p.root].height
	if root := p.info[p.root].q; root.S != nil || root.hint&hintProbability != 0 || p.dropped {
		// A range's intermediate steps would each be a range: show the
		// line with its names (ranges shown as ranges) and the result. So
		// does a line whose intermediate ranges were too many to keep.
		levels = min(levels, 1)
	}
	for k := 0; k < levels; k++ {
		r := w.render(p.root, k, ctxTop)
		if r != last {
			steps = append(steps, r)
			last = r
		}
	}
	// A duration shown as 2 h 46 min 40 s is checked more easily against
	// its seconds: show them as the last step.
	if q := p.info[p.root].q; st.target == nil && q.D == dimTime1 {
		if sec := w.value(q, ctxTop); sec != last && sec != display(q, w.prec).Text {
			steps = append(steps, sec)
		}
	}
	return steps
}

func elide(s string) string {
	if utf8.RuneCountInString(s) <= maxWrittenWidth {
		return s
	}
	r := []rune(s)
	return string(r[:maxWrittenWidth/2]) + " … " + string(r[len(r)-maxWrittenWidth/2:])
}

// context is where a rendered piece sits, to decide on parentheses.
type context uint8

const (
	ctxTop context = iota
	ctxAddLeft
	ctxAddRight
	ctxSubRight
	ctxMulLeft
	ctxMulRight
	ctxDivLeft
	ctxDivRight
	ctxPowBase
	ctxPowExp
	ctxUnary
	ctxJuxt
)

type writer struct {
	p       *plan
	digits  int
	prec    precision
	changes map[int]int // memo of changeLevel
}

// render writes node id at step level: -1 is the line as written, 0 has
// names replaced by values, k > 0 has every operation of height ≤ k done.
func (w *writer) render(id, level int, ctx context) string {
	ni := w.p.info[id]
	if level >= 0 {
		switch {
		case ni.kind == nkUnit && ni.q.D == dimTime1 && ni.q.V >= secMinute && ctx != ctxJuxt:
			// A day is 86,400 s: calendar units show their exact seconds.
			sec, _ := numberText(ni.q.V, w.digits, false)
			return sec + " s"
		case ni.conv != nil && ni.height <= level:
			// (6 hours -> 45 min) shows as 8 × 45 min.
			d, _ := ni.conv.show(ni.q, w.prec)
			t := d.Text
			if ctx != ctxTop {
				t = "(" + t + ")"
			}
			return t
		case ni.kind == nkVar, ni.kind == nkOp && ni.height <= level:
			return w.value(ni.q, ctx)
		case ni.kind == nkGroup && ni.height > 0 && ni.height <= level:
			if in := w.p.info[w.p.ids[ni.n.(*group).x]]; in.conv == nil {
				return w.value(in.q, ctx)
			}
		}
	}
	switch n := ni.n.(type) {
	case *group:
		return "(" + w.render(w.p.ids[n.x], level, ctxTop) + ")"
	case *convNode:
		return w.child(n.x, level, ctxTop) + " -> " + tidySpaces(w.p.src[n.tgtSp.Start:n.tgtSp.End])
	case *binary:
		switch {
		case n.opText == "of":
			return w.child(n.x, level, ctxMulLeft) + " of " + w.child(n.y, level, ctxMulRight)
		case n.opText == "" && n.op == "^":
			// 3², as written.
			return w.child(n.x, level, ctxPowBase) + w.child(n.y, level, ctxPowExp)
		case n.opText == "" && level < 0:
			// 2 h 46 min as written; a sum in the steps.
			return w.child(n.x, level, ctxAddLeft) + " " + w.child(n.y, level, ctxAddRight)
		case n.opText == "":
			t := w.child(n.x, level, ctxAddLeft) + " + " + w.child(n.y, level, ctxAddRight)
			if ctx != ctxTop && ctx != ctxAddLeft && ctx != ctxAddRight {
				t = "(" + t + ")" // it binds as tightly as 5 GB does
			}
			return t
		}
		switch n.op {
		case "^":
			return w.child(n.x, level, ctxPowBase) + "^" + w.child(n.y, level, ctxPowExp)
		case "+":
			return w.child(n.x, level, ctxAddLeft) + " + " + w.child(n.y, level, ctxAddRight)
		case "-":
			return w.child(n.x, level, ctxAddLeft) + " - " + w.child(n.y, level, ctxSubRight)
		case "*":
			return w.child(n.x, level, ctxMulLeft) + " × " + w.child(n.y, level, ctxMulRight)
		}
		switch {
		case n.opText == "per":
			return w.child(n.x, level, ctxDivLeft) + " per " + w.child(n.y, level, ctxDivRight)
		case !n.spaced && w.asWritten(n.x, level) && w.asWritten(n.y, level):
			// 0.02 $/GB/month stays compact while it is as written.
			return w.child(n.x, level, ctxDivLeft) + "/" + w.child(n.y, level, ctxDivRight)
		}
		return w.child(n.x, level, ctxDivLeft) + " / " + w.child(n.y, level, ctxDivRight)
	case *unary:
		if ni.kind == nkLiteral {
			break
		}
		return n.op + w.child(n.x, level, ctxUnary)
	case *percent:
		if ni.kind == nkLiteral {
			break
		}
		return w.child(n.x, level, ctxUnary) + "%"
	case *juxt:
		if ni.kind == nkLiteral {
			break
		}
		var b strings.Builder
		for i, x := range n.xs {
			if i > 0 {
				// A unit or label reads as part of its number (5 GB); a
				// value next to a value needs its sign (2 × 7, not 2 7).
				switch w.p.info[w.p.ids[x]].kind {
				case nkLabel, nkLiteral, nkUnit:
					b.WriteString(" ")
				default:
					if level < 0 {
						b.WriteString(" ")
					} else {
						b.WriteString(" × ")
					}
				}
			}
			b.WriteString(w.child(x, level, ctxJuxt))
		}
		return b.String()
	case *call:
		args := make([]string, len(n.args))
		for i, a := range n.args {
			args[i] = w.child(a, level, ctxTop)
			if level >= 0 {
				// Inside a call a comma separates arguments: 250000 /s.
				args[i] = ungroup(args[i])
			}
		}
		return n.name + "(" + strings.Join(args, ", ") + ")"
	case *recip:
		return "/" + w.child(n.x, level, ctxUnary)
	case *rangeNode:
		return w.child(n.lo, level, ctxJuxt) + " " + n.opText + " " + w.child(n.hi, level, ctxJuxt)
	case *compare:
		return w.child(n.x, level, ctxAddLeft) + " " + n.op + " " + w.child(n.y, level, ctxAddLeft)
	}
	// Leaves and folded literals show as written, spaces tidied.
	sp := ni.n.pos()
	return tidySpaces(w.p.src[sp.Start:sp.End])
}

// asWritten reports whether n still reads as written at this level.
func (w *writer) asWritten(n node, level int) bool {
	return level < w.changeLevel(w.p.ids[n])
}

// changeLevel is the first level at which anything in a subtree is
// replaced by its value. It is memoised: rendering stays linear in the size
// of the tree however deep it nests.
func (w *writer) changeLevel(id int) int {
	if w.changes == nil {
		w.changes = make(map[int]int)
	}
	if c, ok := w.changes[id]; ok {
		return c
	}
	ni := w.p.info[id]
	c := 1 << 30
	switch {
	case ni.kind == nkVar, ni.kind == nkUnit && ni.q.D == dimTime1 && ni.q.V >= secMinute:
		c = 0
	case ni.kind == nkOp, ni.kind == nkGroup:
		if ni.kind == nkOp {
			c = ni.height
		}
		for _, child := range children(ni.n) {
			c = min(c, w.changeLevel(w.p.ids[child]))
		}
	}
	w.changes[id] = c
	return c
}

// children lists the operands of a node that the working renders.
func children(n node) []node {
	switch n := n.(type) {
	case *group:
		return []node{n.x}
	case *binary:
		return []node{n.x, n.y}
	case *unary:
		return []node{n.x}
	case *percent:
		return []node{n.x}
	case *recip:
		return []node{n.x}
	case *rangeNode:
		return []node{n.lo, n.hi}
	case *compare:
		return []node{n.x, n.y}
	case *convNode:
		return []node{n.x}
	case *juxt:
		return n.xs
	case *call:
		return n.args
	}
	return nil
}

func (w *writer) child(n node, level int, ctx context) string {
	return w.render(w.p.ids[n], level, ctx)
}

// value renders a computed value inside a larger expression, in one unit
// (seconds for times, so that 86,400 s shows where a day went), with
// parentheses wherever napkin's own precedence would read it otherwise.
func (w *writer) value(q Quantity, ctx context) string {
	t := formatInline(q, w.prec)
	if needsParens(t, ctx) && !strings.HasPrefix(t, "(") {
		return "(" + t + ")"
	}
	return t
}

func needsParens(t string, ctx context) bool {
	if ctx == ctxTop || ctx == ctxAddLeft {
		return false
	}
	negative := strings.HasPrefix(t, "-")
	_, unit, hasUnit := strings.Cut(t, " ")
	compound := hasUnit && strings.ContainsAny(unit, "/·^ ")
	switch ctx {
	case ctxAddRight:
		return negative
	case ctxSubRight:
		return negative
	case ctxMulLeft, ctxMulRight, ctxDivLeft, ctxDivRight:
		return negative || compound
	}
	// power, unary and juxtaposition bind tightly: anything more than a
	// bare positive number needs parentheses.
	return negative || hasUnit || strings.HasPrefix(t, "$")
}

// ungroup removes thousands separators (250,000 → 250000), for values
// shown inside a call's arguments, where a comma separates arguments.
func ungroup(s string) string {
	if !strings.Contains(s, ",") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ',' && i > 0 && isDigit(rune(s[i-1])) && isGroup(s, i) {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
