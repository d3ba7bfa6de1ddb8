// Package reference holds the numbers and formulas estimates lean on,
// besides latencies (package latency): per-node throughput and capacity,
// cloud prices, the availability and capacity formulas of the system-design
// canon, powers of two and the nines.
//
// Each number is a named constant with its source and year, kept in a data
// file in napkin's own language (data/*.napkin) that tests itself; the
// formulas are napkin functions (formulas.napkin) loaded into every
// session. The package returns values; it never prints.
package reference
