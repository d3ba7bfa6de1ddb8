package estimate

import "slices"

// paramSlot says which slot of a compiled body's K takes which argument.
type paramSlot struct{ slot, param int }

// call evaluates the function's body with args bound to its parameters.
//
// The body is compiled once per line evaluated, not once per call: names
// in it (variables, ans) are resolved against the session as it is when
// the line runs, and the parameters become slots filled at each call.
func (f *userFunc) call(s *Session, depth int, args []Quantity) (Quantity, *Error) {
	gen := s.evalGen.Load()
	if f.compiled == nil || f.compiledGen != gen {
		f.compile(s)
		f.compiledGen = gen
	}
	if f.compileErr != nil {
		return Quantity{}, f.compileErr
	}
	if f.direct >= 0 {
		return args[f.direct], nil // f(x) = x
	}
	k := f.compiled.k
	if len(f.paramSlots) > 0 {
		k = slices.Clone(k)
		for _, ps := range f.paramSlots {
			k[ps.slot] = args[ps.param]
		}
	}
	return f.compiled.runWith(depth, k)
}

// compile compiles the body with placeholders for the parameters, and
// notes which slots of K take the arguments.
func (f *userFunc) compile(s *Session) {
	f.compiled, f.compileErr, f.paramSlots, f.direct = nil, nil, nil, -1
	p, err := compile(f.src, f.name+"()", f.body, f.scope(s))
	if err != nil {
		f.compileErr = err
		return
	}
	p.body = true
	f.compiled = p
	s.compiledFuncs = append(s.compiledFuncs, f)
	if p.info[p.root].height == 0 {
		// No program: the body is a literal, a name, or a parameter.
		n := f.body
		for g, ok := n.(*group); ok; g, ok = n.(*group) {
			n = g.x
		}
		if id, ok := n.(*ident); ok {
			f.direct = slices.Index(f.params, id.name)
		}
		return
	}
	for _, ni := range p.info {
		if id, ok := ni.n.(*ident); ok && ni.kind == nkVar {
			if i := slices.Index(f.params, id.name); i >= 0 {
				f.paramSlots = append(f.paramSlots, paramSlot{ni.slot, i})
			}
		}
	}
}

// scope binds the parameters to placeholders: the body's program reads
// them from slots filled at each call.
func (f *userFunc) scope(s *Session) *scope {
	params := make(map[string]Quantity, len(f.params))
	for _, name := range f.params {
		params[name] = Quantity{}
	}
	return &scope{s: s, params: params}
}
