// Command seqsim runs Monte Carlo experiments on a rollup sequencer
// network's token design and reports the risks as distributions.
//
// Usage:
//
//	seqsim run [EXPERIMENT.toml] [flags]   run an experiment (none: the embedded baseline)
//	seqsim validate EXPERIMENT.toml        check a file, print the resolved experiment and an estimate
//	seqsim params                          list every parameter with its unit and default
//	seqsim version                         print the version
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/seqsim/seqsim/internal/params"
)

// version is seqsim's version, recorded in every manifest.
const version = "0.1.0"

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

// exitCode is 2 for bad usage or bad input, 1 for a failed run.
func exitCode(err error) int {
	var ue usageError
	var fe *params.FieldError
	if errors.As(err, &ue) || errors.As(err, &fe) {
		return 2
	}
	return 1
}

const usage = `seqsim: Monte Carlo stress tests for sequencer-network token designs.

Usage:
  seqsim run [EXPERIMENT.toml] [--runs N] [--seed S] [--workers W] [--out DIR]
             [--set path=value]... [--force] [--quiet] [--resume]
             [--shard I/N] [--checkpoint-every DURATION]
  seqsim merge --out DIR SHARD_DIR...
  seqsim replay DIR --point P --run R
  seqsim plot DIR
  seqsim compare DIR DIR... [--out DIR]
  seqsim slurm EXPERIMENT.toml --shards N [--out DIR] [--time T] [--mem M] [--partition P]
  seqsim k8s EXPERIMENT.toml --shards N [--out DIR] [--image IMAGE]
  seqsim validate EXPERIMENT.toml [--set path=value]...
  seqsim params
  seqsim version

With no file, run uses the embedded baseline experiment. See README.md.
`

// run is the whole CLI, testable in-process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usagef("no command")
	}
	switch args[0] {
	case "run":
		return runCmd(ctx, args[1:], stdout, stderr)
	case "slurm":
		return slurmCmd(args[1:], stdout)
	case "k8s":
		return k8sCmd(args[1:], stdout)
	case "plot":
		return plotCmd(args[1:], stdout, stderr)
	case "compare":
		return compareCmd(args[1:], stdout, stderr)
	case "replay":
		return replayCmd(args[1:], stdout)
	case "merge":
		return mergeCmd(args[1:], stdout, stderr)
	case "validate":
		return validateCmd(args[1:], stdout, stderr)
	case "params":
		return paramsCmd(args[1:], stdout)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "seqsim %s\n", version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usagef("unknown command %q", args[0])
}
