package main

import (
	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/frontend"
)

// newSession makes the session every evaluating command uses: napkin's
// units, the chosen latency set, the reference constants and the formulas.
func newSession(opts *globalOptions) (*estimate.Session, error) {
	s, err := frontend.NewSession(opts.sessionOptions())
	if err != nil {
		return nil, &usageError{err.Error(), "napkin latency sets lists them; Colin Scott's model is scott:YEAR"}
	}
	return s, nil
}

// sessionOptions are the flags that choose how lines are evaluated.
func (o *globalOptions) sessionOptions() frontend.SessionOptions {
	return frontend.SessionOptions{Digits: o.Digits, RangeDigits: o.rangeDigits(), Seed: o.Ranges.Seed, Samples: o.Ranges.Samples, MaxLiveSamples: o.Ranges.MaxLive, Latency: o.Latency}
}
