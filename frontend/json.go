package frontend

import "github.com/napkin-calc/napkin/estimate"

// Result is the JSON contract of one evaluated line (napkin --json, and
// the results of napkin serve's POST /api/eval).
type Result struct {
	File      string   `json:"file,omitempty"`
	Line      int      `json:"line"`
	Input     string   `json:"input"`
	Kind      string   `json:"kind"`
	Name      string   `json:"name,omitempty"`
	Value     *float64 `json:"value,omitempty"`
	Unit      *string  `json:"unit,omitempty"`
	Display   string   `json:"display"`
	Approx    bool     `json:"approx,omitempty"`
	Dimension string   `json:"dimension,omitempty"`
	Steps     []string `json:"steps,omitempty"`
	// For a range: value is the median; these add the 90% interval and
	// the mean (and, with stats, the rest).
	P1   *float64 `json:"p1,omitempty"`
	P5   *float64 `json:"p5,omitempty"`
	P25  *float64 `json:"p25,omitempty"`
	P50  *float64 `json:"p50,omitempty"`
	P75  *float64 `json:"p75,omitempty"`
	P95  *float64 `json:"p95,omitempty"`
	P99  *float64 `json:"p99,omitempty"`
	Mean *float64 `json:"mean,omitempty"`
	SD   *float64 `json:"sd,omitempty"`
}

// NewResult is the JSON object of r, evaluated in file ("" for an
// expression). With stats, a range carries every percentile and its
// standard deviation (--stats); d is r.Distribution(), passed in because
// it sorts the samples, or nil to have it computed here.
func NewResult(r *estimate.Result, file string, stats bool, d *estimate.Dist) Result {
	j := Result{File: file, Line: r.Line, Input: r.Input, Kind: string(r.Kind), Name: r.Name, Display: r.Text, Steps: r.Steps}
	if r.Kind != estimate.KindExpression && r.Kind != estimate.KindAssignment {
		return j
	}
	v, u := r.Value, r.Unit
	j.Value, j.Unit, j.Approx, j.Dimension = &v, &u, r.Approx, r.Dimension
	if !r.Quantity.IsRange() {
		return j
	}
	if d == nil {
		d = r.Distribution()
	}
	j.Value, j.P5, j.P50, j.P95, j.Mean = &d.P50, &d.P5, &d.P50, &d.P95, &d.Mean
	if stats {
		j.P1, j.P25, j.P75, j.P99, j.SD = &d.P1, &d.P25, &d.P75, &d.P99, &d.SD
	}
	return j
}

// Error is the JSON contract of an error: where, what, and how to fix it.
type Error struct {
	File   string `json:"file,omitempty"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Input  string `json:"input"`
	Error  string `json:"error"`
	Hint   string `json:"hint,omitempty"`
}

// NewError is the JSON object of a positioned error.
func NewError(e *estimate.Error) Error {
	return Error{File: e.File, Line: e.Line, Column: e.Column, Input: e.Source, Error: e.Msg, Hint: e.Hint}
}

// Constant is the JSON contract of a reference constant.
type Constant struct {
	Set         string  `json:"set,omitempty"`
	Group       string  `json:"group,omitempty"`
	Name        string  `json:"name"`
	Description string  `json:"description"`
	Value       float64 `json:"value"`
	Unit        string  `json:"unit"`
	Display     string  `json:"display"`
	Expr        string  `json:"expr"`
	Source      string  `json:"source"`
	Year        int     `json:"year,omitempty"`
	Note        string  `json:"note,omitempty"`
	Human       string  `json:"human_scale,omitempty"`
}

// NewConstant is the JSON object of a constant of a latency set (set, ""
// for none), with its value on the human scale when it has one.
func NewConstant(set string, c *estimate.Constant, human string) Constant {
	d := estimate.Format(c.Value, 0)
	return Constant{Set: set, Name: c.Name, Description: c.Description, Value: d.Value, Unit: d.Unit,
		Display: d.Text, Expr: c.Expr, Source: c.Source, Year: c.Year, Note: c.Note, Human: human}
}

// PracticeAnswer is one graded practice answer.
type PracticeAnswer struct {
	Question string  `json:"question"`
	Name     string  `json:"name"`
	Answer   string  `json:"answer"`
	Value    float64 `json:"value,omitempty"`
	Unit     string  `json:"unit,omitempty"`
	Expected string  `json:"expected"`
	ExpValue float64 `json:"expected_value"`
	ExpUnit  string  `json:"expected_unit"`
	Factor   float64 `json:"factor,omitempty"`
	Grade    string  `json:"grade"`
	// Why says what is wrong when no factor means anything: "wrong sign",
	// "0 is not an estimate".
	Why string `json:"why,omitempty"`
}
