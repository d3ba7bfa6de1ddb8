package notes

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/napkin-calc/napkin/estimate"
)

var update = flag.Bool("update", false, "rewrite the .golden files")

func newSession() *estimate.Session { return estimate.NewSession(estimate.Options{}) }

func process(name string, src []byte) *Result {
	return Process(name, src, Options{NewSession: newSession})
}

// TestGolden processes each testdata note and compares with its .golden.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.md")
	if len(files) < 3 {
		t.Fatal("missing test notes")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := process(filepath.Base(f), src).Output
			golden := f + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from %s:\n%s", f, golden, Diff(golden, want, got))
			}
			checkOnlySlotsChanged(t, src, got)
		})
	}
}

// TestIdempotent: a second run over any golden note changes nothing.
func TestIdempotent(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.golden")
	for _, f := range files {
		src, _ := os.ReadFile(f)
		res := process(f, src)
		if !bytes.Equal(res.Output, src) || res.Changed() {
			t.Errorf("%s: a second run changed it:\n%s", f, Diff(f, src, res.Output))
		}
	}
}

func TestCRLFAndNoFinalNewlineSurvive(t *testing.T) {
	src, _ := os.ReadFile("testdata/crlf.md")
	out := process("crlf.md", src).Output
	if !bytes.HasSuffix(out, []byte("no final newline")) {
		t.Error("the missing final newline was added")
	}
	if got := bytes.Count(out, []byte("\r\n")); got != bytes.Count(src, []byte("\r\n")) {
		t.Errorf("%d CRLF line endings, want %d", got, bytes.Count(src, []byte("\r\n")))
	}
	if !bytes.Contains(out, []byte("a = 5 GB  # => 5 GB\r\n")) {
		t.Errorf("slot not filled before the CR:\n%q", out)
	}
}

func TestClean(t *testing.T) {
	src, _ := os.ReadFile("testdata/design.md.golden")
	res := Process("design.md", src, Options{NewSession: newSession, Clean: true})
	inNapkin := napkinLines(string(src))
	lines, _ := splitLines(string(res.Output))
	for i, line := range lines {
		if start, end, ok := slot(line); ok && inNapkin[i] && line[start:end] != "" {
			t.Errorf("slot not emptied: %q", line)
		}
	}
	checkOnlySlotsChanged(t, src, res.Output)
}

func TestStaleAndErrors(t *testing.T) {
	src, _ := os.ReadFile("testdata/errors.md")
	res := process("errors.md", src)
	if len(res.Errors) != 2 {
		t.Fatalf("%d errors, want 2: %v", len(res.Errors), res.Errors)
	}
	// qps is also a unit: the failed line must not let it fall back to one.
	if got := res.Errors[1].Msg; got != "qps is not defined because line 5 failed" {
		t.Errorf("dependent line: %q", got)
	}
	if !res.Changed() {
		t.Error("not stale")
	}
	again := process("errors.md", res.Output)
	if again.Changed() {
		t.Error("errors in slots are not stable")
	}
}

// checkOnlySlotsChanged asserts that out differs from src only after the
// "# =>" of lines in napkin blocks: every other byte is the same.
func checkOnlySlotsChanged(t *testing.T, src, out []byte) {
	t.Helper()
	a, aEnds := splitLines(string(src))
	b, bEnds := splitLines(string(out))
	if len(a) != len(b) {
		t.Fatalf("line count changed: %d → %d", len(a), len(b))
	}
	if strings.Join(aEnds, "") != strings.Join(bEnds, "") {
		t.Fatalf("line endings changed")
	}
	inNapkin := napkinLines(string(src))
	for i := range a {
		if a[i] == b[i] {
			continue
		}
		start, end, ok := slot(a[i])
		if !ok || !inNapkin[i] {
			t.Fatalf("line %d changed outside a slot:\n%q\n%q", i+1, a[i], b[i])
		}
		if !strings.HasPrefix(b[i], a[i][:start]) || !strings.HasSuffix(b[i], a[i][end:]) {
			t.Fatalf("line %d changed outside its slot:\n%q\n%q", i+1, a[i], b[i])
		}
	}
}

