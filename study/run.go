package study

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/atomicfile"
	"github.com/seqsim/seqsim/internal/manifest"
	"github.com/seqsim/seqsim/internal/tables"
	"github.com/seqsim/seqsim/report"
	"github.com/seqsim/seqsim/study/folder"
)

// Version is seqsim's version, recorded in every manifest, shard and
// checkpoint: a merge or a resume refuses to mix versions.
const Version = "0.1.0"

// The model satisfies the engine's interface structurally (agents does not
// import engine).
var _ engine.Sim = (*agents.Sim)(nil)

// runResult is what the summary table, the files and the charts need.
type runResult struct {
	exp     *experiments.Experiment
	plan    *experiments.Plan
	schema  experiments.Schema
	values  [][][]float64 // point x outcome x run: every run's outcomes (NaN: none), in unit order
	bands   *engine.Bands
	sens    []sensitivityResult
	runs    int
	wall    time.Duration
	hash    string
	failed  []*engine.UnitError
	command []string
	search  *searchRun           // a search study's outcome (search.go)
	stops   []manifest.PointStop // with target_ci: each point's runs and why it stopped
}

// statsSink writes runs.csv and keeps every run's outcomes per point, in
// unit order, for the summary and the sensitivity analysis: exact
// statistics for 8 bytes per run and outcome (docs/statistics.md, "What
// exact statistics cost"). Rows reach it in unit order (a run, a merge and
// a resume all replay runs.csv order), so the statistics computed from
// them are deterministic.
type statsSink struct {
	csv    *folder.RunsWriter
	values [][][]float64 // point x outcome x run
}

// Row implements engine.Sink.
func (s *statsSink) Row(u engine.Unit, summary []float64) error {
	vs := s.values[u.Point]
	for i, v := range summary {
		vs[i] = append(vs[i], v)
	}
	if s.csv == nil { // rebuilding statistics from rows already written
		return nil
	}
	return s.csv.Row(u.Point, u.Run, u.Seed, summary)
}

func names(ms []agents.Metric) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Name
	}
	return out
}

// spec is what a run, a merge and a replay share: the plan, the schemas
// and the sink that writes runs.csv and keeps the per-point statistics.
type spec struct {
	exp    *experiments.Experiment
	pl     *experiments.Plan
	sch    experiments.Schema
	schema engine.Schema
	hash   string
}

func newSpec(exp *experiments.Experiment) (*spec, error) {
	pl, err := exp.Plan()
	if err != nil {
		return nil, &InputError{err}
	}
	hash, err := exp.Hash()
	if err != nil {
		return nil, err
	}
	sch := exp.Schema()
	schema := engine.Schema{Summary: names(sch.Outcomes), Series: names(sch.Series), Steps: sch.Steps, SeriesEvery: sch.RecordEvery}
	for _, m := range sch.Outcomes {
		schema.Optional = append(schema.Optional, m.MayBeEmpty)
	}
	return &spec{exp: exp, pl: pl, sch: sch, schema: schema, hash: hash}, nil
}

// newSink returns the statistics sink around a runs.csv writer, for the
// units of shard (the zero Shard: every unit). Each outcome's slice is
// made as long as the point's runs in the shard: grown by append instead,
// it held up to 28% more than its values (10.3 bytes per run and outcome
// at 10^3 runs, BenchmarkStatsSinkMemory) and allocated about five times
// their size on the way.
func (st *spec) newSink(csv *folder.RunsWriter, shard engine.Shard) *statsSink {
	sink := &statsSink{csv: csv, values: make([][][]float64, st.pl.Points)}
	for p := range sink.values {
		runs := shardUnits((p+1)*st.pl.Runs, shard) - shardUnits(p*st.pl.Runs, shard)
		sink.values[p] = make([][]float64, len(st.sch.Outcomes))
		for o := range sink.values[p] {
			sink.values[p][o] = make([]float64, 0, runs)
		}
	}
	return sink
}

// shardUnits returns how many of the units 0..n-1 belong to shard (unit g
// to shard g mod Count).
func shardUnits(n int, shard engine.Shard) int {
	if shard.Count <= 1 {
		return n
	}
	return max(0, (n-shard.Index+shard.Count-1)/shard.Count)
}

// newRunsWriter starts dir/runs.csv with this study's columns.
func (st *spec) newRunsWriter(dir string) (*folder.RunsWriter, error) {
	return folder.NewRunsWriter(filepath.Join(dir, folder.Runs), st.pl.Columns, st.schema.Summary, st.pl.Row)
}

