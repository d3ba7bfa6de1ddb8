package web

import (
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
}

type question struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

type practiceInfo struct {
	Name        string       `json:"name"`
	Title       string       `json:"title"`
	Scope       []string     `json:"scope"`
	Assumptions []assumption `json:"assumptions"`
	Questions   []question   `json:"questions"`
}

// runPreset evaluates a preset for practice, answering the request itself
// when it cannot.
func (s *Server) runPreset(w http.ResponseWriter, r *http.Request) (*presets.Preset, []presets.Step, bool) {
	p, ok := s.findPreset(w, r.PathValue("name"))
	if !ok {
		return nil, nil, false
	}
	release, ok := s.acquire(w, r)
	if !ok {
		return nil, nil, false
	}
	defer release()
	session, err := s.newSession(s.cfg.Session)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error(), "")
		return nil, nil, false
	}
	steps, err := p.Run(session, nil)
	if err != nil {
		if e, ok := err.(*estimate.Error); ok {
			writePositioned(w, http.StatusUnprocessableEntity, e)
		} else {
			writeError(w, http.StatusUnprocessableEntity, err.Error(), "fix the preset file")
		}
		return nil, nil, false
	}
	return p, steps, true
}

func (s *Server) handlePractice(w http.ResponseWriter, r *http.Request) {
	p, steps, ok := s.runPreset(w, r)
	if !ok {
		return
	}
	info := practiceInfo{Name: p.Name, Title: p.Title, Scope: p.ScopeOf(steps), Assumptions: []assumption{}, Questions: []question{}}
	for _, st := range steps {
		if st.Assumption {
			info.Assumptions = append(info.Assumptions, assumption{st.Name, strings.TrimSpace(strings.SplitN(st.Code, "=", 2)[1]), st.Reason})
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

func (s *Server) handleGrade(w http.ResponseWriter, r *http.Request) {
	var req gradeRequest
	if !decodeBody(w, r, s.limits.MaxBody, &req) {
		return
	}
	p, steps, ok := s.runPreset(w, r)
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
	a := frontend.PracticeAnswer{Question: q.Text, Name: q.Name, Answer: strings.TrimSpace(req.Answer), Expected: exp.Text, ExpValue: exp.Value, ExpUnit: exp.Unit}
	if a.Answer == "" {
		a.Grade = string(presets.Skipped)
		resp.Answer = &a
		writeJSON(w, http.StatusOK, resp)
		return
	}
	session, err := s.newSession(s.cfg.Session)
	if err != nil {
		writeError(w, http.StatusInternalServerError, err.Error(), "")
		return
	}
	// As in napkin practice: the assumptions and the estimates before the
	// question are in scope.
	res, err := presets.NewAnswerScope(session, steps, p.Path).Eval(*q, a.Answer)
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
