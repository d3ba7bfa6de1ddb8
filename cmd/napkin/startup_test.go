package main

import (
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// readmeBuildFlags returns the flags the README's `go run` and `go install`
// commands pass before ./cmd/napkin (both must pass the same), and the
// packages it installs.
func readmeBuildFlags(t *testing.T) (flags []string, install string) {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	found := map[string][]string{}
	for _, line := range strings.Split(string(data), "\n") {
		for _, verb := range []string{"go run", "go install"} {
			_, rest, ok := strings.Cut(strings.ReplaceAll(line, "`", " "), verb+" ")
			if !ok || found[verb] != nil {
				continue
			}
			flags, pkgs, ok := strings.Cut(rest, "./cmd/")
			if ok {
				found[verb] = append([]string{}, strings.Fields(flags)...)
				if verb == "go install" {
					install = "./cmd/" + strings.Fields(pkgs)[0]
				}
			}
		}
	}
	run := found["go run"]
	if run == nil || found["go install"] == nil {
		t.Fatalf("README.md must show both `go run … ./cmd/napkin` and `go install … ./cmd/...`; found %q", found)
	}
	if !slices.Equal(run, found["go install"]) {
		t.Fatalf("README.md: `go run` passes %q but `go install` passes %q", run, found["go install"])
	}
	if install != "./cmd/..." {
		t.Fatalf("README.md installs %s: it must install ./cmd/..., napkin-serve with napkin", install)
	}
	return run, install
}

// TestReadmeInstallIsStatic installs napkin exactly as the README says, with
// cgo explicitly enabled, and reads the binaries: they must be static (no
// program interpreter, no shared libraries), so that no run pays for the
// dynamic loader.
func TestReadmeInstallIsStatic(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads an ELF binary")
	}
	flags, pkgs := readmeBuildFlags(t)
	gobin := t.TempDir()
	cmd := exec.Command("go", append(append([]string{"install"}, flags...), pkgs)...)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1", "GOBIN="+gobin, "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go install %s %s: %v\n%s", strings.Join(flags, " "), pkgs, err, out)
	}
	for _, name := range []string{"napkin", "napkin-serve"} {
		checkStatic(t, filepath.Join(gobin, name))
	}
}

func checkStatic(t *testing.T, bin string) {
	t.Helper()
	f, err := elf.Open(bin)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, p := range f.Progs {
		if p.Type == elf.PT_INTERP {
			t.Errorf("%s asks for a program interpreter (PT_INTERP): it is dynamically linked", bin)
		}
	}
	libs, err := f.ImportedLibraries()
	if err != nil {
		t.Fatal(err)
	}
	if len(libs) > 0 {
		t.Errorf("%s needs shared libraries (DT_NEEDED): %q", bin, libs)
	}
}

// TestNothingAtInit runs a one-line estimate with the runtime's init trace
// on: no package of napkin's may do work before main (build tables, compile
// regular expressions, read data files); each is built the first time a line
// needs it.
func TestNothingAtInit(t *testing.T) {
	bin, err := napkinBinary()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-q", "10M * 5 / day")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if out, err := cmd.Output(); err != nil || string(out) != "578.7 /s\n" {
		t.Fatalf("napkin -q '10M * 5 / day': %v, %q, %s", err, out, stderr.String())
	}
	traced := 0
	for _, line := range strings.Split(stderr.String(), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || f[0] != "init" {
			continue
		}
		traced++
		if f[1] == "main" || strings.HasPrefix(f[1], "github.com/napkin-calc/napkin") {
			t.Errorf("package %s does work at init: %s", f[1], line)
		}
	}
	if traced == 0 {
		t.Fatalf("no init trace on stderr: %q", stderr.String())
	}
}

// TestNapkinDoesNotLinkTheServer: net/http and its TLS and crypto packages
// belong to napkin-serve only. Linked into napkin, their initialisers would
// run before every one-line estimate.
func TestNapkinDoesNotLinkTheServer(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "net/http" || pkg == "crypto/tls" || pkg == "github.com/napkin-calc/napkin/web" {
			t.Errorf("napkin links %s: only napkin-serve may (see cmd/napkin/serve.go)", pkg)
		}
	}
}
