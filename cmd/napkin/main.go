// Command napkin is a back-of-envelope estimation calculator: it evaluates
// estimates with units, checks their dimensions and shows its working.
//
// This package is the only one that knows about cobra, flags, terminals and
// exit codes; the estimation itself lives in package estimate.
package main

import "os"

func main() { os.Exit(Main()) }
