package estimate

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
)

//go:embed units.napkin
var unitsSource string

// prelude is what every session starts with: the units of units.napkin.
// It is built once per process and never changed afterwards.
type prelude struct {
	units     map[string]*Unit
	unitNames []string // sorted, for suggestions
	list      []*Unit  // in file order, for listings
}

// Unit is one unit of the prelude.
type Unit struct {
	Names      []string // the name first, then its aliases
	Definition string   // as written in units.napkin
	Doc        string   // the comment beside it
	Dimension  string   // "data/time"
	q          Quantity
}

var (
	preludeOnce sync.Once
	thePrelude  *prelude
)

func loadPrelude() *prelude {
	preludeOnce.Do(func() {
		p, err := parsePrelude(unitsSource, false)
		if err != nil {
			// units.napkin is embedded and tested; this cannot happen in a
			// released binary.
			panic(fmt.Sprintf("napkin: internal error in units.napkin: %v", err))
		}
		thePrelude = p
	})
	return thePrelude
}

// Units lists the units napkin knows, in the order units.napkin defines them.
func Units() []*Unit { return loadPrelude().list }

// parsePrelude reads a units file. With runAsserts set it also runs the
// file's assert lines (the tests do; start-up does not).
func parsePrelude(src string, runAsserts bool) (*prelude, error) {
	pre := &prelude{units: map[string]*Unit{}}
	s := &Session{opts: Options{Digits: DefaultDigits}, base: pre, vars: map[string]*variable{}, funcs: map[string]*userFunc{}}
	s.SetFile("units.napkin")
	for i, line := range strings.Split(src, "\n") {
		code, doc, _ := strings.Cut(line, "#")
		doc = strings.TrimSpace(doc)
		fields := strings.Fields(code)
		if len(fields) == 0 {
			continue
		}
		var h hint
		switch fields[0] {
		case "binary":
			h, fields = hintBinary, fields[1:]
		case "decimal":
			h, fields = hintDecimal, fields[1:]
		case "bits":
			h, fields = hintBits, fields[1:]
		}
		switch {
		case fields[0] == "dimension" && len(fields) == 3:
			d := -1
			for j, n := range dimNames {
				if n == fields[1] {
					d = j
				}
			}
			if d < 0 {
				return nil, fmt.Errorf("line %d: unknown dimension %q", i+1, fields[1])
			}
			q := Quantity{V: 1}
			q.D[d] = 1
			pre.add(&Unit{Names: fields[2:], Definition: "base unit of " + fields[1], Doc: doc, q: q})
		case fields[0] == "unit":
			_, def, ok := strings.Cut(code, "=")
			if !ok {
				return nil, fmt.Errorf("line %d: a unit needs = and a definition", i+1)
			}
			eq := strings.Index(code, "=")
			nameFields := strings.Fields(code[:eq])
			nameFields = nameFields[indexOf(nameFields, "unit")+1:]
			if len(nameFields) == 0 {
				return nil, fmt.Errorf("line %d: a unit needs a name", i+1)
			}
			r, err := s.EvalLine(i+1, def)
			if err != nil {
				return nil, err
			}
			q := r.Quantity
			q.hint = h
			pre.add(&Unit{Names: nameFields, Definition: strings.TrimSpace(def), Doc: doc, q: q})
		case fields[0] == "assert":
			if runAsserts {
				if _, err := s.EvalLine(i+1, code); err != nil {
					return nil, err
				}
			}
		default:
			return nil, fmt.Errorf("line %d: expected dimension, unit or assert, found %q", i+1, fields[0])
		}
	}
	sort.Strings(pre.unitNames)
	return pre, nil
}

func indexOf(xs []string, x string) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

func (pre *prelude) add(u *Unit) {
	u.Dimension = u.q.D.String()
	for _, n := range u.Names {
		pre.units[n] = u
		pre.unitNames = append(pre.unitNames, n)
	}
	pre.list = append(pre.list, u)
}
