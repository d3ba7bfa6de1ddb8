package main

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	if os.Getenv("NAPKIN_TEST_RUN_MAIN") == "1" {
		os.Exit(Main()) // the test binary as napkin, for tests that run it as a process
	}
	testscript.Main(m, map[string]func(){
		"napkin": func() { os.Exit(Main()) },
	})
}

// TestScripts runs the CLI scenarios in testdata/script. Set
// NAPKIN_UPDATE_SCRIPTS=1 to rewrite their expected output after a
// deliberate change (then read the diff).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: os.Getenv("NAPKIN_UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "")
			return nil
		},
	})
}

// runCLI runs napkin in-process with the given arguments and input.
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	streams := &ioStreams{In: strings.NewReader(stdin), Out: &out, ErrOut: &errOut}
	code = run(args, streams)
	return out.String(), errOut.String(), code
}

func TestColourOnlyWhenAsked(t *testing.T) {
	plain := &ioStreams{}
	if got := plain.style(styleBold, "x"); got != "x" {
		t.Errorf("plain stream styled text: %q", got)
	}
	colour := &ioStreams{Color: true}
	if got := colour.style(styleBold, "x"); got != styleBold+"x"+styleReset {
		t.Errorf("colour stream: %q", got)
	}
}

func TestNoColorEnvironment(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	if systemStreams().Color {
		t.Error("colour on with NO_COLOR set")
	}
}

func TestProtectNegativeNumbers(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"-5 + 3", "-- -5 + 3"},
		{"-q -5", "-q -- -5"},
		{"-q 5", "-q 5"},
		{"-- -5", "-- -5"},
		{"run -", "run -"},
		{"-(2)", "-- -(2)"},
		{"--digits -1 5", "--digits -1 5"},
		{"--digits=3 -1", "--digits=3 -- -1"},
		{"--json -1", "--json -- -1"},
		{"-q --samples -5 1", "-q --samples -5 1"},
		{"notes -o -1", "notes -o -1"},
		{"nines -1", "nines -- -1"},
		{"nines 99.9 -1", "nines 99.9 -- -1"},
		// The root command's expression has begun: every word is its own.
		{"2 ^ -2", "2 ^ -2"},
		{"-q 2 ^ -2", "-q 2 ^ -2"},
		{"--digits 3 2 ^ -2", "--digits 3 2 ^ -2"},
		{"10 -5^2", "10 -5^2"},
		{"5 GB -> -1", "5 GB -> -1"},
		{"- -1", "- -1"},
	} {
		got := strings.Join(protectNegativeNumbers(strings.Fields(c.in), flagTakesValue(newRootCmd(&ioStreams{}, &printer{}, true))), " ")
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMultiLineArgumentIsAScript(t *testing.T) {
	out, errOut, code := runCLI(t, "", "-q", "a = 5 GB\na * 3")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if want := "a = 5 GB\n15 GB\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestPanicsNeverReachTheUser(t *testing.T) {
	// A nil reader makes io.ReadAll panic inside the command.
	var out, errOut bytes.Buffer
	code := run([]string{"run", "-"}, &ioStreams{In: nil, Out: &out, ErrOut: &errOut})
	if code != exitEval {
		t.Errorf("exit %d, want %d", code, exitEval)
	}
	if !strings.HasPrefix(errOut.String(), "napkin: error: internal error") || strings.Contains(errOut.String(), "goroutine") {
		t.Errorf("stderr: %q", errOut.String())
	}
}

// TestSubcommandWords: every name and alias of a subcommand is in
// subcommandWords, or a command line naming it would not find it.
func TestSubcommandWords(t *testing.T) {
	for _, c := range newRootCmd(&ioStreams{}, &printer{}, true).Commands() {
		for _, w := range append([]string{c.Name()}, c.Aliases...) {
			if !slices.Contains(subcommandWords, w) {
				t.Errorf("subcommand %q is missing from subcommandWords", w)
			}
		}
	}
}
