package notes

import "strings"

// lineKind is what a line of a note is to napkin.
type lineKind int

const (
	prose      lineKind = iota // anything napkin leaves alone
	fenceOpen                  // opens a fenced code block
	fenceClose                 // closes one
	fenced                     // a line inside a fenced code block
)

// blocks follows the block structure of a CommonMark note as far as napkin
// needs it to tell a fence from text that only looks like one: the list
// items and block quotes a line is in, fenced code blocks, HTML comment
// blocks, and whether a paragraph is open (a lazy line, indented less than
// a list item's content or without a block quote's >, may continue it).
//
// A fence, its closing line and an HTML comment's opening line may be
// indented at most 3 columns more than the content of the list item they
// are in (tabs stop every 4 columns); a line indented 4 or more is an
// indented code block or continues a paragraph, and is left alone. A fenced
// block or a comment ends with the list item or block quote it is in. A
// napkin block in a block quote is followed but not napkin's: its lines
// start with >, which is not napkin.
type blocks struct {
	in        []container // the open list items and block quotes, outermost first
	bare      bool        // the innermost is a list item with no content yet
	para      bool        // the line before was paragraph text
	fence     *fence      // the open fenced code block, or nil
	fenceIn   int         // how many containers the open fence is in
	comment   bool        // in an HTML comment block
	commentIn int         // how many containers the comment is in
}

// container is a list item or a block quote.
type container struct {
	quote bool // a block quote; else a list item
	width int  // a list item's: its content's indentation, in columns
}

// next reads the note's next line (without its line ending) and returns
// what it is. After fenceOpen, b.fence is the block it opens.
func (b *blocks) next(line string) lineKind {
	c := cursor{text: line}
	matched := 0
	for ; matched < len(b.in); matched++ {
		var ok bool
		if c, ok = b.continues(matched, c); !ok {
			break
		}
	}
	ind, rest := c.indent()
	blank := rest.blank()
	switch {
	case b.fence != nil && matched >= b.fenceIn:
		if !blank && ind <= 3 && b.fence.closes(rest.text) {
			b.fence = nil
			return fenceClose
		}
		return fenced
	case b.fence != nil:
		b.fence = nil // its container ended, and so did the fence
	case b.comment && matched >= b.commentIn:
		b.comment = !strings.Contains(line, commentClose)
		return prose
	case b.comment:
		b.comment = false // its container ended, and so did the comment
	}
	if blank {
		// It ends the containers it is not in: block quotes, and an item
		// that started with a blank line (then bare is over too).
		b.bare = b.bare && matched == len(b.in)
		b.in, b.para = b.in[:matched], false
		return prose
	}
	b.bare = false // the line is the item's content, or ends it
	if matched < len(b.in) {
		if b.para && (ind >= 4 || !interruptsParagraph(rest.text)) {
			return prose // a lazy line: the paragraph and its containers go on
		}
		// The containers it is not in end, and the paragraph with them.
		b.in, b.para = b.in[:matched], false
	}
	return b.start(c)
}

// continues reports whether the line at c goes on in the i-th open
// container, and returns the line past the container's marker or
// indentation.
func (b *blocks) continues(i int, c cursor) (cursor, bool) {
	ind, rest := c.indent()
	if b.in[i].quote {
		if ind <= 3 && strings.HasPrefix(rest.text, ">") {
			return rest.pastQuoteMarker(), true
		}
		return c, false
	}
	switch {
	case ind >= b.in[i].width:
		return c.skip(b.in[i].width), true
	case rest.blank():
		// A blank line goes on in a list item, except in one that
		// started with a blank line and has no content yet.
		return c, !(b.bare && i == len(b.in)-1)
	}
	return c, false
}

// start reads the blocks that the line at c starts, in the innermost open
// container.
func (b *blocks) start(c cursor) lineKind {
	for {
		ind, rest := c.indent()
		switch {
		case rest.blank():
			return prose
		case ind >= 4:
			// An indented code block, unless it continues a paragraph:
			// either way, not a fence.
			return prose
		case b.para && setextUnderline(rest.text), thematicBreak(rest.text), atxHeading(rest.text):
			b.para = false
			return prose
		}
		if f, ok := openFence(rest.text); ok {
			f.napkin = f.napkin && !b.inQuote()
			b.fence, b.fenceIn, b.para = &f, len(b.in), false
			return fenceOpen
		}
		if opensComment(rest.text) {
			b.comment, b.commentIn, b.para = !closesComment(rest.text), len(b.in), false
			return prose
		}
		if strings.HasPrefix(rest.text, ">") {
			b.in, b.para = append(b.in, container{quote: true}), false
			c = rest.pastQuoteMarker()
			continue
		}
		content, after, ok := listItem(rest, b.para)
		if !ok {
			b.para = true // paragraph text
			return prose
		}
		b.in, b.para = append(b.in, container{width: content - c.col}), false
		if b.bare = after.blank(); b.bare {
			return prose
		}
		c = after
	}
}

