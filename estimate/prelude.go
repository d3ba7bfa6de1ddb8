package estimate

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// unitsSource is units.napkin, the source of unitTable.
//
//go:generate go test -run ^TestUnitTableIsCurrent$ -update-units .
//go:embed units.napkin
var unitsSource string

// prelude is what every session starts with: the units of units.napkin.
//
// A run's prelude comes from unitTable, every unit already evaluated (see
// loadPrelude). parsePrelude reads the file itself, for the table's
// generation and the tests: it only splits the file into declarations, and
// a unit's definition is evaluated the first time it is used. A
// definition may refer only to units declared before it, so evaluation
// always terminates.
type prelude struct {
	// units indexes a parsed file by name; the shipped prelude, read from
	// unitTable, has none and looks names up with unitIndex.
	units     map[string]*Unit
	unitNames []string // sorted, for suggestions: see sortedNames
	sortOnce  sync.Once
	list      []*Unit      // in file order, for listings
	asserts   []sourceLine // the file's asserts
	// foreign are units of other calculators that napkin does not have:
	// after a number they are errors that say what to write instead. Their
	// lines are read the first time an unknown word is looked up there
	// (foreignUnits), not when a run starts.
	foreignLines []sourceLine // their code, without the comment
	foreignOnce  sync.Once
	foreign      map[string]*foreignUnit
	foreignErr   error
}

// sourceLine is a line of units.napkin kept for later: its 1-based number
// and its text.
type sourceLine struct {
	n    int
	text string
}

// foreignUnit is a unit napkin does not know: its name, and either napkin's
// equivalent of one of it (fortnight: 14 days) or why there is none.
type foreignUnit struct {
	name  string
	equiv string // napkin text for one of the unit, "" when there is none
	why   string
	line  int
}

// Unit is one unit of the prelude.
type Unit struct {
	Names      []string // the name first, then its aliases
	Definition string   // as written in units.napkin
	Doc        string   // the comment beside it
	line       int      // 1-based line in units.napkin
	order      int      // position in the file: definitions use earlier units only
	hint       hint
	base       *Quantity // set for the base unit of a dimension
	pre        *prelude
	once       sync.Once
	q          Quantity
	err        error
	known      bool // q is already known: the unit comes from unitTable
}

var (
	preludeOnce sync.Once
	thePrelude  *prelude
)

// loadPrelude is the shipped prelude: units.napkin as unitTable holds it,
// read and evaluated when napkin was built (TestUnitTableIsCurrent keeps
// the two the same), so that a run reads no file and evaluates no
// definition to use a unit.
func loadPrelude() *prelude {
	preludeOnce.Do(func() {
		// The table itself is not written to: its pages are read only
		// where a line uses a unit. Its units are known, so they need no
		// pre to evaluate in.
		p := &prelude{list: make([]*Unit, len(unitTable)), asserts: unitAsserts[:], foreignLines: unitForeignLines[:]}
		for i := range unitTable {
			p.list[i] = &unitTable[i]
		}
		thePrelude = p
	})
	return thePrelude
}

// lookup finds a unit by any of its names.
func (p *prelude) lookup(name string) (*Unit, bool) {
	if p.units != nil {
		u, ok := p.units[name]
		return u, ok
	}
	if i := unitIndex(name); i >= 0 {
		return p.list[i], true
	}
	return nil, false
}

// Units lists the units napkin knows, in the order units.napkin defines them.
func Units() []*Unit { return loadPrelude().list }

// sortedNames are the unit names in order, for suggestions: gathered and
// sorted the first time an unknown word needs them, not at start-up.
func (p *prelude) sortedNames() []string {
	p.sortOnce.Do(func() {
		for _, u := range p.list {
			p.unitNames = append(p.unitNames, u.Names...)
		}
		sort.Strings(p.unitNames)
	})
	return p.unitNames
}

// foreignUnits reads the file's foreign lines, once. An error (a malformed
// line, a name declared twice or also a napkin unit) stops the reading;
// the embedded file has none (TestForeignUnits).
func (pre *prelude) foreignUnits() (map[string]*foreignUnit, error) {
	pre.foreignOnce.Do(func() {
		pre.foreign = map[string]*foreignUnit{}
		for _, l := range pre.foreignLines {
			if err := pre.addForeign(l.n, l.text); err != nil {
				pre.foreignErr = err
				return
			}
		}
	})
	return pre.foreign, pre.foreignErr
}

// addForeign reads foreign NAME… = EQUIVALENT or foreign NAME… : WHY.
func (pre *prelude) addForeign(line int, code string) error {
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(code), "foreign"))
	k := strings.IndexAny(rest, "=:")
	if k < 0 {
		return fmt.Errorf("line %d: write foreign NAME… = EQUIVALENT or foreign NAME… : WHY", line)
	}
	names := strings.Fields(rest[:k])
	text := strings.TrimSpace(rest[k+1:])
	if len(names) == 0 || text == "" {
		return fmt.Errorf("line %d: write foreign NAME… = EQUIVALENT or foreign NAME… : WHY", line)
	}
	for _, n := range names {
		if _, dup := pre.foreign[n]; dup {
			return fmt.Errorf("line %d: foreign unit %q is declared twice", line, n)
		}
		if _, dup := pre.lookup(n); dup {
			return fmt.Errorf("line %d: %q is a napkin unit", line, n)
		}
		f := &foreignUnit{name: names[0], line: line}
		if rest[k] == '=' {
			f.equiv = text
		} else {
			f.why = text
		}
		pre.foreign[n] = f
	}
	return nil
}

func indexOf(xs []string, x string) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

// value evaluates the unit's definition, once.
func (u *Unit) value() (Quantity, error) {
	if u.known {
		return u.q, nil
	}
	u.once.Do(func() {
		if u.base != nil {
			u.q = *u.base
			return
		}
		s := &Session{opts: Options{Digits: DefaultDigits}, base: u.pre, vars: map[string]*variable{},
			funcs: map[string]*userFunc{}, valuesOnly: true, unitLimit: u.order}
		s.SetFile("units.napkin")
		r, err := s.EvalLine(u.line, u.Definition)
		switch {
		case err != nil:
			u.err = err
		case r == nil:
			u.err = fmt.Errorf("units.napkin:%d: empty definition", u.line)
		default:
			u.q = r.Quantity
			// A unit shows as its declaration says (binary, decimal, bits),
			// and as a percentage when it is defined as one (percent = 1%).
			u.q.hint = u.hint | r.Quantity.hint&hintPercent
		}
	})
	return u.q, u.err
}

// mustValue is value for units whose definitions the tests have checked.
func (u *Unit) mustValue() Quantity {
	q, err := u.value()
	if err != nil {
		panic(fmt.Sprintf("napkin: internal error in units.napkin: %v", err))
	}
	return q
}

// Dimension names the unit's dimension: "data/time".
func (u *Unit) Dimension() string { return u.mustValue().D.String() }

// unit looks a name up among the units this session may use: all of them,
// or while a unit's definition is evaluated, those declared before it.
func (s *Session) unit(name string) (*Unit, bool) {
	u, ok := s.base.lookup(name)
	if !ok || (s.unitLimit >= 0 && u.order >= s.unitLimit) {
		return nil, false
	}
	return u, true
}
