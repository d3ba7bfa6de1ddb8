package estimate

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unsafe"
	"weak"
)

// rangeOp evaluates LO to HI (or normal(LO, HI), uniform(LO, HI)) into a
// vector of samples.
func rangeOp(ctx *evalCtx, id int, lo, hi Quantity) (Quantity, *Error) {
	ni := ctx.p.info[id]
	return ctx.sampleRange(id, ni.dist, ni.identity, lo, hi, ni.unitFactor, ni.bareLow)
}

func (ctx *evalCtx) sampleRange(id int, kind distKind, identity string, lo, hi Quantity, unitFactor *Quantity, bareLow bool) (Quantity, *Error) {
	if lo.S != nil || hi.S != nil {
		return Quantity{}, ctx.errorf(id, "give the ends as exact values", "the ends of a range cannot be ranges themselves")
	}
	if unitFactor != nil && (bareLow || lo.D.IsZero() && !hi.D.IsZero()) {
		// 1 to 4 KB, 10 to 50 million, 1 to 4%: the low end takes the
		// high end's unit, scale word or percent sign.
		lo.V *= unitFactor.V
		lo.D = unitFactor.D
		lo.hint |= unitFactor.hint
	}
	if lo.D != hi.D {
		return Quantity{}, ctx.errorf(id, "to binds tighter than * and /: write the unit once, after the range (50M to 200M /day), or bracket each end ((50M/day) to (200M/day))",
			"the ends of a range differ: %s [%s] and %s [%s]", ctx.show(lo), lo.D, ctx.show(hi), hi.D)
	}
	switch {
	case kind == distLognormal && lo.V <= 0:
		return Quantity{}, ctx.errorf(id, fmt.Sprintf("LO to HI is lognormal, for positive quantities; for one that may be 0 or less, write normal(%s, %s)", ctx.show(lo), ctx.show(hi)),
			"a range's low end must be above 0, not %s", ctx.show(lo))
	case lo.V == hi.V:
		return Quantity{}, ctx.errorf(id, fmt.Sprintf("a range needs two different ends; for an exact value, write %s", ctx.show(lo)),
			"a range's low end %s is not below its high end %s", ctx.show(lo), ctx.show(hi))
	case lo.V > hi.V:
		hint := fmt.Sprintf("write the low end first: %s to %s", ctx.show(hi), ctx.show(lo))
		if kind == distLognormal && hi.V <= 0 {
			// 1 to 0 turned round is 0 to 1, itself refused above.
			hint = fmt.Sprintf("write the low end first; for ends at 0 or below, normal(%s, %s)", ctx.show(hi), ctx.show(lo))
		}
		return Quantity{}, ctx.errorf(id, hint, "a range's low end %s is not below its high end %s", ctx.show(lo), ctx.show(hi))
	}
	s := ctx.p.scope.s
	if err := ctx.roomFor(id, s.samples()); err != nil {
		return Quantity{}, err
	}
	r := rangeStream(s.seed(), identity)
	q := Quantity{D: hi.D, hint: mergeHints(lo, hi)}
	q.S = sample(kind, lo.V, hi.V, s.samples(), r)
	switch kind {
	case distLognormal:
		q.V = geomMean(lo.V, hi.V)
	default:
		q.V = (lo.V + hi.V) / 2
	}
	// A range is known by its variable's name when the line defines the
	// variable as that range (dau = 10M to 50M, posts = 1 to 2 /day), and
	// by its text when it is one factor among others (qps * (2 to 4)).
	sp := ctx.p.info[id].n.pos()
	label := tidySpaces(ctx.p.src[sp.Start:sp.End])
	if ctx.p.name != "" && !strings.HasSuffix(ctx.p.name, "()") && ctx.p.definesOneRange() {
		label = ctx.p.name
	}
	// The range is known by the quantities derived from it, for --why;
	// they do not keep its samples alive (see rangeInfo).
	q.src = []*rangeInfo{{identity: identity, label: label, kind: kind, lo: lo.V, hi: hi.V, n: len(q.S), seed: s.seed(),
		samples: weak.Make(&q.S[0])}}
	return q, nil
}

// definesOneRange reports whether the plan has exactly one range and no
// variables: the line gives a name to that range.
func (p *plan) definesOneRange() bool {
	if p.oneRange == 0 { // once per plan: a line may hold thousands of ranges
		p.oneRange = 2
		if p.countOneRange() {
			p.oneRange = 1
		}
	}
	return p.oneRange == 1
}

func (p *plan) countOneRange() bool {
	ranges := 0
	for _, ni := range p.info {
		switch {
		case ni.kind == nkVar:
			return false
		case ni.identity != "":
			ranges++
		}
	}
	return ranges == 1
}

func geomMean(a, b float64) float64 { return math.Sqrt(a) * math.Sqrt(b) }

