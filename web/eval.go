package web

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/frontend"
	"github.com/napkin-calc/napkin/latency"
	"github.com/napkin-calc/napkin/reference"
)

// evalRequest is the body of POST /api/eval.
type evalRequest struct {
	Script  string `json:"script"`
	Latency string `json:"latency,omitempty"` // the latency set; "" for the server's
}

// evalLine is one evaluated line: the very object napkin --json --stats
// prints for it, under result or error, with what the page draws.
type evalLine struct {
	Line   int              `json:"line"`
	Result *frontend.Result `json:"result,omitempty"`
	Error  *frontend.Error  `json:"error,omitempty"`
	Width  int              `json:"width,omitempty"` // characters to underline
	Hist   *histogram       `json:"hist,omitempty"`
	Why    []influence      `json:"why,omitempty"`
}

// histogram is a range result's distribution in its display unit.
type histogram struct {
	Unit   string    `json:"unit"`
	Log    bool      `json:"log"` // the edges are log-spaced
	Edges  []float64 `json:"edges"`
	Counts []int     `json:"counts"`
	P5     float64   `json:"p5"`
	P50    float64   `json:"p50"`
	P95    float64   `json:"p95"`
}

// influence is one bar of --why: the share of the spread a range explains.
type influence struct {
	Name  string  `json:"name"`
	Share float64 `json:"share"`
}

type evalResponse struct {
	Lines []evalLine `json:"lines"`
	// Constants are the reference constants the script uses, for the
	// page to show on hover: value, source and year.
	Constants map[string]frontend.Constant `json:"constants,omitempty"`
	// Stopped says why evaluation ended before the last line.
	Stopped string `json:"stopped,omitempty"`
}

const histBins = 40

func (s *Server) handleEval(w http.ResponseWriter, r *http.Request) {
	var req evalRequest
	if !decodeBody(w, r, s.limits.MaxBody, &req) {
		return
	}
	lines, ok := s.scriptLines(w, req.Script)
	if !ok {
		return
	}
	opts := s.cfg.Session
	if req.Latency != "" {
		opts.Latency = req.Latency
	}
	session, err := s.newSession(opts)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), "GET /api/latency lists the sets")
		return
	}
	release, ok := s.acquire(w, r)
	if !ok {
		return
	}
	defer release()
	resp := s.evaluate(r.Context(), session, opts, lines)
	writeJSON(w, http.StatusOK, resp)
}

// scriptLines splits a script into its lines, answering the request
// itself when there are more than the server takes.
func (s *Server) scriptLines(w http.ResponseWriter, script string) ([]string, bool) {
	lines := strings.Split(strings.TrimSuffix(script, "\n"), "\n")
	if len(lines) > s.limits.MaxLines {
		writePositioned(w, http.StatusRequestEntityTooLarge, &estimate.Error{Line: s.limits.MaxLines + 1, Column: 1, Width: 1,
			Source: lines[s.limits.MaxLines], Msg: fmt.Sprintf("the script has more than %d lines", s.limits.MaxLines),
			Hint: "split it, or run it with napkin run"})
		return nil, false
	}
	return lines, true
}

// acquire waits for a turn to evaluate. It answers the request itself
// when the server stays busy or the client leaves.
func (s *Server) acquire(w http.ResponseWriter, r *http.Request) (release func(), ok bool) {
	release = func() { <-s.sem }
	select {
	case s.sem <- struct{}{}:
		return release, true
	default:
	}
	t := time.NewTimer(s.limits.QueueWait)
	defer t.Stop()
	select {
	case s.sem <- struct{}{}:
		return release, true
	case <-r.Context().Done():
		return nil, false
	case <-t.C:
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusServiceUnavailable, fmt.Sprintf("busy: %d evaluations are running", s.limits.MaxConcurrent), "try again in a moment")
		return nil, false
	}
}

// newSession is the command line's session, with the server's work
// budget for each line.
func (s *Server) newSession(o frontend.SessionOptions) (*estimate.Session, error) {
	o.MaxSteps = s.limits.MaxSteps
	return frontend.NewSession(o)
}

