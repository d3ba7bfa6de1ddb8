package estimate_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/frontend"
)

// FuzzPipeline drives whole scripts (the input, split into lines) through
// the session every front end uses, to what napkin prints: the working,
// the result, and the JSON object of the same struct --json encodes, with
// every statistic --stats adds. No output may hold +Inf, NaN or -0, the
// JSON must encode, no error may be internal, and no line may do more work
// than its budget.
func FuzzPipeline(f *testing.F) {
	for _, seed := range pipelineSeeds() {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, script string) {
		const budget = 100_000
		s, err := frontend.NewSession(frontend.SessionOptions{Samples: 200, MaxSteps: budget})
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(script, "\n") {
			r, err := s.EvalLine(i+1, line)
			if steps := s.StepsOfLastLine(); steps > budget+10*1000 {
				t.Fatalf("line %d did %d steps, over its budget of %d", i+1, steps, budget)
			}
			if err != nil {
				checkError(t, line, err)
				continue
			}
			if r != nil {
				checkResult(t, line, r)
			}
		}
	})
}

func checkError(t *testing.T, line string, err error) {
	var e *estimate.Error
	if !errors.As(err, &e) {
		t.Fatalf("%.200q: error %v is not an *estimate.Error", line, err)
	}
	if strings.Contains(e.Msg, "internal error") {
		t.Fatalf("%.200q: %s", line, e.Msg)
	}
	if errors.Is(err, estimate.ErrBudget) && e.Hint == "" {
		t.Fatalf("%.200q: budget error without a hint", line)
	}
	for _, text := range []string{e.Msg, e.Hint} {
		if len(text) > 2000 {
			t.Fatalf("%.200q: error text of %d bytes: %.200s", line, len(text), text)
		}
	}
	if _, err := json.Marshal(frontend.NewError(e)); err != nil {
		t.Fatalf("%.200q: error JSON: %v", line, err)
	}
}

func checkResult(t *testing.T, line string, r *estimate.Result) {
	printed := append([]string{r.Text}, r.Steps...)
	for _, p := range printed {
		for _, bad := range []string{"Inf", "NaN"} {
			if strings.Contains(p, bad) && !strings.Contains(line, bad) {
				t.Fatalf("%.200q: prints %q", line, p)
			}
		}
	}
	if r.Kind != estimate.KindExpression && r.Kind != estimate.KindAssignment {
		return
	}
	if r.Text == "" || len(r.Steps) == 0 {
		t.Fatalf("%.200q: empty display %q or working %q", line, r.Text, r.Steps)
	}
	d := r.Distribution()
	j := frontend.NewResult(r, "", true, d)
	data, err := json.Marshal(j)
	if err != nil {
		t.Fatalf("%.200q: JSON: %v", line, err)
	}
	for _, v := range []*float64{j.Value, j.P1, j.P5, j.P25, j.P50, j.P75, j.P95, j.P99, j.Mean, j.SD} {
		if v != nil && (math.IsInf(*v, 0) || math.IsNaN(*v) || (*v == 0 && math.Signbit(*v))) {
			t.Fatalf("%.200q: JSON value %v in %s", line, *v, data)
		}
	}
}

// pipelineSeeds are everyday lines, the inputs of the hardening issue, and
// long ones: the fuzzer mutates what it is given, and short seeds never
// grow into the inputs that found quadratic costs.
func pipelineSeeds() []string {
	doubling := []string{"f0(x) = x"}
	for i := 1; i <= 40; i++ {
		doubling = append(doubling, fmt.Sprintf("f%d(x) = f%d(x) + f%d(x)", i, i-1, i-1))
	}
	doubling = append(doubling, "f40(1)")
	chain := []string{"x0 = 1 GB"}
	for i := 1; i < 200; i++ {
		chain = append(chain, fmt.Sprintf("x%d = x%d + 1 MB", i, i-1))
	}
	ranges := []string{}
	for i := 0; i < 30; i++ {
		ranges = append(ranges, fmt.Sprintf("r = %d to %d GB", i+1, i+3), "r * 2 / day")
	}
	return []string{
		"qps = 10M users * 5 / day\npeak = qps * 3\npeak -> /min",
		"dau = 10M to 50M\nposts = 1 to 2 /day\nqps = dau * posts\nP(qps > 1k qps)",
		"f(a, b) = ceil(a / b)\nf(1 TB, 3 GB)\nassert 1 KiB == 1024 bytes",
		"1e308 USD/s", "1.7e308 s -> ms", "(1 to 2) -> 1e-308", "x = 1e308 / (1 to 2)",
		"1/1e308K", "min(1e308K, 5)", "0 * 5", "0 * -5", "-0", "1e-400", "5%%", "0x10",
		"normal(-1, 1) * 5 GB", "uniform(1e307, 1e308) * 10", "-1 to 5", "1 to 1",
		strings.Join(doubling, "\n"),
		strings.Join(chain, "\n"),
		strings.Join(ranges, "\n"),
		"a" + strings.Repeat("%", 3000),
		"1" + strings.Repeat(" %", 2000),
		strings.Repeat("(", 300) + "1" + strings.Repeat(")", 300),
		"1" + strings.Repeat(" + 1", 5000),
		"(1 to 2)" + strings.Repeat(" * (1 to 2)", 2000),
		"2" + strings.Repeat("^2", 200),
		strings.Repeat("x", 20_000) + " + 1",
		"5 \"" + strings.Repeat("label ", 5000) + "\" * 2",
	}
}
