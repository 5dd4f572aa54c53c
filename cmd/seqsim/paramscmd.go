package main

import (
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/seqsim/seqsim/experiments"
)

func paramsCmd(args []string, stdout io.Writer) error {
	pos, err := parseInterspersed(flag.NewFlagSet("params", flag.ContinueOnError), args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("params takes no arguments")
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PATH\tTYPE\tDEFAULT\tUNIT\tRANGE\tMEANING")
	for _, d := range experiments.Describe() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", d.Path, d.Type, d.Default, d.Unit, d.Range, d.Doc)
	}
	return tw.Flush()
}
