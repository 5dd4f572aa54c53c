package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/atomicfile"
)

// shardHeader is shard.json: which shard a folder holds and of what.
type shardHeader struct {
	Seqsim         string       `json:"seqsim_version"`
	Experiment     string       `json:"experiment"`
	ExperimentHash string       `json:"experiment_hash"`
	Seed           int64        `json:"seed"`
	ShardIndex     int          `json:"shard_index"`
	ShardCount     int          `json:"shard_count"`
	Units          int          `json:"units"`
	Done           int          `json:"units_done"`
	Failed         []failedUnit `json:"failed,omitempty"`
}

type failedUnit struct {
	Point int    `json:"point"`
	Run   int    `json:"run"`
	Seed  uint64 `json:"seed"`
	Error string `json:"error"`
}

// writeShard writes a shard folder: runs.csv with the shard's rows, the
// exact series state (bands.bin), the resolved experiment and shard.json.
// Summaries, charts and the report come from `seqsim merge`.
func writeShard(dir string, rr *runResult, csv *engine.CSVSink, shard engine.Shard, units int) error {
	if err := csv.Commit(); err != nil {
		return err
	}
	if rr.bands != nil {
		var buf bytes.Buffer
		if _, err := rr.bands.WriteTo(&buf); err != nil {
			return err
		}
		if err := atomicfile.Write(filepath.Join(dir, "bands.bin"), buf.Bytes()); err != nil {
			return err
		}
	}
	if err := writeResolved(dir, rr.exp); err != nil {
		return err
	}
	h := shardHeader{Seqsim: version, Experiment: rr.exp.Experiment.Name, ExperimentHash: rr.hash, Seed: rr.exp.Experiment.Seed,
		ShardIndex: shard.Index, ShardCount: shard.Count, Units: units, Done: rr.runs}
	for _, f := range rr.failed {
		h.Failed = append(h.Failed, failedUnit{f.Unit.Point, f.Unit.Run, f.Unit.Seed, f.Err.Error()})
	}
	b, err := json.MarshalIndent(h, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, "shard.json"), append(b, '\n'))
}

func readShardHeader(dir string) (*shardHeader, error) {
	b, err := os.ReadFile(filepath.Join(dir, "shard.json"))
	if err != nil {
		return nil, usagef("merge: %s is not a finished shard folder (%v)", dir, err)
	}
	var h shardHeader
	if err := json.Unmarshal(b, &h); err != nil {
		return nil, usagef("merge: %s/shard.json: %v", dir, err)
	}
	return &h, nil
}

// checkShards refuses shards that do not belong together, and names the
// missing and duplicated shard numbers.
func checkShards(dirs []string, hs []*shardHeader) error {
	var errs []error
	first := hs[0]
	byIndex := map[int][]string{}
	for i, h := range hs {
		switch {
		case h.Seqsim != first.Seqsim:
			errs = append(errs, fmt.Errorf("%s was written by seqsim %s, %s by %s", dirs[i], h.Seqsim, dirs[0], first.Seqsim))
		case h.Seed != first.Seed:
			errs = append(errs, fmt.Errorf("%s ran seed %d, %s seed %d", dirs[i], h.Seed, dirs[0], first.Seed))
		case h.ExperimentHash != first.ExperimentHash:
			errs = append(errs, fmt.Errorf("%s ran a different experiment (hash %.12s) than %s (%.12s)", dirs[i], h.ExperimentHash, dirs[0], first.ExperimentHash))
		case h.ShardCount != first.ShardCount:
			errs = append(errs, fmt.Errorf("%s is one of %d shards, %s one of %d", dirs[i], h.ShardCount, dirs[0], first.ShardCount))
		case h.Done != h.Units:
			errs = append(errs, fmt.Errorf("%s is incomplete (%d of %d units): resume it first", dirs[i], h.Done, h.Units))
		}
		byIndex[h.ShardIndex] = append(byIndex[h.ShardIndex], dirs[i])
	}
	var missing []string
	for i := range first.ShardCount {
		switch ds := byIndex[i]; {
		case len(ds) == 0:
			missing = append(missing, fmt.Sprint(i))
		case len(ds) > 1:
			errs = append(errs, fmt.Errorf("shard %d given twice: %s", i, strings.Join(ds, ", ")))
		}
	}
	if len(missing) > 0 {
		errs = append(errs, fmt.Errorf("missing shards %s of %d", strings.Join(missing, ", "), first.ShardCount))
	}
	if err := errors.Join(errs...); err != nil {
		return usageError{fmt.Errorf("merge: %w", err)}
	}
	return nil
}

