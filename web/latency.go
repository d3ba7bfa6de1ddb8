package web

import (
	"net/http"

	"github.com/napkin-calc/napkin/frontend"
	"github.com/napkin-calc/napkin/latency"
)

type latencyRow struct {
	frontend.Constant
	Seconds float64 `json:"seconds"`
}

type latencyResponse struct {
	Set    string       `json:"set"`
	Title  string       `json:"title"`
	Source string       `json:"source"`
	Year   int          `json:"year,omitempty"`
	Anchor string       `json:"anchor,omitempty"` // the entry the human scale puts at 1 s
	Rows   []latencyRow `json:"rows"`
	Sets   []setInfo    `json:"sets"`
}

type setInfo struct {
	Name  string `json:"name"`
	Title string `json:"title"`
}

// handleLatency is napkin latency: a set's latencies with their sources
// and human scale, for the page's log-scale chart. ?set= chooses the set.
func (s *Server) handleLatency(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("set")
	if name == "" {
		name = s.cfg.Session.Latency
	}
	if name == "" {
		name = latency.DefaultSet
	}
	set, err := latency.Get(name)
	if err != nil {
		writeError(w, http.StatusNotFound, err.Error(), "the sets are listed under \"sets\" in GET /api/latency")
		return
	}
	t := latency.NewTable(set)
	resp := latencyResponse{Set: set.Name, Title: set.Title, Source: set.Source, Year: set.Year, Rows: []latencyRow{}}
	for _, si := range latency.Sets() {
		resp.Sets = append(resp.Sets, setInfo{si.Name, si.Title})
	}
	if t.Anchor != nil {
		resp.Anchor = t.Anchor.Name
	}
	for _, row := range t.Rows {
		resp.Rows = append(resp.Rows, latencyRow{frontend.NewConstant(set.Name, row.Constant, row.Human), row.Constant.Value.V})
	}
	writeJSON(w, http.StatusOK, resp)
}
