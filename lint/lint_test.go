package lint

import (
	"strconv"
	"strings"
	"testing"

	"github.com/napkin-calc/napkin/estimate"
)

func lintScript(t *testing.T, script string) []Warning {
	t.Helper()
	s := estimate.NewSession(estimate.Options{})
	c := NewChecker()
	for i, line := range strings.Split(script, "\n") {
		r, err := s.EvalLine(i+1, line)
		if err != nil {
			t.Fatal(err)
		}
		_, comment, _ := strings.Cut(line, "#")
		c.Add(r, comment)
	}
	return c.Warnings()
}

func TestLint(t *testing.T) {
	for _, c := range []struct {
		name, script string
		want         []string // "LINE: substring"
	}{
		{"storage without replication", "per_day = 10 GB\nstorage = per_day * 365", []string{"2: storage is a storage figure"}},
		{"replicated later", "per_day = 10 GB\nraw_storage = per_day * 365\nreplication = 3\ntotal = raw_storage * replication", nil},
		{"replicated through a chain", "per_day = 10 GB\nraw_storage = per_day * 365\nwith_index = raw_storage * 1.2\nreplication = 3\ntotal = with_index * replication", nil},
		{"peak through a chain", "dau = 1M\nqps = dau * 5 / day\nreads = qps * 10\npeak_reads = reads * 3", nil},
		{"reassigned, then replicated", "storage = 10 GB * 365\nstorage = 20 GB * 365\ncopies = storage * 3", nil},
		{"replicas in the comment", "storage = 10 GB * 365 * 3   # 3 replicas", nil},
		{"memory is not storage", "conn_memory_total = 1M * 10 KB", nil},
		{"rate without peak", "dau = 1M\nqps = dau * 5 / day", []string{"2: qps is an average over a day"}},
		{"rate with peak", "dau = 1M\nqps = dau * 5 / day\npeak_factor = 3\npeak = qps * peak_factor", nil},
		{"stated rate is an input", "new_urls = 100M / day", nil},
		{"mixed prefixes", "x = 1 GB + 1 GiB", []string{"1: adds decimal and binary units"}},
		{"primer month", "monthly = 10M / (2.5M s)", []string{"1: 2.5M s is the system-design-primer's month"}},
		{"30-day month", "monthly = 10M / (2592000 s)", []string{"1: 2,592,000 s is a 30-day month"}},
		{"month explained", "monthly = 10M / (2.5M s)  # the primer's month", nil},
		{"variable as a label", "users = 50M\ndau = 10M users", []string{"2: 10M users multiplies by the variable users (50M)"}},
		{"number times a variable on purpose", "x = 3\ny = 2 * x", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := lintScript(t, c.script)
			if len(got) != len(c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
			for i, w := range c.want {
				line, msg, _ := strings.Cut(w, ": ")
				if strconv.Itoa(got[i].Line) != line || !strings.Contains(got[i].Msg, msg) || got[i].Hint == "" {
					t.Errorf("got %+v, want %s", got[i], w)
				}
			}
		})
	}
}

// A long chain lints in time linear in its length: each line carries
// flags, not the set of names it derives from.
func TestLintLongChain(t *testing.T) {
	var b strings.Builder
	b.WriteString("x0 = 1 GB\n")
	const n = 10_000
	for i := 1; i < n; i++ {
		b.WriteString("x" + strconv.Itoa(i) + " = x" + strconv.Itoa(i-1) + " + 1 GB\n")
	}
	b.WriteString("total_storage = x" + strconv.Itoa(n-1) + " * 2")
	got := lintScript(t, b.String())
	if len(got) != 1 || got[0].Line != n+1 {
		t.Fatalf("got %v, want one warning on line %d", got, n+1)
	}
}
