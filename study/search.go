package study

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/engine/search"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/study/folder"
)

// A search study (experiments.KindSearch) drives an engine/search
// searcher: it asks for a batch of runs, runs those it has no outcome for
// through the engine's workers, tells the outcomes back, and repeats
// (engine/search's doc, "Driving a search from a study"). Run j of every
// candidate has the seed of run j of the experiment, engine.RunSeed(seed,
// 0, j, true), whatever the candidate (common random numbers), so a run is
// known by its design's bits and j alone: every run goes to an
// append-only cache (folder.SearchCache), and a resume, a shard and a
// merge create the same search again and tell it the cached outcomes,
// which it asks for in the same order. docs/search.md has the design.

// searchRun is a search's outcome: what the files, the summary and the
// manifest need.
type searchRun struct {
	sp      *experiments.SearchPlan
	res     *search.Result
	log     []cachedRun // every run told, batch by batch in the order asked: search_runs.csv
	stopped string
	pl      *experiments.Plan // the study's plan: the columns each design sets (runs.csv)
	summary []string          // the model's outcomes, runs.csv's last columns
}

// cachedRun is one run of a search: a row of search_runs.csv, and with
// its summary a row of the cache.
type cachedRun struct {
	cand, rep int
	seed      uint64
	x, out    []float64 // the design; the search's outcome vector
	// sum is the run's summary, every model outcome (NaN: none): the final
	// re-evaluation's runs are runs.csv's rows, and a resume, a shard and
	// a merge know them from the cache alone.
	sum []float64
}

// runKey identifies a run by its design's bits and its replicate.
type runKey string

func keyOf(x []float64, rep int) runKey {
	b := make([]byte, 8*len(x)+8)
	for i, v := range x {
		binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(v+0)) // +0 folds -0 into 0, as engine/search does
	}
	binary.LittleEndian.PutUint64(b[8*len(x):], uint64(rep))
	return runKey(b)
}

// searcher drives one search: a run, a resume, a shard or a merge.
type searcher struct {
	st      *spec
	sp      *experiments.SearchPlan
	s       search.Searcher
	master  uint64
	workers int
	shard   engine.Shard
	known   map[runKey]cachedRun
	cache   *searchCache   // this process's cache; nil for a merge
	peers   []*cacheReader // the other shards' caches (a shard only)
	wait    time.Duration  // how long to wait for the peers' runs
	log     []cachedRun
	ran     int // runs this process ran
	prog    *searchProgress
}

func newSearcher(st *spec) (*searcher, error) {
	sp := st.pl.Search
	master := uint64(st.exp.Experiment.Seed)
	s, err := sp.NewSearcher(master)
	if err != nil {
		return nil, &InputError{err}
	}
	return &searcher{st: st, sp: sp, s: s, master: master, known: map[runKey]cachedRun{},
		wait: time.Duration(st.exp.Search.ShardWait) * time.Second}, nil
}

// learn adds runs read from a cache.
func (sr *searcher) learn(rows []cachedRun) {
	for _, r := range rows {
		sr.known[keyOf(r.x, r.rep)] = r
	}
}

// mine reports whether this process runs e: all runs, or a shard's share
// (by candidate and replicate, which every shard computes alike).
func (sr *searcher) mine(e search.Eval) bool {
	return sr.cache != nil && (sr.shard.Count <= 1 || (e.Candidate+e.Replicate)%sr.shard.Count == sr.shard.Index)
}

