package main

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

// language.md is the language reference; the README carries the same text
// (a test keeps them equal).
//
//go:embed language.md
var languageReference string

func newLanguageHelp() *cobra.Command {
	return &cobra.Command{
		Use:   "language",
		Short: "The napkin language: numbers, units, operators, conversions, functions",
		Long:  languageReference,
	}
}

// newHelpCmd replaces cobra's help command, which answers an unknown topic
// with the usage and exit 0: here it is an error that says what exists.
func newHelpCmd(root *cobra.Command) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command, or the language (napkin help language)",
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := root.Find(args)
			if err != nil || target == nil || len(rest) > 0 || (target == root && len(args) > 0) {
				return &usageError{fmt.Sprintf("no help topic %q", strings.Join(args, " ")),
					"napkin help lists the commands; napkin help language is the language reference"}
			}
			target.InitDefaultHelpFlag()
			return target.Help()
		},
	}
}
