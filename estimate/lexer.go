package estimate

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokenKind uint8

const (
	tokEOF    tokenKind = iota
	tokNumber           // 42, 3.5e9, 300M, 1_000
	tokIdent            // dau, GB, $, µs, per
	tokLabel            // "bots": a quoted label
	tokOp               // + - * / ^ ( ) , = % -> == != < <= > >=
)

// token is one lexeme with its byte span in the source line.
type token struct {
	kind tokenKind
	// glued is set on a name written right after a number, with no space:
	// the GB of 5GB. Such letters are a unit or an error, never a label.
	glued bool
	text  string  // operators are normalised: × → *, ÷ → /, → → ->, ** → ^
	num   float64 // the value of a tokNumber, scale suffix applied
	sp    span
}

// scaleSuffix reads the letters that scale a number when glued to it and not
// followed by another letter: 300M, 1.5B, 10k. Lowercase m is deliberately
// absent (it would be read as metres or minutes by someone).
func scaleSuffix(c byte) (float64, bool) {
	switch c {
	case 'k', 'K':
		return 1e3, true
	case 'M':
		return 1e6, true
	case 'B', 'G':
		return 1e9, true
	case 'T':
		return 1e12, true
	}
	return 0, false
}

// lex splits one line into tokens. Comments (# to the end) are dropped.
func lex(src string) ([]token, *Error) {
	if !utf8.ValidString(src) {
		i := 0
		for i < len(src) {
			r, n := utf8.DecodeRuneInString(src[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		return nil, errorAt(src, span{i, i + 1}, "save the file as UTF-8",
			"invalid UTF-8 byte 0x%02x", src[i])
	}
	// A token takes at least one byte and most take more: a quarter of the
	// length saves the slice's doublings on a typical line.
	toks := make([]token, 0, len(src)/4+4)
	// calls records, for each open parenthesis, whether it opens a call's
	// arguments, where a comma separates arguments rather than thousands.
	var calls []bool
	i := 0
	for i < len(src) {
		r, n := rune(src[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(src[i:])
		}
		switch {
		case r == '#':
			i = len(src)
			continue
		case unicode.IsSpace(r):
			i += n
			continue
		case isDigit(r) || (r == '.' && i+1 < len(src) && isDigit(rune(src[i+1]))):
			t, err := lexNumber(src, i, len(calls) > 0 && calls[len(calls)-1])
			if err != nil {
				return nil, err
			}
			toks = append(toks, t)
			i = t.sp.End
			continue
		case r == '$':
			toks = append(toks, token{kind: tokIdent, text: "$", sp: span{i, i + 1}})
			i++
			continue
		case isIdentStart(r):
			j := i + n
			for j < len(src) {
				if c := src[j]; c < utf8.RuneSelf && c != '.' {
					// ASCII: the common case, without decoding.
					if !isIdentPartASCII(c) {
						break
					}
					j++
					continue
				}
				r2, n2 := utf8.DecodeRuneInString(src[j:])
				if r2 == '.' && j+1 < len(src) {
					// A qualified name: dean2007.disk_seek.
					if r3, _ := utf8.DecodeRuneInString(src[j+1:]); isIdentStart(r3) {
						j++
						continue
					}
				}
				if !isIdentPart(r2) {
					break
				}
				j += n2
			}
			glued := len(toks) > 0 && toks[len(toks)-1].kind == tokNumber && toks[len(toks)-1].sp.End == i
			toks = append(toks, token{kind: tokIdent, text: src[i:j], sp: span{i, j}, glued: glued})
			i = j
			continue
		case superscript(r) != 0:
			var err *Error
			if toks, i, err = lexSuperscript(src, i, toks); err != nil {
				return nil, err
			}
			continue
		case r == '"' || r == '\'':
			j := strings.IndexRune(src[i+1:], r)
			if j < 0 {
				return nil, errorAt(src, span{i, len(src)}, "close the label with a matching quote",
					"unterminated label")
			}
			end := i + 1 + j + 1
			label := strings.TrimSpace(src[i+1 : end-1])
			if label == "" {
				return nil, errorAt(src, span{i, end}, "write what is counted, e.g. 5 \"bots\"", "empty label")
			}
			toks = append(toks, token{kind: tokLabel, text: label, sp: span{i, end}})
			i = end
			continue
		}
		if op, w := lexOperator(src[i:]); w > 0 {
			switch op {
			case "(":
				prev := token{}
				if len(toks) > 0 {
					prev = toks[len(toks)-1]
				}
				calls = append(calls, prev.kind == tokIdent && !isKeyword(prev.text))
			case ")":
				if len(calls) > 0 {
					calls = calls[:len(calls)-1]
				}
			}
			toks = append(toks, token{kind: tokOp, text: op, sp: span{i, i + w}})
			i += w
			continue
		}
		return nil, errorAt(src, span{i, i + n}, unexpectedCharHint(r), "unexpected character %q", r)
	}
	toks = append(toks, token{kind: tokEOF, sp: span{len(src), len(src)}})
	return toks, nil
}

func unexpectedCharHint(r rune) string {
	switch r {
	case '[', ']', '{', '}':
		return "use ( and ) for grouping"
	case ';':
		return "write one statement per line"
	case '!':
		return "napkin has no factorial; != compares in an assert"
	case '&', '|':
		return "napkin has no logical operators"
	case '.':
		return "a decimal point goes between digits: 1.0e3, 0.5"
	}
	return "napkin reads numbers, names and the operators + - * / ^ % ( ) -> ; quote a label that has other characters: \"user@host\""
}

// lexOperator recognises an operator at the start of s, returning its
// normalised text and its width in bytes.
func lexOperator(s string) (string, int) {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		// The one-byte operators that begin no two-byte one: no table walk.
		switch c := s[0]; c {
		case '+', '^', '(', ')', ',', '%':
			return s[:1], 1
		case '-', '*', '=', '!', '<', '>', '.':
			if len(s) > 1 {
				switch s[:2] {
				case "->", "==", "!=", "<=", ">=", "..":
					return s[:2], 2
				case "**":
					return "^", 2
				}
			}
			if c == '!' || c == '.' {
				return "", 0
			}
			return s[:1], 1
		case '/':
			return s[:1], 1
		}
		return "", 0
	}
	for _, op := range [...]struct{ in, out string }{
		{"->", "->"}, {"→", "->"}, {"**", "^"}, {"==", "=="}, {"!=", "!="}, {"<=", "<="},
		{">=", ">="}, {"≤", "<="}, {"≥", ">="}, {"..", ".."},
		{"×", "*"}, {"·", "*"}, {"÷", "/"}, {"−", "-"},
		{"+", "+"}, {"-", "-"}, {"*", "*"}, {"/", "/"}, {"^", "^"}, {"(", "("}, {")", ")"},
		{",", ","}, {"=", "="}, {"%", "%"}, {"<", "<"}, {">", ">"},
	} {
		if strings.HasPrefix(s, op.in) {
			return op.out, len(op.in)
		}
	}
	return "", 0
}

func isIdentPartByte(src string, i int) bool {
	r, _ := utf8.DecodeRuneInString(src[i:])
	return isIdentPart(r)
}

// isIdentPartASCII is isIdentPart for an ASCII byte.
func isIdentPartASCII(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

func isDigit(r rune) bool      { return r >= '0' && r <= '9' }
func isIdentStart(r rune) bool { return r == '_' || unicode.IsLetter(r) }
func isIdentPart(r rune) bool  { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// isKeyword reports whether a name is a word of the grammar, after which a
// parenthesis is grouping rather than a call.
func isKeyword(name string) bool {
	switch name {
	case "per", "in", "to", "of", "assert":
		return true
	}
	return false
}

// lexNumber reads 42, 3.5, .5, 1e9, 1e+16, 1_000_000, 86,400, 0x1F, 0o17,
// 0b101 and a glued scale suffix (300M). The value is parsed as a float64,
// so literals never wrap. A comma followed by exactly three digits groups
// thousands, except inside a call's arguments (inCall), where it is an
// error: max(1,234) could mean either. A malformed number is an error,
// never a number followed by a label.
func lexNumber(src string, start int, inCall bool) (token, *Error) {
	if t, ok, err := lexRadix(src, start); ok || err != nil {
		return t, err
	}
	i := start
	bad := func(end int, hint, format string, args ...any) (token, *Error) {
		return token{}, errorAt(src, span{start, end}, hint, format, args...)
	}
	digits := func() {
		for i < len(src) && (isDigit(rune(src[i])) ||
			(src[i] == '_' && i > start && isDigit(rune(src[i-1])) && i+1 < len(src) && isDigit(rune(src[i+1])))) {
			i++
		}
	}
	digits()
	grouped := false
	if intLen := i - start; intLen >= 1 && intLen <= 3 && !strings.Contains(src[start:i], "_") {
		for isGroup(src, i) {
			if inCall {
				return bad(i+4, fmt.Sprintf("inside a call a comma separates arguments: write %s for one number, or %s, %s for two",
					strings.ReplaceAll(groupedText(src, start), ",", ""), src[start:i], src[i+1:i+4]),
					"%s is ambiguous here: a thousands separator or two arguments?", src[start:i+4])
			}
			grouped = true
			i += 4
		}
	}
	if i < len(src) && src[i] == '.' && i+1 < len(src) && isDigit(rune(src[i+1])) {
		i++
		digits()
	}
	if i < len(src) && src[i] == '_' {
		return bad(i+1, "an underscore goes between two digits: 1_000_000", "misplaced _ in the number %s", src[start:i+1])
	}
	if i < len(src) && src[i] == ',' && grouped {
		return bad(min(i+1, len(src)), "group digits in threes: 1,234,567", "malformed thousands separator in %s", src[start:i+1])
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		j := i + 1
		signed := j < len(src) && (src[j] == '+' || src[j] == '-')
		if signed {
			j++
		}
		switch {
		case j < len(src) && isDigit(rune(src[j])):
			i = j
			digits()
			if i < len(src) && src[i] == '_' {
				return bad(i+1, "an underscore goes between two digits: 1_000_000", "misplaced _ in the number %s", src[start:i+1])
			}
		case signed:
			k := j
			for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
				k++
			}
			hint := fmt.Sprintf("write the exponent's digits right after the sign, e.g. %s3", src[start:j])
			if k > j && k < len(src) && isDigit(rune(src[k])) {
				e := k
				for e < len(src) && isDigit(rune(src[e])) {
					e++
				}
				hint = fmt.Sprintf("remove the space: %s%s", src[start:j], src[k:e])
			}
			return bad(j, hint, "the number %s has no exponent", src[start:j])
		case j == len(src) || !isIdentPartByte(src, j):
			return bad(j, fmt.Sprintf("write an exponent (%s3 is %s × 10^3), or a space before a unit", src[start:j], src[start:i]),
				"the number %s has no exponent", src[start:j])
		}
	}
	text := src[start:i]
	clean := withoutSeparators(text)
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil || math.IsInf(v, 0) {
		return bad(i, "napkin numbers go up to about 1.8e308", "number %s is too large", text)
	}
	if v < minNumber && strings.ContainsAny(mantissa(clean), "123456789") {
		// Far below the normal range a float64 loses digits, then becomes 0.
		return bad(i, "napkin keeps numbers down to about 1e-318 (in base units: s, bytes, $); if the quantity is negligible, write 0",
			"number %s is too small (underflow)", text)
	}
	if i < len(src) {
		if scale, ok := scaleSuffix(src[i]); ok && (i+1 == len(src) || !isIdentPartByte(src, i+1)) {
			v *= scale
			i++
		}
	}
	return token{kind: tokNumber, text: src[start:i], num: v, sp: span{start, i}}, nil
}

// withoutSeparators is a number's text without its digit separators (_
// and thousands commas), ready for strconv. Most numbers have none, and
// then the text itself is returned: no allocation.
func withoutSeparators(text string) string {
	if !strings.ContainsAny(text, "_,") {
		return text
	}
	b := make([]byte, 0, len(text))
	for k := 0; k < len(text); k++ {
		if c := text[k]; c != '_' && c != ',' {
			b = append(b, c)
		}
	}
	return string(b)
}

// minNumber is the smallest positive number napkin reads. Below about
// 2.2e-308 a float64 keeps fewer digits the smaller it is; below 1e-318 it
// keeps fewer than the five a result shows, then becomes 0.
const minNumber = 1e-318

// isGroup reports whether src[i:] starts with a thousands group: a comma,
// three digits, then no further digit.
func isGroup(src string, i int) bool {
	if i+4 > len(src) || src[i] != ',' {
		return false
	}
	for k := i + 1; k < i+4; k++ {
		if !isDigit(rune(src[k])) {
			return false
		}
	}
	return i+4 == len(src) || !(isDigit(rune(src[i+4])) || src[i+4] == '_')
}

// groupedText is the digits and thousands groups starting at start.
func groupedText(src string, start int) string {
	i := start
	for i < len(src) && isDigit(rune(src[i])) {
		i++
	}
	for isGroup(src, i) {
		i += 4
	}
	return src[start:i]
}

// mantissa is a number's text before its exponent.
func mantissa(s string) string {
	if k := strings.IndexAny(s, "eE"); k >= 0 {
		return s[:k]
	}
	return s
}

// lexRadix reads a hexadecimal (0x1F), octal (0o17) or binary (0b101)
// integer. ok is false when the text is not one.
func lexRadix(src string, start int) (token, bool, *Error) {
	if start+1 >= len(src) || src[start] != '0' {
		return token{}, false, nil
	}
	base := 0
	switch src[start+1] {
	case 'x', 'X':
		base = 16
	case 'o', 'O':
		base = 8
	case 'b':
		base = 2
	default:
		return token{}, false, nil
	}
	i := start + 2
	v := 0.0
	n := 0
	for i < len(src) {
		c := src[i]
		if c == '_' && n > 0 && i+1 < len(src) && digitValue(src[i+1]) < base {
			i++
			continue
		}
		d := digitValue(c)
		if d >= base {
			break
		}
		v = v*float64(base) + float64(d)
		n++
		i++
	}
	prefix := src[start : start+2]
	name, example := "hexadecimal", "0x1F"
	switch base {
	case 8:
		name, example = "octal", "0o17"
	case 2:
		name, example = "binary", "0b101"
	}
	if n == 0 {
		if base == 2 && (start+2 == len(src) || !isIdentPartByte(src, start+2)) {
			return token{}, false, nil // 0b alone: 0 with a b after it
		}
		return token{}, true, errorAt(src, span{start, start + 2}, fmt.Sprintf("write %s digits after %s, e.g. %s", name, prefix, example),
			"the %s number %s has no digits", name, prefix)
	}
	if i < len(src) && isIdentPartByte(src, i) {
		end := i
		for end < len(src) && isIdentPartByte(src, end) {
			_, w := utf8.DecodeRuneInString(src[end:])
			end += w
		}
		return token{}, true, errorAt(src, span{start, end}, fmt.Sprintf("a %s number has only the digits 0 to %s; put a space before a unit", name, digitName(base-1)),
			"malformed %s number %s", name, src[start:end])
	}
	if math.IsInf(v, 0) {
		return token{}, true, errorAt(src, span{start, i}, "napkin numbers go up to about 1.8e308", "number %s is too large", src[start:i])
	}
	return token{kind: tokNumber, text: src[start:i], num: v, sp: span{start, i}}, true, nil
}

func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return 99
}

func digitName(d int) string { return strings.ToUpper(strconv.FormatInt(int64(d), 16)) }

// superscript is the character a superscript of a power stands for (² is
// 2, ⁻ is -), or 0: 3², s⁻¹.
func superscript(r rune) byte {
	switch r {
	case '⁰':
		return '0'
	case '¹':
		return '1'
	case '²':
		return '2'
	case '³':
		return '3'
	case '⁻':
		return '-'
	case '⁺':
		return '+'
	}
	if r >= '⁴' && r <= '⁹' {
		return byte('4' + r - '⁴')
	}
	return 0
}

// lexSuperscript reads a superscript power (², ⁻¹) as the tokens ^ and the
// exponent: 3² is 3^2.
func lexSuperscript(src string, i int, toks []token) ([]token, int, *Error) {
	start := i
	var text []byte
	for i < len(src) {
		r, n := utf8.DecodeRuneInString(src[i:])
		c := superscript(r)
		if c == 0 || ((c == '-' || c == '+') && len(text) > 0) {
			break
		}
		text = append(text, c)
		i += n
	}
	digitsAt := start
	toks = append(toks, token{kind: tokOp, text: "^", sp: span{start, start}})
	if text[0] == '-' || text[0] == '+' {
		_, n := utf8.DecodeRuneInString(src[start:])
		toks = append(toks, token{kind: tokOp, text: string(text[0]), sp: span{start, start + n}})
		digitsAt += n
		text = text[1:]
	}
	if len(text) == 0 {
		return nil, 0, errorAt(src, span{start, i}, "write the power's digits too: s⁻¹", "superscript sign without digits")
	}
	v, _ := strconv.ParseFloat(string(text), 64)
	toks = append(toks, token{kind: tokNumber, text: src[digitsAt:i], num: v, sp: span{digitsAt, i}})
	return toks, i, nil
}
