package estimate

import (
	"fmt"
	"strings"
)

// unitBlock is how many Units parsePrelude allocates at a time.
const unitBlock = 32

// parsePrelude splits a units file into its declarations.
//
// It ran at the start of every process before unit_table.go, and still
// reads the file in place: lines, names, definitions and comments are all
// substrings of src, the words of a line go into one reused buffer, the
// names of every unit into one shared slice, the Units into blocks, and
// the name index is made once its size is known.
func parsePrelude(src string) (*prelude, error) {
	pre := &prelude{}
	var (
		fields  = make([]string, 0, 5)   // the first words of the line being read
		names   = make([]string, 0, 256) // every unit's names, in file order
		block   []Unit
		lineErr error
	)
	for n, rest, more := 1, src, true; more; n++ {
		var line string
		line, rest, more = strings.Cut(rest, "\n")
		code, doc, _ := strings.Cut(line, "#")
		// Enough words to tell the forms apart: a prefix, then dimension
		// NAME SYMBOL and nothing after it.
		fields = appendFieldsN(fields[:0], code, 5)
		if len(fields) == 0 {
			continue
		}
		if fields[0] == "foreign" {
			pre.foreignLines = append(pre.foreignLines, sourceLine{n, code})
			continue
		}
		if len(block) == cap(block) {
			block = make([]Unit, 0, unitBlock)
		}
		block = block[:len(block)+1]
		u := &block[len(block)-1]
		*u = Unit{Doc: strings.TrimSpace(doc), line: n, pre: pre}
		f := fields
		switch f[0] {
		case "binary":
			u.hint, f = hintBinary, f[1:]
		case "decimal":
			u.hint, f = hintDecimal, f[1:]
		case "bits":
			u.hint, f = hintBits, f[1:]
		}
		first := len(names)
		switch {
		case len(f) == 0:
			lineErr = fmt.Errorf("line %d: write %s unit NAME ALIAS… = DEFINITION", n, fields[0])
		case len(f) == 3 && f[0] == "dimension" && u.hint == 0:
			d := indexOf(dimNames[:], f[1])
			if d < 0 {
				lineErr = fmt.Errorf("line %d: unknown dimension %q", n, f[1])
				break
			}
			q := Quantity{V: 1}
			q.D[d] = 1
			names = append(names, f[2])
			u.Definition, u.base = "the base unit of "+f[1], &q
		case len(f) > 1 && f[0] == "unit":
			// The definition as written, its spacing made single.
			_, rest, _ := strings.Cut(code, "unit")
			ns, def, ok := strings.Cut(rest, "=")
			names = appendFields(names, ns)
			u.Definition = tidySpaces(strings.TrimSpace(def))
			if !ok || len(names) == first || u.Definition == "" {
				lineErr = fmt.Errorf("line %d: write unit NAME ALIAS… = DEFINITION", n)
			}
		case f[0] == "assert" && u.hint == 0:
			pre.asserts = append(pre.asserts, sourceLine{n, line})
			block = block[:len(block)-1]
			continue
		default:
			lineErr = fmt.Errorf("line %d: expected dimension, unit or assert, found %q", n, f[0])
		}
		if lineErr != nil {
			break
		}
		u.Names = names[first:len(names):len(names)]
		u.order = len(pre.list)
		pre.list = append(pre.list, u)
	}
	// The index, sized now that the names are counted. A name declared
	// twice is reported before an error on a later line, as the file is read.
	pre.units = make(map[string]*Unit, len(names))
	for _, u := range pre.list {
		for _, name := range u.Names {
			if _, dup := pre.units[name]; dup {
				return nil, fmt.Errorf("line %d: unit %q is declared twice", u.line, name)
			}
			pre.units[name] = u
		}
	}
	if lineErr != nil {
		return nil, lineErr
	}
	return pre, nil
}
