package main

import (
	_ "embed"

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
