package notes

import (
	"errors"
	"strings"

	"github.com/napkin-calc/napkin/estimate"
)

// Options configure Process.
type Options struct {
	// NewSession makes the session a file (or a napkin fresh block) is
	// evaluated in.
	NewSession func() *estimate.Session
	// Clean empties every slot instead of filling it.
	Clean bool
	// Check, when set, is called after each line a napkin block evaluates,
	// with the line's number and result (nil for a line without one, or
	// that failed). An error it returns stops Process there: the lines
	// after it are left as they were, and the error is Result.Stopped. It
	// is how a caller puts a deadline or a cap on a note.
	Check func(line int, r *estimate.Result) error
}

// Slot is one line that asks for its result.
type Slot struct {
	Line   int // 1-based line in the file
	Input  string
	Old    string           // the slot's text before, trimmed
	New    string           // the slot's text now, trimmed
	Result *estimate.Result // without its samples: a note may have thousands
	Err    *estimate.Error
	stale  bool // the slot's bytes change
}

// Stale reports whether the slot's text changes.
func (s Slot) Stale() bool { return s.stale }

// Result is a processed note.
type Result struct {
	Output []byte
	Slots  []Slot
	// Errors are the lines that failed, with or without a slot.
	Errors []*estimate.Error
	// Stopped is the error of Options.Check that stopped Process early.
	Stopped error
}

// Changed reports whether the output differs from the input.
func (r *Result) Changed() bool {
	for _, s := range r.Slots {
		if s.Stale() {
			return true
		}
	}
	return false
}

// Process evaluates the napkin blocks of a Markdown note called name.
func Process(name string, src []byte, opts Options) *Result {
	lines, ends := splitLines(string(src))
	res := &Result{}
	var session *estimate.Session
	var md blocks
	for i, line := range lines {
		if i == 0 {
			// A byte order mark is kept, but does not hide a first fence.
			line = strings.TrimPrefix(line, byteOrderMark)
		}
		kind := md.next(line)
		if kind == fenceOpen && md.fence.napkin && (session == nil || md.fence.fresh) {
			session = opts.NewSession()
			session.SetFile(name)
		}
		if kind != fenced || !md.fence.napkin {
			continue // prose, another language's code, or a fence
		}
		var r *estimate.Result
		lines[i], r = processLine(session, name, i+1, line, opts, res)
		if opts.Check != nil {
			if err := opts.Check(i+1, r); err != nil {
				res.Stopped = err
				break
			}
		}
	}
	var out strings.Builder
	out.Grow(len(src) + 64*len(res.Slots))
	for i, line := range lines {
		out.WriteString(line)
		out.WriteString(ends[i])
	}
	res.Output = []byte(out.String())
	return res
}

// processLine evaluates one line of a napkin block and returns it with its
// slot filled, and its result.
func processLine(s *estimate.Session, file string, n int, line string, opts Options, res *Result) (string, *estimate.Result) {
	start, end, hasSlot := slot(line)
	code := line
	if hasSlot {
		code = line[:start-len(slotMarker)]
	}
	r, err := s.EvalLine(n, code)
	var e *estimate.Error
	if err != nil {
		if !errors.As(err, &e) {
			e = &estimate.Error{File: file, Line: n, Column: 1, Width: 1, Source: code, Msg: err.Error()}
		}
		if name := estimate.AssignedName(code); name != "" {
			s.MarkFailed(name, n) // later lines that use it say so
		}
		res.Errors = append(res.Errors, e)
	}
	if !hasSlot {
		return line, r
	}
	sl := Slot{Line: n, Input: strings.TrimSpace(code), Old: strings.TrimSpace(line[start:end]), Result: r.WithoutSamples(), Err: e}
	switch {
	case opts.Clean:
		sl.New = ""
	case e != nil:
		sl.New = "error: " + e.Msg
		if e.Hint != "" {
			sl.New += " (" + e.Hint + ")"
		}
	case r == nil:
		sl.New = ""
	default:
		sl.New = r.Text
	}
	text := ""
	if sl.New != "" {
		text = " " + sl.New
	}
	sl.stale = text != line[start:end]
	res.Slots = append(res.Slots, sl)
	return line[:start] + text + line[end:], r
}
