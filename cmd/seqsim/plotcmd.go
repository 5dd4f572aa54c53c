package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/seqsim/seqsim/report"
)

// plotUsage and compareUsage are printed for -h and on bad usage.
const (
	plotUsage = `usage: seqsim plot DIR

Rebuilds every chart (DIR/plots/*.svg, .png, .pdf) and DIR/report.html
from the files of the output folder DIR, without running anything.
`
	compareUsage = `usage: seqsim compare DIR DIR... [--out DIR]

Builds a comparison report of finished experiments: each one's key
outcomes side by side with 95% intervals, best and worst marked, overlaid
fan charts of the series they share, and the parameters that differ.
Writes OUT/report.html and OUT/plots/ (default OUT: out/compare).
`
)

// plotCmd is `seqsim plot DIR`.
func plotCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("plot", flag.ContinueOnError)
	quiet := fs.Bool("quiet", false, "print nothing on success")
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, plotUsage)
		return nil
	}
	if err != nil {
		fmt.Fprint(stderr, plotUsage)
		return err
	}
	if len(pos) != 1 {
		fmt.Fprint(stderr, plotUsage)
		return usagef("plot takes one output folder, got %d", len(pos))
	}
	dir := pos[0]
	if err := report.Build(dir); err != nil {
		return reportError(err)
	}
	if !*quiet {
		fmt.Fprintf(stdout, "wrote %s and the charts in %s\n", filepath.Join(dir, report.ReportFile), filepath.Join(dir, report.PlotsDir))
	}
	return nil
}

// compareCmd is `seqsim compare DIR DIR... [--out DIR]`.
func compareCmd(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	out := fs.String("out", filepath.Join("out", "compare"), "output folder of the comparison")
	quiet := fs.Bool("quiet", false, "print nothing on success")
	dirs, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, compareUsage)
		return nil
	}
	if err != nil {
		fmt.Fprint(stderr, compareUsage)
		return err
	}
	if len(dirs) == 0 {
		fmt.Fprint(stderr, compareUsage)
		return usagef("compare needs at least one output folder")
	}
	if err := report.Compare(*out, dirs); err != nil {
		return reportError(err)
	}
	if !*quiet {
		fmt.Fprintf(stdout, "wrote %s comparing %d experiments\n", filepath.Join(*out, report.ReportFile), len(dirs))
	}
	return nil
}

// reportError makes a folder that is not a readable seqsim output (a
// missing or malformed file) bad input, exit status 2; a failure to write
// stays a failure, exit status 1.
func reportError(err error) error {
	if errors.Is(err, report.ErrBadFolder) {
		return usageError{err}
	}
	return err
}
