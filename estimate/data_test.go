package estimate

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestData runs the engine cases in testdata/*.txt. Each file is one
// session (variables flow through it). A case is a line starting with "> "
// (the input), followed by the lines it must produce:
//
//	= TEXT             the result, shown exactly
//	≈ TEXT             the result, shown rounded
//	value V UNIT       the result as a number in a unit (JSON's value and unit)
//	steps A | B | …    the working before the result
//	error COL: MSG     an error at that column
//	hint: HINT         the error's hint
//
// Cases without expectation lines must simply evaluate without error.
func TestData(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test data: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) { runDataFile(t, file) })
	}
}

type dataCase struct {
	line   int
	input  string
	expect []string
}

func readCases(t *testing.T, file string) []*dataCase {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var cases []*dataCase
	for i, l := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(l, "> "):
			cases = append(cases, &dataCase{line: i + 1, input: l[2:]})
		case strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#"):
		case len(cases) == 0:
			t.Fatalf("%s:%d: expectation before any input", file, i+1)
		default:
			c := cases[len(cases)-1]
			c.expect = append(c.expect, l)
		}
	}
	return cases
}

func runDataFile(t *testing.T, file string) {
	s := NewSession(Options{})
	for n, c := range readCases(t, file) {
		r, err := s.EvalLine(n+1, c.input)
		got := describeOutcome(r, err, c.expect)
		for i, want := range c.expect {
			if i >= len(got) || got[i] != want {
				t.Errorf("%s:%d: %s\n  want: %s\n  got:  %s", file, c.line, c.input, strings.Join(c.expect, "\n        "), strings.Join(got, "\n        "))
				break
			}
		}
		if len(c.expect) == 0 && err != nil {
			t.Errorf("%s:%d: %s: unexpected error %v", file, c.line, c.input, err)
		}
	}
}

// describeOutcome renders what a line produced in the order of the
// expectations, so that a case lists only the lines it cares about.
func describeOutcome(r *Result, err error, expect []string) []string {
	var out []string
	for _, want := range expect {
		kind, _, _ := strings.Cut(want, " ")
		switch {
		case err != nil && kind == "error":
			e := err.(*Error)
			out = append(out, fmt.Sprintf("error %d: %s", e.Column, e.Msg))
		case err != nil && kind == "hint:":
			out = append(out, "hint: "+err.(*Error).Hint)
		case err != nil:
			e := err.(*Error)
			out = append(out, fmt.Sprintf("error %d: %s (hint: %s)", e.Column, e.Msg, e.Hint))
		case r == nil:
			out = append(out, "(nothing)")
		case kind == "=" || kind == "≈":
			eq := "="
			if r.Approx {
				eq = "≈"
			}
			out = append(out, eq+" "+r.Text)
		case kind == "value":
			out = append(out, strings.TrimRight(fmt.Sprintf("value %v %s", r.Value, r.Unit), " "))
		case kind == "steps":
			out = append(out, "steps "+strings.Join(r.Steps, " | "))
		default:
			out = append(out, "(no error) = "+r.Text)
		}
	}
	return out
}

// TestUnitsSelfTest evaluates every unit of units.napkin (each sees only
// the units before it) and runs the file's asserts.
func TestUnitsSelfTest(t *testing.T) {
	pre, err := parsePrelude(unitsSource)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range pre.list {
		if _, err := u.value(); err != nil {
			t.Errorf("unit %s: %v", u.Names[0], err)
		}
	}
	s := NewSession(Options{})
	s.base = pre
	s.SetFile("units.napkin")
	for _, a := range pre.asserts {
		if _, err := s.EvalLine(a.n, a.text); err != nil {
			t.Error(err)
		}
	}
	if len(pre.asserts) < 10 {
		t.Errorf("only %d asserts in units.napkin", len(pre.asserts))
	}
}

// TestForeignUnits reads units.napkin's foreign units, which a run reads
// only when an unknown word is looked up among them, and checks the errors
// of malformed ones.
func TestForeignUnits(t *testing.T) {
	pre, err := parsePrelude(unitsSource)
	if err != nil {
		t.Fatal(err)
	}
	if pre.foreign != nil {
		t.Error("the foreign units were read with the prelude")
	}
	fs, err := pre.foreignUnits()
	if err != nil || len(fs) < 20 {
		t.Fatalf("%d foreign units, %v", len(fs), err)
	}
	for _, src := range []string{"foreign furlong", "foreign = 1 s", "foreign a = 1 s\nforeign a : no", "dimension time s\nforeign s : no"} {
		pre, err := parsePrelude(src)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if _, err := pre.foreignUnits(); err == nil {
			t.Errorf("%q: no error", src)
		}
	}
}

func TestUnitsSeeOnlyEarlierUnits(t *testing.T) {
	pre, err := parsePrelude("dimension time s\nunit a = 2 b\nunit b = 3 s\n")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pre.units["a"].value(); err == nil || !strings.Contains(err.Error(), `unknown unit "b"`) {
		t.Errorf("a unit defined from a later one: got %v", err)
	}
}

func TestUnitsFileErrors(t *testing.T) {
	for _, src := range []string{"unit = 5", "unit x", "dimension length m", "foo bar", "unit a = 1\nunit a = 2"} {
		if _, err := parsePrelude(src); err == nil {
			t.Errorf("%q: no error", src)
		}
	}
}

// TestCalendarAgreesWithUnits keeps format.go's calendar constants equal
// to the units they display.
func TestCalendarAgreesWithUnits(t *testing.T) {
	pre := loadPrelude()
	for name, sec := range map[string]float64{"min": secMinute, "h": secHour, "day": secDay, "year": secYear, "month": secMonth} {
		u, ok := pre.lookup(name)
		if !ok {
			t.Fatalf("no unit %s", name)
		}
		if got := u.mustValue().V; got != sec {
			t.Errorf("%s is %v s in units.napkin but %v s in format.go", name, got, sec)
		}
	}
}
