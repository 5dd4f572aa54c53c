// Command custom-mechanism adds a mechanism of its own to seqsim's token
// model, outside the seqsim module, and runs a study with it: the same
// output folder and report as `seqsim run`.
//
//	go run . -out /tmp/mev -runs 50
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/study"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "custom-mechanism:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("custom-mechanism", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "out/mev-buyback", "output folder (created; must be empty unless -force)")
	runs := fs.Int("runs", 50, "Monte Carlo runs")
	force := fs.Bool("force", false, "write into a non-empty folder")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	// The embedded baseline with the mechanism turned on: naming its
	// section in a --set path (or a [mev_buyback] table in a file) does it.
	exp, err := experiments.Load("baseline.toml", experiments.Embedded("baseline"), []string{
		"experiment.name=\"mev-buyback\"",
		fmt.Sprintf("experiment.runs=%d", *runs),
		"mev_buyback.burn_share=1",
	}, newMEVBuyback)
	if err != nil {
		return err
	}
	res, err := study.Run(ctx, exp, study.Options{Dir: *out, Force: *force, Progress: stderr,
		Command: append([]string{"custom-mechanism"}, args...)})
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s: %d runs with the MEV buyback\n", res.Dir(), res.Runs())
	return nil
}
