package estimate

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// referencePrelude is what the first parsePrelude, which split the file
// and every line with strings.Split and strings.Fields, made of a file.
type referencePrelude struct {
	units     []referenceUnit
	index     map[string]int // name → position in units
	unitNames []string       // in file order
	asserts   []int
	foreign   []int
	lines     []string
}

type referenceUnit struct {
	names      []string
	definition string
	doc        string
	line       int
	hint       hint
	base       *Quantity
}

// referenceParsePrelude is the first parsePrelude, kept to check that the
// faster one reads every file the same way.
func referenceParsePrelude(src string) (*referencePrelude, error) {
	pre := &referencePrelude{index: map[string]int{}, lines: strings.Split(src, "\n")}
	for i, line := range pre.lines {
		code, doc, _ := strings.Cut(line, "#")
		fields := strings.Fields(code)
		if len(fields) == 0 {
			continue
		}
		if fields[0] == "foreign" {
			pre.foreign = append(pre.foreign, i+1)
			continue
		}
		u := referenceUnit{doc: strings.TrimSpace(doc), line: i + 1}
		switch fields[0] {
		case "binary":
			u.hint, fields = hintBinary, fields[1:]
		case "decimal":
			u.hint, fields = hintDecimal, fields[1:]
		case "bits":
			u.hint, fields = hintBits, fields[1:]
		}
		switch {
		case len(fields) == 3 && fields[0] == "dimension" && u.hint == 0:
			d := indexOf(dimNames[:], fields[1])
			if d < 0 {
				return nil, fmt.Errorf("line %d: unknown dimension %q", i+1, fields[1])
			}
			q := Quantity{V: 1}
			q.D[d] = 1
			u.names, u.definition, u.base = fields[2:], "the base unit of "+fields[1], &q
		case len(fields) > 1 && fields[0] == "unit":
			_, rest, _ := strings.Cut(code, "unit")
			names, def, ok := strings.Cut(rest, "=")
			u.names, u.definition = strings.Fields(names), strings.Join(strings.Fields(def), " ")
			if !ok || len(u.names) == 0 || u.definition == "" {
				return nil, fmt.Errorf("line %d: write unit NAME ALIAS… = DEFINITION", i+1)
			}
		case fields[0] == "assert" && u.hint == 0:
			pre.asserts = append(pre.asserts, i+1)
			continue
		default:
			return nil, fmt.Errorf("line %d: expected dimension, unit or assert, found %q", i+1, fields[0])
		}
		for _, n := range u.names {
			if _, dup := pre.index[n]; dup {
				return nil, fmt.Errorf("line %d: unit %q is declared twice", i+1, n)
			}
			pre.index[n] = len(pre.units)
			pre.unitNames = append(pre.unitNames, n)
		}
		pre.units = append(pre.units, u)
	}
	return pre, nil
}

// samePrelude describes how parsePrelude's reading of src differs from
// the reference's, or returns "".
func samePrelude(src string) string {
	want, wantErr := referenceParsePrelude(src)
	got, gotErr := parsePrelude(src)
	if wantErr != nil || gotErr != nil {
		if fmt.Sprint(wantErr) != fmt.Sprint(gotErr) {
			return fmt.Sprintf("error %v, want %v", gotErr, wantErr)
		}
		return ""
	}
	if len(got.list) != len(want.units) {
		return fmt.Sprintf("%d units, want %d", len(got.list), len(want.units))
	}
	for i, u := range got.list {
		w := want.units[i]
		if !reflect.DeepEqual(u.Names, w.names) || u.Definition != w.definition || u.Doc != w.doc ||
			u.line != w.line || u.order != i || u.hint != w.hint || !reflect.DeepEqual(u.base, w.base) || u.pre != got {
			return fmt.Sprintf("unit %d is %q %q %q line %d, want %q %q %q line %d", i, u.Names, u.Definition, u.Doc, u.line, w.names, w.definition, w.doc, w.line)
		}
	}
	if len(got.units) != len(want.index) {
		return fmt.Sprintf("%d names indexed, want %d", len(got.units), len(want.index))
	}
	for name, i := range want.index {
		if got.units[name] != got.list[i] {
			return fmt.Sprintf("%q is not unit %d", name, i)
		}
	}
	sorted := append([]string(nil), want.unitNames...)
	sort.Strings(sorted)
	if names := got.sortedNames(); !reflect.DeepEqual(names, sorted) && len(names)+len(sorted) > 0 {
		return fmt.Sprintf("sorted names %q, want %q", names, sorted)
	}
	if len(got.asserts) != len(want.asserts) {
		return fmt.Sprintf("%d asserts, want %d", len(got.asserts), len(want.asserts))
	}
	for i, a := range got.asserts {
		if a.n != want.asserts[i] || a.text != want.lines[a.n-1] {
			return fmt.Sprintf("assert %d is line %d %q, want line %d", i, a.n, a.text, want.asserts[i])
		}
	}
	if len(got.foreignLines) != len(want.foreign) {
		return fmt.Sprintf("%d foreign lines, want %d", len(got.foreignLines), len(want.foreign))
	}
	for i, f := range got.foreignLines {
		code, _, _ := strings.Cut(want.lines[want.foreign[i]-1], "#")
		if f.n != want.foreign[i] || f.text != code {
			return fmt.Sprintf("foreign line %d is line %d %q, want line %d %q", i, f.n, f.text, want.foreign[i], code)
		}
	}
	return ""
}

