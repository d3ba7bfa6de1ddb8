package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/frontend"
)

// printer writes results and errors in the three forms napkin has: the
// working for people, results alone (-q), and JSON Lines (--json).
type printer struct {
	io        *ioStreams
	opts      *globalOptions
	lastWasML bool // the previous block had several lines
	printed   bool
	failed    bool   // an error was reported outside the command's own exit code
	file      string // the script being run, "" for an expression
}

// json prints v as one JSON line. A value JSON cannot hold (an infinity)
// is an error, never a silently missing line.
func (p *printer) json(v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		p.errorLine("cannot print a result as JSON: " + err.Error())
		p.hintLine("please report this at the project's issue tracker, with the input that caused it")
		p.failed = true
		return
	}
	// A failed write is reported at the end of the run.
	_, _ = p.io.Out.Write(escapeJSONControls(b.Bytes()))
}

func (p *printer) result(r *estimate.Result) {
	if p.opts.JSON {
		j := frontend.NewResult(r, p.file, p.opts.Ranges.Stats, nil)
		p.json(j)
		return
	}
	if p.opts.Quiet {
		switch r.Kind {
		case estimate.KindAssignment:
			fmt.Fprintf(p.io.Out, "%s = %s\n", r.Name, p.io.style(styleBold, r.Text))
		case estimate.KindExpression:
			fmt.Fprintln(p.io.Out, p.io.style(styleBold, r.Text))
		}
		return
	}
	lines := p.working(r)
	multi := len(lines) > 1
	if p.printed && (multi || p.lastWasML) {
		fmt.Fprintln(p.io.Out)
	}
	for _, l := range lines {
		fmt.Fprintln(p.io.Out, l)
	}
	p.printed, p.lastWasML = true, multi
}

// working lays out a result so that every step can be checked:
//
//	qps = 10M users × 5 / day
//	    = 10M users × 5 / 86,400 s
//	    = 50M / 86,400 s
//	    ≈ 578.7 /s  [1/time]
//
// The last line says ≈ when the shown value is rounded.
func (p *printer) working(r *estimate.Result) []string {
	switch r.Kind {
	case estimate.KindFunction:
		return []string{r.Text}
	case estimate.KindAssertion:
		return []string{strings.TrimSpace(stripComment(r.Input)) + "  " + p.io.style(styleGreen, "ok")}
	}
	head := ""
	indent := "  "
	if r.Name != "" {
		head = r.Name + " = "
		indent = strings.Repeat(" ", utf8.RuneCountInString(r.Name)+1)
	}
	lines := []string{head + r.Steps[0]}
	for _, s := range r.Steps[1:] {
		lines = append(lines, indent+p.io.style(styleDim, "=")+" "+s)
	}
	eq := "="
	if r.Approx {
		eq = "≈"
	}
	final := p.io.style(styleBold, r.Text)
	if r.Dimension != "number" {
		final += "  " + p.io.style(styleDim, "["+r.Dimension+"]")
	}
	// A lone literal that already reads as its result needs no second line
	// (300M users is 300M: the label is not a unit).
	if r.Literal && len(r.Steps) == 1 && (r.Steps[0] == r.Text || r.Dimension == "number" && strings.HasPrefix(r.Steps[0], r.Text+" ")) {
		lines[0] += "  " + p.io.style(styleDim, "["+r.Dimension+"]")
		if r.Dimension == "number" {
			lines[0] = head + r.Steps[0]
		}
		return lines
	}
	lines = append(lines, indent+p.io.style(styleDim, eq)+" "+final)
	return append(lines, p.rangeExtras(r, indent)...)
}

