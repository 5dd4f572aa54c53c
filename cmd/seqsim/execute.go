package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/atomicfile"
	"github.com/seqsim/seqsim/internal/tables"
)

// runResult is what the summary table, the files and the charts need.
type runResult struct {
	exp     *experiments.Experiment
	plan    *experiments.Plan
	schema  experiments.Schema
	stats   [][]engine.ColumnStats // point x outcome (not for sensitivity)
	moments [][]moments            // point x outcome (sensitivity only)
	bands   *engine.Bands
	sens    []sensitivityResult
	runs    int
	wall    time.Duration
	hash    string
	failed  []*engine.UnitError
	command []string
}

// moments are the running sums a sensitivity study keeps per point and
// outcome: enough for the replicate mean and the seed-noise variance, in
// constant memory per point.
type moments struct {
	sum, sumSq engine.FixedSum
	n          uint64
}

// statsSink writes runs.csv and folds each row into the per-point
// statistics.
type statsSink struct {
	csv     *engine.CSVSink
	stats   [][]engine.ColumnStats
	moments [][]moments
}

func (s *statsSink) Row(u engine.Unit, summary []float64) error {
	if s.moments != nil {
		ms := s.moments[u.Point]
		for i, v := range summary {
			ms[i].sum.Add(v)
			ms[i].sumSq.Add(v * v)
			ms[i].n++
		}
	} else {
		st := s.stats[u.Point]
		for i, v := range summary {
			st[i].Add(v)
		}
	}
	return s.csv.Row(u, summary)
}

func names(ms []agents.Metric) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Name
	}
	return out
}

func execute(ctx context.Context, exp *experiments.Experiment, dir string, workers int, command []string, stderr io.Writer, quiet bool) (*runResult, error) {
	pl, err := exp.Plan()
	if err != nil {
		return nil, usageError{err}
	}
	if pl.Notice != "" && !quiet {
		fmt.Fprintf(stderr, "seqsim: note: %s\n", pl.Notice)
	}
	sch := exp.Schema()
	factory, err := pl.NewSimFactory()
	if err != nil {
		return nil, usageError{err}
	}
	schema := engine.Schema{Summary: names(sch.Outcomes), Series: names(sch.Series), Steps: sch.Steps, SeriesEvery: sch.RecordEvery}
	for _, m := range sch.Outcomes {
		schema.Optional = append(schema.Optional, m.MayBeEmpty)
	}
	csv, err := engine.NewCSVSink(filepath.Join(dir, "runs.csv"), pl.Columns, schema.Summary, pl.Row)
	if err != nil {
		return nil, err
	}
	defer csv.Abort()
	sink := &statsSink{csv: csv}
	if pl.Kind == experiments.KindSensitivity {
		sink.moments = make([][]moments, pl.Points)
		for p := range sink.moments {
			sink.moments[p] = make([]moments, len(sch.Outcomes))
		}
	} else {
		sink.stats = make([][]engine.ColumnStats, pl.Points)
		for p := range sink.stats {
			sink.stats[p] = make([]engine.ColumnStats, len(sch.Outcomes))
			for i, m := range sch.Outcomes {
				sink.stats[p][i].Thresholds = m.RiskAbove
			}
		}
	}
	total := pl.Points * pl.Runs
	prog := newProgress(stderr, total, quiet)
	plan := engine.Plan{
		Seed: uint64(exp.Experiment.Seed), Points: pl.Points, Runs: pl.Runs, Workers: workers,
		CommonRandomNumbers: exp.Experiment.CommonRandomNumbers,
		SeriesPoints:        pl.Kind != experiments.KindSensitivity && len(schema.Series) > 0,
		Schema:              schema, Progress: prog.update,
	}
	start := time.Now()
	res, runErr := engine.Run(ctx, plan, func() (engine.Sim, error) { return factory() }, sink)
	prog.finish()
	wall := time.Since(start)
	if res == nil {
		return nil, runErr
	}
	hash, err := exp.Hash()
	if err != nil {
		return nil, err
	}
	rr := &runResult{exp: exp, plan: pl, schema: sch, stats: sink.stats, moments: sink.moments, bands: res.Bands,
		runs: res.Done, wall: wall, hash: hash, failed: res.Failed, command: command}
	complete := runErr == nil && len(res.Failed) == 0
	if complete && pl.Kind == experiments.KindSensitivity {
		rr.sens = analyse(rr)
	}
	if err := writeOutputs(dir, rr, csv, complete); err != nil {
		return nil, err
	}
	if runErr != nil {
		return nil, fmt.Errorf("run interrupted after %d of %d runs: %w (partial results in %s; rerun to complete)", res.Done, total, runErr, dir)
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
	if rr.bands != nil {
		if err := engine.WriteSeriesCSV(filepath.Join(dir, "series.csv"), rr.bands); err != nil {
			return err
		}
	}
	if err := writeParquet(dir, rr); err != nil {
		return err
	}
	resolved, err := rr.exp.Resolved()
	if err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(dir, "experiment.toml"), resolved); err != nil {
		return err
	}
	if rr.sens != nil {
		if err := writeSensitivityCSV(dir, rr.sens); err != nil {
			return err
		}
	}
	if err := atomicfile.Write(filepath.Join(dir, "summary.md"), summaryMarkdown(rr)); err != nil {
		return err
	}
	if complete {
		if err := writePlots(filepath.Join(dir, "plots"), rr); err != nil {
			return err
		}
	}
	return writeManifest(filepath.Join(dir, "manifest.json"), rr, complete)
}

// writeParquet converts runs.csv and series.csv into typed Parquet files
// with the same columns, and the experiment hash and seed as metadata.
func writeParquet(dir string, rr *runResult) error {
	meta := map[string]string{
		"experiment_hash": rr.hash, "seed": strconv.FormatInt(rr.exp.Experiment.Seed, 10), "seqsim_version": version,
	}
	header := append(append([]string{"point", "run", "seed"}, rr.plan.Columns...), names(rr.schema.Outcomes)...)
	var strs []string
	if len(rr.plan.Scenarios) > 0 {
		strs = []string{"scenario"}
	}
	if err := tables.CSVToParquet(filepath.Join(dir, "runs.csv"), filepath.Join(dir, "runs.parquet"), tables.RunsSpec(header, strs...), meta); err != nil {
		return err
	}
	if rr.bands == nil {
		return nil
	}
	return tables.CSVToParquet(filepath.Join(dir, "series.csv"), filepath.Join(dir, "series.parquet"), tables.SeriesSpec(), meta)
}
