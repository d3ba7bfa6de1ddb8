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
	"fmt"
	"regexp"
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

// Checker collects a script's results.
type Checker struct {
	lines    []*entry
	deps     map[string]map[string]bool // variable → every name it derives from
	warnings []Warning
}

type entry struct {
	r       *estimate.Result
	comment string
	deps    map[string]bool
}

// NewChecker starts a lint of one script.
func NewChecker() *Checker { return &Checker{deps: map[string]map[string]bool{}} }

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
	deps := map[string]bool{}
	for _, u := range r.Uses {
		deps[u] = true
		for d := range c.deps[u] {
			deps[d] = true
		}
	}
	if r.Name != "" {
		c.deps[r.Name] = deps
	}
	c.lines = append(c.lines, &entry{r: r, comment: comment, deps: deps})
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
	for i, e := range c.lines {
		name := e.r.Name
		switch {
		case name == "":
		case e.r.Dimension == "data" && w.storage.MatchString(name+" "+e.comment) && !w.memory.MatchString(name) && !c.covered(i, w.replica):
			out = append(out, Warning{e.r.Line, fmt.Sprintf("%s is a storage figure with no replication factor", name),
				"multiply by replication (3 copies is usual), or say in a comment why there is none"})
		case e.r.Dimension == "1/time" && len(e.r.Uses) > 0 && c.fromPeriod(e) && !c.isInput(e) && !c.covered(i, w.peak):
			out = append(out, Warning{e.r.Line, fmt.Sprintf("%s is an average over a day; nothing sizes it for the peak", name),
				"multiply by a peak factor (peak_factor, 2x to 5x is usual) for the servers"})
		}
	}
	sortWarnings(out)
	return out
}

// covered reports whether line i, or a later line derived from it, uses a
// name matching words (or is named or commented so).
func (c *Checker) covered(i int, words *regexp.Regexp) bool {
	e := c.lines[i]
	mentions := func(x *entry) bool {
		if words.MatchString(x.r.Name) || words.MatchString(x.comment) {
			return true
		}
		for d := range x.deps {
			if words.MatchString(d) {
				return true
			}
		}
		return false
	}
	if mentions(e) {
		return true
	}
	for _, later := range c.lines[i+1:] {
		if later.deps[e.r.Name] && mentions(later) {
			return true
		}
	}
	return false
}

// fromPeriod reports whether a rate was derived from a count per day (or
// week, month, year).
func (c *Checker) fromPeriod(e *entry) bool {
	for d := range e.deps {
		if isPeriodUnit(d) {
			return true
		}
	}
	return false
}

// isInput reports whether a line is a stated rate (2 tweets/day) rather
// than one derived from other figures.
func (c *Checker) isInput(e *entry) bool {
	for _, u := range e.r.Uses {
		if _, isVar := c.deps[u]; isVar {
			return false
		}
	}
	return true
}

func sortWarnings(ws []Warning) {
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && ws[j].Line < ws[j-1].Line; j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
}
