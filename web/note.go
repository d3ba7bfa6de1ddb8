package web

import (
	"context"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/notes"
)

type noteRequest struct {
	Script string `json:"script"`
}

type noteResponse struct {
	Markdown string `json:"markdown"`
}

// handleNote turns a script into a Markdown note: one napkin block whose
// results napkin notes fills (and here, already has filled). It has the
// limits of POST /api/eval: lines, ranges, the work of each line, and the
// deadline (or the client leaving), checked between lines and within one.
func (s *Server) handleNote(w http.ResponseWriter, r *http.Request) {
	var req noteRequest
	if !decodeBody(w, r, s.limits.MaxBody, &req) {
		return
	}
	// Lines end as they do in a note: \n, \r\n or a lone \r.
	script := strings.ReplaceAll(strings.ReplaceAll(req.Script, "\r\n", "\n"), "\r", "\n")
	lines, ok := s.scriptLines(w, script)
	if !ok {
		return
	}
	release, ok := s.acquire(w, r)
	if !ok {
		return
	}
	defer release()
	ctx, cancel := context.WithTimeout(r.Context(), s.limits.Timeout)
	defer cancel()
	ranges := 0
	res := notes.Process("note.md", []byte(noteMarkdown(lines)), notes.Options{
		NewSession: func() *estimate.Session {
			session, _ := s.newSession(s.cfg.Session) // the options were checked by New
			context.AfterFunc(ctx, session.Interrupt)
			return session
		},
		Check: func(n int, res *estimate.Result) error {
			n-- // the note's first line is its fence
			line := lines[n-1]
			if ctx.Err() != nil {
				return &estimate.Error{Line: n, Column: 1, Width: max(1, utf8.RuneCountInString(line)), Source: line,
					Msg: s.stoppedMessage(ctx, n), Hint: "make the script do less work, or fill the note with napkin notes"}
			}
			if res != nil && res.Quantity.IsRange() {
				if ranges++; ranges > s.limits.MaxRanges {
					return s.tooManyRanges(n, line)
				}
			}
			return nil
		}})
	if e, ok := res.Stopped.(*estimate.Error); ok {
		status := http.StatusUnprocessableEntity
		if ctx.Err() != nil {
			status = http.StatusServiceUnavailable
		}
		writePositioned(w, status, e)
		return
	}
	writeJSON(w, http.StatusOK, noteResponse{Markdown: string(res.Output)})
}

// noteMarkdown is a script as a napkin block, each line that computes a
// figure given a # => slot.
func noteMarkdown(lines []string) string {
	var b strings.Builder
	b.WriteString("```napkin\n")
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	for _, line := range lines {
		line = strings.TrimRight(line, " \t")
		if strings.HasPrefix(line, "```") {
			line = "# " + line // would end the block
		}
		code, _, _ := strings.Cut(line, "#")
		code = strings.TrimSpace(code)
		b.WriteString(line)
		if code != "" && !strings.Contains(line, "# =>") && !strings.HasPrefix(code, "assert ") && !isFuncDef(code) {
			b.WriteString("  # =>")
		}
		b.WriteString("\n")
	}
	b.WriteString("```\n")
	return b.String()
}

// isFuncDef says whether a line defines a function: name(params) = body.
func isFuncDef(code string) bool {
	lhs, _, ok := strings.Cut(code, "=")
	return ok && strings.Contains(lhs, "(") && !strings.ContainsAny(lhs, "<>!")
}
