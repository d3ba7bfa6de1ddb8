package estimate

import (
	"path/filepath"
	"testing"
)

// TestEveryErrorHasAHint runs every case of testdata/*.txt and fails for
// any error without a hint: each error says how to fix it.
func TestEveryErrorHasAHint(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test data: %v", err)
	}
	n := 0
	for _, file := range files {
		s := NewSession(Options{})
		for i, c := range readCases(t, file) {
			_, err := s.EvalLine(i+1, c.input)
			if err == nil {
				continue
			}
			n++
			if e := err.(*Error); e.Hint == "" {
				t.Errorf("%s:%d: %s: %s has no hint", file, c.line, c.input, e.Msg)
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d errors in the test data", n)
	}
}