// cmpOp evaluates a comparison inside P(…): the share of samples for
// which it holds (1 or 0 for exact values).
func cmpOp(ctx *evalCtx, id int, a, b Quantity) (Quantity, *Error) {
	c := ctx.p.info[id].n.(*compare)
	if a.D != b.D {
		return Quantity{}, ctx.errorf(id, "compare quantities of one kind", "P compares %s [%s] with %s [%s]",
			ctx.show(a), a.D, ctx.show(b), b.D)
	}
	test := comparator(c.op)
	n := max(len(a.S), len(b.S), 1)
	hits := 0
	for i := 0; i < n; i++ {
		if test(a.at(i), b.at(i)) {
			hits++
		}
	}
	q := number(float64(hits) / float64(n))
	q.hint = hintProbability
	return q, nil
}

func comparator(op string) func(x, y float64) bool {
	switch op {
	case "<":
		return func(x, y float64) bool { return x < y }
	case "<=":
		return func(x, y float64) bool { return x <= y }
	case ">":
		return func(x, y float64) bool { return x > y }
	case ">=":
		return func(x, y float64) bool { return x >= y }
	case "!=":
		return func(x, y float64) bool { return x != y }
	}
	return func(x, y float64) bool { return x == y }
}

// rangeInfo is a range evaluated in the session, for sensitivity: every
// quantity derived from it points to it. It does not keep the range's
// samples alive, or every variable would keep those of all the ranges it
// derives from (x = (1 to 2) * (2 to 3) three vectors, not one): while a
// variable or an intermediate value still holds them they are read back,
// and once they are garbage they are drawn again, identically, from the
// same stream.
type rangeInfo struct {
	identity, label string
	kind            distKind
	lo, hi          float64
	n               int
	seed            uint64
	samples         weak.Pointer[float64] // the first of the n samples
}

// values are the range's samples.
func (r *rangeInfo) values() []float64 {
	if p := r.samples.Value(); p != nil {
		return unsafe.Slice(p, r.n) // the vector has n samples: see sampleRange
	}
	return sample(r.kind, r.lo, r.hi, r.n, rangeStream(r.seed, r.identity))
}

// maxSources is the most input ranges a quantity keeps track of for
// --why; beyond it, the rest are "other ranges". A chain of lines each
// adding a range would otherwise carry lists as long as the script.
const maxSources = 32

// otherRanges is the label of the entry that stands for the ranges beyond
// maxSources (a rangeInfo with no identity).
const otherRanges = "other ranges"

// Distribution summarises a range result in the unit it is shown in (nil
// for an exact result). It sorts the samples: call it when the full
// statistics are wanted (--stats, --hist).
func (r *Result) Distribution() *Dist {
	q := r.Quantity
	if q.S == nil {
		return nil
	}
	return summarise(q.S, r.scale(), r.Unit)
}

// scale converts the result's base units to its display unit.
func (r *Result) scale() float64 {
	if r.Value == 0 {
		return 1
	}
	return headlineOf(r.Quantity.S).p50 / r.Value
}

// Influence is how much of a result's spread one input range explains.
type Influence struct {
	Name  string  // the variable the range was assigned to, or its text (2 to 4)
	Share float64 // 0 to 1; the shares of a result add up to 1
}

// Sensitivity ranks the ranges a result depends on by the share of its
// spread each explains: the squared correlation of the logarithms (the
// values, for ranges that reach 0), normalised. For a product of
// independent lognormals that is exactly each input's share of the
// variance of the log. Nil for an exact result.
func (r *Result) Sensitivity() []Influence {
	q := r.Quantity
	if q.S == nil || r.session == nil {
		return nil
	}
	y := logOrSelf(q.S)
	var out []Influence
	var total float64
	more := false
	for _, info := range q.src {
		if info.identity == "" {
			more = true
			continue
		}
		c := correlation(logOrSelf(info.values()), y)
		if math.IsNaN(c) {
			c = 0
		}
		out = append(out, Influence{Name: info.label, Share: c * c})
		total += c * c
	}
	switch {
	case more:
		// The shares of the ranges left out are unknown: those named keep
		// their own (a squared correlation is a share of the spread by
		// itself) and the others share what is left.
		out = append(out, Influence{Name: otherRanges, Share: max(0, 1-total)})
		if total > 1 {
			for i := range out {
				out[i].Share /= total
			}
		}
	case total > 0:
		for i := range out {
			out[i].Share /= total
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Share > out[j].Share })
	return out
}

func logOrSelf(s []float64) []float64 {
	for _, x := range s {
		if x <= 0 {
			return s
		}
	}
	out := make([]float64, len(s))
	for i, x := range s {
		out[i] = math.Log(x)
	}
	return out
}

func correlation(x, y []float64) float64 {
	n := float64(len(x))
	var sx, sy float64
	for i := range x {
		sx += x[i]
		sy += y[i]
	}
	mx, my := sx/n, sy/n
	var cov, vx, vy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		cov += dx * dy
		vx += dx * dx
		vy += dy * dy
	}
	return cov / math.Sqrt(vx*vy)
}