// seriesKept reports whether the study aggregates per-step bands.
func (st *spec) seriesKept() bool {
	return st.pl.Kind.KeepsSeries() && len(st.schema.Series) > 0
}

func (st *spec) enginePlan(seedWorkers int, shard engine.Shard) engine.Plan {
	return engine.Plan{
		Seed: uint64(st.exp.Experiment.Seed), Points: st.pl.Points, Runs: st.pl.Runs, Workers: seedWorkers,
		CommonRandomNumbers: st.exp.Experiment.CommonRandomNumbers,
		SeriesPoints:        st.seriesKept(),
		Schema:              st.schema, Shard: shard,
	}
}

// job is one run of a study: an experiment, an output folder, a shard.
type job struct {
	exp             *experiments.Experiment
	dir             string
	workers         int
	shard           engine.Shard
	resume          bool
	checkpointEvery time.Duration
	command         []string
	log             io.Writer // nil: quiet
}

func (j *job) execute(ctx context.Context) (*runResult, error) {
	st, err := newSpec(j.exp)
	if err != nil {
		return nil, err
	}
	if st.pl.Kind == experiments.KindSearch {
		return j.executeSearch(ctx, st)
	}
	if st.pl.Notice != "" && j.log != nil {
		fmt.Fprintf(j.log, "seqsim: note: %s\n", st.pl.Notice)
	}
	factory, err := st.pl.NewSimFactory()
	if err != nil {
		return nil, &InputError{err}
	}
	plan := st.enginePlan(j.workers, j.shard)
	if st.exp.Experiment.TargetCI.On() && j.shard.Count > 1 {
		return nil, inputf("experiment.target_ci cannot be sharded: a point's stopping rule needs all its runs (run without --shard)")
	}
	runsPath := filepath.Join(j.dir, folder.Runs)
	var csv *folder.RunsWriter
	var sink *statsSink
	if j.resume {
		cp, err := readCheckpoint(j.dir, st, j.shard)
		if err != nil {
			return nil, err
		}
		if csv, err = folder.ResumeRunsWriter(runsPath, cp.RunsBytes, st.pl.Row); err != nil {
			return nil, err
		}
		sink = st.newSink(nil, j.shard)
		if err := replayRows(folder.PartialPath(runsPath), cp.RunsBytes, len(st.pl.Columns), sink.Row); err != nil {
			return nil, err
		}
		sink.csv = csv
		plan.Resume = &engine.Checkpoint{Done: cp.Done, Bands: cp.bands}
		if j.log != nil {
			fmt.Fprintf(j.log, "seqsim: resuming %s: %d units done\n", j.dir, cp.Done)
		}
	} else {
		if csv, err = st.newRunsWriter(j.dir); err != nil {
			return nil, err
		}
		sink = st.newSink(csv, j.shard)
	}
	rule := st.newTargetRule(sink)
	if rule != nil {
		plan.StopEvery, plan.Stop = st.exp.Experiment.TargetCI.Batch, rule.stop
	}
	failed := 0
	plan.CheckpointEvery = j.checkpointEvery
	plan.OnCheckpoint = func(cp engine.Checkpoint) error {
		off, err := csv.Sync()
		if err != nil {
			return err
		}
		return writeCheckpoint(j.dir, st, j.shard, cp, off, failed)
	}
	total := shardUnits(plan.Units(), j.shard)
	prog := newProgress(j.log, total)
	plan.Progress = prog.update
	start := time.Now()
	restoreGC := tightenGC()
	res, runErr := engine.Run(ctx, plan, func() (engine.Sim, error) { return factory() }, sink)
	restoreGC()
	prog.finish()
	wall := time.Since(start)
	if res == nil {
		csv.Abort()
		return nil, runErr
	}
	failed = len(res.Failed)
	rr := &runResult{exp: j.exp, plan: st.pl, schema: st.sch, values: sink.values, bands: res.Bands,
		runs: res.Done, wall: wall, hash: st.hash, failed: res.Failed, command: j.command}
	if rule != nil {
		// The engine counts a stopped point's skipped units as done.
		rr.stops, rr.runs = rule.stops(), rule.rows()+len(res.Failed)
	}
	res.Bands = nil // rr holds them, and writeOutputs lets them go once written
	if runErr != nil {
		off, err := csv.Sync()
		csv.Close()
		if err == nil {
			err = writeCheckpoint(j.dir, st, j.shard, engine.Checkpoint{Done: res.Done, Bands: rr.bands}, off, failed)
		}
		if err == nil {
			err = writeManifest(filepath.Join(j.dir, folder.Manifest), rr, false)
		}
		if err != nil {
			return nil, fmt.Errorf("interrupted, and saving the checkpoint failed: %w", err)
		}
		return nil, &InterruptedError{Done: res.Done, Total: res.Total, Err: runErr}
	}
	if j.shard.Count >= 1 { // --shard given, even 0/1: a shard folder for merge
		err = writeShard(j.dir, rr, csv, j.shard, res.Total)
	} else {
		if rr.plan.Kind == experiments.KindSensitivity && len(res.Failed) == 0 {
			rr.sens = analyse(rr)
		}
		err = writeOutputs(j.dir, rr, csv, len(res.Failed) == 0)
	}
	if err != nil {
		return nil, err
	}
	removeCheckpoint(j.dir)
	if len(res.Failed) > 0 {
		return rr, failedError(res.Failed)
	}
	return rr, nil
}