// preludeSeeds are units files, good and bad, for the comparison.
var preludeSeeds = []string{
	unitsSource, "", "\n", "# only a comment\n",
	"unit = 5", "unit x", "dimension length m", "foo bar", "unit a = 1\nunit a = 2",
	"dimension time s\nunit a = 2 b\nunit b = 3 s\n", "dimension time s\r\nunit  min\tmins =  60   s  # doc \r\n",
	"dimension time s\nunit a = 1 s\nfoo\nunit a = 2 s", "dimension time s\nunit a = 1 s\nunit a = 2 s\nfoo",
	"binary unit KiB = 1024 bytes", "decimal dimension time s", "bits assert 1 == 1", "assert 1 == 1 # x",
	"foreign furlong = 1 s\nforeign = 1 s", "dimension time s\u00a0x", "unit µs\u2003μs = 1e-6 s\u0085# doc",
	"dimension time s\nunit a b c = 1 s\nunit d = a\n\n\nunit e\u00a0f = d # e",
}

func TestParsePreludeMatchesReference(t *testing.T) {
	for _, src := range preludeSeeds {
		if diff := samePrelude(src); diff != "" {
			t.Errorf("%.60q: %s", src, diff)
		}
	}
}

// A prefix word with no unit after it is an error, not a panic (the
// reference parser's).
func TestParsePreludeLonePrefixWord(t *testing.T) {
	for _, src := range []string{"binary", "dimension time s\ndecimal", "bits  # a comment"} {
		if _, err := parsePrelude(src); err == nil || !strings.Contains(err.Error(), "unit NAME") {
			t.Errorf("%q: got %v, want an error asking for a unit", src, err)
		}
	}
}

func FuzzParsePrelude(f *testing.F) {
	for _, src := range preludeSeeds {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if strings.Contains(src, "binary") || strings.Contains(src, "decimal") || strings.Contains(src, "bits") {
			// The reference panics on a lone binary, decimal or bits
			// (parsePrelude reports it: TestParsePreludeLonePrefixWord).
			defer func() { _ = recover() }()
		}
		if diff := samePrelude(src); diff != "" {
			t.Errorf("%q: %s", src, diff)
		}
	})
}

func TestAppendFieldsMatchesStringsFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a b  c ", "\ta\u00a0b\u2003c\u0085d\xffe\x85", "µs μs", "\r\n"} {
		if got, want := appendFields(nil, s), strings.Fields(s); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	}
}

func FuzzAppendFields(f *testing.F) {
	f.Add(" a\u00a0b\tc\xff ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := appendFields([]string{"x"}, s), append([]string{"x"}, strings.Fields(s)...); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
		for n := 0; n < 4; n++ {
			want := strings.Fields(s)
			want = append([]string{"x"}, want[:min(n, len(want))]...)
			if got := appendFieldsN([]string{"x"}, s, n); !reflect.DeepEqual(got, want) {
				t.Errorf("%q, %d: %q, want %q", s, n, got, want)
			}
		}
	})
}