// mergeCmd: seqsim merge --out DIR SHARD_DIR...
func mergeCmd(args []string, stdout, stderr io.Writer) error {
	fs, out, force, quiet := mergeFlags()
	dirs, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *out == "" || len(dirs) == 0 {
		return usagef("usage: seqsim merge --out DIR SHARD_DIR...")
	}
	hs := make([]*shardHeader, len(dirs))
	for i, d := range dirs {
		if hs[i], err = readShardHeader(d); err != nil {
			return err
		}
	}
	if err := checkShards(dirs, hs); err != nil {
		return err
	}
	order := make([]string, len(dirs)) // folders by shard index
	for i, h := range hs {
		order[h.ShardIndex] = dirs[i]
	}
	exp, err := experiments.LoadFile(filepath.Join(order[0], "experiment.toml"), nil)
	if err != nil {
		return err
	}
	st, err := newStudy(exp)
	if err != nil {
		return err
	}
	if st.hash != hs[0].ExperimentHash {
		return fmt.Errorf("merge: %s/experiment.toml does not match its shard.json (hash %.12s vs %.12s)", order[0], st.hash, hs[0].ExperimentHash)
	}
	if err := prepareOutDir(*out, *force); err != nil {
		return err
	}
	start := time.Now()
	rr, csv, err := mergeShards(st, order, hs, *out)
	if err != nil {
		return err
	}
	rr.wall = time.Since(start)
	rr.command = append([]string{"seqsim", "merge"}, args...)
	if rr.plan.Kind == experiments.KindSensitivity && len(rr.failed) == 0 {
		rr.sens = analyse(rr)
	}
	if err := writeOutputs(*out, rr, csv, len(rr.failed) == 0); err != nil {
		return err
	}
	if !*quiet {
		printSummary(stdout, rr)
		fmt.Fprintf(stdout, "\nmerged %d shards into %s (%d runs)\n", len(order), *out, rr.runs)
	}
	if len(rr.failed) > 0 {
		return failedError(rr.failed)
	}
	return nil
}

// mergeShards interleaves the shards' rows back into unit order (unit g is
// in shard g mod N) through the same sink a one-machine run uses, and
// merges their exact series states: the files it leads to are
// byte-identical to a one-machine run's.
func mergeShards(st *study, order []string, hs []*shardHeader, out string) (*runResult, *engine.CSVSink, error) {
	n := len(order)
	csv, err := engine.NewCSVSink(filepath.Join(out, "runs.csv"), st.pl.Columns, st.schema.Summary, st.pl.Row)
	if err != nil {
		return nil, nil, err
	}
	sink := st.newSink(csv)
	rr := &runResult{exp: st.exp, plan: st.pl, schema: st.sch, hash: st.hash}
	failed := map[int]failedUnit{}
	readers := make([]*rowReader, n)
	for i, d := range order {
		f, err := os.Open(filepath.Join(d, "runs.csv"))
		if err != nil {
			csv.Abort()
			return nil, nil, err
		}
		defer f.Close()
		readers[i] = newRowReader(f, filepath.Join(d, "runs.csv"), len(st.pl.Columns))
		for _, fu := range hs[i].Failed {
			failed[fu.Point*st.pl.Runs+fu.Run] = fu
		}
	}
	plan := st.enginePlan(1, engine.Shard{})
	for g := range plan.Units() {
		if fu, ok := failed[g]; ok {
			u := plan.UnitOf(g)
			rr.failed = append(rr.failed, &engine.UnitError{Unit: u, Err: errors.New(fu.Error)})
			continue
		}
		u, summary, err := readers[g%n].next()
		if err == nil && (u.Point != g/st.pl.Runs || u.Run != g%st.pl.Runs) {
			err = fmt.Errorf("%s: expected point %d run %d next, found point %d run %d", order[g%n], g/st.pl.Runs, g%st.pl.Runs, u.Point, u.Run)
		}
		if err != nil {
			csv.Abort()
			return nil, nil, fmt.Errorf("merge: %w", err)
		}
		u.Index = g
		if err := sink.Row(u, summary); err != nil {
			csv.Abort()
			return nil, nil, err
		}
		rr.runs++
	}
	rr.values = sink.values
	if plan.SeriesPoints {
		rr.bands = engine.NewBands(st.schema)
		for _, d := range order {
			f, err := os.Open(filepath.Join(d, "bands.bin"))
			if err != nil {
				csv.Abort()
				return nil, nil, fmt.Errorf("merge: %w", err)
			}
			b, err := engine.ReadBands(f, st.schema)
			f.Close()
			if err == nil {
				err = rr.bands.Merge(b)
			}
			if err != nil {
				csv.Abort()
				return nil, nil, fmt.Errorf("merge: %s: %w", d, err)
			}
		}
	}
	return rr, csv, nil
}

// mergeFlags defines the flags of `seqsim merge`.
func mergeFlags() (fs *flag.FlagSet, out *string, force, quiet *bool) {
	fs = flag.NewFlagSet("merge", flag.ContinueOnError)
	out = fs.String("out", "", "output folder of the merged result (required)")
	force = fs.Bool("force", false, "write into an existing non-empty folder")
	quiet = fs.Bool("quiet", false, "no summary table")
	return fs, out, force, quiet
}
