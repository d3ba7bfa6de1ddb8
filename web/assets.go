package web

import (
	"net/http"
	"path"
	"strconv"
)

// assetTypes are the page's files, by the path they are served at, with
// their media types.
var assetTypes = [...][2]string{
	{"/", "text/html; charset=utf-8"},
	{"/app.js", "text/javascript; charset=utf-8"},
	{"/app.css", "text/css; charset=utf-8"},
	{"/charts.js", "text/javascript; charset=utf-8"},
	{"/share.js", "text/javascript; charset=utf-8"},
	{"/favicon.svg", "image/svg+xml"},
}

// assetHandler serves one embedded file whole. Unlike http.FileServer it
// answers no Range or conditional request (a 416 or 412 of its own would
// drop headers): the files are small and never cached (no-store).
func assetHandler(urlPath, contentType string) http.HandlerFunc {
	file := "assets" + urlPath
	if urlPath == "/" {
		file = "assets/index.html"
	}
	file = path.Clean(file)
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			methodNotAllowed(w, r, "GET, HEAD")
			return
		}
		data, err := assetFS.ReadFile(file)
		if err != nil {
			writeError(w, http.StatusInternalServerError, "internal error: the page's file "+file+" is missing", "")
			return
		}
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		w.WriteHeader(http.StatusOK)
		if r.Method == http.MethodGet {
			_, _ = w.Write(data) // the client has gone: nothing to tell it
		}
	}
}
