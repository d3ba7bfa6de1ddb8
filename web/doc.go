// Package web is napkin serve: one page, embedded in the binary, where an
// estimate is edited with its results beside each line, its ranges drawn as
// histograms and its links shared, and the small JSON API behind it.
//
// The page's HTML, CSS and plain JavaScript are in assets/ and embedded
// with go:embed: nothing to build. The API evaluates with the same
// estimate Session as the command line (frontend.NewSession) and answers
// with the same JSON objects as --json (frontend.Result, frontend.Error).
//
// The server is safe by default, since a page in any browser tab can send
// requests to a port on localhost: it answers only requests whose Host is
// the address it serves (so a DNS-rebinding page cannot read it), rejects
// cross-origin POSTs, caps the size of a request, the work of each line
// (the engine's work budget), the time of each evaluation and the number
// of evaluations at once, reads no file but the built-in and user presets,
// and sends a strict Content-Security-Policy. Every error is JSON in the
// positioned shape of the command line's.
package web
