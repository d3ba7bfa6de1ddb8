//go:build unix

package main

import "syscall"

const errStdoutClosed = constError("it is closed (bad file descriptor)")

// stdoutWasClosed reports whether napkin was started with standard output
// closed (napkin '1+1' >&-). The Go runtime then opens /dev/null in its
// place, read-write, so that nothing could tell the output went nowhere; a
// shell's "> /dev/null" opens it write-only.
func stdoutWasClosed() bool {
	var out, null syscall.Stat_t
	if syscall.Fstat(1, &out) != nil || out.Mode&syscall.S_IFMT != syscall.S_IFCHR {
		return false // a file or a pipe: looking up /dev/null can wait
	}
	if syscall.Stat("/dev/null", &null) != nil || out.Rdev != null.Rdev {
		return false
	}
	flags, _, errno := syscall.Syscall(syscall.SYS_FCNTL, 1, syscall.F_GETFL, 0)
	return errno == 0 && flags&syscall.O_ACCMODE == syscall.O_RDWR
}
