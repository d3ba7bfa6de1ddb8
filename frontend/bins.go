package frontend

import (
	"math"

	"github.com/napkin-calc/napkin/estimate"
)

// Bins counts a distribution's samples (sorted, in its display unit) into
// n bins spanning its 1st to 99th percentile, log-spaced when every value
// is positive. It returns the n+1 edges and the n counts.
func Bins(d *estimate.Dist, n int) (edges []float64, counts []int) {
	lo, hi := d.P1, d.P99
	logScale := lo > 0
	if hi <= lo {
		hi = lo + 1
	}
	edge := func(i int) float64 {
		f := float64(i) / float64(n)
		if logScale {
			return math.Exp(math.Log(lo) + f*(math.Log(hi)-math.Log(lo)))
		}
		return lo + f*(hi-lo)
	}
	edges = make([]float64, n+1)
	for i := range edges {
		edges[i] = edge(i)
	}
	counts = make([]int, n)
	for _, v := range d.Samples {
		if v < lo || v > hi {
			continue
		}
		var f float64
		if logScale {
			f = (math.Log(v) - math.Log(lo)) / (math.Log(hi) - math.Log(lo))
		} else {
			f = (v - lo) / (hi - lo)
		}
		counts[min(n-1, int(f*float64(n)))]++
	}
	return edges, counts
}

// LogBins reports whether Bins spaces d's bins on a log scale.
func LogBins(d *estimate.Dist) bool { return d.P1 > 0 }
