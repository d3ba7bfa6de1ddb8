package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestGradeWithPresetScope: an answer may use the preset's assumptions and
// the estimates before the question, as in napkin practice, but not the
// question's own name.
func TestGradeWithPresetScope(t *testing.T) {
	srv, err := New(Config{Addr: "127.0.0.1:8080"})
	if err != nil {
		t.Fatal(err)
	}
	grade := func(question, answer string) string {
		body := `{"question":"` + question + `","answer":"` + answer + `"}`
		req := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:8080/api/practice/twitter/grade", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", answer, rec.Code, rec.Body)
		}
		return rec.Body.String()
	}
	if got := grade("write_qps", "dau * tweets_per_user"); !strings.Contains(got, `"grade":"good"`) {
		t.Errorf("dau * tweets_per_user: %s", got)
	}
	if got := grade("peak_write_qps", "write_qps * 2"); !strings.Contains(got, `"grade":"good"`) {
		t.Errorf("write_qps * 2: %s", got)
	}
	if got := grade("write_qps", "write_qps"); !strings.Contains(got, `unknown name`) {
		t.Errorf("the question's own name is not in scope: %s", got)
	}
}

// TestGradeNoRatio: serve grades with napkin practice's code, so an answer
// of 0 or of the wrong sign is off with a reason and finite JSON.
func TestGradeNoRatio(t *testing.T) {
	srv, err := New(Config{Addr: "127.0.0.1:8080"})
	if err != nil {
		t.Fatal(err)
	}
	for answer, why := range map[string]string{"0 /s": "0 is not an estimate", "-1k/s": "wrong sign"} {
		body := `{"question":"write_qps","answer":"` + answer + `"}`
		req := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:8080/api/practice/url_shortener/grade", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		got := rec.Body.String()
		if rec.Code != http.StatusOK || !strings.Contains(got, `"grade":"off","why":"`+why+`"`) || strings.Contains(got, "Inf") {
			t.Errorf("%s: %d %s", answer, rec.Code, got)
		}
	}
}
