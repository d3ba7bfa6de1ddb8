package web

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

func noteBody(script string) string {
	b, _ := json.Marshal(noteRequest{Script: script})
	return string(b)
}

// The note has /api/eval's deadline, checked between lines: a script of
// many lines stops at the first line after it, with a positioned error.
func TestNoteDeadlineStopsTheScript(t *testing.T) {
	s := newTestServer(t, Limits{Timeout: 1}) // 1ns: over before the first line ends
	script := "f0(x) = x\n" + strings.Repeat("f0(1)\n", 300)
	w := request(t, s, "POST", "/api/note", noteBody(script))
	e := badRequest(t, w, http.StatusServiceUnavailable, "stopped at line 1: the evaluation took longer than 1ns")
	if e.Error.Line != 1 || e.Error.Column != 1 || e.Error.Input != "f0(x) = x" {
		t.Errorf("%+v", e.Error)
	}
}

// A client that leaves stops the note too.
func TestNoteStopsWhenTheClientLeaves(t *testing.T) {
	s := newTestServer(t, Limits{})
	r := httptest.NewRequest("POST", "http://"+testAddr+"/api/note", strings.NewReader(noteBody(strings.Repeat("x = 1 to 2\n", 50))))
	r.Header.Set("Content-Type", "application/json")
	ctx, cancel := context.WithCancel(r.Context())
	cancel()
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r.WithContext(ctx))
	if e := decode[apiError](t, w); e.Error.Line != 1 || !strings.Contains(e.Error.Error, "stopped at line 1: the request was cancelled") {
		t.Errorf("%s", w.Body)
	}
}

// The note has /api/eval's cap on range results, which bounds its memory.
func TestNoteTooManyRanges(t *testing.T) {
	s := newTestServer(t, Limits{MaxRanges: 2})
	w := request(t, s, "POST", "/api/note", noteBody("a = 1 to 2\nb = 5\nc = a * 2\nd = c + 1\ne = 1 to 3"))
	e := badRequest(t, w, http.StatusUnprocessableEntity, "more than 2 lines of this script are ranges")
	if e.Error.Line != 4 || e.Error.Input != "d = c + 1" || e.Error.Column != 1 {
		t.Errorf("%+v", e.Error)
	}
}

// A lone \r ends a line of the note as it does in napkin notes; errors
// still name the script's own lines.
func TestNoteLineEndings(t *testing.T) {
	s := newTestServer(t, Limits{MaxRanges: 1})
	e := badRequest(t, request(t, s, "POST", "/api/note", noteBody("a = 1\r\nb = 1 to 2\rc = b + 1")), http.StatusUnprocessableEntity, "ranges")
	if e.Error.Line != 3 || e.Error.Input != "c = b + 1" {
		t.Errorf("%+v", e.Error)
	}
	n := decode[noteResponse](t, request(t, s, "POST", "/api/note", noteBody("a = 1\r\n\n\n")))
	if n.Markdown != "```napkin\na = 1  # => 1\n```\n" {
		t.Errorf("%q", n.Markdown)
	}
}

// /api/eval and /api/note take the same scripts: as many lines (with or
// without a last newline), refused with the same positioned error.
func TestLineLimitIsTheSameForEveryEndpoint(t *testing.T) {
	s := newTestServer(t, Limits{MaxLines: 3})
	for _, path := range []string{"/api/eval", "/api/note"} {
		for _, script := range []string{"1\n2\n3", "1\n2\n3\n"} {
			if w := request(t, s, "POST", path, evalBody(script)); w.Code != 200 {
				t.Errorf("%s %q: status %d: %s", path, script, w.Code, w.Body)
			}
		}
		e := badRequest(t, request(t, s, "POST", path, evalBody("1\n2\n3\n4\n")), http.StatusRequestEntityTooLarge, "the script has more than 3 lines")
		if e.Error.Line != 4 || e.Error.Input != "4" {
			t.Errorf("%s: %+v", path, e.Error)
		}
	}
}

