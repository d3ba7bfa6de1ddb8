package web

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzEvalRequest sends any body to POST /api/eval: the answer is always
// JSON, an evaluation or a positioned error, and never a crash.
func FuzzEvalRequest(f *testing.F) {
	for _, seed := range []string{evalBody("qps = 10M * 5 / day"), evalBody("1 to 2\n5 dya"), `{"script":`, `{"script": "1"}}`, "[]", `{"script": "\u00e9\u0000"}`, "{\n,}"} {
		f.Add(seed)
	}
	s, err := New(Config{Addr: testAddr, Limits: Limits{Timeout: 1 << 30, MaxRanges: 3}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest("POST", "http://"+testAddr+"/api/eval", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		var v map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
			t.Fatalf("status %d, not JSON: %v\n%s", w.Code, err, w.Body)
		}
		if w.Code == 200 && v["lines"] == nil || w.Code != 200 && v["error"] == nil || w.Code == 500 {
			t.Fatalf("status %d: %s", w.Code, w.Body)
		}
	})
}

// FuzzNoteRequest sends any script to POST /api/note: the answer is
// always JSON, a note or a positioned error, and never a crash.
func FuzzNoteRequest(f *testing.F) {
	for _, seed := range []string{"qps = 10M * 5 / day", "1 to 2\r5 dya\r\n", "```\nx = 1", "<!--\n1", "f(x) = x\nf(2)  # => old", "\ufeff1"} {
		f.Add(seed)
	}
	s, err := New(Config{Addr: testAddr, Limits: Limits{Timeout: 1 << 30, MaxRanges: 3}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, script string) {
		r := httptest.NewRequest("POST", "http://"+testAddr+"/api/note", strings.NewReader(noteBody(script)))
		r.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		var v map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
			t.Fatalf("status %d, not JSON: %v\n%s", w.Code, err, w.Body)
		}
		if w.Code == 200 && v["markdown"] == nil || w.Code != 200 && v["error"] == nil || w.Code == 500 {
			t.Fatalf("status %d: %s", w.Code, w.Body)
		}
	})
}
