package main

import (
	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/latency"
	"github.com/napkin-calc/napkin/reference"
)

// newSession makes the session every evaluating command uses: napkin's
// units, the chosen latency set, the reference constants and the formulas.
func newSession(opts *globalOptions) (*estimate.Session, error) {
	s := estimate.NewSession(estimate.Options{Digits: opts.Digits, RangeDigits: opts.rangeDigits(), Seed: opts.Ranges.Seed, Samples: opts.Ranges.Samples})
	lib, err := latency.Library(opts.Latency)
	if err != nil {
		return nil, &usageError{err.Error(), "napkin latency sets lists them; Colin Scott's model is scott:YEAR"}
	}
	s.AddLibrary(lib)
	s.AddLibrary(reference.Library())
	reference.LoadFormulas(s)
	return s, nil
}
