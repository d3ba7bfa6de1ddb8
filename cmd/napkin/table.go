package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// table lays out aligned columns for a terminal of 80 columns: one column
// may be flexible, and is cut (with …) to make the row fit.
type table struct {
	header   []string
	rows     [][]string
	right    map[int]bool // right-aligned columns
	flexible int          // the column cut (or wrapped) to fit, -1 for none
	wrap     bool         // wrap the flexible column onto more lines instead of cutting it
	width    int
	styles   map[int]string // per-column style, applied after layout
	io       *ioStreams
}

func newTable(io *ioStreams, header ...string) *table {
	return &table{header: header, right: map[int]bool{}, flexible: -1, width: 80, styles: map[int]string{}, io: io}
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// addLine adds a line printed as it is, across the columns (dimmed), such
// as the source of the rows below it.
func (t *table) addLine(text string) { t.rows = append(t.rows, []string{lineMarker + text}) }

const lineMarker = "\x00line:"

func (t *table) write(w io.Writer) {
	n := len(t.header)
	widths := make([]int, n)
	measure := func(cells []string) {
		for i, c := range cells {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	measure(t.header)
	for _, r := range t.rows {
		if !isLine(r) {
			measure(r)
		}
	}
	if f := t.flexible; f >= 0 {
		total := 2 * (n - 1)
		for i, wd := range widths {
			if i != f {
				total += wd
			}
		}
		widths[f] = max(12, min(widths[f], t.width-total))
	}
	line := func(cells []string, header bool) {
		var b strings.Builder
		for i, c := range cells {
			c = cut(c, widths[i])
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if header {
				c = t.io.style(styleBold, c)
			} else if s := t.styles[i]; s != "" {
				c = t.io.style(s, c)
			}
			if t.right[i] {
				c = pad + c
			} else if i < len(cells)-1 {
				c += pad
			}
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(c)
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
	line(t.header, true)
	for _, r := range t.rows {
		if isLine(r) {
			fmt.Fprintln(w, t.io.style(styleDim, cut(strings.TrimPrefix(r[0], lineMarker), t.width)))
			continue
		}
		if !t.wrap || t.flexible < 0 {
			line(r, false)
			continue
		}
		for i, part := range wrapText(r[t.flexible], widths[t.flexible]) {
			cells := append([]string{}, r...)
			if i > 0 {
				for j := range cells {
					cells[j] = ""
				}
			}
			cells[t.flexible] = part
			line(cells, false)
		}
	}
}

// wrapText breaks s into lines of at most width characters, at spaces.
func wrapText(s string, width int) []string {
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		switch {
		case cur == "":
			cur = word
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(word) <= width:
			cur += " " + word
		default:
			lines = append(lines, cur)
			cur = word
		}
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

func isLine(r []string) bool { return len(r) == 1 && strings.HasPrefix(r[0], lineMarker) }

// cut shortens s to n characters, marking the cut with an ellipsis.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
