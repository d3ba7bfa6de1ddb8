//go:build !unix

package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
)

// execServe runs the server and waits for it; its exit code is napkin's.
// Without exec(2) napkin stays, ignoring the Ctrl-C that the console sends
// to both, so that the server can shut down cleanly and report.
func execServe(bin string, args []string) error {
	signal.Ignore(os.Interrupt)
	cmd := exec.Command(bin, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return &exitError{exit.ExitCode()}
	}
	if err != nil {
		return &usageError{fmt.Sprintf("cannot run %s: %v", bin, err), "reinstall it: go install -tags netgo,osusergo ./cmd/... in a checkout of napkin"}
	}
	return nil
}
