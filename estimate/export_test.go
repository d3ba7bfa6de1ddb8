package estimate

import "sync"

// StepsOfLastLine is the work the session's last line did, for the
// pipeline fuzz target's bound.
func (s *Session) StepsOfLastLine() int { return s.steps }

// resetCaches forgets what the package builds on first use (the prelude,
// the expr configuration, the compiled programs, the builtins), so that a
// benchmark can measure a run's cold start again and again.
func resetCaches() {
	preludeOnce, thePrelude = sync.Once{}, nil
	exprOnce, exprConfig = sync.Once{}, nil
	programsMu.Lock()
	programs = nil
	programsMu.Unlock()
	builtinsOnce, builtinTable = sync.Once{}, nil
}
