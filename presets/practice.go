package presets

import (
	"math"

	"github.com/napkin-calc/napkin/estimate"
)

// Grade says how close an answer came.
type Grade string

// The grades of practice mode.
const (
	Good          Grade = "good"                     // within 2x
	OrderOfMag    Grade = "right order of magnitude" // within 10x
	Off           Grade = "off"                      // further
	WrongDim      Grade = "wrong dimension"          // not the same kind of quantity
	Skipped       Grade = "skipped"
	goodFactor          = 2.0
	magnitudeFact       = 10.0
)

// Points is what a grade scores: 1 for good, ½ for the right order of
// magnitude, nothing otherwise.
func (g Grade) Points() float64 {
	switch g {
	case Good:
		return 1
	case OrderOfMag:
		return 0.5
	}
	return 0
}

// Question is one estimate to practise: a line marked #? in a preset.
type Question struct {
	Step
	Text string
}

// Questions lists a preset run's practice questions, in order.
func Questions(steps []Step) []Question {
	var out []Question
	for _, s := range steps {
		if s.Question != "" {
			out = append(out, Question{Step: s, Text: s.Question})
		}
	}
	return out
}

// GradeAnswer compares an answer with napkin's figure by their ratio.
// Factor is how many times larger one is than the other (≥ 1, always
// finite); it is 0 when no ratio means anything, and then why says what is
// wrong instead ("0 is not an estimate", "wrong sign"). An answer of zero,
// of the opposite sign, or so far off that the ratio overflows is off.
func GradeAnswer(answer, expected estimate.Quantity) (g Grade, factor float64, why string) {
	if answer.D != expected.D {
		return WrongDim, 0, ""
	}
	a, e := answer.V, expected.V
	switch {
	case math.IsNaN(a) || math.IsInf(a, 0):
		return Off, 0, "not a finite number"
	case a == e:
		return Good, 1, ""
	case a == 0:
		return Off, 0, "0 is not an estimate"
	case e == 0:
		return Off, 0, "napkin's figure is 0"
	case (a < 0) != (e < 0):
		return Off, 0, "wrong sign"
	}
	factor = math.Max(a/e, e/a)
	switch {
	case math.IsInf(factor, 0) || math.IsNaN(factor):
		return Off, 0, "more than 10^308 times off"
	case factor <= goodFactor:
		return Good, factor, ""
	case factor <= magnitudeFact:
		return OrderOfMag, factor, ""
	}
	return Off, factor, ""
}

// AnswerScope evaluates practice answers with the preset's variables in
// scope: its assumptions (as --set left them) and every estimate before the
// question, never the question's own or a later one. So `dau * 2 / day`
// and `write_qps * 10` are answers.
type AnswerScope struct {
	s     *estimate.Session
	steps []Step
	file  string
	next  int // steps before this one are evaluated in s
}

// NewAnswerScope makes an AnswerScope over a fresh session s for the steps
// of a preset run (from Run) of the preset in file.
func NewAnswerScope(s *estimate.Session, steps []Step, file string) *AnswerScope {
	return &AnswerScope{s: s, steps: steps, file: file}
}

// Eval evaluates an answer to q.
func (a *AnswerScope) Eval(q Question, answer string) (*estimate.Result, error) {
	a.s.SetFile(a.file)
	for a.next < len(a.steps) && a.steps[a.next].N < q.N {
		st := a.steps[a.next]
		a.next++
		// The run succeeded with these lines, so they evaluate here too.
		_, _ = a.s.EvalLine(st.N, st.Code)
	}
	a.s.SetFile("")
	return a.s.EvalLine(1, answer)
}
