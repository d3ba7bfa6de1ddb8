package latency

import (
	"fmt"
	"math"
	"strings"

	"github.com/napkin-calc/napkin/estimate"
)

// Row is one line of a latency table.
type Row struct {
	*estimate.Constant
	Display string  // the value, humanised: 0.5 ns, 10 ms
	Scale   float64 // position on the table's log scale, 0 to 1
	Human   string  // the value on the human scale: 7.6 months
}

// Table is a set laid out for reading: its latencies on a log scale, with
// a human-scale column ("if an L1 reference took 1 s, a disk seek would
// take 7.6 months"), then its throughputs.
type Table struct {
	Set        *Set
	Anchor     *estimate.Constant // the entry scaled to 1 s
	Rows       []Row
	Throughput []Row
}

// NewTable lays out a set.
func NewTable(s *Set) *Table {
	t := &Table{Set: s}
	lat := s.Latencies()
	if len(lat) == 0 {
		return t
	}
	t.Anchor = lat[0]
	if c, ok := s.Entry("l1_ref"); ok {
		t.Anchor = c
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, c := range lat {
		lo, hi = math.Min(lo, c.Value.V), math.Max(hi, c.Value.V)
	}
	for _, c := range lat {
		r := Row{Constant: c, Display: estimate.FormatInline(c.Value, 4)}
		if hi > lo {
			r.Scale = (math.Log10(c.Value.V) - math.Log10(lo)) / (math.Log10(hi) - math.Log10(lo))
		}
		r.Human = HumanScale(c.Value.V / t.Anchor.Value.V)
		t.Rows = append(t.Rows, r)
	}
	for _, c := range s.Throughputs() {
		t.Throughput = append(t.Throughput, Row{Constant: c, Display: estimate.Format(c.Value, 4).Text})
	}
	return t
}

var humanUnits = []struct {
	name    string
	seconds float64
}{
	{"years", 365 * 86400}, {"months", 365 * 86400 / 12}, {"days", 86400}, {"h", 3600}, {"min", 60}, {"s", 1},
}

// HumanScale says a number of seconds the way people say long durations:
// 1 s, 14 s, 3.3 min, 3.5 days, 7.6 months, 9.5 years.
func HumanScale(seconds float64) string {
	for _, u := range humanUnits {
		if seconds < u.seconds && u.name != "seconds" {
			continue
		}
		v := seconds / u.seconds
		name := u.name
		if math.Round(v*10)/10 == 1 && strings.HasSuffix(name, "s") && len(name) > 1 {
			name = name[:len(name)-1] // 1 day, 1 year
		}
		if v < 10 {
			return fmt.Sprintf("%.2g %s", v, name)
		}
		text, _ := estimateNumber(math.Round(v))
		return text + " " + name
	}
	return ""
}

func estimateNumber(v float64) (string, bool) {
	d := estimate.Format(estimate.Quantity{V: v}, 4)
	return d.Text, d.Approx
}

// Comparison is how two latencies relate.
type Comparison struct {
	A, B  *estimate.Constant
	Ratio float64 // A / B
}

// Compare looks up two entries (plain names in s, or qualified set.id) and
// compares them.
func Compare(s *Set, a, b string) (*Comparison, error) {
	lib := s.Library()
	var cs [2]*estimate.Constant
	for i, name := range []string{a, b} {
		c, ok := lib.Lookup(name)
		if !ok {
			return nil, fmt.Errorf("the latency set %s has no %q", s.Name, name)
		}
		cs[i] = c
	}
	if cs[0].Value.D != cs[1].Value.D {
		return nil, fmt.Errorf("%s is %s and %s is %s: compare two of one kind", a, cs[0].Value.Dimension(), b, cs[1].Value.Dimension())
	}
	return &Comparison{A: cs[0], B: cs[1], Ratio: cs[0].Value.V / cs[1].Value.V}, nil
}
