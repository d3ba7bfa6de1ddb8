package notes

import "strings"

// fence is an open fenced code block.
type fence struct {
	char   byte // ` or ~
	length int  // 3 or more
	napkin bool // the info string's first word is napkin
	fresh  bool // napkin fresh: an empty scope
}

// openFence recognises an opening fence: any indentation (fences nest in
// list items), three or more backticks or tildes, then an info string. A
// backtick fence's info string may not contain a backtick.
func openFence(line string) (fence, bool) {
	t := strings.TrimLeft(strings.TrimRight(line, "\r"), " \t")
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

// closes reports whether line closes f: the same character, at least as
// many of it, and nothing after but spaces.
func (f fence) closes(line string) bool {
	t := strings.TrimLeft(strings.TrimRight(line, "\r"), " \t")
	n := 0
	for n < len(t) && t[n] == f.char {
		n++
	}
	return n >= f.length && strings.TrimSpace(t[n:]) == ""
}

// slotMarker asks for a line's result.
const slotMarker = "# =>"

// slot finds the slot of a line: the byte offsets of the text napkin owns
// (after "# =>", before a trailing \r). ok is false for a line without one.
func slot(line string) (start, end int, ok bool) {
	i := strings.Index(line, slotMarker)
	if i < 0 {
		return 0, 0, false
	}
	end = len(line)
	if strings.HasSuffix(line, "\r") {
		end--
	}
	return i + len(slotMarker), end, true
}
