package reference

import (
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
}

// NinesTable computes the nines table with the downtime formulas of
// formulas.napkin, so the table and the functions cannot disagree.
func NinesTable() ([]NinesRow, error) {
	s := estimate.NewSession(estimate.Options{Digits: 3})
	LoadFormulas(s)
	var rows []NinesRow
	for _, a := range Nines {
		row := NinesRow{Availability: a}
		for fn, dst := range map[string]*estimate.Display{
			"downtime_day": &row.PerDay, "downtime_week": &row.PerWeek, "downtime_month": &row.PerMonth, "downtime": &row.PerYear,
		} {
			r, err := s.Eval(fn + "(" + a + ")")
			if err != nil {
				return nil, err
			}
			*dst = r.Display
		}
		rows = append(rows, row)
	}
	return rows, nil
}
