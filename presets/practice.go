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
// Factor is how many times larger one is than the other (≥ 1).
func GradeAnswer(answer, expected estimate.Quantity) (g Grade, factor float64) {
	if answer.D != expected.D {
		return WrongDim, 0
	}
	if answer.V <= 0 || expected.V <= 0 {
		if answer.V == expected.V {
			return Good, 1
		}
		return Off, math.Inf(1)
	}
	factor = math.Max(answer.V/expected.V, expected.V/answer.V)
	switch {
	case factor <= goodFactor:
		return Good, factor
	case factor <= magnitudeFact:
		return OrderOfMag, factor
	}
	return Off, factor
}
