package estimate

import (
	"maps"
	"slices"
	"testing"
)

// TestBuiltinNames keeps the sorted list of builtin names, which answers
// "is this a builtin?" without building the table, in step with the table.
func TestBuiltinNames(t *testing.T) {
	keys := slices.Sorted(maps.Keys(builtins()))
	if !slices.Equal(keys, builtinNames) {
		t.Errorf("builtinNames = %q, want the table's names %q", builtinNames, keys)
	}
}
