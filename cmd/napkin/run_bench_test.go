package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkRunChain is `napkin -q run chain.napkin` in-process, output
// piped (buffered and checked, to /dev/null), on chains of 1k to 100k
// lines (x0 = 1, then x{i} = x{i-1} + 1): the whole command path, from
// reading and splitting the file to printing each line (see BENCHMARKS.md).
func BenchmarkRunChain(b *testing.B) {
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer devNull.Close()
	for _, n := range []int{1_000, 10_000, 100_000} {
		var src strings.Builder
		src.WriteString("x0 = 1\n")
		for i := 1; i < n; i++ {
			fmt.Fprintf(&src, "x%d = x%d + 1\n", i, i-1)
		}
		file := filepath.Join(b.TempDir(), "chain.napkin")
		if err := os.WriteFile(file, []byte(src.String()), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var errOut strings.Builder
				streams := &ioStreams{In: strings.NewReader(""), Out: newStdout(devNull, true), ErrOut: &errOut}
				if code := run([]string{"-q", "run", file}, streams); code != 0 {
					b.Fatalf("exit %d: %s", code, errOut.String())
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/line")
		})
	}
}
