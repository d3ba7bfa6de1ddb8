package estimate

import (
	"strconv"
	"strings"
)

// funcSource is a file of function definitions (a prelude of formulas)
// whose definitions are evaluated the first time one of them is needed:
// start-up pays nothing for formulas a run does not call.
type funcSource struct {
	file   string
	src    string
	names  map[string]bool // the names it defines: see defines
	loaded bool
}

// AddFunctions makes the function definitions of a napkin file available
// to the session. Only lines that define functions count; the others
// (comments, asserts) are skipped. A function the session defines itself,
// before or after, wins over one of the same name from the file.
func (s *Session) AddFunctions(file, src string) {
	s.funcSources = append(s.funcSources, &funcSource{file: file, src: src})
}

// defines is the set of names the file defines, read from its lines the
// first time a name is looked up there: a line that uses only numbers and
// units never reads it.
func (fs *funcSource) defines() map[string]bool {
	if fs.names != nil {
		return fs.names
	}
	fs.names = map[string]bool{}
	// Line by line in place.
	for rest, more := fs.src, true; more; {
		var line string
		line, rest, more = strings.Cut(rest, "\n")
		if line == "" || line[0] == '#' {
			continue // a comment: its name would not be plain
		}
		if name, _, ok := strings.Cut(line, "("); ok && isPlainName(name) && strings.Contains(line, "=") {
			fs.names[name] = true
		}
	}
	return fs.names
}

func isPlainName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(isIdentStart(r) || (i > 0 && isDigit(r))) {
			return false
		}
	}
	return true
}

// function looks up a user function, loading a function file on demand.
func (s *Session) function(name string) (*userFunc, bool) {
	if f, ok := s.funcs[name]; ok {
		return f, true
	}
	for _, fs := range s.funcSources {
		if !fs.loaded && fs.defines()[name] {
			s.loadFuncSource(fs)
			f, ok := s.funcs[name]
			return f, ok
		}
	}
	return nil, false
}

// loadAllFunctions loads every function file, for listings.
func (s *Session) loadAllFunctions() {
	for _, fs := range s.funcSources {
		if !fs.loaded {
			s.loadFuncSource(fs)
		}
	}
}

func (s *Session) loadFuncSource(fs *funcSource) {
	fs.loaded = true
	saved, savedLine, savedAns := s.file, s.line, s.ans
	defer func() { s.file, s.line = saved, savedLine; s.setAns(savedAns) }()
	s.file = fs.file
	source, year := "", ""
	var domains []string // the #@ domain: lines for the next definition
	for i, line := range strings.Split(fs.src, "\n") {
		if key, value, ok := metaLine(line); ok {
			switch key {
			case "source":
				source, year = value, ""
			case "year":
				year = value
			case "domain":
				domains = append(domains, value)
			}
			continue
		}
		st, err := parseLine(line)
		if err != nil || st.kind != stmtFunc {
			if strings.TrimSpace(line) != "" && !strings.HasPrefix(strings.TrimSpace(line), "#") {
				domains = nil
			}
			continue // the file's tests check that every definition parses
		}
		var rules []domainRule
		for _, d := range domains {
			if r, err := parseDomain(d, st.params); err == nil {
				rules = append(rules, r) // CheckDomains reports the others
			}
		}
		domains = nil
		if _, mine := s.funcs[st.name]; mine {
			continue
		}
		r := &Result{Line: i + 1, Input: line, Name: st.name}
		s.line = i + 1
		if _, err := s.defineFunc(st, line, r); err != nil {
			continue
		}
		f := s.funcs[st.name]
		f.source = source
		f.domain = rules
		if y, err := strconv.Atoi(year); err == nil {
			f.year = y
		}
	}
}

// metaLine reads a "#@ key: value" line of a data file.
func metaLine(line string) (key, value string, ok bool) {
	rest, found := strings.CutPrefix(strings.TrimSpace(line), "#@")
	if !found {
		return "", "", false
	}
	key, value, ok = strings.Cut(rest, ":")
	return strings.TrimSpace(key), strings.TrimSpace(value), ok
}

// lazyFunctionNames are the names of functions not loaded yet, for
// suggestions.
func (s *Session) lazyFunctionNames() []string {
	var out []string
	for _, fs := range s.funcSources {
		if !fs.loaded {
			out = append(out, sortedKeys(fs.defines())...)
		}
	}
	return out
}
