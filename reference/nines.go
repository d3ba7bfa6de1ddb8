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
	// Seconds are the same four downtimes in seconds: day, week, month,
	// year (the Displays are in whatever unit reads best).
	Seconds [4]float64
}

// NinesTable computes the nines table with the downtime formulas of
// formulas.napkin, so the table and the functions cannot disagree.
func NinesTable() ([]NinesRow, error) {
	s := estimate.NewSession(estimate.Options{Digits: 3})
	LoadFormulas(s)
	var rows []NinesRow
	for _, a := range Nines {
		row := NinesRow{Availability: a}
		shown := [4]*estimate.Display{&row.PerDay, &row.PerWeek, &row.PerMonth, &row.PerYear}
		for i, fn := range [4]string{"downtime_day", "downtime_week", "downtime_month", "downtime"} {
			r, err := s.Eval(fn + "(" + a + ")")
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
