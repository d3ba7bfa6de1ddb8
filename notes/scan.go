package notes

import (
	"strings"

	"github.com/napkin-calc/napkin/estimate"
)

// byteOrderMark is the UTF-8 byte order mark some editors put first.
const byteOrderMark = "\ufeff"

// splitLines splits a note into lines and their endings: \n, \r\n, or a
// lone \r (as in Markdown), and "" for a last line without one. Joining
// each line with its ending gives the note back, byte for byte.
func splitLines(src string) (lines, ends []string) {
	for {
		i := strings.IndexAny(src, "\r\n")
		if i < 0 {
			return append(lines, src), append(ends, "")
		}
		n := 1
		if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			n = 2
		}
		lines, ends = append(lines, src[:i]), append(ends, src[i:i+n])
		src = src[i+n:]
	}
}

// fence is an open fenced code block.
type fence struct {
	char   byte // ` or ~
	length int  // 3 or more
	napkin bool // the info string's first word is napkin
	fresh  bool // napkin fresh: an empty scope
}

// openFence recognises an opening fence in t, a line after its
// indentation (at most 3 columns: blocks decides): three or more backticks
// or tildes, then an info string. A backtick fence's info string may not
// contain a backtick.
func openFence(t string) (fence, bool) {
	t = strings.TrimRight(t, "\r")
	if len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return fence{}, false
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return fence{}, false
	}
	info := strings.TrimSpace(t[n:])
	if t[0] == '`' && strings.Contains(info, "`") {
		return fence{}, false
	}
	words := strings.Fields(info)
	f := fence{char: t[0], length: n}
	if len(words) > 0 && words[0] == "napkin" {
		f.napkin = true
		f.fresh = len(words) > 1 && words[1] == "fresh"
	}
	return f, true
}

// closes reports whether t, a line after its indentation (at most 3
// columns: blocks decides), closes f: the same character, at least as
// many of it, and nothing after but spaces or tabs.
func (f fence) closes(t string) bool {
	n := 0
	for n < len(t) && t[n] == f.char {
		n++
	}
	return n >= f.length && strings.TrimSpace(t[n:]) == ""
}

// slotMarker asks for a line's result.
const slotMarker = "# =>"

// slot finds the slot of a line (without its line ending): the byte
// offsets of the text napkin owns, after the first "# =>" in the line's
// comment, as the lexer sees it (a "# =>" in a quoted label is code), to
// the end of the line. ok is false for a line without one.
func slot(line string) (start, end int, ok bool) {
	c := estimate.CommentStart(line)
	if c < 0 {
		return 0, 0, false
	}
	i := strings.Index(line[c:], slotMarker)
	if i < 0 {
		return 0, 0, false
	}
	return c + i + len(slotMarker), len(line), true
}

// An HTML comment block (CommonMark's HTML block of type 2) starts with a
// line whose text begins with "<!--" and ends with the first line, that
// one included, that contains "-->" (or with the list item or block quote
// it is in). The "-->" may overlap the "<!--": "<!-->" and "<!--->" are
// whole comments, as in cmark. Its lines are raw HTML: a fence in it is
// not a code block, so napkin neither evaluates nor fills it.
const (
	commentOpen  = "<!--"
	commentClose = "-->"
)

// opensComment reports whether t, a line after its indentation (at most
// 3 columns: blocks decides), starts an HTML comment block.
func opensComment(t string) bool { return strings.HasPrefix(t, commentOpen) }

// closesComment reports whether t, the opening line of an HTML comment
// block after its indentation, ends it too.
func closesComment(t string) bool { return strings.Contains(t, commentClose) }
