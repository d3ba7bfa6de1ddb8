package reference

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"github.com/napkin-calc/napkin/estimate"
)

//go:embed data/*.napkin
var dataFS embed.FS

//go:embed formulas.napkin
var formulas string

// Group is one data file of constants: capacity or cost.
type Group struct {
	Name  string // capacity, cost
	Title string
	File  *estimate.ConstantFile
}

// groupNames are the data files, in the order they are listed.
var groupNames = []string{"capacity", "cost"}

// The files are read on first use, never when napkin starts.
var (
	groupsOnce sync.Once
	theGroups  []*Group
	groupsErr  error
	namesOnce  sync.Once
	theNames   map[string]bool
)

func groups() ([]*Group, error) {
	groupsOnce.Do(func() { theGroups, groupsErr = loadGroups() })
	return theGroups, groupsErr
}

func names() map[string]bool {
	namesOnce.Do(func() { theNames = readNames() })
	return theNames
}

func loadGroups() ([]*Group, error) {
	var out []*Group
	for _, name := range groupNames {
		data, err := dataFS.ReadFile("data/" + name + ".napkin")
		if err != nil {
			return nil, err
		}
		f, err := estimate.ParseConstants("reference/data/"+name+".napkin", string(data))
		if err != nil {
			return nil, err
		}
		out = append(out, &Group{Name: name, Title: f.Meta["title"], File: f})
	}
	return out, nil
}

// Groups returns the constant files, parsed once.
func Groups() ([]*Group, error) { return groups() }

// Library puts every reference constant in a session's scope. The files
// are parsed the first time one of their names is looked up.
func Library() estimate.Library { return lib{} }

type lib struct{}

func readNames() map[string]bool {
	// Read the names without evaluating anything: suggestions need them
	// on every unknown word.
	out := map[string]bool{}
	for _, g := range groupNames {
		data, _ := dataFS.ReadFile("data/" + g + ".napkin")
		for _, line := range strings.Split(string(data), "\n") {
			if name, _, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "assert") {
				out[strings.TrimSpace(name)] = true
			}
		}
	}
	return out
}

func (lib) Lookup(name string) (*estimate.Constant, bool) {
	if !names()[name] {
		return nil, false
	}
	gs, err := groups()
	if err != nil {
		panic(fmt.Sprintf("napkin: internal error in reference data: %v", err))
	}
	for _, g := range gs {
		for _, c := range g.File.Constants {
			if c.Name == name {
				return c, true
			}
		}
	}
	return nil, false
}

func (lib) Names() []string {
	out := make([]string, 0, len(names()))
	for n := range names() {
		out = append(out, n)
	}
	return out
}

// LoadFormulas makes the formulas of formulas.napkin available in a
// session; they are defined the first time one is used. Their asserts are
// left to the tests.
func LoadFormulas(s *estimate.Session) { s.AddFunctions("formulas.napkin", formulas) }

// FormulasSource is formulas.napkin as shipped.
func FormulasSource() string { return formulas }
