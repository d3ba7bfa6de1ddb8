// Package latency holds the latency numbers engineers estimate with, as
// named, dated, sourced sets: Norvig's (~2001), Dean's 2007 and 2009 lists,
// the "~2012" list interviewers quote (the default), the
// system-design-primer's variant, napkin-math's measured 2024 and 2026
// tables, and Colin Scott's by-year model for any year from 1990 to 2030.
//
// People remember these numbers wrong, or from different years; keeping
// each list whole and labelled lets an estimate say which one it used.
// Every set uses the same identifier for the same operation (disk_seek,
// dc_rtt, …), so `--latency dean2007` re-runs an estimate with another
// list, and `dean2007.disk_seek` names one number of one list.
//
// The lists are data files in napkin's own language (data/*.napkin) that
// test themselves; Scott's model is code (scott.go) because it is formulas.
// The package returns values and never prints.
package latency
