package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// Exit codes, as napkin's.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// failure is an error to report as napkin does, with a hint and an exit code.
type failure struct {
	msg, hint string
	code      int
}

func (f *failure) Error() string { return f.msg }

// reporter writes napkin's "napkin: error:" and "napkin: warning:" lines,
// coloured when napkin's standard error is a terminal.
type reporter struct {
	w     io.Writer
	color bool
}

func (r *reporter) line(style, label, msg, hint string) {
	if r.color {
		label = style + label + "\x1b[0m"
	}
	fmt.Fprintf(r.w, "napkin: %s %s\n", label, printable(msg))
	if hint != "" {
		h := "hint:"
		if r.color {
			h = "\x1b[36m" + h + "\x1b[0m"
		}
		fmt.Fprintf(r.w, "napkin: %s %s\n", h, hint)
	}
}

func (r *reporter) error(msg, hint string) { r.line("\x1b[1;31m", "error:", msg, hint) }
func (r *reporter) warn(msg, hint string)  { r.line("\x1b[33m", "warning:", msg, hint) }

// printable escapes the control characters of a message (a preset's file
// name may hold any), so that none reaches the terminal.
func printable(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	q := strconv.QuoteToGraphic(s)
	return q[1 : len(q)-1]
}
