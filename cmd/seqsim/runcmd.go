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
	"strings"
	"time"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/atomicfile"
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
}

func runCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var o runOptions
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.IntVar(&o.runs, "runs", 0, "runs per scenario point (default: the experiment's)")
	fs.Int64Var(&o.seed, "seed", -1, "master seed (default: the experiment's)")
	fs.IntVar(&o.workers, "workers", 0, "worker goroutines (default: one per CPU core)")
	fs.StringVar(&o.out, "out", "", "output folder (default: out/<experiment name>)")
	fs.Var(&o.sets, "set", "override a parameter: path=value (repeatable)")
	fs.BoolVar(&o.force, "force", false, "write into an existing non-empty output folder")
	fs.BoolVar(&o.quiet, "quiet", false, "no progress and no summary table")
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
	dir := o.out
	if dir == "" {
		dir = filepath.Join("out", exp.Experiment.Name)
	}
	if err := prepareOutDir(dir, o.force); err != nil {
		return err
	}
	workers := o.workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	res, err := execute(ctx, exp, dir, workers, append([]string{"seqsim", "run"}, args...), stdout, stderr, o.quiet)
	if err != nil {
		return err
	}
	if !o.quiet {
		printSummary(stdout, res)
		fmt.Fprintf(stdout, "\nwrote %s (%d runs in %.1fs, %.0f runs/s)\n", dir, res.runs, res.wall.Seconds(), float64(res.runs)/res.wall.Seconds())
	}
	return nil
}

// prepareOutDir refuses to overwrite a non-empty folder without --force.
func prepareOutDir(dir string, force bool) error {
	ents, err := os.ReadDir(dir)
	if err == nil && len(ents) > 0 && !force {
		return usagef("output folder %s exists and is not empty (use --force to overwrite, or --out)", dir)
	}
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return os.MkdirAll(filepath.Join(dir, "plots"), 0o755)
}

// runResult is what the summary table and files need.
type runResult struct {
	exp     *experiments.Experiment
	stats   []engine.ColumnStats
	bands   *engine.Bands
	runs    int
	wall    time.Duration
	hash    string
	failed  []*engine.UnitError
	command []string
}

// statsSink writes runs.csv and folds each row into the outcome statistics.
type statsSink struct {
	csv   *engine.CSVSink
	stats []engine.ColumnStats
}

func (s *statsSink) Row(u engine.Unit, summary []float64) error {
	for i, v := range summary {
		s.stats[i].Add(v)
	}
	return s.csv.Row(u, summary)
}

func execute(ctx context.Context, exp *experiments.Experiment, dir string, workers int, command []string, stdout, stderr io.Writer, quiet bool) (*runResult, error) {
	p := &exp.Params
	schema := engine.Schema{
		Summary: agents.OutcomeNames(), Series: agents.SeriesNames(),
		Steps: agents.Steps(p), SeriesEvery: p.Simulation.RecordEveryDays,
	}
	csv, err := engine.NewCSVSink(filepath.Join(dir, "runs.csv"), nil, schema.Summary, nil)
	if err != nil {
		return nil, err
	}
	defer csv.Abort()
	sink := &statsSink{csv: csv, stats: make([]engine.ColumnStats, len(schema.Summary))}
	for i, m := range agents.OutcomeMetrics {
		sink.stats[i].Thresholds = m.RiskAbove
	}
	prog := newProgress(stderr, exp.Experiment.Runs, quiet)
	plan := engine.Plan{
		Seed: uint64(exp.Experiment.Seed), Points: 1, Runs: exp.Experiment.Runs, Workers: workers,
		CommonRandomNumbers: exp.Experiment.CommonRandomNumbers, SeriesPoints: true, Schema: schema,
		Progress: prog.update,
	}
	start := time.Now()
	res, runErr := engine.Run(ctx, plan, func() (engine.Sim, error) {
		return agents.NewSim(func(int) *agents.Params { return p }), nil
	}, sink)
	prog.finish()
	wall := time.Since(start)
	if res == nil {
		return nil, runErr
	}
	hash, err := exp.Hash()
	if err != nil {
		return nil, err
	}
	rr := &runResult{exp: exp, stats: sink.stats, bands: res.Bands, runs: res.Done, wall: wall, hash: hash, failed: res.Failed, command: command}
	complete := runErr == nil && len(res.Failed) == 0
	if err := writeOutputs(dir, rr, csv, complete); err != nil {
		return nil, err
	}
	if runErr != nil {
		return nil, fmt.Errorf("run interrupted after %d of %d runs: %w (partial results in %s; rerun to complete)", res.Done, plan.Units(), runErr, dir)
	}
	if len(res.Failed) > 0 {
		var b strings.Builder
		for _, f := range res.Failed[:min(len(res.Failed), 10)] {
			fmt.Fprintf(&b, "\n  %v", f)
		}
		return nil, fmt.Errorf("%d runs failed:%s", len(res.Failed), b.String())
	}
	return rr, nil
}

// writeOutputs writes every file of the output folder; the manifest last,
// so a folder with a complete manifest is a complete result.
func writeOutputs(dir string, rr *runResult, csv *engine.CSVSink, complete bool) error {
	if err := csv.Commit(); err != nil {
		return err
	}
	if err := engine.WriteSeriesCSV(filepath.Join(dir, "series.csv"), rr.bands); err != nil {
		return err
	}
	resolved, err := rr.exp.Resolved()
	if err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(dir, "experiment.toml"), resolved); err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(dir, "summary.md"), summaryMarkdown(rr)); err != nil {
		return err
	}
	if err := writePlots(filepath.Join(dir, "plots"), rr); err != nil {
		return err
	}
	return writeManifest(filepath.Join(dir, "manifest.json"), rr, complete)
}
