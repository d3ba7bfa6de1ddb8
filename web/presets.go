package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/frontend"
	"github.com/napkin-calc/napkin/presets"
)

type presetInfo struct {
	Name    string `json:"name"`
	Title   string `json:"title"`
	Summary string `json:"summary,omitempty"`
	Source  string `json:"source,omitempty"`
	User    bool   `json:"user,omitempty"`
	Script  string `json:"script,omitempty"`
}

func (s *Server) handlePresets(w http.ResponseWriter, r *http.Request) {
	out := []presetInfo{}
	for _, p := range s.presets {
		out = append(out, presetInfo{Name: p.Name, Title: p.Title, Summary: p.Summary, Source: p.Source, User: p.User})
	}
	writeJSON(w, http.StatusOK, out)
}

// findPreset answers a request for an unknown preset itself.
func (s *Server) findPreset(w http.ResponseWriter, name string) (*presets.Preset, bool) {
	if p, ok := presets.Find(s.presets, name); ok {
		return p, true
	}
	var names []string
	for _, p := range s.presets {
		names = append(names, p.Name)
	}
	hint := "the presets are " + strings.Join(names, ", ")
	if near := estimate.Suggest(name, names); near != "" {
		hint = fmt.Sprintf("did you mean %q?", near)
	}
	writeError(w, http.StatusNotFound, fmt.Sprintf("no preset is called %q", name), hint)
	return nil, false
}

func (s *Server) handlePreset(w http.ResponseWriter, r *http.Request) {
	p, ok := s.findPreset(w, r.PathValue("name"))
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, presetInfo{Name: p.Name, Title: p.Title, Summary: p.Summary, Source: p.Source, User: p.User, Script: p.Src})
}

type assumption struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	Why   string `json:"why,omitempty"`
	// Was is the preset's own value of an assumption the request's set
	// replaced.
	Was string `json:"was,omitempty"`
}

type question struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

type practiceInfo struct {
	Name        string            `json:"name"`
	Title       string            `json:"title"`
	Scope       []string          `json:"scope"`
	Set         map[string]string `json:"set,omitempty"` // the assumptions replaced, as napkin practice --set
	Assumptions []assumption      `json:"assumptions"`
	Questions   []question        `json:"questions"`
}

// maxSet is the most assumptions one request may replace.
const maxSet = 100

// practiceSet reads ?set=NAME=VALUE (repeatable), as napkin practice
// --set, answering the request itself when one is malformed.
func practiceSet(w http.ResponseWriter, r *http.Request) (map[string]string, bool) {
	params := r.URL.Query()["set"]
	if len(params) > maxSet {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("more than %d assumptions are set", maxSet), "")
		return nil, false
	}
	set := map[string]string{}
	for _, f := range params {
		name, value, ok := strings.Cut(f, "=")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok || name == "" || value == "" || strings.ContainsAny(value, "\r\n") {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("set %q is not NAME=VALUE", f), "?set=dau=500M")
			return nil, false
		}
		set[name] = value
	}
	return set, true
}

// runPreset evaluates a preset for practice, with the assumptions of the
// request's ?set= replaced, answering the request itself when it cannot.
// The caller holds an evaluation slot; ctx ends the evaluation (each
// line, and the preset between lines).
func (s *Server) runPreset(ctx context.Context, w http.ResponseWriter, p *presets.Preset, set map[string]string) ([]presets.Step, bool) {
	session := s.boundSession(ctx)
	steps, err := p.Run(session, set)
	var e *estimate.Error
	var se *presets.SetError
	switch {
	case ctx.Err() != nil:
		writeError(w, http.StatusServiceUnavailable, s.stoppedMessage(ctx, 1)+" of the preset", "try again in a moment")
	case errors.As(err, &se):
		writeError(w, http.StatusBadRequest, se.Msg, se.Hint)
	case errors.As(err, &e) && len(set) > 0:
		writePositioned(w, http.StatusBadRequest, e) // most likely the value set
	case errors.As(err, &e):
		writePositioned(w, http.StatusUnprocessableEntity, e)
	case err != nil:
		writeError(w, http.StatusUnprocessableEntity, err.Error(), "fix the preset file")
	default:
		return steps, true
	}
	return nil, false
}

// boundSession is a session with the server's work budget that ctx
// interrupts.
func (s *Server) boundSession(ctx context.Context) *estimate.Session {
	session, _ := s.newSession(s.cfg.Session) // the options were checked by New
	context.AfterFunc(ctx, session.Interrupt)
	return session
}

// practiceStart finds the preset of a practice request and waits for a
// turn to evaluate it, answering the request itself when it cannot.
func (s *Server) practiceStart(w http.ResponseWriter, r *http.Request) (p *presets.Preset, ctx context.Context, done func(), ok bool) {
	if p, ok = s.findPreset(w, r.PathValue("name")); !ok {
		return nil, nil, nil, false
	}
	release, ok := s.acquire(w, r)
	if !ok {
		return nil, nil, nil, false
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.limits.Timeout)
	return p, ctx, func() { cancel(); release() }, true
}

