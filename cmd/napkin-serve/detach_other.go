//go:build !unix

package main

import "os/exec"

// detach is a no-op where a console's Ctrl-C does not reach a started
// browser.
func detach(*exec.Cmd) {}
