package estimate

import "fmt"

// A session bounds the memory its ranges' samples take, so that a long
// script of ranges (or a large --samples) ends in a positioned error
// rather than in the Go runtime running out of memory. Two counts make the
// live samples:
//
//   - held: the distinct sample vectors that variables and ans keep from one
//     line to the next, counted exactly (a vector shared by x, y = x and
//     ans counts once) as they are set and replaced;
//   - line: the vectors the line being evaluated has made and still needs:
//     counted as an operation makes one, no longer once the operation that
//     takes it as an operand has made its own result (unless the working
//     keeps it), and all forgotten when the next line starts, since
//     nothing of a line but its result outlives it.
//
// The budget of steps bounds a line's vectors too (at most MaxSteps ×
// valuesPerStep samples, 800 MB by default), whatever the number of
// samples per range.

// DefaultMaxLiveSamples is the number of samples a session may keep in
// memory unless Options.MaxLiveSamples sets another: 2^26 float64s,
// 512 MiB (a little over twice that in the process, with the garbage
// collector's headroom), room for 671 ranges of the default 100,000
// samples, or 6 of the most, 10,000,000.
const DefaultMaxLiveSamples = 1 << 26

// MaxSamples is the most samples a range may have (Options.Samples).
const MaxSamples = 10_000_000

// heldVector is a sample vector kept by variables or ans.
type heldVector struct{ n, refs int }

// lineVector is a sample vector made by the line being evaluated; a pinned
// one is kept for the working to the end of the line.
type lineVector struct {
	n      int
	pinned bool
}

func (s *Session) maxLive() int {
	if s.opts.MaxLiveSamples <= 0 {
		return DefaultMaxLiveSamples
	}
	return s.opts.MaxLiveSamples
}

// hold counts q's samples as kept by one more variable (or ans).
func (s *Session) hold(q Quantity) {
	if len(q.S) == 0 {
		return
	}
	if s.held == nil {
		s.held = map[*float64]*heldVector{}
	}
	key := &q.S[0]
	h := s.held[key]
	if h == nil {
		h = &heldVector{n: len(q.S)}
		s.held[key] = h
		s.heldSamples += h.n
	}
	h.refs++
}

// release undoes hold: a vector no variable keeps any more is no longer
// counted (the garbage collector frees it).
func (s *Session) release(q Quantity) {
	if len(q.S) == 0 {
		return
	}
	key := &q.S[0]
	h := s.held[key]
	if h == nil {
		return
	}
	if h.refs--; h.refs <= 0 {
		delete(s.held, key)
		s.heldSamples -= h.n
	}
}

// setAns makes q the value of ans.
func (s *Session) setAns(q *Quantity) {
	if q != nil {
		s.hold(*q)
	}
	if s.ans != nil {
		s.release(*s.ans)
	}
	s.ans = q
}

// LiveSamples is the number of samples the session's variables and ans
// keep in memory between lines.
func (s *Session) LiveSamples() int { return s.heldSamples }

// roomFor checks that n more samples fit in the session's memory for
// samples, before a range makes them.
func (ctx *evalCtx) roomFor(id, n int) *Error {
	s := ctx.p.scope.s
	if n > MaxSamples {
		err := ctx.errorf(id, fmt.Sprintf("the default is %s samples; more than %s add no digit worth showing", comma(DefaultSamples), comma(MaxSamples)),
			"a range of %s samples is more than napkin's limit of %s", comma(int64(n)), comma(MaxSamples))
		err.cause = ErrTooManySamples
		return err
	}
	if s.heldSamples+s.lineSamples+n <= s.maxLive() {
		return nil
	}
	return ctx.tooManySamples(id)
}

// madeSamples counts q's vector, made by the line (unless it is already
// counted: +x is x's vector).
func (ctx *evalCtx) madeSamples(id int, q Quantity) *Error {
	s := ctx.p.scope.s
	key := &q.S[0]
	if _, ok := s.lineVecs[key]; ok {
		return nil
	}
	if _, ok := s.held[key]; ok {
		return nil
	}
	if s.lineVecs == nil {
		s.lineVecs = map[*float64]*lineVector{}
	}
	s.lineVecs[key] = &lineVector{n: len(q.S)}
	s.lineSamples += len(q.S)
	if s.heldSamples+s.lineSamples <= s.maxLive() {
		return nil
	}
	return ctx.tooManySamples(id)
}

// usedUp stops counting operand o's vector once result is made from it.
func (s *Session) usedUp(o, result Quantity) {
	if len(o.S) == 0 || len(result.S) > 0 && &result.S[0] == &o.S[0] {
		return
	}
	key := &o.S[0]
	if v := s.lineVecs[key]; v != nil && !v.pinned {
		delete(s.lineVecs, key)
		s.lineSamples -= v.n
	}
}

// pin keeps q's vector counted to the end of the line.
func (s *Session) pin(q Quantity) {
	if v := s.lineVecs[&q.S[0]]; v != nil {
		v.pinned = true
	}
}

// endLine forgets the vectors of the line before.
func (s *Session) endLine() {
	clear(s.lineVecs)
	s.lineSamples = 0
}

func (ctx *evalCtx) tooManySamples(id int) *Error {
	s := ctx.p.scope.s
	limit := s.maxLive()
	err := ctx.errorf(id,
		fmt.Sprintf("use fewer samples per range (--samples; now %s, the default is %s), fewer range variables (assigning a variable again frees its samples), or fewer ranges in the line",
			comma(int64(s.samples())), comma(DefaultSamples)),
		"too many samples in memory: %s ranges kept by variables and %s in use by this line pass napkin's limit of %s samples (%s)",
		comma(int64(len(s.held))), comma(int64(len(s.lineVecs))), comma(int64(limit)), bytesText(8*limit))
	err.cause = ErrTooManySamples
	return err
}

// bytesText shows a size in bytes: 512 MiB, 7.81 KiB.
func bytesText(b int) string {
	switch {
	case b >= 1<<20:
		return fmt.Sprintf("%.3g MiB", float64(b)/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.3g KiB", float64(b)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", b)
}
