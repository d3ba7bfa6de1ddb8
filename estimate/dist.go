package estimate

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
)

// Ranges are estimates with uncertainty. "LO to HI" is a 90% credible
// interval: a lognormal whose 5th percentile is LO and 95th is HI (the
// convention of Squiggle, Guesstimate and squigglepy). normal(LO, HI) is a
// normal with the same 90% interval, uniform(LO, HI) has hard bounds.
//
// A range is evaluated by Monte Carlo: it becomes a vector of samples,
// carried in Quantity.S, and every operation works sample by sample. A
// variable keeps its vector, so every later use of it shares the same
// samples: x - x is exactly 0, unlike interval arithmetic. Expressions
// without ranges never grow a vector and stay exact.
//
// Sampling is deterministic: each range's stream comes from the session's
// seed and the range's own identity (the name it is assigned to, its text,
// its place in the line), never its line number, so adding an unrelated
// line does not reshuffle the others.

// z95 is the standard normal's 95th percentile: a 90% interval spans ±z95σ.
const z95 = 1.6448536269514722

// DefaultSamples is the default number of samples per range: enough that
// the 5th and 95th percentiles of (10M to 50M) * 5 / day land within 1% of
// their exact values (see TestRangeAccuracy).
const DefaultSamples = 100_000

// DefaultSeed is the seed used unless another is chosen.
const DefaultSeed = 20261127

type distKind uint8

const (
	distLognormal distKind = iota
	distNormal
	distUniform
)

// rangeStream makes the random stream of one range from the session's seed
// and the range's identity.
func rangeStream(seed uint64, identity string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(identity))
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}

// sample draws n samples of a distribution with 90% interval [lo, hi].
// It stratifies (Latin hypercube): one draw from each of n equally likely
// slices of the distribution, then shuffled. Each range's own percentiles
// are then as good as exact, and the shuffle keeps ranges independent of
// one another.
//
// The loops are written out for speed (parameters computed once, no
// closure in the shuffle); they draw exactly what r.Float64 and r.Shuffle
// would, so a seed gives the same samples as it always has.
func sample(kind distKind, lo, hi float64, n int, r *rand.Rand) []float64 {
	s := make([]float64, n)
	// The stream is drawn in order, one uniform per stratum; turning each
	// into a sample depends on that uniform alone, so the (costly) quantile
	// functions may run on several cores without changing a sample.
	for i := range s {
		s[i] = (float64(i) + r.Float64()) / float64(n)
	}
	inParallel(n, func(s []float64) { quantiles(kind, lo, hi, s) }, s)
	// Each stratum lies above the one before, so before the shuffle the
	// samples are normally in strictly increasing order: the headline's
	// percentiles are then read off here, where formatting would otherwise
	// have to select them. (Ties or NaN leave that to headlineOf.)
	increasing := n > 0
	for i := 1; i < n && increasing; i++ {
		increasing = s[i-1] < s[i]
	}
	var h headline
	if increasing {
		i5, i50, i95 := headlineIndexes(n)
		h = headline{p5: s[i5], p50: s[i50], p95: s[i95]}
	}
	// Fisher–Yates, as rand.Shuffle does it.
	for i := n - 1; i > 0; i-- {
		j := r.Uint64N(uint64(i + 1))
		s[i], s[j] = s[j], s[i]
	}
	if increasing {
		h.mean, h.meanError = meanWithError(s)
		rememberHeadline(s, h)
	}
	return s
}

// quantiles replaces each uniform u in s by the distribution's u-quantile.
func quantiles(kind distKind, lo, hi float64, s []float64) {
	switch kind {
	case distLognormal:
		mu := (math.Log(lo) + math.Log(hi)) / 2
		sigma := (math.Log(hi) - math.Log(lo)) / (2 * z95)
		for i, u := range s {
			s[i] = math.Exp(mu + sigma*normalQuantile(u))
		}
	case distNormal:
		mu, sigma := (lo+hi)/2, (hi-lo)/(2*z95)
		for i, u := range s {
			s[i] = mu + sigma*normalQuantile(u)
		}
	case distUniform:
		for i, u := range s {
			s[i] = lo + (hi-lo)*u
		}
	}
}

// parallelChunk is the fewest samples worth a goroutine of their own.
const parallelChunk = 16 << 10

// inParallel runs f on consecutive pieces of s, on up to GOMAXPROCS
// goroutines, and returns when all are done.
func inParallel(n int, f func([]float64), s []float64) {
	parts := min(runtime.GOMAXPROCS(0), n/parallelChunk)
	if parts <= 1 {
		f(s)
		return
	}
	var wg sync.WaitGroup
	for p := range parts {
		piece := s[p*n/parts : (p+1)*n/parts]
		if p == parts-1 {
			f(piece)
			break
		}
		wg.Go(func() { f(piece) })
	}
	wg.Wait()
}

// normalQuantile is the standard normal's inverse CDF.
func normalQuantile(u float64) float64 { return math.Sqrt2 * math.Erfinv(2*u-1) }

// Dist summarises a quantity's samples in the unit it is shown in.
type Dist struct {
	Unit        string
	P1, P5, P25 float64
	P50         float64 // the median, the headline value
	P75, P95    float64
	P99         float64
	Mean, SD    float64
	// Samples are the values in Unit, sorted: for histograms.
	Samples []float64
}

// percentile reads the q-quantile of sorted samples: the sample at rank
// round(q·(n-1)), the definition the headline uses (rankIndex), so that a
// range's p50 in JSON is the median it displays, never an interpolation
// between two samples that could round differently.
func percentile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	return sorted[rankIndex(q, len(sorted))]
}

// summarise sorts a copy of samples (scaled by 1/scale) and reads its
// statistics.
func summarise(samples []float64, scale float64, unit string) *Dist {
	s := make([]float64, len(samples))
	for i, v := range samples {
		s[i] = noNegativeZero(v / scale)
	}
	slices.Sort(s)
	m := mean(s)
	d := &Dist{Unit: unit, Mean: m, SD: stdDev(s, m), Samples: s}
	for _, p := range []struct {
		q   float64
		dst *float64
	}{{0.01, &d.P1}, {0.05, &d.P5}, {0.25, &d.P25}, {0.5, &d.P50}, {0.75, &d.P75}, {0.95, &d.P95}, {0.99, &d.P99}} {
		*p.dst = percentile(s, p.q)
	}
	return d
}

// stdDev is the standard deviation of samples about their mean m, scaled
// by the largest deviation so that squaring cannot overflow.
func stdDev(s []float64, m float64) float64 {
	big := 0.0
	for _, v := range s {
		big = max(big, math.Abs(v-m))
	}
	if big == 0 || !finite(big) {
		return 0
	}
	var ss float64
	for _, v := range s {
		d := (v - m) / big
		ss += d * d
	}
	return big * math.Sqrt(ss/float64(len(s)))
}
