package frontend

import "runtime/debug"

// BuildID names the build of the running binary: its module version and,
// when built from a checkout, the commit (and whether the tree had changes).
// napkin serve hands its page to the napkin-serve binary, and compares the
// two builds' IDs so that an old napkin-serve left on the PATH never answers
// with another version's engine.
func BuildID() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	id := info.Main.Version
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision":
			id += " " + s.Value
		case s.Key == "vcs.modified" && s.Value == "true":
			id += "+changes"
		}
	}
	return id
}