// Samples that underflow to 0 give no histogram or bars whose numbers JSON
// cannot hold, and the answer is never an empty 200.
func TestEvalUnderflowingRangeIsValidJSON(t *testing.T) {
	s := newTestServer(t, Limits{})
	for _, script := range []string{"0.5^(1000 to 1100)", "1e-300 to 1e-200", "(1 to 2) * 0", "1e300 to 1e307"} {
		w := request(t, s, "POST", "/api/eval", evalBody(script))
		if w.Body.Len() == 0 || !json.Valid(w.Body.Bytes()) {
			t.Fatalf("%q: status %d, body %q", script, w.Code, w.Body)
		}
		if w.Code != 200 {
			continue // an error the engine places is fine
		}
		resp := decode[evalResponse](t, w)
		if h := resp.Lines[0].Hist; h != nil {
			for i := 1; i < len(h.Edges); i++ {
				if !(h.Edges[i] > h.Edges[i-1]) {
					t.Errorf("%q: edges %v", script, h.Edges)
				}
			}
		}
	}
}

// A value JSON cannot hold is a JSON 500, never a 200 with no body.
func TestUnencodableAnswerIsAJSONError(t *testing.T) {
	w := httptest.NewRecorder()
	writeJSON(w, http.StatusOK, map[string]float64{"x": 0 * inf()})
	if e := decode[apiError](t, w); w.Code != 500 || !strings.HasPrefix(e.Error.Error, "internal error: cannot encode the answer") {
		t.Errorf("status %d: %s", w.Code, w.Body)
	}
}

func inf() float64 { var zero float64; return 1 / zero }

// An answer of 0 or below is graded (off, or good for an expected 0), with
// a JSON body.
func TestGradeZeroAndNegativeAnswers(t *testing.T) {
	s := newTestServer(t, Limits{})
	for _, c := range []struct{ answer, why string }{{"0 /s", "0 is not an estimate"}, {"-5/s", "wrong sign"}} {
		w := request(t, s, "POST", "/api/practice/url_shortener/grade", `{"question":"write_qps","answer":"`+c.answer+`"}`)
		if w.Code != 200 {
			t.Fatalf("%q: status %d: %s", c.answer, w.Code, w.Body)
		}
		g := decode[gradeResponse](t, w)
		if g.Answer == nil || g.Answer.Grade != "off" || g.Answer.Why != c.why || g.Answer.Factor != 0 {
			t.Errorf("%q: %+v %+v", c.answer, g.Answer, g.Error)
		}
	}
}

// Practice has the deadline of every evaluation.
func TestPracticeDeadline(t *testing.T) {
	s := newTestServer(t, Limits{Timeout: 1})
	badRequest(t, request(t, s, "GET", "/api/practice/url_shortener", ""), http.StatusServiceUnavailable, "took longer than 1ns")
	badRequest(t, request(t, s, "POST", "/api/practice/url_shortener/grade", `{"question":"write_qps","answer":"1k/s"}`),
		http.StatusServiceUnavailable, "took longer than 1ns")
}

// An answer is one line.
func TestGradeAnswerIsOneLine(t *testing.T) {
	s := newTestServer(t, Limits{})
	e := badRequest(t, request(t, s, "POST", "/api/practice/url_shortener/grade", `{"question":"write_qps","answer":"1k/s\n2"}`),
		http.StatusBadRequest, "an answer is one line")
	if e.Error.Column != 5 {
		t.Errorf("%+v", e.Error)
	}
}

