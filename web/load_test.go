package web

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The load test's scripts: a page's request as someone types an exact
// estimate (labels, a conversion, a reference constant), and one with
// ranges, where each range line costs a Monte Carlo run of 100,000
// samples, its histogram and its --why.
var loadScripts = map[string]string{
	"exact": `dau = 200M users
posts = 2 posts / day
write_qps = dau * posts
peak_qps = write_qps * 3
storage = dau * 2/day * 280 bytes * 5 years * 3 -> TB
rtt = dc_rtt * 2 + ssd_random_read * 3`,
	"ranges": `dau = 200M users
posts = 1 to 5 / day
write_qps = dau * posts
peak_qps = write_qps * 3
storage = dau * 2/day * 280 bytes * 5 years * 3 -> TB
rtt = dc_rtt * 2 + ssd_random_read * 3`,
}

// TestLoad runs a bounded load against napkin serve on loopback: 50
// clients send 10,000 requests in all, then it reports latency, errors and
// memory. It is not run by default: NAPKIN_LOADTEST=1 runs it (the numbers
// go in BENCHMARKS.md). NAPKIN_LOADTEST_CLIENTS and _REQUESTS change the
// load, NAPKIN_LOADTEST_SCRIPT=ranges sends the script with ranges.
func TestLoad(t *testing.T) {
	if os.Getenv("NAPKIN_LOADTEST") == "" {
		t.Skip("set NAPKIN_LOADTEST=1 to run the load test")
	}
	clients, requests := envInt("NAPKIN_LOADTEST_CLIENTS", 50), envInt("NAPKIN_LOADTEST_REQUESTS", 10_000)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Config{Addr: ln.Addr().String()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	url := "http://" + ln.Addr().String() + "/api/eval"
	script := os.Getenv("NAPKIN_LOADTEST_SCRIPT")
	if script == "" {
		script = "exact"
	}
	body := evalBody(loadScripts[script])
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}

	var next, failed atomic.Int64
	latencies := make([]time.Duration, requests)
	var firstErr atomic.Value
	heap := []uint64{heapInUse()}
	var heapMu sync.Mutex
	start := time.Now()
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			for {
				i := next.Add(1) - 1
				if i >= int64(requests) {
					return
				}
				t0 := time.Now()
				err := post(client, url, body)
				latencies[i] = time.Since(t0)
				if err != nil {
					failed.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
				}
				if (i+1)%int64(requests/5) == 0 {
					heapMu.Lock()
					heap = append(heap, heapInUse())
					heapMu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
	slices.Sort(latencies)
	pct := func(q float64) time.Duration {
		return latencies[int(q*float64(len(latencies)-1))].Round(10 * time.Microsecond)
	}
	var mb []string
	for _, h := range heap {
		mb = append(mb, fmt.Sprintf("%.1f", float64(h)/(1<<20)))
	}
	t.Logf("script %q, %d clients, %d requests in %s (%.0f req/s) on %d CPUs: p50 %s, p90 %s, p99 %s, max %s; %d errors; heap in use after GC, MiB, at 0%%, 20%% … 100%%: %s",
		script, clients, requests, elapsed.Round(time.Millisecond), float64(requests)/elapsed.Seconds(), runtime.NumCPU(),
		pct(0.5), pct(0.9), pct(0.99), latencies[len(latencies)-1].Round(time.Millisecond), failed.Load(), strings.Join(mb, " "))
	if n := failed.Load(); n > 0 {
		t.Errorf("%d requests failed; the first: %v", n, firstErr.Load())
	}
	if last, first := heap[len(heap)-1], heap[1]; last > first*2 && last > 64<<20 {
		t.Errorf("memory grows: %s MiB", strings.Join(mb, " "))
	}
}

func post(c *http.Client, url, body string) error {
	resp, err := c.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(data), `"display":"1.45 ms"`) {
		return fmt.Errorf("status %d: %.200s", resp.StatusCode, data)
	}
	return nil
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}
