// Package lint warns about the usual omissions of back-of-envelope
// estimates: a storage figure with no replication factor, a per-second
// rate averaged over a day and never sized for the peak, decimal and
// binary units mixed in one sum, a month taken as 2.5M or 2.592M seconds
// without saying so. Warnings never change results; they name the line.
//
// A Checker is fed a script's results in order and reports at the end,
// because whether a figure is covered (replicated, peaked) can depend on
// the lines after it.
package lint

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/napkin-calc/napkin/estimate"
)

// Warning is one doubt about one line.
type Warning struct {
	Line int
	Msg  string
	Hint string
}

// Checker collects a script's results. It keeps a few facts per line, not
// the results themselves (a range's samples are large), and its cost is
// linear in the script: what a line derives from is summarised in flags
// carried from name to name, never in sets of names.
type Checker struct {
	lines    []*entry
	derived  map[string]derivation // for each variable, what it derives from
	assigned map[string]bool       // every variable some line assigns
	warnings []Warning
}

// derivation is what a figure derives from, through every line before it.
type derivation struct {
	replica, peak, period bool // a name about replication, about peaks, a period unit
}

type entry struct {
	line      int
	name      string
	dimension string
	comment   string
	uses      []string
	from      derivation
}

// NewChecker starts a lint of one script.
func NewChecker() *Checker {
	return &Checker{derived: map[string]derivation{}, assigned: map[string]bool{}}
}

// wordPatterns are the words that mark a figure as storage, memory,
// replicated or sized for the peak. They are compiled the first time a
// script is checked, not when napkin starts.
type wordPatterns struct {
	replica, peak, storage, memory *regexp.Regexp
}

var (
	wordsOnce sync.Once
	theWords  *wordPatterns
)

func words() *wordPatterns {
	wordsOnce.Do(func() {
		theWords = &wordPatterns{
			replica: regexp.MustCompile(`(?i)replica|replication|copies`),
			peak:    regexp.MustCompile(`(?i)peak`),
			storage: regexp.MustCompile(`(?i)storage|stored|total`),
			memory:  regexp.MustCompile(`(?i)memory|cache|ram`), // memory is not stored data
		}
	})
	return theWords
}

// isPeriodUnit reports whether a name is a unit of a period a count is
// often given per.
func isPeriodUnit(name string) bool {
	switch name {
	case "day", "days", "week", "weeks", "month", "months", "year", "years":
		return true
	}
	return false
}

// monthSeconds says which month a literal number of seconds is, or "".
func monthSeconds(v float64) string {
	switch v {
	case 2.5e6:
		return "2.5M s is the system-design-primer's month"
	case 2.592e6:
		return "2,592,000 s is a 30-day month"
	}
	return ""
}

// Add records a line's result; comment is the line's own comment, which
// may explain away a warning (a storage line that says "3 replicas").
func (c *Checker) Add(r *estimate.Result, comment string) {
	if r == nil || (r.Kind != estimate.KindAssignment && r.Kind != estimate.KindExpression) {
		return
	}
	var from derivation
	w := words()
	for _, u := range r.Uses {
		d := c.derived[u]
		from.replica = from.replica || d.replica || w.replica.MatchString(u)
		from.peak = from.peak || d.peak || w.peak.MatchString(u)
		from.period = from.period || d.period || isPeriodUnit(u)
	}
	if r.Name != "" {
		c.derived[r.Name] = from
		c.assigned[r.Name] = true
	}
	c.lines = append(c.lines, &entry{line: r.Line, name: r.Name, dimension: r.Dimension, comment: comment,
		uses: r.Uses, from: from})
	for _, w := range r.Warnings {
		hint := "convert one side so that both are decimal (GB) or both binary (GiB)"
		if strings.Contains(w, "multiplies by the variable") {
			hint = "rename the variable, or quote the label"
		}
		c.warnings = append(c.warnings, Warning{r.Line, w, hint})
	}
	for _, v := range r.Literals {
		if what := monthSeconds(v); what != "" && !strings.Contains(strings.ToLower(comment), "month") {
			c.warnings = append(c.warnings, Warning{r.Line, fmt.Sprintf("%s; napkin's month is 2,628,000 s (730 h)", what),
				"write month, or say in a comment which month you mean"})
		}
	}
}

// Warnings reports what the script left out, in line order.
func (c *Checker) Warnings() []Warning {
	out := append([]Warning{}, c.warnings...)
	w := words()
	replicated := c.coveredLater(func(e *entry) bool { return e.mentions(w.replica, e.from.replica) })
	peaked := c.coveredLater(func(e *entry) bool { return e.mentions(w.peak, e.from.peak) })
	for i, e := range c.lines {
		name := e.name
		switch {
		case name == "":
		case e.dimension == "data" && w.storage.MatchString(name+" "+e.comment) && !w.memory.MatchString(name) &&
			!e.mentions(w.replica, e.from.replica) && !replicated[i]:
			out = append(out, Warning{e.line, fmt.Sprintf("%s is a storage figure with no replication factor", name),
				"multiply by replication (3 copies is usual), or say in a comment why there is none"})
		case e.dimension == "1/time" && len(e.uses) > 0 && e.from.period && !c.isInput(e) &&
			!e.mentions(w.peak, e.from.peak) && !peaked[i]:
			out = append(out, Warning{e.line, fmt.Sprintf("%s is an average over a day; nothing sizes it for the peak", name),
				"multiply by a peak factor (peak_factor, 2x to 5x is usual) for the servers"})
		}
	}
	sortWarnings(out)
	return out
}

// mentions reports whether a line is named or commented with words, or
// derives from a name that is (derived).
func (e *entry) mentions(words *regexp.Regexp, derived bool) bool {
	return derived || words.MatchString(e.name) || words.MatchString(e.comment)
}

// coveredLater reports, for each line, whether a later line derived from
// its name satisfies ok. One pass from the end: a line that satisfies ok,
// or is itself covered by a later one, covers every name it uses.
func (c *Checker) coveredLater(ok func(*entry) bool) []bool {
	out := make([]bool, len(c.lines))
	covered := map[string]bool{}
	for i := len(c.lines) - 1; i >= 0; i-- {
		e := c.lines[i]
		if e.name != "" {
			out[i] = covered[e.name]
		}
		if ok(e) || out[i] {
			for _, u := range e.uses {
				covered[u] = true
			}
		}
	}
	return out
}

// isInput reports whether a line is a stated rate (2 tweets/day) rather
// than one derived from other figures.
func (c *Checker) isInput(e *entry) bool {
	for _, u := range e.uses {
		if c.assigned[u] {
			return false
		}
	}
	return true
}

func sortWarnings(ws []Warning) {
	slices.SortStableFunc(ws, func(a, b Warning) int { return cmp.Compare(a.Line, b.Line) })
}
