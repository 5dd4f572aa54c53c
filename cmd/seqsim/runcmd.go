package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/study"
)

type runOptions struct {
	runs, workers int
	seed          int64
	out           string
	sets          setFlags
	force, quiet  bool
	resume        bool
	shard         string
	shards        int
	checkpoint    time.Duration
}

func runCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o runOptions
	fs := runFlags(&o)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("run takes at most one experiment file, got %d", len(pos))
	}
	file := ""
	if len(pos) == 1 {
		file = pos[0]
	}
	sets := append([]string(nil), o.sets...)
	if o.runs != 0 {
		sets = append(sets, "experiment.runs="+strconv.Itoa(o.runs))
	}
	if o.seed >= 0 {
		sets = append(sets, "experiment.seed="+strconv.FormatInt(o.seed, 10))
	}
	exp, err := experiments.LoadFile(file, sets)
	if err != nil {
		return err
	}
	if err := exp.PrintWarnings(stderr); err != nil {
		return err
	}
	shard, source, err := study.ResolveShard(o.shard, o.shards, os.Getenv)
	if err != nil {
		return err
	}
	if source != "" && !o.quiet {
		fmt.Fprintf(stderr, "seqsim: running shard %d of %d (from %s)\n", shard.Index, shard.Count, source)
	}
	dir := o.out
	if dir == "" {
		dir = filepath.Join("out", exp.Experiment.Name)
		if shard.Count >= 1 {
			dir = filepath.Join("out", fmt.Sprintf("%s-shard-%d-of-%d", exp.Experiment.Name, shard.Index, shard.Count))
		}
	}
	opts := study.Options{Dir: dir, Workers: o.workers, Shard: shard, Force: o.force, Resume: o.resume,
		CheckpointEvery: o.checkpoint, Command: append([]string{"seqsim", "run"}, args...)}
	if !o.quiet {
		opts.Progress = stderr
	}
	res, err := study.Run(ctx, exp, opts)
	var ie *study.InterruptedError
	if errors.As(err, &ie) {
		return fmt.Errorf("%w; complete it with: %s", err, study.ResumeCommand(file, o.sets, exp, shard, dir))
	}
	if err != nil {
		return err
	}
	if !o.quiet {
		if shard.Count == 0 {
			res.WriteSummary(stdout)
		}
		fmt.Fprintf(stdout, "\nwrote %s (%d runs in %.1fs, %.0f runs/s)\n", dir, res.Runs(), res.Wall().Seconds(), float64(res.Runs())/res.Wall().Seconds())
	}
	return nil
}

// runFlags defines the flags of `seqsim run`.
func runFlags(o *runOptions) *flag.FlagSet {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.IntVar(&o.runs, "runs", 0, "`N` runs per scenario point (default: the experiment's)")
	fs.Int64Var(&o.seed, "seed", -1, "master seed `S` (default: the experiment's)")
	fs.IntVar(&o.workers, "workers", 0, "`W` worker goroutines (default: one per CPU core)")
	fs.StringVar(&o.out, "out", "", "output folder `DIR` (default: out/<experiment name>, or out/<name>-shard-I-of-N)")
	fs.Var(&o.sets, "set", "override a parameter: `path=value` (repeatable)")
	fs.BoolVar(&o.force, "force", false, "write into an existing non-empty output folder (never one in use)")
	fs.BoolVar(&o.quiet, "quiet", false, "no progress and no summary table")
	fs.BoolVar(&o.resume, "resume", false, "complete an interrupted run in its output folder")
	fs.StringVar(&o.shard, "shard", "", "run only shard I of N (`I/N`, 0-based); default: from the scheduler's environment")
	fs.IntVar(&o.shards, "shards", 0, "`N`, the number of shards when the scheduler gives only an index (Kubernetes)")
	fs.DurationVar(&o.checkpoint, "checkpoint-every", 10*time.Second, "how often to save a checkpoint (0: only on interrupt)")
	return fs
}

// mergeCmd: seqsim merge --out DIR SHARD_DIR...
func mergeCmd(args []string, stdout io.Writer) error {
	fs, out, force, quiet := mergeFlags()
	dirs, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *out == "" || len(dirs) == 0 {
		return usagef("merge needs --out DIR and at least one shard folder")
	}
	res, err := study.Merge(dirs, study.Options{Dir: *out, Force: *force, Command: append([]string{"seqsim", "merge"}, args...)})
	if res != nil && !*quiet {
		res.WriteSummary(stdout)
		fmt.Fprintf(stdout, "\nmerged %d shards into %s (%d runs)\n", len(dirs), *out, res.Runs())
	}
	return err
}

// mergeFlags defines the flags of `seqsim merge`.
func mergeFlags() (fs *flag.FlagSet, out *string, force, quiet *bool) {
	fs = flag.NewFlagSet("merge", flag.ContinueOnError)
	out = fs.String("out", "", "output folder `DIR` of the merged result (required)")
	force = fs.Bool("force", false, "write into an existing non-empty folder (never one in use)")
	quiet = fs.Bool("quiet", false, "no summary table")
	return fs, out, force, quiet
}

// replayCmd reruns one unit of a finished output folder alone.
func replayCmd(args []string, stdout io.Writer) error {
	fs, point, run, out := replayFlags()
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("replay takes one output folder, got %d", len(pos))
	}
	r, err := study.Replay(pos[0], *point, *run, *out, append([]string{"seqsim", "replay"}, args...))
	if r != nil {
		fmt.Fprintf(stdout, "replayed point %d run %d (seed %d): trace in %s, %d events in %s\n", r.Unit.Point, r.Unit.Run, r.Unit.Seed, r.Trace, r.NEvents, r.Events)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, "outcomes equal the row in runs.csv")
	return nil
}

// replayFlags defines the flags of `seqsim replay`.
func replayFlags() (fs *flag.FlagSet, point, run *int, out *string) {
	fs = flag.NewFlagSet("replay", flag.ContinueOnError)
	point = fs.Int("point", 0, "scenario point `P` (0-based)")
	run = fs.Int("run", 0, "run `R` of the point (0-based)")
	out = fs.String("out", "", "trace file `FILE` (default DIR/replay-pP-rR.csv)")
	return fs, point, run, out
}
