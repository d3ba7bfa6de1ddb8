package estimate

import (
	"reflect"
	"sync"

	"github.com/expr-lang/expr"
	exprbuiltin "github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/conf"
)

var (
	exprOnce   sync.Once
	exprConfig *conf.Config
)

// config builds the one shared expr configuration: napkin's runtime
// functions with their types, no builtins, no constant folding (it would
// remove the steps the working shows).
//
// It is built once a process, by the first line that runs a program, so it
// is made directly rather than with conf.CreateNew and
// expr.DisableAllBuiltins: they fill a table of expr's ~80 builtins only
// to disable and delete every one. The result is the same configuration
// (TestConfigIsExprDefaults).
func config() *conf.Config {
	exprOnce.Do(func() {
		c := &conf.Config{
			// conf.CreateNew's defaults, less the builtins.
			ShortCircuit: true,
			ConstFns:     map[string]reflect.Value{},
			Functions:    make(conf.FunctionsTable, 16),
			Builtins:     conf.FunctionsTable{},
			Disabled:     make(map[string]bool, len(exprbuiltin.Builtins)),
			// napkin's parser bounds a line (terms, nesting); expr's own
			// node limit (10,000, about 2,000 of napkin's operations) must
			// not turn a long but legal line into an internal error.
			MaxNodes: 1 << 20,
		}
		// Every builtin disabled: the parser reads none of their names as
		// a builtin call.
		for _, f := range exprbuiltin.Builtins {
			c.Disabled[f.Name] = true
		}
		for _, o := range exprOptions() {
			o(c)
		}
		c.Check()
		exprConfig = c
	})
	return exprConfig
}

// exprOptions are the environment and the functions of napkin's programs.
func exprOptions() []expr.Option {
	return []expr.Option{
		expr.Env(exprEnv{}),
		expr.Optimize(false),
		expr.Function("add", wrap2(addOp), new(fn2)),
		expr.Function("sub", wrap2(subOp), new(fn2)),
		expr.Function("mul", wrapScaling(mulOp), new(fn2)),
		expr.Function("div", wrapScaling(divOp), new(fn2)),
		expr.Function("pow", wrapScaling(powOp), new(fn2)),
		expr.Function("neg", wrap1(negOp), new(fn1)),
		expr.Function("pos", wrap1(posOp), new(fn1)),
		expr.Function("pct", wrap1(pctOp), new(fn1)),
		expr.Function("recip", wrap1(recipOp), new(fn1)),
		expr.Function("conv", wrap1(convOp), new(fn1)),
		expr.Function("call", callOp, new(fnN)),
		expr.Function("rng", wrap2(rangeOp), new(fn2)),
		expr.Function("cmp", wrap2(cmpOp), new(fn2)),
	}
}
