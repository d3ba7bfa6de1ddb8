package presets

import (
	"regexp"
	"sort"
	"strings"
	"sync"
)

// A preset's comments quote the figures of the write-up it follows:
// "write_qps = dau * posts  # Alex Xu: about 3,500". The figure is the
// source's for the source's assumptions, so once --set changes an
// assumption the line depends on, the comment says so:
// "Alex Xu, before --set dau: about 3,500". Lines the change does not reach
// keep their quotes as they are.

// patterns are the regular expressions below, compiled on first use:
// start-up does no work.
var patterns struct {
	once sync.Once
	// quote is one "Source: figure" (or "Source's figure: figure") part of
	// a comment; parts are separated by "; ".
	quote *regexp.Regexp
	// identifier finds the names a line uses.
	identifier *regexp.Regexp
}

func compilePatterns() {
	patterns.once.Do(func() {
		patterns.quote = regexp.MustCompile(`^([A-Z][\w.]*(?: [\w.]+){0,3}?)(?:'s figure)?: (.+)$`)
		patterns.identifier = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
	})
}

// reasons returns the comment of every line (by line number) as a run with
// set shows it.
func (p *Preset) reasons(lines []Line, set map[string]string) map[int]string {
	out := map[int]string{}
	for _, l := range lines {
		out[l.N] = l.Reason
	}
	if len(set) == 0 {
		return out
	}
	compilePatterns()
	sources := p.sourceText(lines)
	changed := map[string][]string{} // variable → the --set names it depends on
	for name := range set {
		changed[name] = []string{name}
	}
	for _, l := range lines {
		if l.Assumption && set[l.Name] != "" {
			continue
		}
		var deps []string
		for _, id := range patterns.identifier.FindAllString(l.Code[strings.Index(l.Code, "=")+1:], -1) {
			deps = append(deps, changed[id]...)
		}
		if len(deps) == 0 {
			continue
		}
		deps = uniqueSorted(deps)
		if l.Name != "" {
			changed[l.Name] = deps
		}
		if !l.Assumption {
			out[l.N] = qualifyQuotes(l.Reason, sources, deps)
		}
	}
	return out
}

// sourceText is what the preset says of its sources: its #@ source line
// and the reasons of its assumptions, where "(Grokking)" names one.
func (p *Preset) sourceText(lines []Line) string {
	text := p.Source
	for _, l := range lines {
		if l.Assumption {
			text += " " + l.Reason
		}
	}
	return text
}

// qualifyQuotes rewrites the parts of a comment that quote a source named
// in sources.
func qualifyQuotes(reason, sources string, deps []string) string {
	parts := strings.Split(reason, "; ")
	for i, part := range parts {
		m := patterns.quote.FindStringSubmatch(part)
		if m == nil || !strings.Contains(sources, m[1]) {
			continue
		}
		parts[i] = m[1] + ", before --set " + strings.Join(deps, ", ") + ": " + m[2]
	}
	return strings.Join(parts, "; ")
}

func uniqueSorted(xs []string) []string {
	sort.Strings(xs)
	out := xs[:0]
	for i, x := range xs {
		if i == 0 || x != xs[i-1] {
			out = append(out, x)
		}
	}
	return out
}
