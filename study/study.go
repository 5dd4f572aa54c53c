package study

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/study/folder"
)

// Options say where and how [Run] and [Merge] write. Only Dir is required.
type Options struct {
	// Dir is the output folder. It is created if missing; an existing one
	// must be empty unless Force or Resume is set.
	Dir string
	// Workers is the number of worker goroutines; 0 means one per CPU
	// core. The outputs do not depend on it.
	Workers int
	// Shard, when its Count is at least 1, runs only that shard of the
	// study and writes a shard folder for [Merge] instead of the results.
	Shard engine.Shard
	// Force writes into an existing non-empty folder. A folder in use by
	// another run is refused all the same.
	Force bool
	// Resume completes an interrupted run in Dir from its checkpoint.
	Resume bool
	// CheckpointEvery is how often a checkpoint is saved while runs go
	// on; 0 saves one only when the run is interrupted.
	CheckpointEvery time.Duration
	// Progress receives progress lines (a bar on a terminal), notes about
	// the plan and resume messages; nil prints nothing.
	Progress io.Writer
	// Command is recorded in manifest.json and in the folder's lock file
	// (for the message of a process refused the folder).
	Command []string
	// Mechanisms are the mechanisms outside the model (agents.Mechanism)
	// that Merge needs to read the shards' experiment; Run takes them
	// with the experiment (experiments.Load).
	Mechanisms []agents.NewMechanism
}

// InputError marks a failure caused by the caller's input (an experiment
// whose plan cannot be built, a folder that is not empty, in use, or not
// of this experiment, shards that do not belong together), as opposed to
// a failure while running or writing. The seqsim command exits 2 on it.
type InputError struct{ Err error }

// Error is the wrapped error's message.
func (e *InputError) Error() string { return e.Err.Error() }

// Unwrap returns the wrapped error.
func (e *InputError) Unwrap() error { return e.Err }

// inputf is an [InputError] with a formatted message.
func inputf(format string, args ...any) error { return &InputError{fmt.Errorf(format, args...)} }

// InterruptedError is returned when the context is cancelled during a
// run: the runs done so far are saved with a checkpoint, and a [Run] with
// the same experiment and Options.Resume completes them.
type InterruptedError struct {
	Done, Total int   // units done and in the plan (of the shard)
	Err         error // the context's error
}

// Error says how far the run got and why it stopped.
func (e *InterruptedError) Error() string {
	return fmt.Sprintf("interrupted after %d of %d runs (%v)", e.Done, e.Total, e.Err)
}

// Unwrap returns the context's error.
func (e *InterruptedError) Unwrap() error { return e.Err }

// Run runs every unit of exp (or of opts.Shard) and writes the output
// folder opts.Dir: runs.csv, series.csv, their Parquet copies,
// experiment.toml, summary.md, sensitivity.csv for a sensitivity study,
// the charts and report.html, and manifest.json last. It holds the
// folder's lock throughout, so a second run, merge or plot of the same
// folder is refused with a [*folder.LockedError] until it ends.
//
// When some runs fail, the others' outputs are still written and the
// error lists the failed units. When ctx is cancelled, the runs done are
// saved with a checkpoint and the error is an [*InterruptedError].
func Run(ctx context.Context, exp *experiments.Experiment, opts Options) (*Result, error) {
	if opts.Dir == "" {
		return nil, inputf("study: no output folder")
	}
	if _, err := os.Stat(opts.Dir); opts.Resume && err != nil {
		return nil, inputf("--resume: no checkpoint in %s (%v)", opts.Dir, err)
	}
	lock, err := openOutDir(opts.Dir, opts.Force || opts.Resume, opts.Command)
	if err != nil {
		return nil, err
	}
	defer lock.Unlock()
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	j := &job{exp: exp, dir: opts.Dir, workers: workers, shard: opts.Shard, resume: opts.Resume,
		checkpointEvery: opts.CheckpointEvery, command: opts.Command, log: opts.Progress}
	rr, err := j.execute(ctx)
	if rr == nil {
		return nil, err
	}
	return &Result{rr: rr, dir: opts.Dir}, err
}

// openOutDir makes dir the run's own: it refuses a non-empty folder
// unless reuse, and a folder in use by another process whatever reuse
// says, then takes the folder's lock.
func openOutDir(dir string, reuse bool, command []string) (*folder.Lock, error) {
	if !reuse {
		// Refuse before creating the lock file in someone else's folder.
		if _, err := os.Stat(filepath.Join(dir, folder.LockFile)); errors.Is(err, os.ErrNotExist) {
			if err := checkEmpty(dir); err != nil {
				return nil, err
			}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	lock, err := holdFolder(dir, command, true)
	if err != nil {
		return nil, err
	}
	if !reuse {
		if err := checkEmpty(dir); err != nil {
			lock.Unlock()
			return nil, err
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, folder.Plots), 0o755); err != nil {
		lock.Unlock()
		return nil, err
	}
	return lock, nil
}

// checkEmpty refuses a folder that holds anything but an empty plots
// folder and the lock file.
func checkEmpty(dir string) error {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range ents {
		if e.Name() == folder.LockFile {
			continue
		}
		if e.Name() == folder.Plots && e.IsDir() {
			if sub, err := os.ReadDir(filepath.Join(dir, e.Name())); err == nil && len(sub) == 0 {
				continue
			}
		}
		return inputf("output folder %s exists and is not empty (use --force to overwrite, --resume to complete it, or --out)", dir)
	}
	return nil
}