// evaluate runs a script line by line as napkin notes does: a failed line
// does not stop the rest, and lines that use its result say so. The
// request's deadline (or the client leaving) interrupts it, even in the
// middle of a line.
func (s *Server) evaluate(ctx context.Context, session *estimate.Session, opts frontend.SessionOptions, lines []string) evalResponse {
	ctx, cancel := context.WithTimeout(ctx, s.limits.Timeout)
	defer cancel()
	defer context.AfterFunc(ctx, session.Interrupt)()
	resp := evalResponse{Lines: []evalLine{}}
	lookup := constantLookup(opts.Latency)
	assigned := map[string]bool{}
	ranges := 0
	for i, line := range lines {
		if ctx.Err() != nil {
			resp.Stopped = s.stoppedMessage(ctx, i+1)
			break
		}
		res, err := session.EvalLine(i+1, line)
		if errors.Is(err, estimate.ErrInterrupted) {
			resp.Stopped = s.stoppedMessage(ctx, i+1)
			var e *estimate.Error
			if errors.As(err, &e) {
				j := frontend.NewError(e)
				j.Error, j.Hint = resp.Stopped, "make the line do less work, or run it with napkin run"
				resp.Lines = append(resp.Lines, evalLine{Line: i + 1, Error: &j, Width: e.Width})
			}
			break
		}
		if err != nil {
			var e *estimate.Error
			if !errors.As(err, &e) {
				e = &estimate.Error{Line: i + 1, Column: 1, Width: 1, Source: line, Msg: err.Error()}
			}
			j := frontend.NewError(e)
			resp.Lines = append(resp.Lines, evalLine{Line: i + 1, Error: &j, Width: e.Width})
			if name := estimate.AssignedName(line); name != "" {
				session.MarkFailed(name, i+1)
				assigned[name] = true
			}
			continue
		}
		if res == nil {
			continue
		}
		el := evalLine{Line: i + 1}
		var d *estimate.Dist
		if res.Quantity.IsRange() {
			if ranges++; ranges > s.limits.MaxRanges {
				e := s.tooManyRanges(i+1, line)
				j := frontend.NewError(e)
				resp.Lines = append(resp.Lines, evalLine{Line: i + 1, Error: &j, Width: e.Width})
				resp.Stopped = fmt.Sprintf("stopped at line %d: more than %d range results", i+1, s.limits.MaxRanges)
				break
			}
			d = res.Distribution()
			el.Hist = newHistogram(d)
			el.Why = why(res)
		}
		j := frontend.NewResult(res, "", true, d)
		el.Result = &j
		resp.Lines = append(resp.Lines, el)
		for _, name := range res.Uses {
			if c, ok := lookup(name); ok && !assigned[name] {
				if resp.Constants == nil {
					resp.Constants = map[string]frontend.Constant{}
				}
				resp.Constants[name] = frontend.NewConstant("", c, "")
			}
		}
		if res.Kind == estimate.KindAssignment {
			assigned[res.Name] = true
		}
	}
	return resp
}

// tooManyRanges is the error of the line that holds one range more than
// a request may.
func (s *Server) tooManyRanges(n int, line string) *estimate.Error {
	return &estimate.Error{Line: n, Column: 1, Width: max(1, utf8.RuneCountInString(line)), Source: line,
		Msg:  fmt.Sprintf("more than %d lines of this script are ranges, the page's limit", s.limits.MaxRanges),
		Hint: "run the script with napkin run, which has no such limit"}
}

// newHistogram bins a range's samples for the page, or is nil when there
// is nothing to draw: every sample the same, or values so near 0 or so
// large that the bins would not be finite numbers.
func newHistogram(d *estimate.Dist) *histogram {
	if !(d.P99 > d.P1) {
		return nil
	}
	edges, counts := frontend.Bins(d, histBins)
	for _, v := range append([]float64{d.P5, d.P50, d.P95}, edges...) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil
		}
	}
	for i := 1; i < len(edges); i++ {
		if !(edges[i] > edges[i-1]) {
			return nil // too close together to tell apart
		}
	}
	return &histogram{Unit: strings.TrimSpace(d.Unit), Log: frontend.LogBins(d), Edges: edges, Counts: counts, P5: d.P5, P50: d.P50, P95: d.P95}
}

// why is the --why sensitivity of a range result as bars, or nil when its
// shares are not finite (samples that underflow to 0 have no spread).
func why(res *estimate.Result) []influence {
	var out []influence
	for _, in := range res.Sensitivity() {
		if math.IsNaN(in.Share) || math.IsInf(in.Share, 0) {
			return nil
		}
		out = append(out, influence{in.Name, in.Share})
	}
	return out
}

func (s *Server) stoppedMessage(ctx context.Context, line int) string {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Sprintf("stopped at line %d: the evaluation took longer than %s", line, s.limits.Timeout)
	}
	return fmt.Sprintf("stopped at line %d: the request was cancelled", line)
}

// constantLookup finds the reference constants a session with this
// latency set has in scope.
func constantLookup(set string) func(string) (*estimate.Constant, bool) {
	if set == "" {
		set = latency.DefaultSet
	}
	libs := []estimate.Library{reference.Library()}
	if l, err := latency.Library(set); err == nil {
		libs = append([]estimate.Library{l}, libs...)
	}
	return func(name string) (*estimate.Constant, bool) {
		for _, l := range libs {
			if c, ok := l.Lookup(name); ok {
				return c, true
			}
		}
		return nil, false
	}
}
