//go:build !unix

package main

import (
	"os"
	"os/signal"
)

func writable(info os.FileInfo) bool  { return info.Mode().Perm()&0o200 != 0 }
func links(os.FileInfo) uint64        { return 1 }
func keepOwner(*os.File, os.FileInfo) {}
func processAlive(pid int) bool       { return true }

func removeTempsOnSignal() (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	done := make(chan struct{})
	go func() {
		select {
		case <-ch:
			temps.removeAll()
			os.Exit(130)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// diskFull reports whether err is a full disk: not told apart here.
func diskFull(error) bool { return false }
