package estimate

import "testing"

const testFormulas = `# formulas
double(x) = 2 * x       # twice x
triple(x) = 3 * x       # three times x
assert double(2) == 4
`

func TestLazyFunctions(t *testing.T) {
	s := NewSession(Options{})
	s.AddFunctions("f.napkin", testFormulas)
	if s.funcSources[0].loaded {
		t.Fatal("loaded before use")
	}
	r, err := s.Eval("double(21)")
	if err != nil || r.Text != "42" {
		t.Fatalf("double(21) = %v, %v", r, err)
	}
	if _, err := s.Eval("triple(2)"); err != nil {
		t.Fatal(err)
	}
	if got := len(s.Functions()); got != 2 {
		t.Errorf("%d functions, want 2", got)
	}
}

func TestOwnDefinitionWinsBeforeLoading(t *testing.T) {
	s := NewSession(Options{})
	s.AddFunctions("f.napkin", testFormulas)
	if _, err := s.Eval("double(x) = 10 * x"); err != nil {
		t.Fatal(err)
	}
	s.Eval("triple(1)") // loads the file
	r, err := s.Eval("double(1)")
	if err != nil || r.Text != "10" {
		t.Errorf("double(1) = %v, %v: the file replaced the session's own definition", r, err)
	}
}

func TestOwnDefinitionWinsAfterLoading(t *testing.T) {
	s := NewSession(Options{})
	s.AddFunctions("f.napkin", testFormulas)
	s.Eval("double(1)")
	s.Eval("double(x) = 10 * x")
	if r, _ := s.Eval("double(1)"); r.Text != "10" {
		t.Errorf("double(1) = %s", r.Text)
	}
}

func TestLazyFunctionSuggestions(t *testing.T) {
	s := NewSession(Options{})
	s.AddFunctions("f.napkin", testFormulas)
	_, err := s.Eval("doubel(2)")
	if err == nil || err.(*Error).Hint != `did you mean "double"?` {
		t.Errorf("got %v", err)
	}
}
