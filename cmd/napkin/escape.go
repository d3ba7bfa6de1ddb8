package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Text from the user (labels, file names, preset titles, a note's slots,
// echoed answers) may hold terminal control characters: an escape
// sequence that moves the cursor, retitles the window or writes the
// clipboard, a carriage return that hides what came before. napkin never
// sends them to a terminal as they are: every write to standard output
// and standard error goes through a safeWriter, which shows them escaped
// (\x1b, \r, \u009b). A note's own bytes (napkin notes -, -o -) and the
// line editor's drawing take the raw stream instead.

// isControl reports whether r is a control character napkin escapes: C0
// but newline and tab, DEL, and C1.
func isControl(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f
}

// escapeControl writes s with its control characters escaped.
func escapeControl(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteString(escapeRune(r))
	}
	return b.String()
}

func escapeRune(r rune) string {
	switch {
	case r == '\r':
		return `\r`
	case r < 0x80:
		if isControl(r) {
			return fmt.Sprintf(`\x%02x`, r)
		}
	case isControl(r):
		return fmt.Sprintf(`\u%04x`, r)
	}
	return string(r)
}

// napkinStyles are the only escape sequences napkin writes itself.
var napkinStyles = [...]string{styleBold, styleDim, styleRed, styleCyan, styleGreen, styleYellow, styleReset}

// safeWriter escapes control characters in what it writes, except
// napkin's own colour sequences when colour is on.
type safeWriter struct {
	w      io.Writer
	styles bool
}

func (s *safeWriter) Write(p []byte) (int, error) {
	text := string(p)
	if !strings.ContainsFunc(text, isControl) {
		return s.w.Write(p)
	}
	var b strings.Builder
	for i := 0; i < len(text); {
		if s.styles && text[i] == 0x1b {
			if style, ok := napkinStyleAt(text[i:]); ok {
				b.WriteString(style)
				i += len(style)
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteByte(text[i]) // not UTF-8: passed on, as it came
		} else {
			b.WriteString(escapeRune(r))
		}
		i += n
	}
	if _, err := io.WriteString(s.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

func napkinStyleAt(s string) (string, bool) {
	for _, style := range napkinStyles {
		if strings.HasPrefix(s, style) {
			return style, true
		}
	}
	return "", false
}

// escapeJSONControls escapes DEL and C1 characters in encoded JSON, which
// encoding/json leaves as they are (it escapes C0 itself). They can only
// be inside strings, where \u escapes are valid.
func escapeJSONControls(b []byte) []byte {
	s := string(b)
	if !strings.ContainsFunc(s, isControl) {
		return b
	}
	var out strings.Builder
	for _, r := range s {
		if isControl(r) && r != '\n' {
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.WriteRune(r)
		}
	}
	return []byte(out.String())
}