// drive runs the search to its end. Each batch is told from what is known
// first; the runs this process owns are run; a shard then waits for the
// others' runs of the batch in their caches.
func (sr *searcher) drive(ctx context.Context) error {
	for !sr.s.Done() {
		cur := sr.s.Ask()
		if len(cur) == 0 {
			continue // the search moved to its end
		}
		told := make([]bool, len(cur))
		left := len(cur)
		var waiting time.Time
		for left > 0 {
			progressed := false
			for i, e := range cur {
				if r, ok := sr.known[keyOf(e.X, e.Replicate)]; ok && !told[i] {
					if err := sr.s.Tell(e.Candidate, e.Replicate, r.out); err != nil {
						return err
					}
					told[i], progressed = true, true
					left--
				}
			}
			if left == 0 {
				break
			}
			var todo []search.Eval
			for i, e := range cur {
				if !told[i] && sr.mine(e) {
					todo = append(todo, e)
				}
			}
			if len(todo) > 0 {
				if err := sr.runBatch(ctx, todo); err != nil {
					return err
				}
				continue
			}
			if progressed {
				continue
			}
			if err := sr.awaitPeers(ctx, cur, told, &waiting); err != nil {
				return err
			}
		}
		for _, e := range cur {
			r := sr.known[keyOf(e.X, e.Replicate)]
			r.cand = e.Candidate
			sr.log = append(sr.log, r)
		}
		sr.prog.batch(sr)
	}
	sr.prog.batch(sr) // the last line: the search is done
	return nil
}

// awaitPeers reads the other shards' caches until one of them has a run
// of the batch, or fails after sr.wait without news.
func (sr *searcher) awaitPeers(ctx context.Context, cur []search.Eval, told []bool, since *time.Time) error {
	var missing []string
	for i, e := range cur {
		if !told[i] {
			missing = append(missing, fmt.Sprintf("candidate %d replicate %d", e.Candidate, e.Replicate))
		}
	}
	if len(sr.peers) == 0 {
		return fmt.Errorf("search: %d runs of the batch are in no cache, e.g. %s", len(missing), missing[0])
	}
	n := 0
	for _, p := range sr.peers {
		rows, err := p.read()
		if err != nil {
			return err
		}
		sr.learn(rows)
		n += len(rows)
	}
	if n > 0 {
		*since = time.Time{}
		return nil
	}
	if since.IsZero() {
		*since = time.Now()
	} else if time.Since(*since) > sr.wait {
		var files []string
		for _, p := range sr.peers {
			files = append(files, p.path)
		}
		return fmt.Errorf("search: shard %d/%d waited %v for %d runs of the other shards (e.g. %s) in %s: every shard of a search must run at the same time (search.shard_wait_seconds sets the wait)",
			sr.shard.Index, sr.shard.Count, sr.wait, len(missing), missing[0], strings.Join(files, ", "))
	}
	select {
	case <-ctx.Done():
		return &InterruptedError{Done: sr.cache.rows, Total: sr.st.pl.Runs, Err: ctx.Err()}
	case <-time.After(200 * time.Millisecond):
	}
	return nil
}

// replicateSim runs a search's run j with the seed of run j of the
// experiment, whatever its place in the batch (common random numbers).
type replicateSim struct {
	sim    experiments.Sim
	reps   []int // replicate of each point of the batch
	master uint64
	pcg    rand.PCG
	rng    *rand.Rand
}

func (s *replicateSim) Run(point, _ int, _ *rand.Rand, summary, series []float64) error {
	s.pcg.Seed(engine.PCGSeeds(engine.RunSeed(s.master, 0, s.reps[point], true)))
	return s.sim.Run(point, s.reps[point], s.rng, summary, series)
}

// sinkFunc is an engine.Sink.
type sinkFunc func(engine.Unit, []float64) error

func (f sinkFunc) Row(u engine.Unit, summary []float64) error { return f(u, summary) }