// napkinLines marks the lines inside napkin blocks, by the same rules.
func napkinLines(src string) map[int]bool {
	in := map[int]bool{}
	var md blocks
	lines, _ := splitLines(src)
	for i, line := range lines {
		if i == 0 {
			line = strings.TrimPrefix(line, byteOrderMark)
		}
		in[i] = md.next(line) == fenced && md.fence.napkin
	}
	return in
}

// FuzzNotes: whatever the Markdown, napkin never changes a byte outside a
// slot, never adds or removes a line, and a second run is a no-op.
func FuzzNotes(f *testing.F) {
	for _, name := range []string{"design.md", "crlf.md", "errors.md"} {
		src, _ := os.ReadFile(filepath.Join("testdata", name))
		f.Add(src)
	}
	f.Add([]byte("```napkin\nx = 1 # =>\n"))
	f.Add([]byte("~~~~napkin fresh\r\n1/0 # =>\r\n~~~"))
	f.Fuzz(func(t *testing.T, src []byte) {
		res := process("fuzz.md", src)
		checkOnlySlotsChanged(t, src, res.Output)
		again := process("fuzz.md", res.Output)
		if !bytes.Equal(again.Output, res.Output) {
			t.Fatalf("not idempotent:\n%s", Diff("fuzz.md", res.Output, again.Output))
		}
	})
}

// BenchmarkLargeNote processes a 10,000-line note.
func BenchmarkLargeNote(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("# A long note\n\n")
	for block := 0; block < 500; block++ {
		sb.WriteString("Some prose about the next block.\n\n```napkin\n")
		for i := 0; i < 16; i++ {
			if block == 0 && i == 0 {
				sb.WriteString("v = 1 GB  # =>\n")
				continue
			}
			sb.WriteString("v = v * 1.001 + 3 MB / 2  # =>\n")
		}
		sb.WriteString("```\n\n")
	}
	src := []byte(sb.String())
	if n := bytes.Count(src, []byte("\n")); n < 10_000 {
		b.Fatalf("only %d lines", n)
	}
	for b.Loop() {
		process("long.md", src)
	}
}

func TestCheckStopsTheNote(t *testing.T) {
	src := "```napkin\na = 1  # =>\nb = 2  # =>\nc = 3  # =>\n```\n"
	var seen []int
	stop := errors.New("enough")
	res := Process("n.md", []byte(src), Options{NewSession: newSession, Check: func(line int, r *estimate.Result) error {
		seen = append(seen, line)
		if r == nil || r.Name != "a" && r.Name != "b" {
			t.Errorf("line %d: result %+v", line, r)
		}
		if line == 3 {
			return stop
		}
		return nil
	}})
	want := "```napkin\na = 1  # => 1\nb = 2  # => 2\nc = 3  # =>\n```\n"
	if res.Stopped != stop || string(res.Output) != want || len(seen) != 2 {
		t.Errorf("stopped %v after lines %v:\n%s", res.Stopped, seen, res.Output)
	}
}

// TestHTMLCommentsAreNotCode: in CommonMark a fence inside an HTML comment
// block is raw HTML, so napkin neither evaluates nor fills it; a comment
// inside a napkin block is napkin's (and an error there).
func TestHTMLCommentsAreNotCode(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"block", "<!--\n```napkin\nx = 1 # =>\n```\n-->\n```napkin\ny = 2 # =>\n```\n",
			"<!--\n```napkin\nx = 1 # =>\n```\n-->\n```napkin\ny = 2 # => 2\n```\n"},
		{"indented, closed on a later line", "  <!-- hidden\n```napkin\nx = 1 # =>\n```\n  end -->\n",
			"  <!-- hidden\n```napkin\nx = 1 # =>\n```\n  end -->\n"},
		{"one line", "<!-- a comment -->\n```napkin\nx = 3 # =>\n```\n",
			"<!-- a comment -->\n```napkin\nx = 3 # => 3\n```\n"},
		{"the scope does not see hidden lines", "<!--\n```napkin\nx = 1\n```\n-->\n```napkin\nx # =>\n```\n",
			"<!--\n```napkin\nx = 1\n```\n-->\n```napkin\nx # => error: unknown name \"x\" (define it first: x = …)\n```\n"},
	} {
		res := process("n.md", []byte(c.src))
		if got := string(res.Output); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}
