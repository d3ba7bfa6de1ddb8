package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

const testAddr = "127.0.0.1:8077"

func newTestServer(t *testing.T, l Limits) *Server {
	t.Helper()
	s, err := New(Config{Addr: testAddr, Limits: l})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// request sends one request to the handler, as the page would: to its own
// host, with JSON.
func request(t *testing.T, h http.Handler, method, path, body string, headers ...string) *httptest.ResponseRecorder {
	t.Helper()
	var r *http.Request
	if body == "" {
		r = httptest.NewRequest(method, "http://"+testAddr+path, nil)
	} else {
		r = httptest.NewRequest(method, "http://"+testAddr+path, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i] == "Host" {
			r.Host = headers[i+1]
		} else {
			r.Header.Set(headers[i], headers[i+1])
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func evalBody(script string) string {
	b, _ := json.Marshal(evalRequest{Script: script})
	return string(b)
}

func decode[T any](t *testing.T, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("%v in %s", err, w.Body)
	}
	return v
}

func TestEvalGivesTheJSONObjectsOfDashDashJSON(t *testing.T) {
	s := newTestServer(t, Limits{})
	w := request(t, s, "POST", "/api/eval", evalBody("2^40 bytes -> TiB"))
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	var resp struct {
		Lines []struct {
			Result json.RawMessage `json:"result"`
		} `json:"lines"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
		t.Fatal(err)
	}
	// The README's --json example, byte for byte.
	want := `{"line":1,"input":"2^40 bytes -> TiB","kind":"expression","value":1,"unit":"TiB","display":"1 TiB","dimension":"data","steps":["2^40 bytes -> TiB","1.0995T bytes"]}`
	if len(resp.Lines) != 1 || string(resp.Lines[0].Result) != want {
		t.Errorf("got %s\nwant %s", w.Body, want)
	}
}

func TestEvalEveryLineLikeANote(t *testing.T) {
	s := newTestServer(t, Limits{})
	w := request(t, s, "POST", "/api/eval", evalBody("qps = 10M users * 5 / day\n\n# a comment\nb = 5 dya\nc = b * 2\nrtt = dc_rtt * 2"))
	resp := decode[evalResponse](t, w)
	if len(resp.Lines) != 4 {
		t.Fatalf("%d lines: %s", len(resp.Lines), w.Body)
	}
	if r := resp.Lines[0].Result; r == nil || r.Display != "578.7 /s" || r.Name != "qps" || len(r.Steps) != 3 {
		t.Errorf("line 1: %+v", resp.Lines[0])
	}
	e := resp.Lines[1]
	if e.Line != 4 || e.Error == nil || e.Error.Column != 7 || e.Width != 3 || e.Error.Error != `unknown unit "dya"` || !strings.Contains(e.Error.Hint, `"day"`) {
		t.Errorf("line 4: %+v %+v", e, e.Error)
	}
	if e := resp.Lines[2]; e.Line != 5 || e.Error == nil || !strings.Contains(e.Error.Error, "line 4") {
		t.Errorf("line 5 uses the failed b and should say so: %+v", e.Error)
	}
	c, ok := resp.Constants["dc_rtt"]
	if !ok || c.Display != "500 µs" || c.Source == "" || c.Year == 0 {
		t.Errorf("constants: %+v", resp.Constants)
	}
	if _, ok := resp.Constants["qps"]; ok {
		t.Error("a variable is listed as a constant")
	}
}

func TestEvalRangeHasHistogramAndWhy(t *testing.T) {
	s := newTestServer(t, Limits{})
	resp := decode[evalResponse](t, request(t, s, "POST", "/api/eval", evalBody("dau = 100M to 300M\nposts = 1 to 5 / day\nqps = dau * posts")))
	l := resp.Lines[2]
	if l.Result == nil || l.Result.P5 == nil || l.Result.P99 == nil || l.Hist == nil {
		t.Fatalf("%+v", l)
	}
	h := l.Hist
	if len(h.Counts) != histBins || len(h.Edges) != histBins+1 || !h.Log || h.Unit != "/s" {
		t.Errorf("histogram: %d counts, %d edges, log %v, unit %q", len(h.Counts), len(h.Edges), h.Log, h.Unit)
	}
	if !(h.Edges[0] < h.P5 && h.P5 < h.P50 && h.P50 < h.P95 && h.P95 < h.Edges[histBins]) || h.P50 != *l.Result.Value {
		t.Errorf("interval %v %v %v outside %v..%v", h.P5, h.P50, h.P95, h.Edges[0], h.Edges[histBins])
	}
	if len(l.Why) != 2 || l.Why[0].Name != "posts" || l.Why[1].Name != "dau" || l.Why[0].Share+l.Why[1].Share < 0.999 {
		t.Errorf("why: %+v", l.Why)
	}
}

func TestEvalOverBudget(t *testing.T) {
	s := newTestServer(t, Limits{MaxSteps: 1000})
	var b strings.Builder
	b.WriteString("f0(x) = x + 1\n")
	for i := 1; i <= 12; i++ {
		b.WriteString("f" + itoa(i) + "(x) = f" + itoa(i-1) + "(x) + f" + itoa(i-1) + "(x)\n")
	}
	b.WriteString("f12(1)\n2 + 2")
	w := request(t, s, "POST", "/api/eval", evalBody(b.String()))
	resp := decode[evalResponse](t, w)
	n := len(resp.Lines)
	over, after := resp.Lines[n-2], resp.Lines[n-1]
	if w.Code != 200 || over.Error == nil || !strings.Contains(over.Error.Error, "steps of work") || over.Error.Hint == "" || over.Error.Line != 14 {
		t.Errorf("status %d, line over budget: %+v", w.Code, over.Error)
	}
	if after.Result == nil || after.Result.Display != "4" {
		t.Errorf("the line after it: %+v", after)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestEvalTooManyRanges(t *testing.T) {
	s := newTestServer(t, Limits{MaxRanges: 2})
	resp := decode[evalResponse](t, request(t, s, "POST", "/api/eval", evalBody("a = 1 to 2\nb = 5\nc = a * 2\nd = c + 1\ne = 1")))
	last := resp.Lines[len(resp.Lines)-1]
	if len(resp.Lines) != 4 || last.Line != 4 || last.Error == nil || last.Width != 9 || !strings.Contains(last.Error.Error, "more than 2 lines") ||
		!strings.Contains(resp.Stopped, "more than 2 range results") {
		t.Errorf("%+v %+v", resp, last.Error)
	}
}

func TestEvalDeadlineStopsTheScript(t *testing.T) {
	s := newTestServer(t, Limits{Timeout: 1}) // 1ns: over before the first line
	resp := decode[evalResponse](t, request(t, s, "POST", "/api/eval", evalBody("1 + 1\n2 + 2")))
	if len(resp.Lines) != 0 || !strings.HasPrefix(resp.Stopped, "stopped at line 1: the evaluation took longer than") {
		t.Errorf("%+v", resp)
	}
}

func TestEvalDeadlineInterruptsALongLine(t *testing.T) {
	// A line of 150 ranges runs for seconds; the deadline ends it (or, on a
	// slow machine, comes before it starts: either way the answer says so).
	s := newTestServer(t, Limits{Timeout: 20 * time.Millisecond})
	resp := decode[evalResponse](t, request(t, s, "POST", "/api/eval", evalBody(strings.Repeat("(1 to 2) + ", 149)+"(1 to 2)\n1 + 1")))
	if !strings.HasPrefix(resp.Stopped, "stopped at line 1: the evaluation took longer than 20ms") {
		t.Errorf("stopped: %q", resp.Stopped)
	}
	if len(resp.Lines) > 1 || len(resp.Lines) == 1 && (resp.Lines[0].Error == nil || resp.Lines[0].Error.Error != resp.Stopped || resp.Lines[0].Error.Column < 1) {
		t.Errorf("%+v", resp.Lines)
	}
}

func TestEvalInterruptedMidLine(t *testing.T) {
	s := newTestServer(t, Limits{})
	session, err := s.newSession(s.cfg.Session)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the client has gone: every line is interrupted as it starts
	resp := s.evaluate(ctx, session, s.cfg.Session, []string{"1 to 2"})
	if len(resp.Lines) != 0 || !strings.Contains(resp.Stopped, "cancelled") {
		t.Errorf("%+v", resp)
	}
}

// badRequest checks a refused request: its status, and a JSON error in
// the positioned shape.
func badRequest(t *testing.T, w *httptest.ResponseRecorder, status int, msg string) apiError {
	t.Helper()
	if w.Code != status {
		t.Errorf("status %d, want %d: %s", w.Code, status, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	e := decode[apiError](t, w)
	if !strings.Contains(e.Error.Error, msg) {
		t.Errorf("error %q, want it to say %q", e.Error.Error, msg)
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("no CSP on an error: %q", csp)
	}
	return e
}

func TestRequestTooLarge(t *testing.T) {
	s := newTestServer(t, Limits{MaxBody: 1 << 10})
	badRequest(t, request(t, s, "POST", "/api/eval", evalBody(strings.Repeat("1 + 1\n", 200))), http.StatusRequestEntityTooLarge, "larger than 1 KiB")
}

func TestTooManyLines(t *testing.T) {
	s := newTestServer(t, Limits{MaxLines: 3})
	e := badRequest(t, request(t, s, "POST", "/api/eval", evalBody("1\n2\n3\n4\n5")), http.StatusRequestEntityTooLarge, "more than 3 lines")
	if e.Error.Line != 4 || e.Error.Input != "4" {
		t.Errorf("placed at %+v", e.Error)
	}
}

func TestMalformedJSONIsPlaced(t *testing.T) {
	s := newTestServer(t, Limits{})
	e := badRequest(t, request(t, s, "POST", "/api/eval", "{\n  \"script\": \"1 + 1\",,\n}"), http.StatusBadRequest, "malformed JSON request")
	if e.Error.Line != 2 || e.Error.Column != 21 || e.Error.Input != `  "script": "1 + 1",,` || e.Error.Hint == "" {
		t.Errorf("placed at %+v", e.Error)
	}
	badRequest(t, request(t, s, "POST", "/api/eval", `{"script": 5}`), http.StatusBadRequest, "malformed JSON request")
	badRequest(t, request(t, s, "POST", "/api/eval", `{"script": "1", "run": "rm -rf /"}`), http.StatusBadRequest, `unknown field "run"`)
	badRequest(t, request(t, s, "POST", "/api/eval", `{"script": "1"} {}`), http.StatusBadRequest, "more after the JSON object")
	badRequest(t, request(t, s, "POST", "/api/eval", ``), http.StatusUnsupportedMediaType, "must be JSON")
	badRequest(t, request(t, s, "POST", "/api/eval", `{"script": "1", "latency": "nope"}`), http.StatusBadRequest, `unknown latency set "nope"`)
}

func TestWrongHostIsRefused(t *testing.T) {
	s := newTestServer(t, Limits{})
	for _, host := range []string{"evil.example:8077", "127.0.0.1:9999", "localhost", "attacker.localhost.evil:8077", ""} {
		badRequest(t, request(t, s, "GET", "/", "", "Host", host), http.StatusMisdirectedRequest, "this server answers to 127.0.0.1:8077")
		e := badRequest(t, request(t, s, "POST", "/api/eval", evalBody("1"), "Host", host), http.StatusMisdirectedRequest, "answers to")
		if !strings.Contains(e.Error.Hint, "DNS rebinding") {
			t.Errorf("hint %q", e.Error.Hint)
		}
	}
	for _, host := range []string{"127.0.0.1:8077", "localhost:8077", "LOCALHOST:8077", "[::1]:8077"} {
		if w := request(t, s, "GET", "/", "", "Host", host); w.Code != 200 {
			t.Errorf("host %q: status %d", host, w.Code)
		}
	}
}

func TestCrossOriginPostIsRefused(t *testing.T) {
	s := newTestServer(t, Limits{})
	badRequest(t, request(t, s, "POST", "/api/eval", evalBody("1"), "Sec-Fetch-Site", "cross-site"), http.StatusForbidden, "cross-origin")
	badRequest(t, request(t, s, "POST", "/api/eval", evalBody("1"), "Sec-Fetch-Site", "same-site"), http.StatusForbidden, "cross-origin")
	badRequest(t, request(t, s, "POST", "/api/eval", evalBody("1"), "Origin", "http://evil.example"), http.StatusForbidden, "cross-origin")
	for _, h := range [][]string{{"Sec-Fetch-Site", "same-origin"}, {"Origin", "http://" + testAddr}, nil} {
		if w := request(t, s, "POST", "/api/eval", evalBody("1"), h...); w.Code != 200 {
			t.Errorf("%v: status %d", h, w.Code)
		}
	}
}

func TestBusyServerSaysSo(t *testing.T) {
	s := newTestServer(t, Limits{MaxConcurrent: 1, QueueWait: 1})
	s.sem <- struct{}{} // an evaluation is running
	w := request(t, s, "POST", "/api/eval", evalBody("1"))
	badRequest(t, w, http.StatusServiceUnavailable, "busy")
	if w.Header().Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
	<-s.sem
	if w := request(t, s, "POST", "/api/eval", evalBody("1")); w.Code != 200 {
		t.Errorf("status %d after the evaluation ended", w.Code)
	}
}

func TestUnknownPathsAndMethods(t *testing.T) {
	s := newTestServer(t, Limits{})
	badRequest(t, request(t, s, "GET", "/etc/passwd", ""), http.StatusNotFound, "no such page")
	badRequest(t, request(t, s, "GET", "/go.mod", ""), http.StatusNotFound, "no such page")
	badRequest(t, request(t, s, "GET", "/assets/app.js", ""), http.StatusNotFound, "no such page")
	badRequest(t, request(t, s, "GET", "/api/eval", ""), http.StatusMethodNotAllowed, "takes POST")
	badRequest(t, request(t, s, "DELETE", "/api/presets", ""), http.StatusMethodNotAllowed, "takes GET")
}

func TestPageAndAssets(t *testing.T) {
	s := newTestServer(t, Limits{})
	for path, ct := range map[string]string{"/": "text/html", "/app.js": "text/javascript", "/charts.js": "text/javascript",
		"/share.js": "text/javascript", "/app.css": "text/css", "/favicon.svg": "image/svg+xml"} {
		w := request(t, s, "GET", path, "")
		if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), ct) {
			t.Errorf("%s: status %d, type %q", path, w.Code, w.Header().Get("Content-Type"))
		}
		for _, h := range securityHeaders {
			if w.Header().Get(h[0]) != h[1] {
				t.Errorf("%s: %s is %q", path, h[0], w.Header().Get(h[0]))
			}
		}
	}
	// The CSP allows no inline script or style: the page has none.
	page := request(t, s, "GET", "/", "").Body.String()
	if strings.Contains(page, "<script>") || strings.Contains(page, "style=") || strings.Contains(page, "<style") || strings.Contains(page, " on") && strings.Contains(page, "onclick=") {
		t.Error("the page has inline script or style, which its CSP blocks")
	}
}

func TestPresetsAndPractice(t *testing.T) {
	s := newTestServer(t, Limits{})
	list := decode[[]presetInfo](t, request(t, s, "GET", "/api/presets", ""))
	if len(list) < 10 || list[0].Script != "" {
		t.Fatalf("%d presets", len(list))
	}
	p := decode[presetInfo](t, request(t, s, "GET", "/api/presets/url_shortener", ""))
	if !strings.Contains(p.Script, "#@ title:") {
		t.Errorf("preset script %q", p.Script)
	}
	e := badRequest(t, request(t, s, "GET", "/api/presets/url_shortner", ""), http.StatusNotFound, `no preset is called "url_shortner"`)
	if e.Error.Hint != `did you mean "url_shortener"?` {
		t.Errorf("hint %q", e.Error.Hint)
	}
	info := decode[practiceInfo](t, request(t, s, "GET", "/api/practice/url_shortener", ""))
	if len(info.Questions) == 0 || len(info.Assumptions) == 0 || info.Questions[0].Name != "write_qps" {
		t.Fatalf("%+v", info)
	}
	for _, c := range []struct{ answer, grade string }{{"1k/s", "good"}, {"300/s", "right order of magnitude"}, {"1/s", "off"}, {"5 GB", "wrong dimension"}, {"", "skipped"}, {"new_urls", "good"}} {
		g := decode[gradeResponse](t, request(t, s, "POST", "/api/practice/url_shortener/grade", `{"question":"write_qps","answer":"`+c.answer+`"}`))
		if g.Answer == nil || g.Answer.Grade != c.grade || g.Working.Display != "1,157.4 /s" || len(g.Working.Steps) == 0 {
			t.Errorf("%q: %+v %+v", c.answer, g.Answer, g.Working)
		}
	}
	g := decode[gradeResponse](t, request(t, s, "POST", "/api/practice/url_shortener/grade", `{"question":"write_qps","answer":"5 GB"}`))
	if g.Display != "5 GB" || g.Dimension != "data" {
		t.Errorf("the answer as napkin reads it: %q [%s]", g.Display, g.Dimension)
	}
	g = decode[gradeResponse](t, request(t, s, "POST", "/api/practice/url_shortener/grade", `{"question":"write_qps","answer":"5 dya"}`))
	if g.Answer != nil || g.Error == nil || g.Error.Error != `unknown unit "dya"` {
		t.Errorf("not an estimate: %+v", g)
	}
	badRequest(t, request(t, s, "POST", "/api/practice/url_shortener/grade", `{"question":"nope","answer":"1"}`), http.StatusNotFound, `no practice question asks for "nope"`)
}

func TestLatency(t *testing.T) {
	s := newTestServer(t, Limits{})
	l := decode[latencyResponse](t, request(t, s, "GET", "/api/latency?set=dean2007", ""))
	if l.Set != "dean2007" || len(l.Rows) < 5 || l.Anchor != "l1_ref" || l.Rows[0].Human == "" || l.Rows[0].Source == "" || len(l.Sets) < 3 {
		t.Errorf("%+v", l)
	}
	badRequest(t, request(t, s, "GET", "/api/latency?set=nope", ""), http.StatusNotFound, "unknown latency set")
}

func TestNoteIsFilled(t *testing.T) {
	s := newTestServer(t, Limits{})
	n := decode[noteResponse](t, request(t, s, "POST", "/api/note", `{"script":"dau = 200M users  # daily\nqps = dau * 2 / day\nshards(x) = ceil(x / 10)\n\n# prose"}`))
	want := "```napkin\ndau = 200M users  # daily  # => 200M\nqps = dau * 2 / day  # => 4,629.6 /s\nshards(x) = ceil(x / 10)\n\n# prose\n```\n"
	if n.Markdown != want {
		t.Errorf("got\n%s\nwant\n%s", n.Markdown, want)
	}
}

func TestLogOnlyWhenAsked(t *testing.T) {
	var log bytes.Buffer
	s, err := New(Config{Addr: testAddr, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	request(t, s, "POST", "/api/eval", evalBody("1"))
	request(t, s, "GET", "/nope", "")
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `POST "/api/eval" 200`) || !strings.Contains(lines[1], `GET "/nope" 404`) {
		t.Errorf("log:\n%s", log.String())
	}
}

func TestServeShutsDownCleanly(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Config{Addr: ln.Addr().String()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	resp, err := http.Post("http://"+ln.Addr().String()+"/api/eval", "application/json", strings.NewReader(evalBody("5 GB * 2")))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), `"display":"10 GB"`) {
		t.Errorf("%s", body)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil {
		t.Error("still serving after shutdown")
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1:8077": true, "[::1]:80": true, "localhost:1": true, "LOCALHOST:1": true, "0.0.0.0:8077": false, ":8077": false, "192.168.1.2:80": false, "bad": false} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("%s: %v", addr, got)
		}
	}
}

func TestPanicIsAJSONError(t *testing.T) {
	var log bytes.Buffer
	s, err := New(Config{Addr: testAddr, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	s.mux.HandleFunc("GET /boom", func(http.ResponseWriter, *http.Request) { panic("boom") })
	e := badRequest(t, request(t, s, "GET", "/boom", ""), http.StatusInternalServerError, "internal error: boom")
	if e.Error.Hint == "" || strings.Contains(log.String(), "goroutine") {
		t.Errorf("hint %q, log %q", e.Error.Hint, log.String())
	}
}