// inQuote reports whether the line is in a block quote.
func (b *blocks) inQuote() bool {
	for _, k := range b.in {
		if k.quote {
			return true
		}
	}
	return false
}

// interruptsParagraph reports whether text starts a block (in an enclosing
// container) rather than lazily continuing a paragraph.
func interruptsParagraph(text string) bool {
	if _, ok := openFence(text); ok {
		return true
	}
	_, _, item := listItem(cursor{text: text}, false)
	return item || thematicBreak(text) || atxHeading(text) || opensComment(text) || strings.HasPrefix(text, ">")
}

// listItem recognises a list item's marker at c: -, + or *, or up to 9
// digits and . or ), then spaces or the end of the line. It returns the
// item's content column and the line after the marker. In a paragraph,
// only a bullet or the number 1 with content after it starts a list.
func listItem(c cursor, inPara bool) (content int, after cursor, ok bool) {
	text, w := c.text, 0
	switch {
	case text == "":
		return 0, c, false
	case text[0] == '-' || text[0] == '+' || text[0] == '*':
		w = 1
	default:
		for w < len(text) && w < 9 && '0' <= text[w] && text[w] <= '9' {
			w++
		}
		if w == 0 || w >= len(text) || (text[w] != '.' && text[w] != ')') {
			return 0, c, false
		}
		if inPara && text[:w] != "1" {
			return 0, c, false
		}
		w++
	}
	if w < len(text) && text[w] != ' ' && text[w] != '\t' {
		return 0, c, false
	}
	end := cursor{text: text[w:], col: c.col + w}
	spaces, rest := end.indent()
	switch {
	case rest.blank():
		if inPara {
			return 0, c, false // an empty item cannot interrupt a paragraph
		}
		return end.col + 1, rest, true
	case spaces >= 5:
		// The content is an indented code block one column in.
		return end.col + 1, end.skip(1), true
	}
	return rest.col, rest, true
}

// cursor is the rest of a line, from column col; a tab stops at the next
// multiple of 4 columns.
type cursor struct {
	text string
	col  int
}

// blank reports whether nothing but spaces and tabs is left.
func (c cursor) blank() bool { return strings.TrimLeft(c.text, " \t\r") == "" }

// indent returns how many columns of spaces and tabs start c, and c past
// them.
func (c cursor) indent() (int, cursor) {
	start := c.col
	for i := 0; i < len(c.text); i++ {
		switch c.text[i] {
		case ' ':
			c.col++
		case '\t':
			c.col += 4 - c.col%4
		default:
			return c.col - start, cursor{text: c.text[i:], col: c.col}
		}
	}
	return c.col - start, cursor{col: c.col}
}

// skip moves past n columns of the spaces and tabs that start c; a tab
// partly skipped leaves its other columns as spaces.
func (c cursor) skip(n int) cursor {
	for n > 0 && c.text != "" {
		w := 1
		if c.text[0] == '\t' {
			w = 4 - c.col%4
		} else if c.text[0] != ' ' {
			break
		}
		if w > n {
			return cursor{text: strings.Repeat(" ", w-n) + c.text[1:], col: c.col + n}
		}
		c, n = cursor{text: c.text[1:], col: c.col + w}, n-w
	}
	return c
}

// pastQuoteMarker moves past the > that starts c and one column of space
// after it, if any.
func (c cursor) pastQuoteMarker() cursor {
	c = cursor{text: c.text[1:], col: c.col + 1}
	if c.text != "" && (c.text[0] == ' ' || c.text[0] == '\t') {
		return c.skip(1)
	}
	return c
}

// thematicBreak reports whether text is a thematic break: three or more
// -, * or _ (the same one), with spaces or tabs between, and nothing else.
func thematicBreak(text string) bool {
	text = strings.TrimRight(text, "\r")
	if text == "" || !strings.ContainsRune("-*_", rune(text[0])) {
		return false
	}
	n := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case text[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// atxHeading reports whether text is an ATX heading: 1 to 6 #, then a
// space, a tab or the end of the line.
func atxHeading(text string) bool {
	text = strings.TrimRight(text, "\r")
	n := 0
	for n < len(text) && text[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(text) || text[n] == ' ' || text[n] == '\t')
}

// setextUnderline reports whether text, after a paragraph, underlines it
// as a heading: a run of = or of -, then only spaces or tabs.
func setextUnderline(text string) bool {
	t := strings.TrimRight(text, " \t\r")
	return t != "" && (t[0] == '=' || t[0] == '-') && strings.Trim(t, t[:1]) == ""
}