// failedError lists the failed units: point, run, seed and error, enough
// to replay each alone.
func failedError(failed []*engine.UnitError) error {
	var b strings.Builder
	for _, f := range failed[:min(len(failed), 10)] {
		fmt.Fprintf(&b, "\n  %v", f)
	}
	if len(failed) > 10 {
		fmt.Fprintf(&b, "\n  ... and %d more", len(failed)-10)
	}
	return fmt.Errorf("%d runs failed (the others completed):%s", len(failed), b.String())
}

// writeOutputs writes every file of the output folder; the manifest last,
// so a folder with a complete manifest is a complete result.
func writeOutputs(dir string, rr *runResult, csv *folder.RunsWriter, complete bool) error {
	if err := csv.Commit(); err != nil {
		return err
	}
	series := rr.bands != nil
	if series {
		if err := writeSeriesCSV(filepath.Join(dir, folder.Series), rr.bands); err != nil {
			return err
		}
		// Everything after reads series.csv, so the bands can go: their
		// memory is then reused by the Parquet files and the charts
		// instead of adding to the peak.
		rr.bands = nil
		runtime.GC()
	}
	if err := writeParquet(dir, rr, series); err != nil {
		return err
	}
	if err := writeResolved(dir, rr.exp); err != nil {
		return err
	}
	if rr.sens != nil {
		if err := writeSensitivityCSV(dir, rr.sens); err != nil {
			return err
		}
	}
	if err := atomicfile.Write(filepath.Join(dir, folder.Summary), summaryMarkdown(rr)); err != nil {
		return err
	}
	manifest, err := manifestBytes(rr, complete)
	if err != nil {
		return err
	}
	if complete {
		// Charts and report.html come from the files just written, as
		// `seqsim plot DIR` would rebuild them.
		if err := report.BuildWith(dir, report.Options{Manifest: manifest}); err != nil {
			return err
		}
	}
	return atomicfile.Write(filepath.Join(dir, folder.Manifest), manifest)
}

// writeParquet converts runs.csv and series.csv (when series) into typed Parquet files
// with the same columns, and the experiment hash and seed as metadata.
func writeParquet(dir string, rr *runResult, series bool) error {
	meta := map[string]string{
		"experiment_hash": rr.hash, "seed": strconv.FormatInt(rr.exp.Experiment.Seed, 10), "seqsim_version": Version,
	}
	header := append(append(folder.RunsKeys(), rr.plan.Columns...), names(rr.schema.Outcomes)...)
	var strs []string
	if len(rr.plan.Scenarios) > 0 {
		strs = []string{"scenario"}
	}
	if err := tables.CSVToParquet(filepath.Join(dir, folder.Runs), filepath.Join(dir, folder.RunsParquet), tables.RunsSpec(header, strs...), meta); err != nil {
		return err
	}
	if !series {
		return nil
	}
	return tables.CSVToParquet(filepath.Join(dir, folder.Series), filepath.Join(dir, folder.SeriesParquet), tables.SeriesSpec(), meta)
}

// writeResolved writes experiment.toml: the experiment with every default
// filled in and the values it set marked (running it again gives the same
// bytes).
func writeResolved(dir string, exp *experiments.Experiment) error {
	resolved, err := exp.Annotated()
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, folder.Experiment), resolved)
}