// runBatch runs todo through the engine's workers, one point per run with
// the design set as a sweep point's parameters are, and caches each
// outcome in unit order.
func (sr *searcher) runBatch(ctx context.Context, todo []search.Eval) error {
	xs := make([][]float64, len(todo))
	reps := make([]int, len(todo))
	for i, e := range todo {
		xs[i], reps[i] = e.X, e.Replicate
	}
	factory, err := sr.st.pl.SearchBatch(xs).NewSimFactory()
	if err != nil {
		return &InputError{err}
	}
	plan := engine.Plan{Seed: sr.master, Points: len(todo), Runs: 1, Workers: sr.workers,
		CommonRandomNumbers: true, Schema: sr.st.schema}
	newSim := func() (engine.Sim, error) {
		s, err := factory()
		if err != nil {
			return nil, err
		}
		rs := &replicateSim{sim: s, reps: reps, master: sr.master}
		rs.rng = rand.New(&rs.pcg)
		return rs, nil
	}
	n := len(sr.sp.Problem.Outcomes)
	sink := sinkFunc(func(u engine.Unit, summary []float64) error {
		e := todo[u.Point]
		r := cachedRun{cand: e.Candidate, rep: e.Replicate, seed: engine.RunSeed(sr.master, 0, e.Replicate, true),
			x: e.X, out: make([]float64, n), sum: slices.Clone(summary)}
		sr.sp.Outcome(summary, r.out)
		for k, v := range r.out {
			if math.IsNaN(v) { // an outcome that may be empty (agents.Metric.MayBeEmpty) had none
				return fmt.Errorf("search: candidate %d replicate %d (seed %d): outcome %s has no value in this run, and the search needs one in every run: choose an outcome, or bounds of the variables, that always give one",
					e.Candidate, e.Replicate, r.seed, strings.TrimPrefix(sr.sp.Problem.Outcomes[k], "-"))
			}
		}
		sr.known[keyOf(r.x, r.rep)] = r
		sr.ran++
		return sr.cache.append(r)
	})
	res, runErr := engine.Run(ctx, plan, newSim, sink)
	if err := sr.cache.flush(); err != nil {
		return err
	}
	if res != nil && len(res.Failed) > 0 {
		var b strings.Builder
		for _, f := range res.Failed[:min(len(res.Failed), 5)] {
			e := todo[f.Unit.Point]
			fmt.Fprintf(&b, "\n  candidate %d replicate %d (seed %d): %v", e.Candidate, e.Replicate, engine.RunSeed(sr.master, 0, e.Replicate, true), f.Err)
		}
		return fmt.Errorf("search: %d runs failed, and a search needs every outcome:%s", len(res.Failed), b.String())
	}
	if runErr != nil {
		if ctx.Err() != nil {
			// Total: the most runs the search may take (its plan's Runs).
			return &InterruptedError{Done: sr.cache.rows, Total: sr.st.pl.Runs, Err: runErr}
		}
		return runErr
	}
	return nil
}

// finish computes the result and why the search stopped.
func (sr *searcher) finish() *searchRun {
	res := sr.s.Result()
	gens, max := sr.sp.Generations(), sr.sp.MaxRuns()
	stopped := fmt.Sprintf("ran all %d generations", gens)
	switch {
	case res.Generations < gens && max > 0:
		stopped = fmt.Sprintf("budget: stopped after %d of %d generations, as the next would pass max_runs = %d", res.Generations, gens, max)
	case res.Generations < gens:
		stopped = fmt.Sprintf("stopped after %d of %d generations", res.Generations, gens)
	}
	return &searchRun{sp: sr.sp, res: res, log: sr.log, stopped: stopped, pl: sr.st.pl, summary: sr.st.schema.Summary}
}

