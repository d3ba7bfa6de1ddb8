package estimate

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Error is the one error shape of every phase (lexing, parsing, name
// resolution, evaluation): what went wrong, where, and how to fix it.
//
// Offsets are byte offsets into Source; Line and Column are 1-based, and the
// column counts characters (runes), as an editor does.
type Error struct {
	File   string // script name, "" for a one-off expression
	Line   int    // 1-based line of Source in its file
	Column int    // 1-based column, in characters
	Width  int    // characters to underline, at least 1
	Source string // the whole source line
	Msg    string // what went wrong, lowercase, no trailing period
	Hint   string // how to fix it, "" when no fix is known
	// cause is ErrBudget, ErrTooManySamples or ErrInterrupted for a line stopped before its
	// end, so that errors.Is can tell those from bad input.
	cause error
	// frames counts the "in f (defined on line …)" calls Msg went through,
	// and inner is Msg as it was with the innermost keptFrames of them: a
	// deep chain of calls keeps its outermost call and its innermost ones.
	frames int
	inner  string
}

// ErrBudget is what an *Error wraps when a line needed more work than its
// budget (Options.MaxSteps): errors.Is(err, ErrBudget).
var ErrBudget = errors.New("napkin: the line needs more work than its budget")

// ErrInterrupted is what an *Error wraps when Session.Interrupt stopped the
// line: errors.Is(err, ErrInterrupted).
var ErrInterrupted = errors.New("napkin: evaluation interrupted")

// ErrTooManySamples is what an *Error wraps when a line would keep more
// samples of ranges in memory than the session's limit
// (Options.MaxLiveSamples): errors.Is(err, ErrTooManySamples).
var ErrTooManySamples = errors.New("napkin: too many samples in memory")

// Unwrap returns ErrBudget, ErrTooManySamples or ErrInterrupted for a line stopped before its
// end, nil for bad input.
func (e *Error) Unwrap() error { return e.cause }

func (e *Error) Error() string {
	return fmt.Sprintf("%s: %s", e.Position(), e.Msg)
}

// Position is "FILE:LINE:COL", or "LINE:COL" without a file.
func (e *Error) Position() string {
	if e.File != "" {
		return fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Column)
	}
	return fmt.Sprintf("%d:%d", e.Line, e.Column)
}

// span is a byte range [Start, End) of the source line.
type span struct{ Start, End int }

// errorAt builds an Error for a byte span of src. It is the only place that
// turns byte offsets into the character columns users see.
func errorAt(src string, sp span, hintText, format string, args ...any) *Error {
	if sp.Start > len(src) {
		sp.Start = len(src)
	}
	if sp.End < sp.Start {
		sp.End = sp.Start
	}
	if sp.End > len(src) {
		sp.End = len(src)
	}
	col := utf8.RuneCountInString(src[:sp.Start]) + 1
	width := utf8.RuneCountInString(src[sp.Start:sp.End])
	if width < 1 {
		width = 1
	}
	return &Error{
		Line:   1,
		Column: col,
		Width:  width,
		Source: src,
		Msg:    boundText(fmt.Sprintf(format, args...)),
		Hint:   boundText(hintText),
	}
}

// maxWordRunes bounds a word of a message or hint: an error about a name
// of ten megabytes quotes its start and end, not all of it.
const maxWordRunes = 60

// maxTextRunes bounds a whole message or hint, whatever it quotes: the
// longest one napkin writes (the list of functions) is well under it.
const maxTextRunes = 1000

// boundText is s with its long words cut (cutLongWords) and, if it is still
// longer than maxTextRunes, its middle replaced by …
func boundText(s string) string {
	s = cutLongWords(s)
	if len(s) <= maxTextRunes || utf8.RuneCountInString(s) <= maxTextRunes {
		return s
	}
	r := []rune(s)
	return string(r[:maxTextRunes/2]) + " … " + string(r[len(r)-maxTextRunes/2+3:])
}

// maxQuoteRunes bounds the source a hint quotes back, as in "finish the
// expression, e.g. … * 3 2": a reader needs the end of a long line, where
// the fix goes, not all of it.
const maxQuoteRunes = 40

// quoteTail is src, or its last maxQuoteRunes characters after "… ",
// starting after a space where one is near: the first that leaves no
// parenthesis closed before it opens, else the first.
func quoteTail(src string) string {
	if utf8.RuneCountInString(src) <= maxQuoteRunes {
		return src
	}
	r := []rune(src)
	tail := string(r[len(r)-maxQuoteRunes:])
	start := -1
	for i := 0; i < len(tail)/2; i++ {
		if tail[i] != ' ' {
			continue
		}
		if start < 0 {
			start = i + 1
		}
		if balanced(tail[i+1:]) {
			start = i + 1
			break
		}
	}
	if start > 0 {
		tail = tail[start:]
	}
	return "… " + tail
}

// balanced reports whether s never closes a parenthesis it did not open.
func balanced(s string) bool {
	depth := 0
	for _, c := range s {
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth < 0 {
				return false
			}
		}
	}
	return true
}

// cutLongWords shortens every space-separated word longer than
// maxWordRunes to its start and end, joined by …
func cutLongWords(s string) string {
	if len(s) <= maxWordRunes {
		return s
	}
	words := strings.Split(s, " ")
	for i, w := range words {
		if utf8.RuneCountInString(w) > maxWordRunes {
			r := []rune(w)
			words[i] = string(r[:maxWordRunes-20]) + "…" + string(r[len(r)-19:])
		}
	}
	return strings.Join(words, " ")
}
