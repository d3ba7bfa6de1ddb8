// Package estimate is napkin's engine: it evaluates back-of-envelope
// estimates with units, checks their dimensions, and records the working
// that led to each result. It knows nothing of command lines or terminals;
// a Session takes lines and returns Results or positioned Errors.
//
// # Why it is built this way
//
// napkin's syntax (10M, 5 GB, 300M users, a = …, -> TB, per) is not
// expr's, and expr has traps for a units calculator: // starts a comment,
// integer literals wrap, unary minus cannot be overloaded, constant folding
// deletes the steps the working must show, expr.Env walks every variable on
// every compile, and deep nesting recurses without bound. So the pipeline is:
//
//  1. lexer.go and parser.go read napkin's own syntax into a tree whose
//     nodes carry byte spans of the user's line, with limits on nesting and
//     size. Numbers are parsed as float64, so they never wrap.
//  2. compile.go resolves every name (parameter, variable, unit, label)
//     against the session and units.napkin, folds literals such as 5 GB
//     into one value, and writes an expr program that is only a tree of
//     calls: div(C, 2, mul(C, 1, K[0], K[1]), K[2]). Every leaf is a slot
//     of K; every call carries its node's id. exprtree.go reads that text
//     into expr's syntax tree itself (it is too simple to need expr's
//     parser), and expr checks and compiles it.
//  3. runtime.go gives expr one shared configuration (a fixed environment
//     struct, so compiling never walks the user's variables; no builtins; no
//     constant folding) and the functions the programs call. They do
//     dimension-checked arithmetic on Quantity values, record each node's
//     value for the working, and turn division by zero, overflow and NaN
//     into positioned errors. Programs are cached by source: lines of the
//     same shape share one, whatever their numbers or names.
//  4. working.go renders the tree level by level, each node replaced by its
//     value once its height is reached; format.go humanises values.
//
// A script's cost is linear in its lines: each line is compiled on its own
// against hash-map scopes, and nothing walks the set of variables. A line's
// own work is bounded by a budget (Options.MaxSteps, see budget.go), a
// user function's body is compiled once per line, a range's samples live
// only as long as a quantity derived from them, and a session keeps at
// most Options.MaxLiveSamples of them (see memory.go): every input ends in
// bounded time and memory, and Session.Interrupt ends it sooner.
//
// Units are data: units.napkin defines every unit in napkin's own language,
// states each convention (a year is 365 days, a month a twelfth of it) and
// tests itself with asserts. A run reads unit_table.go instead, the file
// read and every unit evaluated when napkin is built (go generate), so
// that start-up parses and evaluates nothing to use a unit;
// TestUnitTableIsCurrent fails when the table is not the file.
package estimate
