package estimate

import (
	"fmt"
	"strconv"
	"strings"
)

// Constant is a named reference value: a latency, a throughput, a price.
// Constants come from data files written in napkin (see ParseConstants) and
// reach a session through a Library.
type Constant struct {
	Name        string
	Value       Quantity
	Expr        string // the value as written: 0.5 ns
	Description string // what it is: L1 cache reference
	Source      string // where the number comes from
	Year        int    // when it was published or measured; 0 when unknown (#@ year: unknown)
	Note        string // a caveat written next to it in the data
	File        string
	Line        int
}

// Library supplies constants to a session, looked up after the session's
// variables and units. Names lists the names it knows, for suggestions.
type Library interface {
	Lookup(name string) (*Constant, bool)
	Names() []string
}

// AddLibrary puts a library's constants in scope. Libraries are consulted
// in the order they were added.
func (s *Session) AddLibrary(l Library) { s.libs = append(s.libs, l) }

func (s *Session) constant(name string) (*Constant, bool) {
	for _, l := range s.libs {
		if c, ok := l.Lookup(name); ok {
			return c, true
		}
	}
	return nil, false
}

// ConstantFile is a parsed data file of constants.
type ConstantFile struct {
	Name      string            // file name, for positions
	Meta      map[string]string // the #@ lines before the first constant
	Constants []*Constant
	Asserts   []Assertion
}

// Assertion is an assert line of a data file, run by the file's tests.
type Assertion struct {
	Line   int
	Source string
}

// ParseConstants reads a data file of constants. It is a napkin script
// whose assignments are the constants and whose comments carry their
// provenance:
//
//	#@ source: https://gist.github.com/jboner/2841832
//	#@ year: 2012
//	# note: a caveat that belongs to the next constant only
//	l1_ref = 0.5 ns          # L1 cache reference
//	assert l1_ref < l2_ref
//
// A #@ key: value line sets that key for every constant after it (until it
// is set again); those before the first constant also describe the file.
// The comment after a constant is its description. Values are evaluated
// with napkin's units in scope and may use constants defined above them.
func ParseConstants(file, src string) (*ConstantFile, error) {
	f := &ConstantFile{Name: file, Meta: map[string]string{}}
	current := map[string]string{}
	var note []string
	s := NewSession(Options{})
	s.SetFile(file)
	s.valuesOnly = true
	for i, line := range strings.Split(src, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			note = nil
			continue
		case strings.HasPrefix(trimmed, "#@"):
			key, value, ok := strings.Cut(strings.TrimSpace(trimmed[2:]), ":")
			if !ok {
				return nil, fmt.Errorf("%s:%d: write #@ key: value", file, i+1)
			}
			key, value = strings.TrimSpace(key), strings.TrimSpace(value)
			current[key] = value
			if len(f.Constants) == 0 {
				f.Meta[key] = value
			}
			continue
		case strings.HasPrefix(trimmed, "# note:"):
			note = append(note, strings.TrimSpace(strings.TrimPrefix(trimmed, "# note:")))
			continue
		case strings.HasPrefix(trimmed, "#") && len(note) > 0 && strings.HasPrefix(line, "#  "):
			// An indented continuation of a note.
			note = append(note, strings.TrimSpace(trimmed[1:]))
			continue
		case strings.HasPrefix(trimmed, "#"):
			continue
		case strings.HasPrefix(trimmed, "assert "):
			f.Asserts = append(f.Asserts, Assertion{Line: i + 1, Source: line})
			continue
		}
		code, doc, _ := strings.Cut(line, "#")
		name, expr, ok := strings.Cut(code, "=")
		name, expr = strings.TrimSpace(name), strings.TrimSpace(expr)
		if !ok || name == "" || strings.ContainsAny(name, " ()") {
			return nil, fmt.Errorf("%s:%d: expected NAME = VALUE  # description", file, i+1)
		}
		r, err := s.EvalLine(i+1, code)
		if err != nil {
			return nil, err
		}
		c := &Constant{Name: name, Value: r.Quantity, Expr: expr, Description: strings.TrimSpace(doc),
			Source: current["source"], Note: strings.Join(note, " "), File: file, Line: i + 1}
		if y := current["year"]; y != "" && y != "unknown" {
			if c.Year, err = strconv.Atoi(y); err != nil {
				return nil, fmt.Errorf("%s:%d: year %q is not a number", file, i+1, y)
			}
		}
		if c.Source == "" {
			return nil, fmt.Errorf("%s:%d: %s has no source (add a #@ source: line above it)", file, i+1, name)
		}
		f.Constants = append(f.Constants, c)
		note = nil
	}
	return f, nil
}

// RunAsserts runs a data file's asserts in session s, which must have the
// file's constants in scope.
func (f *ConstantFile) RunAsserts(s *Session) error {
	s.SetFile(f.Name)
	for _, a := range f.Asserts {
		if _, err := s.EvalLine(a.Line, a.Source); err != nil {
			return err
		}
	}
	return nil
}

// MapLibrary is a Library over a fixed set of constants.
type MapLibrary struct {
	byName map[string]*Constant
	names  []string
}

// NewMapLibrary makes a Library of constants; a later constant of the same
// name wins.
func NewMapLibrary(cs ...*Constant) *MapLibrary {
	l := &MapLibrary{byName: map[string]*Constant{}}
	for _, c := range cs {
		if _, dup := l.byName[c.Name]; !dup {
			l.names = append(l.names, c.Name)
		}
		l.byName[c.Name] = c
	}
	return l
}

func (l *MapLibrary) Lookup(name string) (*Constant, bool) {
	c, ok := l.byName[name]
	return c, ok
}

func (l *MapLibrary) Names() []string { return l.names }

// Names lists every name a line may use in this session: variables,
// functions (builtin, defined and loadable), units and library constants.
// For completion.
func (s *Session) Names() []string {
	sc := &scope{s: s}
	return sc.namesWith(sortedKeys(s.vars))
}