// executeSearch runs a search study: the whole search, or one shard of it
// (whose folder must be named shard-I beside the other shards' folders,
// as `seqsim slurm` lays them out).
func (j *job) executeSearch(ctx context.Context, st *spec) (*runResult, error) {
	sr, err := newSearcher(st)
	if err != nil {
		return nil, err
	}
	sr.workers, sr.shard = j.workers, j.shard
	cachePath := filepath.Join(j.dir, folder.SearchCache)
	if j.resume {
		if _, err := readCheckpoint(j.dir, st, j.shard); err != nil {
			return nil, err
		}
		rows, err := resumeCache(sr.newReader(cachePath))
		if err != nil {
			return nil, err
		}
		sr.learn(rows)
		if j.log != nil {
			fmt.Fprintf(j.log, "seqsim: resuming %s: %d search runs in its cache\n", j.dir, len(rows))
		}
	}
	if sr.cache, err = sr.openCache(cachePath, j.resume, len(sr.known)); err != nil {
		return nil, err
	}
	defer sr.cache.close()
	// checkpoint.json marks a search in progress, so that --resume (and
	// the scripts of seqsim slurm) continue it after a crash too.
	if err := writeCheckpoint(j.dir, st, j.shard, engine.Checkpoint{Done: sr.cache.rows}, sr.cache.size, 0); err != nil {
		return nil, err
	}
	if j.shard.Count > 1 {
		if sr.peers, err = peerCaches(j.dir, j.shard, sr.newReader); err != nil {
			return nil, err
		}
	}
	sr.prog = newSearchProgress(j.log, sr.sp)
	start := time.Now()
	err = sr.drive(ctx)
	wall := time.Since(start)
	if err != nil {
		if ferr := sr.cache.flush(); ferr == nil {
			writeCheckpoint(j.dir, st, j.shard, engine.Checkpoint{Done: sr.cache.rows}, sr.cache.size, 0)
		}
		return nil, err
	}
	rr := &runResult{exp: j.exp, plan: st.pl, schema: st.sch, runs: sr.ran, wall: wall, hash: st.hash, command: j.command}
	if j.shard.Count >= 1 {
		err = writeSearchShard(j.dir, rr, j.shard, sr.cache.rows)
	} else {
		rr.search = sr.finish()
		if err = writeSearchOutputs(j.dir, rr); err == nil {
			err = sr.cache.remove()
		}
	}
	if err != nil {
		return nil, err
	}
	removeCheckpoint(j.dir)
	return rr, nil
}

// mergeSearch writes the outputs of a sharded search from the union of
// its shards' caches: the same bytes as one machine's run.
func mergeSearch(st *spec, order []string, opts Options, start time.Time) (*Result, error) {
	sr, err := newSearcher(st)
	if err != nil {
		return nil, err
	}
	for _, d := range order {
		r := sr.newReader(filepath.Join(d, folder.SearchCache))
		rows, err := r.read()
		if err == nil && !r.started {
			err = fmt.Errorf("search: %s is missing", r.path)
		}
		if err != nil {
			return nil, fmt.Errorf("merge: %w", err)
		}
		sr.learn(rows)
	}
	sr.prog = newSearchProgress(nil, sr.sp)
	if err := sr.drive(context.Background()); err != nil {
		return nil, fmt.Errorf("merge: %w", err)
	}
	rr := &runResult{exp: st.exp, plan: st.pl, schema: st.sch, hash: st.hash, command: opts.Command}
	rr.search = sr.finish()
	rr.runs = len(rr.search.log)
	rr.wall = time.Since(start)
	if err := writeSearchOutputs(opts.Dir, rr); err != nil {
		return nil, err
	}
	return &Result{rr: rr, dir: opts.Dir}, nil
}

// peerCaches returns readers of the other shards' caches: the folders
// shard-J beside this shard's folder shard-I.
func peerCaches(dir string, shard engine.Shard, newReader func(path string) *cacheReader) ([]*cacheReader, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if want := fmt.Sprintf("shard-%d", shard.Index); filepath.Base(abs) != want {
		return nil, inputf("search shard %d/%d: its folder must be named %s, beside the other shards' folders shard-J (as seqsim slurm lays them out), to read their runs; got %s",
			shard.Index, shard.Count, want, dir)
	}
	var out []*cacheReader
	for k := range shard.Count {
		if k != shard.Index {
			out = append(out, newReader(filepath.Join(filepath.Dir(abs), fmt.Sprintf("shard-%d", k), folder.SearchCache)))
		}
	}
	return out, nil
}
