package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"

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
// results napkin notes fills (and here, already has filled).
func (s *Server) handleNote(w http.ResponseWriter, r *http.Request) {
	var req noteRequest
	if !decodeBody(w, r, s.limits.MaxBody, &req) {
		return
	}
	if n := strings.Count(req.Script, "\n"); n >= s.limits.MaxLines {
		writeError(w, http.StatusRequestEntityTooLarge, "the script is too long for a note", "split it")
		return
	}
	release, ok := s.acquire(w, r)
	if !ok {
		return
	}
	defer release()
	ctx, cancel := context.WithTimeout(r.Context(), s.limits.Timeout)
	defer cancel()
	md := noteMarkdown(req.Script)
	res := notes.Process("note.md", []byte(md), notes.Options{NewSession: func() *estimate.Session {
		session, _ := s.newSession(s.cfg.Session) // the options were checked by New
		context.AfterFunc(ctx, session.Interrupt)
		return session
	}})
	if ctx.Err() != nil {
		writeError(w, http.StatusServiceUnavailable, fmt.Sprintf("the note took longer than %s to fill", s.limits.Timeout), "split the script")
		return
	}
	writeJSON(w, http.StatusOK, noteResponse{Markdown: string(res.Output)})
}

// noteMarkdown is a script as a napkin block, each line that computes a
// figure given a # => slot.
func noteMarkdown(script string) string {
	var b strings.Builder
	b.WriteString("```napkin\n")
	for _, line := range strings.Split(strings.TrimRight(script, "\n"), "\n") {
		line = strings.TrimRight(line, " \t\r")
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
