// Command seqsim runs Monte Carlo experiments on a rollup sequencer
// network's token design and reports the risks as distributions.
//
// Usage:
//
//	seqsim run [EXPERIMENT.toml] [flags]   run an experiment (none: the embedded baseline)
//	seqsim validate EXPERIMENT.toml        check a file, print the resolved experiment and an estimate
//	seqsim params                          list every parameter with its unit and default
//	seqsim help [COMMAND]                  list the commands, or one command's usage and flags
//
// The work is done by the study package (github.com/seqsim/seqsim/study);
// this command is its flags and wiring.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/seqsim/seqsim/experiments/field"
	"github.com/seqsim/seqsim/study"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintf(os.Stderr, "seqsim: %v\n", err)
		os.Exit(exitCode(err))
	}
}

// usageError marks bad usage or bad input: exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// exitCode is 2 for bad usage or bad input (including an output folder in
// use by another process), 1 for a failed run.
func exitCode(err error) int {
	var ue usageError
	var fe *field.Error
	var ie *study.InputError
	if errors.As(err, &ue) || errors.As(err, &fe) || errors.As(err, &ie) {
		return 2
	}
	return 1
}

// run is the whole CLI, testable in-process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, overview())
		return usagef("no command")
	}
	switch args[0] {
	case "version", "--version", "-version":
		if len(args) > 1 && isHelp(args[1]) {
			return help(stdout, "version")
		}
		fmt.Fprintf(stdout, "seqsim %s\n", study.Version)
		return nil
	case "help", "-h", "--help", "-help":
		if len(args) > 2 {
			return usagef("help takes at most one command")
		}
		if len(args) == 2 && isHelp(args[1]) {
			return help(stdout, "help")
		}
		if len(args) == 2 {
			return help(stdout, args[1])
		}
		fmt.Fprint(stdout, overview())
		return nil
	}
	c := lookup(args[0])
	if c == nil {
		fmt.Fprint(stderr, overview())
		return usagef("unknown command %q", args[0])
	}
	err := c.run(ctx, args[1:], stdout, stderr)
	var ue usageError
	switch {
	case errors.Is(err, flag.ErrHelp):
		return help(stdout, c.name)
	case errors.As(err, &ue):
		fmt.Fprint(stderr, c.usage())
	}
	return err
}

// isHelp reports whether arg asks for help.
func isHelp(arg string) bool { return arg == "-h" || arg == "--help" || arg == "-help" }
