package estimate

import (
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
	text string  // operators are normalised: × → *, ÷ → /, → → ->, ** → ^
	num  float64 // the value of a tokNumber, scale suffix applied
	sp   span
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
	var toks []token
	i := 0
	for i < len(src) {
		r, n := utf8.DecodeRuneInString(src[i:])
		switch {
		case r == '#':
			i = len(src)
			continue
		case unicode.IsSpace(r):
			i += n
			continue
		case isDigit(r) || (r == '.' && i+1 < len(src) && isDigit(rune(src[i+1]))):
			t, err := lexNumber(src, i)
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
			toks = append(toks, token{kind: tokIdent, text: src[i:j], sp: span{i, j}})
			i = j
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
	}
	return ""
}

// lexOperator recognises an operator at the start of s, returning its
// normalised text and its width in bytes.
func lexOperator(s string) (string, int) {
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

// lexNumber reads 42, 3.5, .5, 1e9, 1e+16, 1_000_000 and a glued scale
// suffix (300M). The value is parsed as a float64, so literals never wrap.
func lexNumber(src string, start int) (token, *Error) {
	i := start
	digits := func() {
		for i < len(src) && (isDigit(rune(src[i])) ||
			(src[i] == '_' && i > start && isDigit(rune(src[i-1])) && i+1 < len(src) && isDigit(rune(src[i+1])))) {
			i++
		}
	}
	digits()
	if i < len(src) && src[i] == '.' && i+1 < len(src) && isDigit(rune(src[i+1])) {
		i++
		digits()
	}
	if i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		j := i + 1
		if j < len(src) && (src[j] == '+' || src[j] == '-') {
			j++
		}
		if j < len(src) && isDigit(rune(src[j])) {
			i = j
			digits()
		}
	}
	text := src[start:i]
	v, err := strconv.ParseFloat(strings.ReplaceAll(text, "_", ""), 64)
	if err != nil || math.IsInf(v, 0) {
		return token{}, errorAt(src, span{start, i}, "napkin numbers go up to about 1.8e308",
			"number %s is too large", text)
	}
	if i < len(src) {
		if scale, ok := scaleSuffix(src[i]); ok && (i+1 == len(src) || !isIdentPartByte(src, i+1)) {
			v *= scale
			i++
		}
	}
	return token{kind: tokNumber, text: src[start:i], num: v, sp: span{start, i}}, nil
}

func isIdentPartByte(src string, i int) bool {
	r, _ := utf8.DecodeRuneInString(src[i:])
	return isIdentPart(r)
}

func isDigit(r rune) bool      { return r >= '0' && r <= '9' }
func isIdentStart(r rune) bool { return r == '_' || unicode.IsLetter(r) }
func isIdentPart(r rune) bool  { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }
