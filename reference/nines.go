package reference

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/napkin-calc/napkin/estimate"
)

// Nines are the availabilities of the nines table.
var Nines = []string{"90%", "99%", "99.5%", "99.9%", "99.95%", "99.99%", "99.999%", "99.9999%"}

// NinesRow is the downtime an availability allows.
type NinesRow struct {
	Availability string
	PerDay       estimate.Display
	PerWeek      estimate.Display
	PerMonth     estimate.Display
	PerYear      estimate.Display
	// Seconds are the same four downtimes in seconds: day, week, month,
	// year (the Displays are in whatever unit reads best).
	Seconds [4]float64
}

// NinesTable computes the nines table with the downtime formulas of
// formulas.napkin, so the table and the functions cannot disagree.
func NinesTable() ([]NinesRow, error) { return NinesFor(Nines) }

// NinesFor computes the rows of the nines table for availabilities written
// in napkin (99.95%, 1 - 10^-4). An availability that does not evaluate,
// or is not a single percentage from 0 to below 100%, is an
// *estimate.Error positioned in its own text.
func NinesFor(availabilities []string) ([]NinesRow, error) {
	s := estimate.NewSession(estimate.Options{Digits: 3})
	LoadFormulas(s)
	var rows []NinesRow
	for _, a := range availabilities {
		v, err := availability(s, a)
		if err != nil {
			return nil, err
		}
		row := NinesRow{Availability: percentText(v)}
		// The availability as evaluated: its text inside a call could
		// read otherwise (1,000 separates arguments there).
		if _, err := s.Eval("nines_availability = ans"); err != nil {
			return nil, err
		}
		shown := [4]*estimate.Display{&row.PerDay, &row.PerWeek, &row.PerMonth, &row.PerYear}
		for i, fn := range [4]string{"downtime_day", "downtime_week", "downtime_month", "downtime"} {
			r, err := s.Eval(fn + "(nines_availability)")
			if err != nil {
				return nil, err
			}
			*shown[i] = r.Display
			row.Seconds[i] = r.Quantity.V
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// availability evaluates one availability of the nines table.
func availability(s *estimate.Session, text string) (float64, error) {
	bad := func(hint, msg string) error {
		return &estimate.Error{Line: 1, Column: 1, Width: max(1, utf8.RuneCountInString(text)), Source: text, Msg: msg, Hint: hint}
	}
	r, err := s.Eval(text)
	if err != nil {
		var e *estimate.Error
		if errors.As(err, &e) {
			e.Line = 1 // the session's line count is not the argument's
		}
		return 0, err
	}
	if r == nil {
		return 0, bad("give a percentage: napkin nines 99.95%", "an availability is a value; the argument is empty")
	}
	q := r.Quantity
	switch {
	case r.Kind != estimate.KindExpression:
		return 0, bad("give a percentage: napkin nines 99.95%", "an availability is a value, not "+strings.TrimSpace(text))
	case q.IsRange():
		return 0, bad("give one availability at a time: napkin nines 99.9% 99.99%", "an availability of the nines table is one number, not a range")
	case !q.D.IsZero():
		return 0, bad("give a percentage: napkin nines 99.95%", "an availability is a percentage, not "+r.Text)
	case q.V > 1 && q.V <= 100 && !strings.Contains(text, "%"):
		n := strconv.FormatFloat(q.V, 'g', -1, 64)
		return 0, bad("write "+n+"%: a plain "+n+" is "+strconv.FormatFloat(q.V*100, 'g', -1, 64)+"%", "an availability is a percentage from 0 to below 100%, not "+n)
	case q.V >= 1 || q.V < 0 || q.V != q.V:
		hint := "give a percentage from 0% to below 100%, such as 99.95%"
		if q.V == 1 {
			hint = "100% allows no downtime at all; give an availability below it, such as 99.999%"
		}
		return 0, bad(hint, "an availability is a percentage from 0 to below 100%, not "+r.Text)
	}
	return q.V, nil
}

// percentText shows an availability as the table's first column does:
// 99.95%, to the digits that tell it from its neighbours, so that no row
// reads as 100%.
func percentText(v float64) string {
	t, _ := strconv.ParseFloat(strconv.FormatFloat(v*100, 'g', 15, 64), 64)
	return strconv.FormatFloat(t, 'f', -1, 64) + "%"
}
