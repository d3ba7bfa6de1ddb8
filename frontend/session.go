package frontend

import (
	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/latency"
	"github.com/napkin-calc/napkin/reference"
)

// SessionOptions choose how a session evaluates.
type SessionOptions struct {
	Digits      int    // significant digits; 0 means estimate.DefaultDigits
	RangeDigits int    // significant digits of ranges; 0 means the engine's three
	Seed        uint64 // Monte Carlo seed for ranges; 0 means estimate.DefaultSeed
	Samples     int    // samples per range; 0 means estimate.DefaultSamples
	Latency     string // the latency set in scope; "" means latency.DefaultSet
	// MaxSteps is the work budget of each line; 0 means
	// estimate.DefaultMaxSteps.
	MaxSteps int
	// MaxLiveSamples bounds the samples of ranges the session keeps in
	// memory; 0 means estimate.DefaultMaxLiveSamples.
	MaxLiveSamples int
}

// NewSession makes the session every evaluating front end uses: napkin's
// units, the chosen latency set, the reference constants and the formulas.
// The error is an unknown latency set.
func NewSession(o SessionOptions) (*estimate.Session, error) {
	if o.Latency == "" {
		o.Latency = latency.DefaultSet
	}
	lib, err := latency.Library(o.Latency)
	if err != nil {
		return nil, err
	}
	s := estimate.NewSession(estimate.Options{Digits: o.Digits, RangeDigits: o.RangeDigits, Seed: o.Seed, Samples: o.Samples, MaxSteps: o.MaxSteps, MaxLiveSamples: o.MaxLiveSamples})
	s.AddLibrary(lib)
	s.AddLibrary(reference.Library())
	reference.LoadFormulas(s)
	return s, nil
}
