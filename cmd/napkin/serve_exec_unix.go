//go:build unix

package main

import (
	"fmt"
	"os"
	"syscall"
)

// execServe replaces napkin with the server, as git and kubectl run their
// subcommands: the server keeps napkin's process, so Ctrl-C and kill reach
// it directly, and its exit code is napkin's.
func execServe(bin string, args []string) error {
	argv := append([]string{bin}, args...)
	if err := syscall.Exec(bin, argv, os.Environ()); err != nil {
		return &usageError{fmt.Sprintf("cannot run %s: %v", bin, err), "reinstall it: go install -tags netgo,osusergo ./cmd/... in a checkout of napkin"}
	}
	return nil // not reached: Exec returns only on failure
}
