package estimate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/compiler"
)

// sameProgram reports whether exprTree reads code as expr's parser does:
// the two trees, checked and compiled, disassemble alike. ok is false when
// exprTree refuses the code (napkin then uses expr's parser).
func sameProgram(t *testing.T, code string) (same, ok bool) {
	t.Helper()
	c := config()
	want, wantErr := checker.ParseCheck(code, c)
	got, err := parseCheck(code, c)
	if _, read := exprTree(code); !read {
		return false, false
	}
	if wantErr != nil || err != nil {
		return (wantErr == nil) == (err == nil), true
	}
	wp, err1 := compiler.Compile(want, c)
	gp, err2 := compiler.Compile(got, c)
	if err1 != nil || err2 != nil {
		return (err1 == nil) == (err2 == nil), true
	}
	return wp.Disassemble() == gp.Disassemble(), true
}

// TestExprTreeIsExprs evaluates every line of testdata/*.txt, then checks
// that each program those lines compiled reads the same through exprTree
// as through expr's parser.
func TestExprTreeIsExprs(t *testing.T) {
	resetCaches()
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	seen := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := NewSession(Options{})
		for i, line := range strings.Split(string(data), "\n") {
			if src, ok := strings.CutPrefix(line, "> "); ok {
				_, _ = s.EvalLine(i+1, src)
				// The cache is bounded: gather its codes as it fills.
				programsMu.Lock()
				for code := range programs {
					seen[code] = true
				}
				programsMu.Unlock()
			}
		}
	}
	// And one line of each kind, in case testdata has none.
	s := NewSession(Options{Samples: 1000})
	for i, src := range []string{"assert 2 s + 2 s == 4 s", "f(x) = x * 2", "f(3) + 1", "1 / (2 s)", "10..20 * 2", "-(5 s)", "+(5 s)",
		"(1 + 2)%", "2^10 * 3", "3 MB * 2 -> KB", `10 "bots" * 3 s`, "1 - 2", "P(1..2 > 1.5)"} {
		_, _ = s.EvalLine(i+1, src)
	}
	programsMu.Lock()
	for code := range programs {
		seen[code] = true
	}
	programsMu.Unlock()
	codes := make([]string, 0, len(seen))
	for code := range seen {
		codes = append(codes, code)
	}
	if len(codes) < 40 {
		t.Fatalf("only %d programs compiled", len(codes))
	}
	kinds := map[string]bool{}
	for _, code := range codes {
		same, ok := sameProgram(t, code)
		if !ok || !same {
			t.Errorf("%s: read by exprTree %v, same program %v", code, ok, same)
		}
		for rest := code; ; {
			before, after, found := strings.Cut(rest, "(C, ")
			if !found {
				break
			}
			kinds[before[strings.LastIndexAny(before, "(, ")+1:]] = true
			rest = after
		}
	}
	for _, fn := range []string{"add", "sub", "mul", "div", "pow", "neg", "pct", "conv", "call", "rng", "cmp", "pos", "recip"} {
		if !kinds[fn] {
			t.Errorf("no program calls %s", fn)
		}
	}
}

// TestExprTreeRefusesOtherText: anything emit does not write is left to
// expr's parser.
func TestExprTreeRefusesOtherText(t *testing.T) {
	for _, code := range []string{"", "K", "K[]", "K[0", "K[0]]", "K[0] + K[1]", "mul(C, 1, K[0], K[1]", "mul(C, 1, K[0],K[1])",
		"mul(C, x, K[0])", "Mul(C, 1, K[0])", "mul (C, 1)", "mul(C, 1, K[1234567890])", "mul(C, 1, 2)", " K[0]"} {
		if _, ok := exprTree(code); ok {
			t.Errorf("%q read", code)
		}
	}
}

// FuzzExprTree: whatever exprTree accepts, it reads as expr's parser does.
func FuzzExprTree(f *testing.F) {
	for _, code := range []string{"K[0]", "mul(C, 1, K[0], K[1])", "div(C, 4, mul(C, 2, K[0], K[1]), K[2])", "call(C, 3)", "neg(C, 1, pct(C, 0, K[0]))"} {
		f.Add(code)
	}
	f.Fuzz(func(t *testing.T, code string) {
		if len(code) > 1000 {
			return
		}
		if same, ok := sameProgram(t, code); ok && !same {
			t.Errorf("%q: exprTree reads another program than expr", code)
		}
	})
}
