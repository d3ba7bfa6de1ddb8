//go:build !unix

package main

const errStdoutClosed = constError("it is closed")

func stdoutWasClosed() bool { return false }
