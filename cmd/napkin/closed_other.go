//go:build !unix

package main

import "errors"

var errStdoutClosed = errors.New("it is closed")

func stdoutWasClosed() bool { return false }
