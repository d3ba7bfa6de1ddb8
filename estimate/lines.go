package estimate

import (
	"strings"
	"unicode/utf8"
)

// byteOrderMark is the UTF-8 byte order mark some editors put first.
const byteOrderMark = "\ufeff"

// SplitLines splits a script into its lines. A line ends at \n, at \r\n
// or at a lone \r (as in Markdown: a file saved with old Mac line endings
// is lines, not one line with spaces in it); the ending is not part of
// the line, and a final ending does not start an empty line. A leading
// UTF-8 byte order mark is dropped.
func SplitLines(src string) []string {
	src = strings.TrimPrefix(src, byteOrderMark)
	var lines []string
	for src != "" {
		i := strings.IndexAny(src, "\r\n")
		if i < 0 {
			lines = append(lines, src)
			break
		}
		lines = append(lines, src[:i])
		n := 1
		if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			n = 2
		}
		src = src[i+n:]
	}
	return lines
}

// CommentStart is the byte offset of the # that starts line's comment, as
// the lexer sees it: outside quoted labels ("a # b" is a label, not a
// comment). It is -1 for a line without a comment, or whose label is
// never closed (the lexer reports that).
func CommentStart(line string) int {
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		switch r {
		case '#':
			return i
		case '"', '\'':
			j := strings.IndexRune(line[i+1:], r)
			if j < 0 {
				return -1
			}
			i += 1 + j + 1
			continue
		}
		i += n
	}
	return -1
}

// StripComment is line without its comment.
func StripComment(line string) string {
	if i := CommentStart(line); i >= 0 {
		return line[:i]
	}
	return line
}
