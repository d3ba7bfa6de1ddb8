package latency

import (
	"fmt"
	"math"

	"github.com/napkin-calc/napkin/estimate"
)

// Colin Scott's "Numbers Every Programmer Should Know By Year" models each
// latency as a trend a·b^shift(year), shift(year) = year − 1982, anchored
// on a year where the number was known. These are the formulas of its page
// (colin-scott/interactive_latencies, interactive_latency.html @ f4d5d3bf),
// quirks included: the point is to reproduce what people quote from it.
const (
	scottFirstYear = 1990
	scottLastYear  = 2030
	scottSource    = "Colin Scott, Numbers Every Programmer Should Know By Year, colin-scott.github.io (interactive_latency.html @ f4d5d3bf)"
)

func shift(year float64) float64 { return year - 1982 }

// cycleNs is one CPU cycle: clocks doubled every two years until they
// stopped at about 3 GHz in 2005.
func cycleNs(y float64) float64 {
	hz := 3e9
	if y <= 2005 {
		hz = 3e9 * math.Pow(2, (y-2005)/2)
	}
	return 1e9 / hz
}

// scottRow is one operation of the model: nanoseconds as a function of the
// year, and what to tell users about it.
type scottRow struct {
	id, description string
	ns              func(y float64) float64
	note            string
}

var scottRows = []scottRow{
	{"l1_ref", "L1 cache reference", func(y float64) float64 { return 3 * cycleNs(y) },
		"3 cycles: 1 ns at 3 GHz, not the 0.5 ns of the Dean and Norvig lists"},
	{"branch_mispredict", "Branch mispredict", func(y float64) float64 { return 10 * cycleNs(y) }, ""},
	{"l2_ref", "L2 cache reference", func(y float64) float64 { return 13 * cycleNs(y) }, ""},
	{"mutex", "Mutex lock/unlock", func(y float64) float64 { return 50 * cycleNs(y) }, ""},
	{"ram_ref", "Main memory reference", func(y float64) float64 {
		if y > 2000 {
			return 100
		}
		return 100 * math.Pow(0.93, y-2000) // "decreasing 7%/year" before 2000, as coded
	}, ""},
	{"compress_1kb", "Compress 1 KB with Snappy", func(y float64) float64 { return 6000 * cycleNs(y) }, ""},
	{"send_2kb", "Send 2,000 bytes over a commodity network", func(y float64) float64 {
		bw := 125e6 * math.Pow(2, (y-2003)/2) // "1Gb/s = 125MB/s in 2003", doubling every 2 years
		return 2000 / (bw / 1e9)
	}, "NIC bandwidth is extrapolated without limit (45 GB/s by 2020): not usable after about 2015"},
	{"ssd_random_read", "SSD random read", func(y float64) float64 {
		if y >= 2015 {
			return 16000
		}
		// The model's bug: a uses shift(year) where shift(2012) was meant,
		// so the intended 20x fall per 4.5 years is almost flat (16,379 ns
		// in 2012, not the 20,000 ns of its comment).
		a := 2e4 / math.Pow(1.0/20, shift(y)*0.22)
		b := math.Pow(1.0/20, 1/4.5)
		return a * math.Pow(b, shift(y))
	}, "a bug in the model makes it almost flat before 2015, then a constant 16 µs"},
	{"ram_read_1mb", "Read 1,000,000 bytes sequentially from memory", func(y float64) float64 {
		// "4*10^9 B/s in 2001", doubling every 3 years. The exponents of a
		// (0.33) and b (1/3) differ, so the anchor comes out at 4.18e9 B/s.
		bw := 4e9 / math.Pow(2, 19*0.33) * math.Pow(math.Pow(2, 1.0/3), shift(y))
		return 1e6 / (bw / 1e9)
	}, "DRAM bandwidth doubles every 3 years without limit: 1.35 TB/s by 2026"},
	{"dc_rtt", "Round trip in the same datacenter", func(float64) float64 { return 500000 }, ""},
	{"ssd_read_1mb", "Read 1,000,000 bytes sequentially from SSD", func(y float64) float64 {
		// "3GB/s in 2012", doubling every 3 years; the same 0.33 vs 1/3.
		bw := 3e9 / math.Pow(2, 30*0.33) * math.Pow(math.Pow(2, 1.0/3), shift(y))
		return 1e6 / (bw / 1e9)
	}, ""},
	{"disk_seek", "Disk seek", func(y float64) float64 {
		return 1e7 * math.Pow(0.5, (y-2000)/10) // 10 ms in 2000, halving every 10 years
	}, ""},
	{"disk_read_1mb", "Read 1,000,000 bytes sequentially from disk", func(y float64) float64 {
		bw := 1e8 * math.Pow(2, (y-2002)/5) // 100 MB/s in 2002, doubling every 5 years after
		if y <= 2002 {
			bw = 1e8 * math.Pow(2, (y-2002)/2)
		}
		return 1e6 / (bw / 1e9)
	}, ""},
	{"ca_nl_rtt", "Packet round trip California to Netherlands", func(float64) float64 { return 150e6 }, ""},
}

// scottSet evaluates the model for a year.
func scottSet(year int) (*Set, error) {
	if year < scottFirstYear || year > scottLastYear {
		return nil, fmt.Errorf("the by-year model (scott:YEAR) covers %d to %d, not %d", scottFirstYear, scottLastYear, year)
	}
	s := &Set{
		Name:   fmt.Sprintf("scott%d", year),
		Title:  fmt.Sprintf("Colin Scott's by-year model, %d", year),
		Source: scottSource,
		Year:   year,
		byID:   map[string]*estimate.Constant{},
	}
	for _, r := range scottRows {
		ns := r.ns(float64(year))
		c := &estimate.Constant{
			Name:        r.id,
			Value:       estimate.Seconds(ns * 1e-9),
			Expr:        fmt.Sprintf("%.6g ns", ns),
			Description: r.description,
			Source:      scottSource,
			Year:        year,
			Note:        r.note,
		}
		s.add(c)
	}
	return s, nil
}
