package main

import (
	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/frontend"
)

// newSession makes the session every evaluating command uses: napkin's
// units, the chosen latency set, the reference constants and the formulas.
func newSession(opts *globalOptions) (*estimate.Session, error) {
	s, err := frontend.NewSession(frontend.SessionOptions{Digits: opts.Digits, Seed: opts.Ranges.Seed, Samples: opts.Ranges.Samples, Latency: opts.Latency})
	if err != nil {
		return nil, &usageError{err.Error(), "napkin latency sets lists them; Colin Scott's model is scott:YEAR"}
	}
	return s, nil
}
