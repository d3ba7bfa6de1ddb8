package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/napkin-calc/napkin/presets"
)

var update = flag.Bool("update", false, "rewrite the golden files of TestWorkingGolden")

// TestWorkingGolden runs each testdata/working/*.napkin script and compares
// the working napkin shows with the .golden file beside it. After a
// deliberate change, run `go test ./cmd/napkin -run WorkingGolden -update`
// and read the diff.
func TestWorkingGolden(t *testing.T) {
	scripts, _ := filepath.Glob("testdata/working/*.napkin")
	if len(scripts) == 0 {
		t.Fatal("no golden scripts")
	}
	for _, script := range scripts {
		t.Run(filepath.Base(script), func(t *testing.T) {
			out, errOut, _ := runCLI(t, "", "run", script)
			got := out
			if errOut != "" {
				got += "--- stderr\n" + errOut
			}
			checkGolden(t, strings.TrimSuffix(script, ".napkin")+".golden", got)
		})
	}
}

// TestPresetGolden keeps every built-in preset's full working in
// testdata/presets/NAME.golden, so that a change to a preset, a unit or the
// layout shows as a diff. Regenerate with -update.
func TestPresetGolden(t *testing.T) {
	t.Setenv("NAPKIN_PRESETS", t.TempDir()) // no user presets
	for _, pr := range presets.Builtin() {
		t.Run(pr.Name, func(t *testing.T) {
			out, errOut, code := runCLI(t, "", "preset", "show", pr.Name)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			checkGolden(t, filepath.Join("testdata", "presets", pr.Name+".golden"), out)
		})
	}
}

// checkGolden compares got with a golden file, or rewrites it with -update.
// On a mismatch it writes got beside the golden file and names the diff to
// run.
func checkGolden(t *testing.T, golden, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		_ = os.WriteFile(golden+".got", []byte(got), 0o644)
		t.Errorf("output differs from %s; see: diff %s %s.got", golden, golden, golden)
	}
}
