package estimate

import (
	"os"
	"strings"
	"testing"
)

// TestPeerUnitsAreNeverLabels walks testdata/peer_units.list: every unit
// name of GNU units and Numbat written after a number is a napkin unit or an
// error that names it, never a label; the count nouns after [labels] stay
// labels.
func TestPeerUnitsAreNeverLabels(t *testing.T) {
	data, err := os.ReadFile("testdata/peer_units.list")
	if err != nil {
		t.Fatal(err)
	}
	section := ""
	n := 0
	for _, line := range strings.Split(string(data), "\n") {
		line, _, _ = strings.Cut(line, "#")
		if f := strings.TrimSpace(line); strings.HasPrefix(f, "[") {
			section = f
			continue
		}
		for _, name := range strings.Fields(line) {
			n++
			labelled, err := isLabelAfterNumber(name)
			switch section {
			case "[units]":
				if labelled {
					t.Errorf("3 %s: %s is silently a label", name, name)
				}
				if err != nil && (!strings.Contains(err.Msg, `"`+name+`"`) || err.Hint == "") {
					t.Errorf("3 %s: the error does not name the word or has no hint: %s (hint: %s)", name, err.Msg, err.Hint)
				}
			case "[labels]":
				if !labelled {
					t.Errorf("3 %s: a count noun is not a label (%v)", name, err)
				}
			default:
				t.Fatalf("%q outside a section", name)
			}
		}
	}
	if n < 500 {
		t.Errorf("only %d names in the list", n)
	}
}

// isLabelAfterNumber evaluates 3 NAME and reports whether NAME was taken
// as a label, or the error it gave.
func isLabelAfterNumber(name string) (bool, *Error) {
	s := NewSession(Options{})
	src := "3 " + name
	st, err := parseLine(src)
	if err != nil {
		return false, err
	}
	p, err := compile(src, "", st.x, &scope{s: s})
	if err != nil {
		return false, err
	}
	for _, ni := range p.info {
		if ni.kind == nkLabel {
			return true, nil
		}
	}
	if _, err := p.run(0); err != nil {
		return false, err
	}
	return false, nil
}

// TestPrefixedUnitsAreNeverLabels glues every SI and IEC prefix, by symbol
// and by name, to napkin's units and to the foreign ones: none is a label.
func TestPrefixedUnitsAreNeverLabels(t *testing.T) {
	symbols := []string{"s", "Hz", "B", "bit", "bps", "m", "g", "W", "J", "V", "Pa", "L", "eV", "Wh"}
	names := []string{"second", "seconds", "hertz", "byte", "bytes", "bit", "bits", "metre", "meters", "gram",
		"grams", "watt", "watts", "joule", "litre", "liters", "volt", "pascal", "calorie", "electronvolt"}
	n := 0
	for _, pr := range siPrefixes {
		for _, u := range symbols {
			n++
			if labelled, _ := isLabelAfterNumber(pr.sym + u); labelled {
				t.Errorf("3 %s%s is silently a label", pr.sym, u)
			}
		}
	}
	for _, pr := range namePrefixes {
		for _, u := range names {
			n++
			if labelled, _ := isLabelAfterNumber(pr.name + u); labelled {
				t.Errorf("3 %s%s is silently a label", pr.name, u)
			}
		}
	}
	if n < 1000 {
		t.Errorf("only %d prefixed names", n)
	}
}
