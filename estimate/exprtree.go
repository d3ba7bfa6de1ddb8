package estimate

import (
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	exprparser "github.com/expr-lang/expr/parser"
)

// exprTree is the expr syntax tree of a plan's code, built without expr's
// lexer and parser, which are the slowest part of compiling a line in a
// fresh process. The code is what emit writes and nothing else: calls
// name(C, ID, ARG…) whose arguments are calls or slots K[I]. The tree is
// the one expr's parser makes of that code (TestExprTreeIsExprs), less the
// positions, which only expr's own errors would show and napkin never
// shows them. ok is false for any other text.
func exprTree(code string) (tree *exprparser.Tree, ok bool) {
	r := codeReader{s: code, ok: true}
	n := r.node()
	if !r.ok || r.i != len(code) {
		return nil, false
	}
	return &exprparser.Tree{Node: n, Source: file.NewSource(code)}, true
}

// parseCheck is checker.ParseCheck, with the tree built by exprTree when
// the code is emit's, as it always is.
func parseCheck(code string, c *conf.Config) (*exprparser.Tree, error) {
	tree, ok := exprTree(code)
	if !ok {
		return checker.ParseCheck(code, c)
	}
	if _, err := new(checker.Checker).PatchAndCheck(tree, c); err != nil {
		return nil, err
	}
	return tree, nil
}

// codeReader reads emit's code from s at i; ok turns false at the first
// text emit does not write.
type codeReader struct {
	s  string
	i  int
	ok bool
}

// node reads a slot K[I] or a call name(C, ID, ARG…).
func (r *codeReader) node() ast.Node {
	if r.take("K[") {
		n := r.integer()
		r.expect("]")
		return &ast.MemberNode{Node: &ast.IdentifierNode{Value: "K"}, Property: n}
	}
	start := r.i
	for r.i < len(r.s) && 'a' <= r.s[r.i] && r.s[r.i] <= 'z' {
		r.i++
	}
	name := r.s[start:r.i]
	if name == "" || !r.take("(C, ") {
		r.ok = false
		return nil
	}
	args := []ast.Node{&ast.IdentifierNode{Value: "C"}, r.integer()}
	for r.ok && r.take(", ") {
		args = append(args, r.node())
	}
	r.expect(")")
	return &ast.CallNode{Callee: &ast.IdentifierNode{Value: name}, Arguments: args}
}

func (r *codeReader) integer() ast.Node {
	v, start := 0, r.i
	for r.i < len(r.s) && '0' <= r.s[r.i] && r.s[r.i] <= '9' && r.i-start < 9 {
		v = v*10 + int(r.s[r.i]-'0')
		r.i++
	}
	if r.i == start {
		r.ok = false
	}
	return &ast.IntegerNode{Value: v}
}

func (r *codeReader) take(s string) bool {
	if r.ok && len(r.s)-r.i >= len(s) && r.s[r.i:r.i+len(s)] == s {
		r.i += len(s)
		return true
	}
	return false
}

func (r *codeReader) expect(s string) {
	if !r.take(s) {
		r.ok = false
	}
}
