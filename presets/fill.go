package presets

import (
	"strings"
)

// A preset's text (its summary, scope, comments and #? questions) may name
// an assumption in braces, "{cache_ratio}", and shows its value there: the
// preset's own, or the one --set gave. So a question asks about the number
// it grades against: "How much memory caches the hottest {cache_ratio} of a
// day's reads?" reads "the hottest 50%" after --set cache_ratio=50%.

// values are the assumptions' values as written, name → expression, with
// set's replacements.
func (p *Preset) values(set map[string]string) map[string]string {
	out := map[string]string{}
	for _, a := range p.Assumptions() {
		if v, ok := set[a.Name]; ok {
			out[a.Name] = strings.TrimSpace(v)
			continue
		}
		_, v, _ := strings.Cut(a.Code, "=")
		out[a.Name] = strings.TrimSpace(v)
	}
	return out
}

// valuesOf are the assumptions' values in a run's steps.
func valuesOf(steps []Step) map[string]string {
	out := map[string]string{}
	for _, s := range steps {
		if s.Assumption && s.Name != "" {
			_, v, _ := strings.Cut(s.Code, "=")
			out[s.Name] = strings.TrimSpace(v)
		}
	}
	return out
}

// fill replaces each {name} of an assumption in text with its value; other
// braces stay as they are.
func fill(text string, values map[string]string) string {
	if !strings.Contains(text, "{") {
		return text
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			break
		}
		name := text[i+1 : i+j]
		v, ok := values[name]
		if !ok {
			b.WriteString(text[:i+1])
			text = text[i+1:]
			continue
		}
		b.WriteString(text[:i])
		b.WriteString(v)
		text = text[i+j+1:]
	}
	b.WriteString(text)
	return b.String()
}

func fillAll(lines []string, values map[string]string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = fill(l, values)
	}
	return out
}

// placeholders lists the {name} parts of text, for the presets' tests.
func placeholders(text string) []string {
	var out []string
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			return out
		}
		out = append(out, text[i+1:i+j])
		text = text[i+j+1:]
	}
}

// ScopeOf is the preset's scope as a run shows it: each {name} the value
// the run gave the assumption.
func (p *Preset) ScopeOf(steps []Step) []string {
	return fillAll(p.rawScope(), valuesOf(steps))
}

// SummaryOf is the preset's summary as a run shows it.
func (p *Preset) SummaryOf(steps []Step) string { return fill(p.rawSummary, valuesOf(steps)) }
