package estimate

import (
	"fmt"
	"strings"
)

// convTarget is the unit of a conversion: its value, and its text as the
// user wrote it (spaces tidied). pct marks -> %, whose value is 1%.
type convTarget struct {
	q    Quantity
	text string
	pct  bool
}

// targetOf compiles and evaluates a conversion target (-> 45 min, -> GB/s,
// -> %), which must be one fixed unit.
func targetOf(src string, target node, tgtSp span, s *Session) (*convTarget, *Error) {
	text := tidySpaces(src[tgtSp.Start:tgtSp.End])
	if target == nil {
		return &convTarget{q: Quantity{V: 0.01}, text: "%", pct: true}, nil
	}
	tp, err := compile(src, "", target, &scope{s: s, unitsFirst: true})
	if err != nil {
		return nil, err
	}
	t, err := tp.run(0)
	if err != nil {
		return nil, err
	}
	if t.V == 0 || t.S != nil {
		hint := "convert to a unit or a nonzero multiple of one: -> GB, -> 2 GB"
		if t.S != nil {
			hint = "a conversion target is one unit, not a range: -> GB"
		}
		return nil, errorAt(src, tgtSp, hint, "cannot convert to %s: it is not a fixed unit", text)
	}
	return &convTarget{q: t, text: text}, nil
}

// check reports whether q can be shown in the target's unit.
func (t *convTarget) check(src string, tgtSp span, q Quantity, pr precision) *Error {
	if t.q.D == q.D {
		return nil
	}
	hint := mismatchHint(q.D, t.q.D, "the value")
	if hint == "" {
		hint = fmt.Sprintf("convert to a unit of %s, or change the expression", q.D)
	}
	return errorAt(src, tgtSp, hint, "cannot convert %s [%s] to %s [%s]", formatInline(q, pr), q.D, t.text, t.q.D)
}

// show writes q in the target's unit: 8 × 45 min, $10,000/month, 25%,
// 1,073,741,824 bytes. A target that starts with a number is a multiple
// of a unit, so the count and the target are joined by ×. overflow is set
// when the value is too large for the unit: napkin never shows +Inf.
func (t *convTarget) show(q Quantity, pr precision) (d Display, overflow bool) {
	if t.pct {
		q.hint |= hintPercent
		d = display(q, pr)
		return d, d.overflow != "" || !finite(d.Value)
	}
	text := t.text
	if q.S != nil {
		d = rangeIn(q, headlineOf(q.S), text, t.q.V, pr.ranges)
		return d, d.overflow != ""
	}
	v := noNegativeZero(q.V / t.q.V)
	if !finite(v) {
		return Display{}, true
	}
	num, approx := numberText(v, pr.exact, false)
	d = Display{Value: v, Unit: text, Approx: approx}
	bare := strings.TrimPrefix(text, "$")
	signless := strings.TrimLeft(bare, "+-")
	multiple := signless != "" && (isDigit(rune(signless[0])) || signless[0] == '.')
	switch {
	case multiple:
		d.Text = num + " × " + text
	case moneyFirst(text):
		// -> $ and -> $/month read as money: $10,000/month.
		d.Text = "$" + num + text[1:]
		if strings.HasPrefix(num, "-") {
			d.Text = "-$" + num[1:] + text[1:]
		}
	default:
		d.Text = num + " " + text
	}
	return d, false
}

// convOp is a conversion inside an expression: the value is unchanged, and
// the working shows it in the target's unit.
func convOp(ctx *evalCtx, id int, a Quantity) (Quantity, *Error) {
	ni := ctx.p.info[id]
	n := ni.n.(*convNode)
	pr := ctx.p.scope.s.prec()
	if err := ni.conv.check(ctx.p.src, n.tgtSp, a, pr); err != nil {
		return Quantity{}, err
	}
	if _, overflow := ni.conv.show(a, pr); overflow {
		return Quantity{}, tooLarge(ctx.p.src, n.tgtSp, ni.conv.text)
	}
	if ni.conv.pct {
		a.hint |= hintPercent
	}
	return a, nil
}
