package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/frontend"
)

// apiError is the body of every failed request: the command line's
// positioned error (line and column 0 when the whole request is at
// fault), under "error".
type apiError struct {
	Error frontend.Error `json:"error"`
}

// writeJSON answers with v as JSON. It encodes v before it writes the
// status, so that a value JSON cannot hold (a NaN, an infinity) is a JSON
// error, never a success with an empty body.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		buf.Reset()
		status = http.StatusInternalServerError
		_ = enc.Encode(apiError{frontend.Error{Error: "internal error: cannot encode the answer: " + strings.TrimPrefix(err.Error(), "json: "),
			Hint: "please report this at the project's issue tracker, with the script that caused it"}})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes()) // the client has gone: nothing to tell it
}

func writeError(w http.ResponseWriter, status int, msg, hint string) {
	writeJSON(w, status, apiError{frontend.Error{Error: msg, Hint: hint}})
}

func writePositioned(w http.ResponseWriter, status int, e *estimate.Error) {
	writeJSON(w, status, apiError{frontend.NewError(e)})
}

// decodeBody reads a JSON request body into v: at most limit bytes, no
// unknown fields, nothing after the object. A malformed body is answered
// with an error placed at its line and column, and false.
func decodeBody(w http.ResponseWriter, r *http.Request, limit int64, v any) bool {
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(strings.ToLower(ct), "application/json") {
		writeError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("the request body must be JSON, not %q", ct),
			"send Content-Type: application/json")
		return false
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the request is larger than %d KiB", limit>>10),
			"split the script, or run it with napkin run")
		return false
	case err != nil:
		writeError(w, http.StatusBadRequest, "cannot read the request: "+err.Error(), "")
		return false
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	err = dec.Decode(v)
	if err == nil && dec.More() {
		err = fmt.Errorf("more after the JSON object")
	}
	if err == nil {
		return true
	}
	offset := dec.InputOffset()
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		offset = syn.Offset - 1 // the offset is after the byte at fault
	case errors.As(err, &typ):
		offset = typ.Offset
	}
	writePositioned(w, http.StatusBadRequest, positionIn(string(data), int(offset), "malformed JSON request: "+strings.TrimPrefix(err.Error(), "json: "),
		`send {"script": "qps = 10M / day"}`))
	return false
}

// positionIn places a message at a byte offset of a text: its line and
// character column.
func positionIn(text string, offset int, msg, hint string) *estimate.Error {
	offset = max(0, min(offset, len(text)))
	before := text[:offset]
	line := strings.Count(before, "\n") + 1
	start := strings.LastIndexByte(before, '\n') + 1
	end := strings.IndexByte(text[start:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += start
	}
	col := utf8.RuneCountInString(text[start:min(offset, end)]) + 1
	return &estimate.Error{Line: line, Column: col, Width: 1, Source: text[start:end], Msg: msg, Hint: hint}
}
