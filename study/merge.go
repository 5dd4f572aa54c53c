package study

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/atomicfile"
	"github.com/seqsim/seqsim/study/folder"
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

// failedUnit is a failed unit as shard.json records it.
type failedUnit struct {
	Point int    `json:"point"`
	Run   int    `json:"run"`
	Seed  uint64 `json:"seed"`
	Error string `json:"error"`
}

// writeShard writes a shard folder: runs.csv with the shard's rows, the
// exact series state (bands.bin), the resolved experiment and shard.json.
// Summaries, charts and the report come from `seqsim merge`.
func writeShard(dir string, rr *runResult, csv *folder.RunsWriter, shard engine.Shard, units int) error {
	if err := csv.Commit(); err != nil {
		return err
	}
	if rr.bands != nil {
		var buf bytes.Buffer
		if _, err := rr.bands.WriteTo(&buf); err != nil {
			return err
		}
		if err := atomicfile.Write(filepath.Join(dir, folder.ShardBands), buf.Bytes()); err != nil {
			return err
		}
	}
	if err := writeResolved(dir, rr.exp); err != nil {
		return err
	}
	h := shardHeader{Seqsim: Version, Experiment: rr.exp.Experiment.Name, ExperimentHash: rr.hash, Seed: rr.exp.Experiment.Seed,
		ShardIndex: shard.Index, ShardCount: shard.Count, Units: units, Done: rr.runs}
	for _, f := range rr.failed {
		h.Failed = append(h.Failed, failedUnit{f.Unit.Point, f.Unit.Run, f.Unit.Seed, f.Err.Error()})
	}
	b, err := json.MarshalIndent(h, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, folder.Shard), append(b, '\n'))
}

// readShardHeader reads dir/shard.json.
func readShardHeader(dir string) (*shardHeader, error) {
	b, err := os.ReadFile(filepath.Join(dir, folder.Shard))
	if err != nil {
		return nil, inputf("merge: %s is not a finished shard folder (%v)", dir, err)
	}
	var h shardHeader
	if err := json.Unmarshal(b, &h); err != nil {
		return nil, inputf("merge: %s/shard.json: %v", dir, err)
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
		return &InputError{fmt.Errorf("merge: %w", err)}
	}
	return nil
}

// Merge joins the shard folders of one study, run with [Options].Shard
// on one or many machines, into the output folder opts.Dir: the same
// files, byte for byte, as one [Run] of the whole study. Only opts.Dir,
// Force and Command are used. The shards may be given in any order; ones
// that do not belong together (another experiment, seed or version, a
// missing or repeated shard, an unfinished one) are refused with an
// [*InputError] naming them.
func Merge(shardDirs []string, opts Options) (*Result, error) {
	if opts.Dir == "" || len(shardDirs) == 0 {
		return nil, inputf("merge: no output folder or no shard folders")
	}
	dirs := shardDirs
	var err error
	hs := make([]*shardHeader, len(dirs))
	for i, d := range dirs {
		if hs[i], err = readShardHeader(d); err != nil {
			return nil, err
		}
	}
	if err := checkShards(dirs, hs); err != nil {
		return nil, err
	}
	order := make([]string, len(dirs)) // folders by shard index
	for i, h := range hs {
		order[h.ShardIndex] = dirs[i]
	}
	exp, err := experiments.LoadFile(filepath.Join(order[0], folder.Experiment), nil, opts.Mechanisms...)
	if err != nil {
		return nil, err
	}
	st, err := newSpec(exp)
	if err != nil {
		return nil, err
	}
	if st.hash != hs[0].ExperimentHash {
		return nil, fmt.Errorf("merge: %s/experiment.toml does not match its shard.json (hash %.12s vs %.12s)", order[0], st.hash, hs[0].ExperimentHash)
	}
	lock, err := openOutDir(opts.Dir, opts.Force, opts.Command)
	if err != nil {
		return nil, err
	}
	defer lock.Unlock()
	start := time.Now()
	if st.pl.Kind == experiments.KindSearch {
		return mergeSearch(st, order, opts, start)
	}
	rr, csv, err := mergeShards(st, order, hs, opts.Dir)
	if err != nil {
		return nil, err
	}
	rr.wall = time.Since(start)
	rr.command = opts.Command
	if rr.plan.Kind == experiments.KindSensitivity && len(rr.failed) == 0 {
		rr.sens = analyse(rr)
	}
	if err := writeOutputs(opts.Dir, rr, csv, len(rr.failed) == 0); err != nil {
		return nil, err
	}
	res := &Result{rr: rr, dir: opts.Dir}
	if len(rr.failed) > 0 {
		return res, failedError(rr.failed)
	}
	return res, nil
}

// mergeShards interleaves the shards' rows back into unit order (unit g is
// in shard g mod N) through the same sink a one-machine run uses, and
// merges their exact series states: the files it leads to are
// byte-identical to a one-machine run's.
func mergeShards(st *spec, order []string, hs []*shardHeader, out string) (*runResult, *folder.RunsWriter, error) {
	n := len(order)
	csv, err := st.newRunsWriter(out)
	if err != nil {
		return nil, nil, err
	}
	sink := st.newSink(csv, engine.Shard{})
	rr := &runResult{exp: st.exp, plan: st.pl, schema: st.sch, hash: st.hash}
	failed := map[int]failedUnit{}
	readers := make([]*folder.RunsReader, n)
	for i, d := range order {
		f, r, err := folder.OpenRuns(filepath.Join(d, folder.Runs), len(st.pl.Columns))
		if err != nil {
			csv.Abort()
			return nil, nil, fmt.Errorf("merge: %w", err)
		}
		defer f.Close()
		readers[i] = r
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
		row, err := readers[g%n].Next()
		if err == io.EOF {
			err = fmt.Errorf("%s: expected point %d run %d next, found the end of runs.csv", order[g%n], g/st.pl.Runs, g%st.pl.Runs)
		} else if err == nil && (row.Point != g/st.pl.Runs || row.Run != g%st.pl.Runs) {
			err = fmt.Errorf("%s:%d: expected point %d run %d next, found point %d run %d", filepath.Join(order[g%n], folder.Runs), row.Line, g/st.pl.Runs, g%st.pl.Runs, row.Point, row.Run)
		}
		if err != nil {
			csv.Abort()
			return nil, nil, fmt.Errorf("merge: %w", err)
		}
		u := engine.Unit{Point: row.Point, Run: row.Run, Seed: row.Seed, Index: g}
		if err := sink.Row(u, row.Summary); err != nil {
			csv.Abort()
			return nil, nil, err
		}
		rr.runs++
	}
	rr.values = sink.values
	if plan.SeriesPoints {
		rr.bands = engine.NewBands(st.schema)
		for _, d := range order {
			f, err := os.Open(filepath.Join(d, folder.ShardBands))
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