// The page's files answer any other method with 405 and Allow, and no
// Range request (whose 416 would drop the headers).
func TestAssetsMethodsAndRanges(t *testing.T) {
	s := newTestServer(t, Limits{})
	for _, c := range []struct{ method, path string }{{"POST", "/app.js"}, {"DELETE", "/"}, {"PUT", "/favicon.svg"}} {
		badRequest(t, request(t, s, c.method, c.path, ""), http.StatusMethodNotAllowed, "takes GET or HEAD")
		if allow := request(t, s, c.method, c.path, "").Header().Get("Allow"); allow != "GET, HEAD" {
			t.Errorf("%s %s: Allow %q", c.method, c.path, allow)
		}
	}
	if allow := request(t, s, "DELETE", "/api/presets", "").Header().Get("Allow"); allow != "GET, HEAD" {
		t.Errorf("Allow %q", allow)
	}
	full := request(t, s, "GET", "/app.js", "")
	for _, h := range [][2]string{{"Range", "bytes=999999-"}, {"Range", "bytes=0-10"}, {"If-Match", `"nope"`}, {"If-Unmodified-Since", "Mon, 02 Jan 2006 15:04:05 GMT"}} {
		w := request(t, s, "GET", "/app.js", "", h[0], h[1])
		if w.Code != 200 || w.Body.String() != full.Body.String() || w.Header().Get("Cache-Control") != "no-store" ||
			w.Header().Get("Content-Security-Policy") == "" {
			t.Errorf("%s: status %d, %d bytes, headers %v", h[0], w.Code, w.Body.Len(), w.Header())
		}
	}
	if head := request(t, s, "HEAD", "/app.js", ""); head.Code != 200 || head.Body.Len() != 0 || head.Header().Get("Content-Length") != strconv.Itoa(full.Body.Len()) {
		t.Errorf("HEAD: %d, %d bytes, %v", head.Code, head.Body.Len(), head.Header())
	}
}

// A newline in the path cannot forge a line of the --verbose log.
func TestLogQuotesThePath(t *testing.T) {
	var log bytes.Buffer
	s, err := New(Config{Addr: testAddr, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	request(t, s, "GET", "/x%0A15:50:00%20POST%20/api/eval%20200", "")
	if lines := strings.Split(strings.TrimSuffix(log.String(), "\n"), "\n"); len(lines) != 1 || !strings.Contains(lines[0], `"/x\n15:50:00 POST /api/eval 200" 404`) {
		t.Errorf("log:\n%s", log.String())
	}
}

// Practice takes other assumptions, as napkin practice --set does, and
// grades against the figures they give.
func TestPracticeSet(t *testing.T) {
	s := newTestServer(t, Limits{})
	info := decode[practiceInfo](t, request(t, s, "GET", "/api/practice/url_shortener?set=new_urls%3D200M%2Fday", ""))
	if info.Set["new_urls"] != "200M/day" || info.Assumptions[0].Value != "200M/day" || info.Assumptions[0].Was != "100M /day" {
		t.Errorf("%+v", info)
	}
	g := decode[gradeResponse](t, request(t, s, "POST", "/api/practice/url_shortener/grade?set=new_urls%3D200M%2Fday", `{"question":"write_qps","answer":"2.3k/s"}`))
	if g.Answer == nil || g.Answer.Grade != "good" || g.Working.Display != "2,314.8 /s" {
		t.Errorf("%+v %+v", g.Answer, g.Working)
	}
	badRequest(t, request(t, s, "GET", "/api/practice/url_shortener?set=new_url%3D1", ""), http.StatusBadRequest, `has no assumption called "new_url"`)
	badRequest(t, request(t, s, "GET", "/api/practice/url_shortener?set=new_urls", ""), http.StatusBadRequest, `set "new_urls" is not NAME=VALUE`)
	badRequest(t, request(t, s, "GET", "/api/practice/url_shortener?set=new_urls%3D5%20GB", ""), http.StatusBadRequest, "and 5 GB is data")
	badRequest(t, request(t, s, "GET", "/api/practice/url_shortener?set=new_urls%3D5%20dya", ""), http.StatusBadRequest, `unknown unit "dya"`)
}