func (s *Server) handlePractice(w http.ResponseWriter, r *http.Request) {
	set, ok := practiceSet(w, r)
	if !ok {
		return
	}
	p, ctx, done, ok := s.practiceStart(w, r)
	if !ok {
		return
	}
	defer done()
	steps, ok := s.runPreset(ctx, w, p, set)
	if !ok {
		return
	}
	info := practiceInfo{Name: p.Name, Title: p.Title, Scope: p.ScopeOf(steps), Assumptions: []assumption{}, Questions: []question{}}
	if len(set) > 0 {
		info.Set = set
	}
	for _, st := range steps {
		if st.Assumption {
			info.Assumptions = append(info.Assumptions, assumption{st.Name, strings.TrimSpace(strings.SplitN(st.Code, "=", 2)[1]), st.Reason, st.Was})
		}
	}
	for _, q := range presets.Questions(steps) {
		info.Questions = append(info.Questions, question{q.Name, q.Text})
	}
	writeJSON(w, http.StatusOK, info)
}

type gradeRequest struct {
	Question string `json:"question"` // the name the question asks for
	Answer   string `json:"answer"`
}

// gradeResponse grades an answer as napkin practice does, with napkin's
// own working (the --json object of its line). An answer that is not an
// estimate has an error instead, and no grade.
type gradeResponse struct {
	Answer *frontend.PracticeAnswer `json:"answer,omitempty"`
	// Display and Dimension are the answer as napkin reads it: 1k/s is
	// 1,000 /s [1/time].
	Display   string          `json:"answer_display,omitempty"`
	Dimension string          `json:"answer_dimension,omitempty"`
	Error     *frontend.Error `json:"error,omitempty"`
	Working   frontend.Result `json:"working"`
}

// handleGrade grades one answer to a question of a preset, run with the
// assumptions of ?set= replaced as GET /api/practice/{name} was.
func (s *Server) handleGrade(w http.ResponseWriter, r *http.Request) {
	var req gradeRequest
	if !decodeBody(w, r, s.limits.MaxBody, &req) {
		return
	}
	answer := strings.TrimSpace(req.Answer)
	if strings.ContainsAny(answer, "\r\n") {
		e := positionIn(answer, strings.IndexAny(answer, "\r\n"), "an answer is one line", "write one expression, like 3k/s")
		writePositioned(w, http.StatusBadRequest, e)
		return
	}
	set, ok := practiceSet(w, r)
	if !ok {
		return
	}
	p, ctx, done, ok := s.practiceStart(w, r)
	if !ok {
		return
	}
	defer done()
	steps, ok := s.runPreset(ctx, w, p, set)
	if !ok {
		return
	}
	var q *presets.Question
	var names []string
	for _, x := range presets.Questions(steps) {
		names = append(names, x.Name)
		if x.Name == req.Question {
			q = &x
		}
	}
	if q == nil {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no practice question asks for %q", req.Question), "the questions ask for "+strings.Join(names, ", "))
		return
	}
	exp := q.Result
	resp := gradeResponse{Working: frontend.NewResult(exp, "", false, nil)}
	a := frontend.PracticeAnswer{Question: q.Text, Name: q.Name, Answer: answer, Expected: exp.Text, ExpValue: exp.Value, ExpUnit: exp.Unit}
	if a.Answer == "" {
		a.Grade = string(presets.Skipped)
		resp.Answer = &a
		writeJSON(w, http.StatusOK, resp)
		return
	}
	// As in napkin practice: the assumptions and the estimates before the
	// question are in scope.
	res, err := presets.NewAnswerScope(s.boundSession(ctx), steps, p.Path).Eval(*q, a.Answer)
	if ctx.Err() != nil {
		writeError(w, http.StatusServiceUnavailable, s.stoppedMessage(ctx, 1)+" of the answer", "try again in a moment")
		return
	}
	if err != nil || res == nil || (res.Kind != estimate.KindExpression && res.Kind != estimate.KindAssignment) {
		e, ok := err.(*estimate.Error)
		if !ok {
			e = &estimate.Error{Line: 1, Column: 1, Width: 1, Source: a.Answer, Msg: "not an estimate", Hint: "write an expression, like 3k/s"}
		}
		j := frontend.NewError(e)
		resp.Error = &j
		writeJSON(w, http.StatusOK, resp)
		return
	}
	g, factor, why := presets.GradeAnswer(res.Quantity, exp.Quantity)
	a.Grade, a.Factor, a.Why, a.Value, a.Unit = string(g), factor, why, res.Value, res.Unit
	resp.Answer, resp.Display, resp.Dimension = &a, res.Text, res.Dimension
	writeJSON(w, http.StatusOK, resp)
}
