// Command napkin-serve serves napkin's page: it is what `napkin serve` runs.
//
// The page needs Go's net/http, and with it TLS, crypto and HTTP/2, whose
// package initialisers would otherwise run before every one-line estimate
// (about a third of a millisecond, a fifth of napkin's start-up). So the
// server is a binary of its own, installed beside napkin, and napkin execs
// it for `napkin serve` after checking its flags, as git and kubectl run
// their subcommands. Run directly, it takes the same flags as napkin serve.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// The first Ctrl-C stops the server cleanly; a second one, while
		// requests finish, ends the process at once.
		<-ctx.Done()
		stop()
	}()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}
