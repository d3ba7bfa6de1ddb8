package estimate

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// A function file may say what each parameter of the next definition
// accepts, so that a call outside the formula's domain is an error pointing
// at the argument, never a number:
//
//	#@ domain: availability probability
//	#@ domain: quorum <= replicas: a write quorum needs at most the replicas
//	quorum_latency(mean, replicas, quorum) = …
//
// A parameter's kind is one of domainKinds; a relation compares two
// parameters (< <= > >=) and may end with the sentence its error says.
// Every sample of a range must be in the domain.

// domainKind is what a parameter accepts.
type domainKind int

const (
	domProbability   domainKind = iota + 1 // a plain number from 0 to 1
	domBelowOne                            // a plain number from 0, below 1 (nines(100%) is infinite)
	domUtilisation                         // a plain number above 0, at most 1
	domCount                               // a whole number ≥ 0 (a range: samples ≥ 0)
	domPositiveCount                       // a whole number ≥ 1 (a range: samples ≥ 1)
	domNonNegative                         // any unit, ≥ 0
	domPositive                            // any unit, > 0
)

// domainKinds names the kinds a #@ domain: line may give.
var domainKinds = [...]struct {
	name string
	kind domainKind
}{
	{"probability", domProbability}, {"fraction", domProbability}, {"probability_below_1", domBelowOne}, {"utilisation", domUtilisation},
	{"count", domCount}, {"positive_count", domPositiveCount},
	{"nonnegative", domNonNegative}, {"positive", domPositive},
}

// domainRule is one #@ domain: line: a parameter's kind, or a relation
// between two parameters.
type domainRule struct {
	param, other int // indexes into the function's parameters; other < 0 for a kind
	word         string
	kind         domainKind
	op           string // for a relation
	why          string // for a relation: the sentence its error says
}

// parseDomain reads the value of a #@ domain: line for a function with
// these parameters.
func parseDomain(value string, params []string) (domainRule, error) {
	index := func(name string) (int, error) {
		for i, p := range params {
			if p == name {
				return i, nil
			}
		}
		return -1, fmt.Errorf("%q is not a parameter of the definition below", name)
	}
	rule, why, _ := strings.Cut(value, ":")
	fields := strings.Fields(rule)
	switch len(fields) {
	case 2:
		i, err := index(fields[0])
		if err != nil {
			return domainRule{}, err
		}
		for _, k := range domainKinds {
			if k.name == fields[1] {
				return domainRule{param: i, other: -1, kind: k.kind, word: k.name}, nil
			}
		}
		return domainRule{}, fmt.Errorf("unknown kind %q", fields[1])
	case 3:
		i, err := index(fields[0])
		if err != nil {
			return domainRule{}, err
		}
		j, err := index(fields[2])
		if err != nil {
			return domainRule{}, err
		}
		switch fields[1] {
		case "<", "<=", ">", ">=":
			return domainRule{param: i, other: j, op: fields[1], why: strings.TrimSpace(why)}, nil
		}
		return domainRule{}, fmt.Errorf("unknown comparison %q", fields[1])
	}
	return domainRule{}, fmt.Errorf("write #@ domain: PARAM KIND or PARAM < PARAM")
}

