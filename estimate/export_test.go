package estimate

// StepsOfLastLine is the work the session's last line did, for the
// pipeline fuzz target's bound.
func (s *Session) StepsOfLastLine() int { return s.steps }
