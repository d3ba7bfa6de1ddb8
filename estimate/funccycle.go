package estimate

// callPath is the chain of user functions by which from calls the function
// named target, directly or through others: [from, …, last], where last
// calls target; nil when it never does. Each function is visited once, so
// the search is linear in the size of the bodies it reaches.
func (s *Session) callPath(from *userFunc, target string) []string {
	seen := map[string]bool{}
	var visit func(f *userFunc) []string
	visit = func(f *userFunc) []string {
		if seen[f.name] {
			return nil
		}
		seen[f.name] = true
		var found []string
		eachCall(f.body, func(name string) bool {
			if name == target {
				found = []string{f.name}
				return true
			}
			if g, ok := s.funcs[name]; ok {
				if rest := visit(g); rest != nil {
					found = append([]string{f.name}, rest...)
					return true
				}
			}
			return false
		})
		return found
	}
	return visit(from)
}

// eachCall calls yield with the name of every function call in n, depth
// first, until yield returns true.
func eachCall(n node, yield func(name string) bool) bool {
	switch n := n.(type) {
	case *call:
		if yield(n.name) {
			return true
		}
		for _, a := range n.args {
			if eachCall(a, yield) {
				return true
			}
		}
	case *binary:
		return eachCall(n.x, yield) || eachCall(n.y, yield)
	case *compare:
		return eachCall(n.x, yield) || eachCall(n.y, yield)
	case *rangeNode:
		return eachCall(n.lo, yield) || eachCall(n.hi, yield)
	case *unary:
		return eachCall(n.x, yield)
	case *percent:
		return eachCall(n.x, yield)
	case *group:
		return eachCall(n.x, yield)
	case *convNode:
		return eachCall(n.x, yield)
	case *recip:
		return eachCall(n.x, yield)
	case *juxt:
		for _, x := range n.xs {
			if eachCall(x, yield) {
				return true
			}
		}
	}
	return false
}
