// Package frontend is what napkin's front ends share, so that the command
// line and napkin serve give the same answers in the same shapes: the
// session every evaluating command uses (napkin's units, a latency set, the
// reference constants and formulas), the JSON objects of --json and of the
// page's API, and the bins of a range's histogram. It knows nothing of
// cobra, terminals or HTTP.
package frontend