// rangeExtras are the lines after a range result: a sparkline on a
// terminal, and what --hist, --stats and --why ask for.
func (p *printer) rangeExtras(r *estimate.Result, indent string) []string {
	if !r.Quantity.IsRange() || p.opts == nil {
		return nil
	}
	ro := p.opts.Ranges
	if !p.io.OutTTY && !ro.Hist && !ro.Stats && !ro.Why {
		return nil
	}
	d := r.Distribution()
	var out []string
	if p.io.OutTTY {
		out = append(out, indent+"  "+p.io.style(styleCyan, sparkline(d))+p.io.style(styleDim, "  p1 to p99, log scale"))
	}
	if ro.Stats {
		out = append(out, p.stats(d)...)
	}
	if ro.Hist {
		out = append(out, p.histogram(d)...)
	}
	if ro.Why {
		out = append(out, p.why(r)...)
	}
	return out
}

// evalError prints an evaluation error with its position, the source line
// and a caret under the culprit, then the hint.
func (p *printer) evalError(e *estimate.Error) {
	if p.opts != nil && p.opts.JSON {
		p.json(frontend.NewError(e))
		return
	}
	p.positionedError(e.Position(), e, "    ")
}

// evalErrorPlain is evalError for the interactive session: the position
// is the column alone, since the line was just typed.
func (p *printer) evalErrorPlain(e *estimate.Error) {
	p.positionedError(fmt.Sprintf("column %d", e.Column), e, "  ")
}

// positionedError prints napkin: error: POSITION: what, then the source
// line (a window of it, when long) with a caret under the culprit, then
// the hint.
func (p *printer) positionedError(position string, e *estimate.Error, indent string) {
	p.errorLine(position + ": " + e.Msg)
	src, col := window(e.Source, e.Column, 100)
	width := min(e.Width, max(1, utf8.RuneCountInString(src)-col+1))
	src, col, width = escapeSpan(src, col, width)
	fmt.Fprintf(p.io.ErrOut, "%s%s\n%s%s%s\n", indent, src, indent, caretPrefix(src, col), p.io.style(styleRed, strings.Repeat("^", width)))
	p.hintLine(e.Hint)
}

func (p *printer) errorLine(msg string) {
	fmt.Fprintf(p.io.ErrOut, "napkin: %s %s\n", p.io.style(styleRed, "error:"), msg)
}

func (p *printer) warnLine(msg, hint string) {
	fmt.Fprintf(p.io.ErrOut, "napkin: %s %s\n", p.io.style(styleYellow, "warning:"), msg)
	p.hintLine(hint)
}

func (p *printer) hintLine(msg string) {
	if msg != "" {
		fmt.Fprintf(p.io.ErrOut, "napkin: %s %s\n", p.io.style(styleCyan, "hint:"), msg)
	}
}

// escapeSpan escapes the control characters of a source line, and moves
// the caret's column and width with them so that it stays under the same
// characters.
func escapeSpan(src string, col, width int) (string, int, int) {
	if !strings.ContainsFunc(src, isControl) {
		return src, col, width
	}
	r := []rune(src)
	start := min(max(col-1, 0), len(r))
	end := min(start+width, len(r))
	before, culprit := escapeControl(string(r[:start])), escapeControl(string(r[start:end]))
	return before + culprit + escapeControl(string(r[end:])), utf8.RuneCountInString(before) + 1, max(1, utf8.RuneCountInString(culprit))
}

// window cuts a long source line to about width characters around column
// col, marking cuts with …; it returns the text and the column within it.
func window(src string, col, width int) (string, int) {
	r := []rune(src)
	if len(r) <= width {
		return src, col
	}
	start := max(0, col-1-width/2)
	end := min(len(r), start+width)
	out := string(r[start:end])
	col -= start
	if start > 0 {
		out = "…" + out
		col++
	}
	if end < len(r) {
		out += "…"
	}
	return out, col
}

// caretPrefix is the blank space before the caret: tabs are kept so that
// the caret lines up under a tab-indented source.
func caretPrefix(src string, col int) string {
	var b strings.Builder
	i := 1
	for _, r := range src {
		if i >= col {
			break
		}
		if r == '\t' {
			b.WriteRune('\t')
		} else {
			b.WriteRune(' ')
		}
		i++
	}
	return b.String()
}