// checkDomain checks the arguments of a call of f against its domain.
func (ctx *evalCtx) checkDomain(id int, f *userFunc, args []Quantity) *Error {
	for _, r := range f.domain {
		var err *Error
		if r.other < 0 {
			err = ctx.checkKind(id, f, r, args[r.param])
		} else {
			err = ctx.checkRelation(id, f, r, args)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (ctx *evalCtx) checkKind(id int, f *userFunc, r domainRule, x Quantity) *Error {
	name := f.params[r.param]
	arg := ctx.operand(id, r.param)
	sp := arg.pos()
	text := ctx.p.src[sp.Start:sp.End]
	fail := func(hint, format string, a ...any) *Error {
		return errorAt(ctx.p.src, sp, hint, "%s of %s %s", name, f.name, fmt.Sprintf(format, a...))
	}
	plain := r.kind == domProbability || r.kind == domBelowOne || r.kind == domUtilisation || r.kind == domCount || r.kind == domPositiveCount
	if plain && !x.D.IsZero() {
		return fail("drop its unit, or divide it by one of its unit (x / 1 s); napkin ref "+f.name+" says what each parameter means", "must be a plain number, not %s [%s]", ctx.show(x), x.D)
	}
	var lo float64
	var what string
	hi, loOpen, hiOpen := math.Inf(1), false, false
	switch r.kind {
	case domProbability:
		lo, hi, what = 0, 1, "must be a "+r.word+" from 0 to 100%"
	case domBelowOne:
		lo, hi, hiOpen, what = 0, 1, true, "must be a probability from 0 to below 100%"
	case domUtilisation:
		lo, hi, loOpen, what = 0, 1, true, "must be a utilisation above 0 and at most 100%"
	case domCount:
		lo, what = 0, "must be a whole number ≥ 0"
	case domPositiveCount:
		lo, what = 1, "must be a whole number ≥ 1"
	case domNonNegative:
		lo, what = 0, "must be ≥ 0"
	case domPositive:
		lo, loOpen, what = 0, true, "must be more than 0"
	}
	out := func(v float64) bool {
		return math.IsNaN(v) || v < lo || (loOpen && v == lo) || v > hi || (hiOpen && v == hi)
	}
	if x.S == nil {
		v := x.V
		whole := r.kind == domCount || r.kind == domPositiveCount
		if !out(v) && !(whole && v != math.Trunc(v)) {
			return nil
		}
		hint := ""
		if hi == 1 && v > 1 && v <= 100 && x.hint&hintPercent == 0 {
			hint = "write " + strconv.FormatFloat(v, 'f', -1, 64) + "%: a plain " + strconv.FormatFloat(v, 'f', -1, 64) + " is " + strconv.FormatFloat(v*100, 'f', -1, 64) + "%"
		}
		if hint == "" {
			hint = domainHint(r.kind, f.name, v, lo)
		}
		return fail(hint, "%s, not %s", what, exact(x, ctx))
	}
	switch r.kind {
	case domCount:
		what = "must be ≥ 0"
	case domPositiveCount:
		what = "must be at least 1"
	}
	bad := 0
	for _, v := range x.S {
		if out(v) {
			bad++
		}
	}
	if bad == 0 {
		return nil
	}
	hint := "a LO to HI or normal range has tails past its ends: define it with uniform(lo, hi) to stay between them"
	if lo, hi, ok := strings.Cut(text, " to "); ok {
		hint = fmt.Sprintf("a LO to HI range is lognormal, with a tail past its ends: write uniform(%s, %s) to stay between them", strings.TrimSpace(lo), strings.TrimSpace(hi))
	} else if strings.HasPrefix(strings.TrimSpace(text), "normal(") {
		hint = "a normal range has tails past its ends: write uniform(lo, hi) to stay between them"
	}
	shown := strings.TrimSpace(text) // as typed: 99.99% shows as 100%
	if !strings.Contains(shown, " to ") {
		shown += " " + ctx.show(x)
	}
	return fail(hint, "%s, but %.1f%% of the samples of %s are not", what, 100*float64(bad)/float64(len(x.S)), shown)
}

// exact shows a plain number exactly (1000001, not 1M), other quantities
// as results show them.
func exact(x Quantity, ctx *evalCtx) string {
	if x.D.IsZero() && x.S == nil && x.hint&hintPercent == 0 && math.Abs(x.V) < 1e15 {
		return strconv.FormatFloat(x.V, 'f', -1, 64)
	}
	return ctx.show(x)
}

func (ctx *evalCtx) checkRelation(id int, f *userFunc, r domainRule, args []Quantity) *Error {
	a, b := args[r.param], args[r.other]
	an, bn := f.params[r.param], f.params[r.other]
	if !sameDim(a, b) {
		return ctx.errorf(id, "", "%s of %s compares %s with %s: %s and %s are of different kinds", f.name, f.name, an, bn, ctx.show(a), ctx.show(b))
	}
	holds := func(x, y float64) bool {
		switch r.op {
		case "<":
			return x < y
		case "<=":
			return x <= y
		case ">":
			return x > y
		}
		return x >= y
	}
	bad, total := 0, max(len(a.S), len(b.S), 1)
	for i := 0; i < total; i++ {
		if !holds(a.at(i), b.at(i)) {
			bad++
		}
	}
	if bad == 0 {
		return nil
	}
	why := r.why
	if why == "" {
		why = fmt.Sprintf("%s needs %s %s %s", f.name, an, r.op, bn)
	}
	detail := fmt.Sprintf("%s is %s, %s is %s", an, exact(a, ctx), bn, exact(b, ctx))
	if total > 1 {
		detail = fmt.Sprintf("in %.1f%% of the samples", 100*float64(bad)/float64(total))
	}
	return ctx.errorf(id, fmt.Sprintf("%s needs %s %s %s", f.name, an, r.op, bn), "%s: %s", why, detail)
}

// CheckDomains reports the first #@ domain: line of a function file that
// does not parse, or that no definition follows: the file's own tests call
// it, since a session skips such a line.
func CheckDomains(file, src string) error {
	for i, line := range strings.Split(src, "\n") {
		if key, value, ok := metaLine(line); ok && key == "domain" {
			st := nextDefinition(src, i)
			if st == nil {
				return fmt.Errorf("%s:%d: no definition follows this #@ domain: line", file, i+1)
			}
			if _, err := parseDomain(value, st.params); err != nil {
				return fmt.Errorf("%s:%d: %v", file, i+1, err)
			}
		}
	}
	return nil
}

// nextDefinition is the function definition after line i, if the lines
// between are #@ lines.
func nextDefinition(src string, i int) *statement {
	lines := strings.Split(src, "\n")
	for _, line := range lines[i+1:] {
		if _, _, ok := metaLine(line); ok {
			continue
		}
		st, err := parseLine(line)
		if err != nil || st.kind != stmtFunc {
			return nil
		}
		return st
	}
	return nil
}

// domainText describes f's domain, a phrase a rule.
func (f *userFunc) domainText() []string {
	var out []string
	for _, r := range f.domain {
		if r.other >= 0 {
			out = append(out, fmt.Sprintf("%s %s %s", f.params[r.param], r.op, f.params[r.other]))
			continue
		}
		var what string
		switch r.kind {
		case domProbability:
			what = "a " + r.word + " from 0 to 100%"
		case domBelowOne:
			what = "a probability from 0 to below 100%"
		case domUtilisation:
			what = "above 0, at most 100%"
		case domCount:
			what = "a whole number ≥ 0"
		case domPositiveCount:
			what = "a whole number ≥ 1"
		case domNonNegative:
			what = "≥ 0"
		case domPositive:
			what = "> 0"
		}
		out = append(out, f.params[r.param]+" "+what)
	}
	return out
}

// domainHint says what a parameter of a formula accepts, for an argument
// outside it that has no more particular hint.
func domainHint(kind domainKind, fn string, v, lo float64) string {
	switch kind {
	case domProbability:
		return "give a percentage from 0% to 100%; napkin ref " + fn + " says what each parameter means"
	case domBelowOne:
		if v == 1 {
			return fn + " is infinite at 100%; give an availability below it, such as 99.999%"
		}
		return "give a percentage from 0% to below 100%; napkin ref " + fn + " says what each parameter means"
	case domUtilisation:
		return "give a utilisation such as 70%: above 0% and at most 100%"
	case domCount, domPositiveCount:
		if v < lo {
			return "a count cannot be below " + strconv.FormatFloat(lo, 'f', -1, 64) + "; napkin ref " + fn + " says what each parameter means"
		}
		return "round it to a whole number: round(x) or ceil(x)"
	}
	return "napkin ref " + fn + " says what each parameter means"
}
