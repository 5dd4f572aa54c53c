package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/internal/atomicfile"
)

// checkpointFile is checkpoint.json: where an interrupted run stands. The
// first Done units of the shard are in the first RunsBytes bytes of
// runs.csv.partial, and checkpoint.bands holds exactly their series.
type checkpointFile struct {
	Seqsim         string `json:"seqsim_version"`
	ExperimentHash string `json:"experiment_hash"`
	Seed           int64  `json:"seed"`
	ShardIndex     int    `json:"shard_index"`
	ShardCount     int    `json:"shard_count"`
	Done           int    `json:"units_done"`
	RunsBytes      int64  `json:"runs_bytes"`
	Failed         int    `json:"units_failed"`

	bands *engine.Bands
}

// writeCheckpoint saves the bands first and the JSON last, both atomically:
// a checkpoint.json always describes files that are complete.
func writeCheckpoint(dir string, st *study, shard engine.Shard, cp engine.Checkpoint, runsBytes int64, failed int) error {
	done := cp.Done
	if st.seriesKept() {
		f, err := atomicfile.Create(filepath.Join(dir, "checkpoint.bands"))
		if err != nil {
			return err
		}
		if err := cp.WriteBands(f); err != nil {
			f.Abort()
			return err
		}
		if err := f.Commit(); err != nil {
			return err
		}
	}
	cf := checkpointFile{Seqsim: version, ExperimentHash: st.hash, Seed: st.exp.Experiment.Seed,
		ShardIndex: shard.Index, ShardCount: max(shard.Count, 1), Done: done, RunsBytes: runsBytes, Failed: failed}
	b, err := json.MarshalIndent(cf, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, "checkpoint.json"), append(b, '\n'))
}

// readCheckpoint loads a checkpoint and checks it belongs to this
// experiment, seed and shard.
func readCheckpoint(dir string, st *study, shard engine.Shard) (*checkpointFile, error) {
	b, err := os.ReadFile(filepath.Join(dir, "checkpoint.json"))
	if err != nil {
		return nil, usagef("--resume: no checkpoint in %s (%v)", dir, err)
	}
	var cp checkpointFile
	if err := json.Unmarshal(b, &cp); err != nil {
		return nil, usagef("--resume: %s/checkpoint.json: %v", dir, err)
	}
	switch {
	case cp.ExperimentHash != st.hash:
		return nil, usagef("--resume: %s was started with a different experiment (hash %.12s, now %.12s): give the same file and --set flags", dir, cp.ExperimentHash, st.hash)
	case cp.Seed != st.exp.Experiment.Seed:
		return nil, usagef("--resume: %s was started with seed %d, not %d", dir, cp.Seed, st.exp.Experiment.Seed)
	case cp.ShardIndex != shard.Index || cp.ShardCount != max(shard.Count, 1):
		return nil, usagef("--resume: %s is shard %d/%d, not %d/%d", dir, cp.ShardIndex, cp.ShardCount, shard.Index, max(shard.Count, 1))
	}
	if st.seriesKept() {
		f, err := os.Open(filepath.Join(dir, "checkpoint.bands"))
		if err != nil {
			return nil, fmt.Errorf("--resume: %w", err)
		}
		defer f.Close()
		if cp.bands, err = engine.ReadCheckpointBands(f, st.schema); err != nil {
			return nil, err
		}
	}
	return &cp, nil
}

func removeCheckpoint(dir string) {
	os.Remove(filepath.Join(dir, "checkpoint.json"))
	os.Remove(filepath.Join(dir, "checkpoint.bands"))
}

// replayRows reads the rows of a runs.csv (up to limit bytes; -1 for all)
// and calls fn with each unit and its summary: how a resume rebuilds its
// statistics and a merge combines shards. nExtra per-point columns follow
// point, run and seed.
func replayRows(path string, limit int64, nExtra int, fn func(engine.Unit, []float64) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if limit >= 0 {
		r = io.LimitReader(f, limit)
	}
	rows := newRowReader(r, path, nExtra)
	for {
		u, summary, err := rows.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(u, summary); err != nil {
			return err
		}
	}
}

// rowReader parses runs.csv rows written by engine.CSVSink (encoding/csv
// undoes the RFC 4180 quoting of scenario names).
type rowReader struct {
	r       *csv.Reader
	path    string
	nExtra  int
	header  bool
	summary []float64
}

func newRowReader(r io.Reader, path string, nExtra int) *rowReader {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // checked below, with the line
	cr.ReuseRecord = true
	return &rowReader{r: cr, path: path, nExtra: nExtra}
}

func (rr *rowReader) next() (engine.Unit, []float64, error) {
	if !rr.header {
		rr.header = true
		if _, err := rr.r.Read(); err != nil {
			return engine.Unit{}, nil, rr.wrap(err)
		}
	}
	fields, err := rr.r.Read()
	if err != nil {
		return engine.Unit{}, nil, rr.wrap(err)
	}
	line, _ := rr.r.FieldPos(0)
	if len(fields) < 3+rr.nExtra {
		return engine.Unit{}, nil, fmt.Errorf("%s:%d: short row", rr.path, line)
	}
	p, err1 := strconv.Atoi(fields[0])
	run, err2 := strconv.Atoi(fields[1])
	seed, err3 := strconv.ParseUint(fields[2], 10, 64)
	if err := errors.Join(err1, err2, err3); err != nil {
		return engine.Unit{}, nil, fmt.Errorf("%s:%d: %v", rr.path, line, err)
	}
	rr.summary = rr.summary[:0]
	for _, v := range fields[3+rr.nExtra:] {
		x := math.NaN()
		if v != "" {
			if x, err = strconv.ParseFloat(v, 64); err != nil {
				return engine.Unit{}, nil, fmt.Errorf("%s:%d: %v", rr.path, line, err)
			}
		}
		rr.summary = append(rr.summary, x)
	}
	return engine.Unit{Point: p, Run: run, Seed: seed}, rr.summary, nil
}

// wrap passes io.EOF through and names the file in other errors.
func (rr *rowReader) wrap(err error) error {
	if err == io.EOF {
		return io.EOF
	}
	return fmt.Errorf("%s: %w", rr.path, err)
}
