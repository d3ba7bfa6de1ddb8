package estimate

import (
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	s := NewSession(Options{})
	for _, l := range []string{
		"10M * 5 / day", "qps = 10M users * 5 / day", "300M * 2/day * 280 bytes * 365 days * 5 * 3 -> TB",
		"2^40 bytes -> TiB", "1 TB / (100 MB/s)", "2^40 bytes", "1 GiB -> bytes", "10M '*' 5",
		"1 GB + 1 s", "1 GB + 1 GB/s", "5 dya", "dua * 2", "shards(total, per) = ceil(total / per)",
		"shards(10 TB, 3 TB)", "ceil(2.3 TB / 1 TB)", "ceil(2.3 TB)", "1/0", "2^2000", "20%", "0.02 $/GB/month * 500 TB -> $/month",
		"0.02 $/GB/month * 500 TB", "5 GB -> s", "(1 + 2", "x = ", "1 Gbps * 1 h", "1 Gbps", "-5 + 3", "2^-3", "ans * 8",
		"10 ms", "1.5 billion users", "5B", "5 B", "5GB", "$5 * 3", "min(1 GB, 200 MB)", "sqrt(4 s^2)", "86400 s", "90000 s", "1 year * 1.5",
		"3 bots", "5 m", "1e400", "assert 1 KiB == 1024 bytes", "assert 1 KiB == 1000 bytes", "qps -> /s", "qps * 2 -> qps",
	} {
		r, err := s.Eval(l)
		if err != nil {
			e := err.(*Error)
			fmt.Printf("%-40s ERR %s: %s | hint: %s\n", l, e.Position(), e.Msg, e.Hint)
			continue
		}
		fmt.Printf("%-40s => %q  steps=%q value=%v unit=%q approx=%v\n", l, r.Text, r.Steps, r.Value, r.Unit, r.Approx)
	}
}
