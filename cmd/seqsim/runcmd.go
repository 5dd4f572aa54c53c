package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/experiments"
)

// The model satisfies the engine's interface structurally (agents does not
// import engine).
var _ engine.Sim = (*agents.Sim)(nil)

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
	shard, source, err := resolveShard(o.shard, o.shards, os.Getenv)
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
	if !o.resume {
		if err := prepareOutDir(dir, o.force); err != nil {
			return err
		}
	}
	workers := o.workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	job := &job{exp: exp, dir: dir, workers: workers, shard: shard, resume: o.resume, checkpointEvery: o.checkpoint,
		command: append([]string{"seqsim", "run"}, args...), file: file, sets: o.sets, stderr: stderr, quiet: o.quiet}
	res, err := job.execute(ctx)
	if err != nil {
		return err
	}
	if !o.quiet {
		if shard.Count == 0 {
			printSummary(stdout, res)
		}
		fmt.Fprintf(stdout, "\nwrote %s (%d runs in %.1fs, %.0f runs/s)\n", dir, res.runs, res.wall.Seconds(), float64(res.runs)/res.wall.Seconds())
	}
	return nil
}

// runFlags defines the flags of `seqsim run`.
func runFlags(o *runOptions) *flag.FlagSet {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.IntVar(&o.runs, "runs", 0, "runs per scenario point (default: the experiment's)")
	fs.Int64Var(&o.seed, "seed", -1, "master seed (default: the experiment's)")
	fs.IntVar(&o.workers, "workers", 0, "worker goroutines (default: one per CPU core)")
	fs.StringVar(&o.out, "out", "", "output folder (default: out/<experiment name>, or out/<name>-shard-I-of-N)")
	fs.Var(&o.sets, "set", "override a parameter: path=value (repeatable)")
	fs.BoolVar(&o.force, "force", false, "write into an existing non-empty output folder")
	fs.BoolVar(&o.quiet, "quiet", false, "no progress and no summary table")
	fs.BoolVar(&o.resume, "resume", false, "complete an interrupted run in its output folder")
	fs.StringVar(&o.shard, "shard", "", "run only shard I of N (I/N, 0-based); default: from the scheduler's environment")
	fs.IntVar(&o.shards, "shards", 0, "number of shards when the scheduler gives only an index (Kubernetes)")
	fs.DurationVar(&o.checkpoint, "checkpoint-every", 10*time.Second, "how often to save a checkpoint (0: only on interrupt)")
	return fs
}

// prepareOutDir refuses to overwrite a non-empty folder without --force.
func prepareOutDir(dir string, force bool) error {
	ents, err := os.ReadDir(dir)
	if err == nil && len(ents) > 0 && !force {
		return usagef("output folder %s exists and is not empty (use --force to overwrite, --resume to complete it, or --out)", dir)
	}
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return os.MkdirAll(filepath.Join(dir, "plots"), 0o755)
}
