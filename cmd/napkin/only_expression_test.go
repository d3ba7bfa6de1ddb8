package main

import (
	"strings"
	"testing"
)

// TestOnlyExpressionRunsAsCobraWould: a command line of only expression
// words runs without cobra (onlyExpression), and must give what cobra
// gives for it. `napkin -- WORDS...` is the same command line through
// cobra and pflag: the -- makes it one that onlyExpression refuses.
func TestOnlyExpressionRunsAsCobraWould(t *testing.T) {
	for _, args := range [][]string{
		{"10M * 5 / day"},
		{"qps", "=", "10M", "users", "*", "5", "/", "day"},
		{"300M * 2/day * 280 bytes * 365 days * 5 * 3 -> TB"},
		{"2^30 bytes -> GB"},
		{"1 TB / (100 MB/s)"},
		{"100 to 200 ms * 3"},   // ranges: the default seed and samples
		{"1.23456789 * 3"},      // the default digits
		{"disk_seek * 3 -> ms"}, // the default latency set
		{"a = 5 GB\na * 3"},     // a script
		{"3 kilohertz"},         // an error, exit 1
		{"5 GB + 3 s"},          // a dimension error
		{"2^2000"},              // an overflow
		{""},                    // nothing to evaluate, exit 2
		{"  # only a comment"},  // likewise
		{"20% * 50"},            // a percentage
		{"1e3", "*", "runn"},    // a word like a subcommand's
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			if !onlyExpression(args) {
				t.Fatalf("onlyExpression(%q) = false", args)
			}
			out, errOut, code := runCLI(t, "", args...)
			cobraOut, cobraErr, cobraCode := runCLI(t, "", append([]string{"--"}, args...)...)
			if out != cobraOut || errOut != cobraErr || code != cobraCode {
				t.Errorf("without cobra: exit %d\n%s%s\nwith cobra: exit %d\n%s%s", code, out, errOut, cobraCode, cobraOut, cobraErr)
			}
		})
	}
}

// TestOnlyExpression: anything cobra must read, a flag, --, a subcommand
// or help, goes to cobra.
func TestOnlyExpression(t *testing.T) {
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"10M * 5 / day"}, true},
		{[]string{"10", "*", "5"}, true},
		{nil, false}, // an interactive session or standard input
		{[]string{"-q", "1+1"}, false},
		{[]string{"1+1", "--json"}, false},
		{[]string{"--", "1+1"}, false},
		{[]string{"-5 + 3"}, false},
		{[]string{"10", "-", "5"}, false},
		{[]string{"run", "plan.napkin"}, false},
		{[]string{"help"}, false},
		{[]string{"1+1", "latency"}, false},
		{[]string{"completion", "bash"}, false},
	} {
		if got := onlyExpression(c.args); got != c.want {
			t.Errorf("onlyExpression(%q) = %v, want %v", c.args, got, c.want)
		}
	}
}
