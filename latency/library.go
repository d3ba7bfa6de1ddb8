package latency

import (
	"fmt"
	"strings"

	"github.com/napkin-calc/napkin/estimate"
)

// library resolves latency names for a session: plain names from the chosen
// set, qualified names (set.id) from any set.
type library struct {
	set *Set
}

func (l *library) Lookup(name string) (*estimate.Constant, bool) {
	if setName, id, ok := strings.Cut(name, "."); ok {
		if !l.knownSet(setName) {
			return nil, false
		}
		s, err := Get(setName)
		if err != nil {
			return nil, false
		}
		c, ok := s.Entry(id)
		if !ok {
			return nil, false
		}
		q := *c
		q.Name = name
		return &q, true
	}
	return l.set.Entry(name)
}

// knownSet avoids loading a file for a name that is not a set.
func (l *library) knownSet(name string) bool {
	if strings.HasPrefix(name, "scott") {
		return true
	}
	_, ok := fileIDs(name)
	return ok
}

// Names are the chosen set's plain names and every file set's qualified
// names, read from the index without evaluating anything.
func (l *library) Names() []string {
	names := make([]string, 0, 256)
	for _, c := range l.set.Entries {
		names = append(names, c.Name)
	}
	return append(names, qualifiedNames()...)
}

// qualifiedNames are set.id for every entry of every data-file set.
func qualifiedNames() []string {
	ix := index()
	var names []string
	for _, s := range ix.sets {
		for _, id := range ix.ids[s] {
			names = append(names, s+"."+id)
		}
	}
	return names
}

// Hint explains a name that another set has but the chosen one lacks.
func (l *library) Hint(name string) string { return otherSetHint(l.set.Name, name) }

func otherSetHint(setName, name string) string {
	ix := index()
	for _, s := range ix.sets {
		for _, id := range ix.ids[s] {
			if id == name {
				return fmt.Sprintf("the latency set %s has no %s; %s.%s names the one from %s", setName, name, s, name, s)
			}
		}
	}
	return ""
}

// Library returns the library for the set called name, checking the name
// now but reading the set's file only when one of its names is used.
func Library(name string) (estimate.Library, error) {
	if strings.HasPrefix(name, "scott") {
		s, err := Get(name) // computed, not read: cheap
		if err != nil {
			return nil, err
		}
		return s.Library(), nil
	}
	if _, ok := fileIDs(name); !ok {
		return nil, fmt.Errorf("unknown latency set %q; the sets are %s", name, setNames())
	}
	return &lazyLibrary{name: name}, nil
}

type lazyLibrary struct {
	name string
	lib  *library
}

func (l *lazyLibrary) get() *library {
	if l.lib == nil {
		s, err := Get(l.name)
		if err != nil {
			panic(fmt.Sprintf("napkin: internal error in latency data: %v", err))
		}
		l.lib = &library{set: s}
	}
	return l.lib
}

func (l *lazyLibrary) Lookup(name string) (*estimate.Constant, bool) {
	if !strings.Contains(name, ".") && !l.has(name) {
		return nil, false
	}
	return l.get().Lookup(name)
}

func (l *lazyLibrary) has(id string) bool {
	set, _ := fileIDs(l.name)
	for _, x := range set.ids {
		if x == id {
			return true
		}
	}
	return false
}

func (l *lazyLibrary) Names() []string {
	return append(append([]string{}, index().ids[l.name]...), qualifiedNames()...)
}

func (l *lazyLibrary) Hint(name string) string {
	return otherSetHint(l.name, name)
}
