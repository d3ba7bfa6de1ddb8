//go:build unix

package main

import (
	"errors"
	"os"
	"os/signal"
	"syscall"
)

// writable reports whether the user may write the file, by its permission
// bits: the owner's, the group's or the others', whichever applies.
// Root may write anything, but a file without any write bit is read-only
// on purpose, so napkin refuses it too.
func writable(info os.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	perm := info.Mode().Perm()
	if !ok {
		return perm&0o200 != 0
	}
	uid := os.Geteuid()
	switch {
	case uid == 0:
		return perm&0o222 != 0
	case uint32(uid) == st.Uid:
		return perm&0o200 != 0
	case inGroup(st.Gid):
		return perm&0o020 != 0
	}
	return perm&0o002 != 0
}

func inGroup(gid uint32) bool {
	if uint32(os.Getegid()) == gid {
		return true
	}
	groups, _ := os.Getgroups()
	for _, g := range groups {
		if uint32(g) == gid {
			return true
		}
	}
	return false
}

func links(info os.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// keepOwner gives the new file the note's owner and group, or at least
// its group, as far as the process may.
func keepOwner(f *os.File, info os.FileInfo) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return
	}
	if f.Chown(int(st.Uid), int(st.Gid)) != nil {
		_ = f.Chown(-1, int(st.Gid))
	}
}

func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// removeTempsOnSignal removes the temporary files when napkin is
// interrupted or terminated, then dies of the same signal. The returned
// function stops watching.
func removeTempsOnSignal() (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			temps.removeAll()
			die(sig)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// die ends the process by sig, as if napkin had not caught it.
var die = func(sig os.Signal) {
	signal.Reset(sig)
	code := 130
	if s, ok := sig.(syscall.Signal); ok {
		_ = syscall.Kill(os.Getpid(), s)
		code = 128 + int(s)
	}
	os.Exit(code)
}

// diskFull reports whether err is a full disk or an exhausted quota.
func diskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
