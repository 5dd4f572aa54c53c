package study

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/internal/atomicfile"
	"github.com/seqsim/seqsim/study/folder"
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
func writeCheckpoint(dir string, st *spec, shard engine.Shard, cp engine.Checkpoint, runsBytes int64, failed int) error {
	done := cp.Done
	if st.seriesKept() {
		f, err := atomicfile.Create(filepath.Join(dir, folder.CheckpointBands))
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
	cf := checkpointFile{Seqsim: Version, ExperimentHash: st.hash, Seed: st.exp.Experiment.Seed,
		ShardIndex: shard.Index, ShardCount: max(shard.Count, 1), Done: done, RunsBytes: runsBytes, Failed: failed}
	b, err := json.MarshalIndent(cf, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, folder.Checkpoint), append(b, '\n'))
}

// readCheckpoint loads a checkpoint and checks it belongs to this
// experiment, seed and shard.
func readCheckpoint(dir string, st *spec, shard engine.Shard) (*checkpointFile, error) {
	b, err := os.ReadFile(filepath.Join(dir, folder.Checkpoint))
	if err != nil {
		return nil, inputf("--resume: no checkpoint in %s (%v)", dir, err)
	}
	var cp checkpointFile
	if err := json.Unmarshal(b, &cp); err != nil {
		return nil, inputf("--resume: %s/checkpoint.json: %v", dir, err)
	}
	switch {
	case cp.ExperimentHash != st.hash:
		return nil, inputf("--resume: %s was started with a different experiment (hash %.12s, now %.12s): give the same file and --set flags", dir, cp.ExperimentHash, st.hash)
	case cp.Seed != st.exp.Experiment.Seed:
		return nil, inputf("--resume: %s was started with seed %d, not %d", dir, cp.Seed, st.exp.Experiment.Seed)
	case cp.ShardIndex != shard.Index || cp.ShardCount != max(shard.Count, 1):
		return nil, inputf("--resume: %s is shard %d/%d, not %d/%d", dir, cp.ShardIndex, cp.ShardCount, shard.Index, max(shard.Count, 1))
	}
	if st.seriesKept() {
		f, err := os.Open(filepath.Join(dir, folder.CheckpointBands))
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

// removeCheckpoint removes the checkpoint of a run that completed.
func removeCheckpoint(dir string) {
	os.Remove(filepath.Join(dir, folder.Checkpoint))
	os.Remove(filepath.Join(dir, folder.CheckpointBands))
}

// replayRows reads the rows of a runs.csv (up to limit bytes; -1 for all)
// and calls fn with each unit and its summary: how a resume rebuilds its
// statistics. nExtra per-point columns follow point, run and seed.
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
	rows, err := folder.NewRunsReader(r, path, nExtra)
	if err != nil {
		return err
	}
	for {
		row, err := rows.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(engine.Unit{Point: row.Point, Run: row.Run, Seed: row.Seed}, row.Summary); err != nil {
			return err
		}
	}
}
