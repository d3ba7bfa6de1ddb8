package estimate

// The syntax tree of one statement. Every node knows its byte span in the
// source line, so that errors can underline it and the working can quote it.

type node interface{ pos() span }

type (
	// numLit is a number as written: 42, 300M, 1e9, 20% (pct set).
	numLit struct {
		sp   span
		text string
		v    float64
	}
	// ident is a name: a variable, a unit, a constant, a label or ans.
	ident struct {
		sp   span
		name string
		// glued is set for letters written right after a number (5GB):
		// they must be a unit, never a label.
		glued bool
	}
	// label is a quoted label: 5 "bots".
	label struct {
		sp   span
		text string
	}
	// unary is -x or +x.
	unary struct {
		sp span
		op string
		x  node
	}
	// percent is x%.
	percent struct {
		sp span
		x  node
	}
	// binary is x op y for + - * / ^; opText is the operator as written
	// ("per" for a per).
	binary struct {
		sp     span
		op     string
		opText string
		spaced bool // written with a space before the operator
		x, y   node
	}
	// juxt is implicit multiplication by juxtaposition: 5 GB, 300M users,
	// 2^40 bytes. It binds tighter than * and /, looser than ^.
	juxt struct {
		sp span
		xs []node
	}
	// group is a parenthesised expression.
	group struct {
		sp span
		x  node
	}
	// call is f(a, b).
	call struct {
		sp     span
		name   string
		nameSp span
		args   []node
	}
	// recip is a leading / in a conversion target: -> /s.
	recip struct {
		sp span
		x  node
	}
	// rangeNode is LO to HI (or LO..HI): a 90% interval.
	rangeNode struct {
		sp     span
		opText string // "to" or ".."
		lo, hi node
	}
	// convNode is a conversion inside an expression: (6 hours -> 45 min).
	// Its value is its operand's; the working shows it in the target unit.
	convNode struct {
		sp     span
		x      node
		target node // nil for -> %
		tgtSp  span
	}
	// compare is a comparison inside P(…): the chance that it holds.
	compare struct {
		sp   span
		op   string
		x, y node
	}
)

func (n *numLit) pos() span    { return n.sp }
func (n *ident) pos() span     { return n.sp }
func (n *label) pos() span     { return n.sp }
func (n *unary) pos() span     { return n.sp }
func (n *percent) pos() span   { return n.sp }
func (n *binary) pos() span    { return n.sp }
func (n *juxt) pos() span      { return n.sp }
func (n *group) pos() span     { return n.sp }
func (n *call) pos() span      { return n.sp }
func (n *recip) pos() span     { return n.sp }
func (n *rangeNode) pos() span { return n.sp }
func (n *compare) pos() span   { return n.sp }
func (n *convNode) pos() span  { return n.sp }

type stmtKind uint8

const (
	stmtEmpty  stmtKind = iota // blank or comment-only line
	stmtExpr                   // an expression, maybe with -> target
	stmtAssign                 // name = expr
	stmtFunc                   // name(params) = expr
	stmtAssert                 // assert x == y (or another comparison)
)

// statement is one parsed line.
type statement struct {
	kind   stmtKind
	name   string // assigned variable or defined function
	nameSp span
	params []string // parameters of a function definition
	x      node     // the expression (left side of an assert)
	cmp    string   // comparison operator of an assert
	y      node     // right side of an assert
	target node     // conversion target, nil when none
	tgtSp  span     // span of the target text
	pct    bool     // the target is %: show the ratio as a percentage
}
