package estimate

import (
	"reflect"
	"testing"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/conf"
)

// TestConfigIsExprDefaults checks that config, which builds its
// configuration directly, makes what expr's own way does: conf.CreateNew,
// expr.DisableAllBuiltins, napkin's options, the builtins deleted.
func TestConfigIsExprDefaults(t *testing.T) {
	want := conf.CreateNew()
	expr.DisableAllBuiltins()(want)
	for _, o := range exprOptions() {
		o(want)
	}
	want.MaxNodes = 1 << 20
	for name := range want.Disabled {
		delete(want.Builtins, name)
	}
	want.Check()
	got := config()
	type shape struct {
		Expect                                             reflect.Kind
		ExpectAny, Optimize, Strict, ShortCircuit, Profile bool
		MaxNodes                                           uint
		ConstFns                                           map[string]reflect.Value
		Visitors, Builtins                                 int
		Disabled                                           map[string]bool
		DisableIfOperator                                  bool
		EnvObject                                          any
	}
	shapeOf := func(c *conf.Config) shape {
		return shape{c.Expect, c.ExpectAny, c.Optimize, c.Strict, c.ShortCircuit, c.Profile, c.MaxNodes, c.ConstFns,
			len(c.Visitors), len(c.Builtins), c.Disabled, c.DisableIfOperator, c.EnvObject}
	}
	if g, w := shapeOf(got), shapeOf(want); !reflect.DeepEqual(g, w) {
		t.Errorf("config is\n%+v, want\n%+v", g, w)
	}
	// The environment's type data fills in as programs are compiled.
	if g, w := got.Env, want.Env; g.Type != w.Type || g.Kind != w.Kind || g.Strict != w.Strict || g.Nil != w.Nil {
		t.Errorf("environment %+v, want %+v", got.Env, want.Env)
	}
	if len(got.Functions) != len(want.Functions) {
		t.Fatalf("%d functions, want %d", len(got.Functions), len(want.Functions))
	}
	for name, w := range want.Functions {
		g := got.Functions[name]
		if g == nil || g.Name != w.Name || !reflect.DeepEqual(g.Types, w.Types) || (g.Func == nil) != (w.Func == nil) {
			t.Errorf("function %s is %+v, want %+v", name, g, w)
		}
	}
}
