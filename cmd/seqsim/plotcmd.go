package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/seqsim/seqsim/report"
	"github.com/seqsim/seqsim/study"
	"github.com/seqsim/seqsim/study/folder"
)

// plotCmd is `seqsim plot DIR`.
func plotCmd(args []string, stdout io.Writer) error {
	fs, quiet := plotFlags()
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("plot takes one output folder, got %d", len(pos))
	}
	dir := pos[0]
	if err := study.Plot(dir, append([]string{"seqsim", "plot"}, args...)); err != nil {
		return reportError(err)
	}
	if !*quiet {
		fmt.Fprintf(stdout, "wrote %s and the charts in %s\n", filepath.Join(dir, folder.Report), filepath.Join(dir, folder.Plots))
	}
	return nil
}

// plotFlags defines the flags of `seqsim plot`.
func plotFlags() (*flag.FlagSet, *bool) {
	fs := flag.NewFlagSet("plot", flag.ContinueOnError)
	return fs, fs.Bool("quiet", false, "print nothing on success")
}

// compareCmd is `seqsim compare DIR DIR... [--out DIR]`.
func compareCmd(args []string, stdout io.Writer) error {
	fs, out, quiet := compareFlags()
	dirs, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(dirs) == 0 {
		return usagef("compare needs at least one output folder")
	}
	if err := study.Compare(*out, dirs, append([]string{"seqsim", "compare"}, args...)); err != nil {
		return reportError(err)
	}
	if !*quiet {
		fmt.Fprintf(stdout, "wrote %s comparing %d experiments\n", filepath.Join(*out, folder.Report), len(dirs))
	}
	return nil
}

// compareFlags defines the flags of `seqsim compare`.
func compareFlags() (fs *flag.FlagSet, out *string, quiet *bool) {
	fs = flag.NewFlagSet("compare", flag.ContinueOnError)
	out = fs.String("out", filepath.Join("out", "compare"), "output folder `DIR` of the comparison")
	quiet = fs.Bool("quiet", false, "print nothing on success")
	return fs, out, quiet
}

// reportError makes a folder that is not a readable seqsim output (a
// missing or malformed file) bad input, exit status 2; a failure to write
// stays a failure, exit status 1.
func reportError(err error) error {
	if errors.Is(err, report.ErrBadFolder) {
		return &study.InputError{Err: err}
	}
	return err
}
