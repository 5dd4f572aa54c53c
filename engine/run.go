package engine

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime/debug"
	"sync"
	"time"
)

// UnitError is the failure of one unit: its point, run and seed are enough
// to replay it alone.
type UnitError struct {
	Unit Unit
	Err  error
}

func (e *UnitError) Error() string {
	return fmt.Sprintf("engine: point %d run %d (seed %d): %v", e.Unit.Point, e.Unit.Run, e.Unit.Seed, e.Err)
}

func (e *UnitError) Unwrap() error { return e.Err }

// Result is what Run returns besides the rows it gave the sink.
type Result struct {
	Bands  *Bands       // series bands of every run, including a resumed state (nil when Plan.SeriesPoints is false)
	Done   int          // units of the shard delivered, including those of a resumed state
	Total  int          // units of the shard
	Failed []*UnitError // units that returned an error, panicked or gave non-finite output, by index
}

// Checkpoint is the state of a partly finished plan: the first Done units
// of the shard (in unit order) have been delivered to the sink, and Bands
// holds exactly their series. Resuming from it gives the same bytes as an
// uninterrupted run.
type Checkpoint struct {
	Done  int
	Bands *Bands // the workers share one set of bands, so this is no copy
}

// WriteBands writes the checkpoint's bands for ReadCheckpointBands: a
// count of parts, then each part (one; the format takes several, as
// checkpoints of earlier versions held one part per worker).
func (c Checkpoint) WriteBands(w io.Writer) error {
	var parts []*Bands
	if c.Bands != nil {
		parts = []*Bands{c.Bands}
	}
	if _, err := w.Write(binary.AppendUvarint(nil, uint64(len(parts)))); err != nil {
		return err
	}
	for _, b := range parts {
		if _, err := b.WriteTo(w); err != nil {
			return err
		}
	}
	return nil
}

// ReadCheckpointBands reads what WriteBands wrote and merges the parts.
func ReadCheckpointBands(r io.Reader, s Schema) (*Bands, error) {
	br := bufio.NewReader(r)
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<16 {
		return nil, fmt.Errorf("engine: reading checkpoint bands: %v", err)
	}
	out := NewBands(s)
	for range n {
		b, err := ReadBands(br, s)
		if err != nil {
			return nil, err
		}
		if err := out.Merge(b); err != nil {
			return nil, err
		}
	}
	return out, nil
}

type unitResult struct {
	unit    Unit
	summary []float64
	err     error
}

// Run runs every unit of the plan that belongs to its shard, on
// Plan.Workers goroutines, each with its own Sim from newSim. Summaries
// reach sink in increasing unit index (a reorder buffer), so the bytes a
// sink writes do not depend on the worker count or on which run finishes
// first. A unit that fails, panics or gives a non-finite value is recorded
// in Result.Failed and the others go on. When ctx is cancelled no new unit
// starts; units in flight finish and are delivered, and Run returns ctx's
// error with a Result that is a valid checkpoint. With Plan.Resume the
// first Resume.Done units are skipped and Resume.Bands is the starting
// state. Every Plan.CheckpointEvery, Run pauses feeding until every unit in
// flight is delivered and calls Plan.OnCheckpoint.
func Run(ctx context.Context, p Plan, newSim func() (Sim, error), sink Sink) (*Result, error) {
	if p.Points <= 0 || p.Runs <= 0 {
		return nil, errors.New("engine: plan needs at least one point and one run")
	}
	if p.StopEvery < 0 || (p.StopEvery > 0 && p.Stop == nil) {
		return nil, fmt.Errorf("engine: plan has StopEvery %d and Stop %v: want StopEvery >= 0, and a Stop func when it is > 0", p.StopEvery, p.Stop != nil)
	}
	if p.StopEvery > 0 && p.Shard.Count > 1 {
		return nil, errors.New("engine: adaptive run counts (StopEvery) cannot be sharded: a point's stopping rule needs all its runs")
	}
	workers := max(p.Workers, 1)
	todo := p.unitsToRun()
	res := &Result{Total: len(todo)}
	base := NewBands(p.Schema)
	if r := p.Resume; r != nil {
		if r.Done > len(todo) {
			return nil, fmt.Errorf("engine: checkpoint has %d units done but the shard has %d", r.Done, len(todo))
		}
		todo, res.Done = todo[r.Done:], r.Done
		if r.Bands != nil && p.SeriesPoints {
			if err := base.Merge(r.Bands); err != nil {
				return nil, err
			}
		}
	}
	sims := make([]Sim, workers)
	for w := range sims {
		s, err := newSim()
		if err != nil {
			return nil, fmt.Errorf("engine: creating simulator: %w", err)
		}
		sims[w] = s
	}
	jobs := make(chan int)
	results := make(chan unitResult, workers)
	var shared *sharedBands
	if p.SeriesPoints {
		shared = newSharedBands(base, workers)
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(p, sims[w], w, shared, jobs, results)
		}()
	}
	c := coordinator{p: p, ctx: ctx, todo: todo, res: res, sink: sink, jobs: jobs, results: results}
	if p.SeriesPoints {
		c.bands = base
	}
	err := c.loop()
	close(jobs)
	wg.Wait()
	res.Bands = c.bands
	if err != nil {
		return res, err
	}
	if cerr := ctx.Err(); cerr != nil && res.Done < res.Total {
		return res, cerr
	}
	return res, nil
}

// coordinator feeds units to the workers in order, delivers results
// through the reorder buffer, and pauses for checkpoints.
type coordinator struct {
	p        Plan
	ctx      context.Context
	todo     []int
	res      *Result
	sink     Sink
	jobs     chan<- int
	results  <-chan unitResult
	bands    *Bands // shared by the workers; nil without series
	fed, pos int
	pending  map[int]unitResult
	sinkErr  error
	asked    int // 1 + the todo position whose stop rule was asked (0: none)
}

func (c *coordinator) loop() error {
	c.pending = map[int]unitResult{}
	lastCP := time.Now()
	for {
		stop := c.ctx.Err() != nil || c.sinkErr != nil
		pause := c.p.CheckpointEvery > 0 && time.Since(lastCP) >= c.p.CheckpointEvery
		inFlight := c.fed - c.pos
		if !stop && !pause && inFlight == 0 && c.skipStopped() {
			continue
		}
		if (stop || pause || c.fed == len(c.todo)) && inFlight == 0 {
			if c.fed == len(c.todo) || stop {
				return c.sinkErr
			}
			if err := c.checkpoint(); err != nil {
				return err
			}
			lastCP = time.Now()
			continue
		}
		var jobs chan<- int
		if !stop && !pause && c.fed < len(c.todo) && !c.atBoundary() {
			jobs = c.jobs
		}
		var next int
		if jobs != nil {
			next = c.todo[c.fed]
		}
		select {
		case jobs <- next:
			c.fed++
		case r := <-c.results:
			c.receive(r)
		case <-c.ctx.Done():
			if inFlight > 0 {
				c.receive(<-c.results)
			}
		}
	}
}

// atBoundary reports whether the unit to feed next is the first of a
// later batch of its point whose stop rule has not been asked: it waits
// until nothing is in flight (Plan.StopEvery).
func (c *coordinator) atBoundary() bool {
	if c.p.StopEvery <= 0 || c.fed >= len(c.todo) || c.asked == c.fed+1 {
		return false
	}
	u := c.p.UnitOf(c.todo[c.fed])
	return u.Run > 0 && u.Run%c.p.StopEvery == 0
}

// skipStopped asks the stop rule at a batch boundary, with every earlier
// unit delivered; when the point has enough runs its remaining units are
// skipped (counted as done) and skipStopped reports true.
func (c *coordinator) skipStopped() bool {
	if !c.atBoundary() {
		return false
	}
	c.asked = c.fed + 1
	u := c.p.UnitOf(c.todo[c.fed])
	if !c.p.Stop(u.Point, u.Run) {
		return false
	}
	n := 0
	for c.fed+n < len(c.todo) && c.todo[c.fed+n]/c.p.Runs == u.Point {
		n++
	}
	c.fed += n
	c.pos += n
	c.res.Done += n
	if c.p.Progress != nil {
		c.p.Progress(c.res.Done, c.res.Total)
	}
	return true
}

func (c *coordinator) checkpoint() error {
	if c.p.OnCheckpoint == nil {
		return nil
	}
	return c.p.OnCheckpoint(Checkpoint{Done: c.res.Done, Bands: c.bands})
}

// receive buffers a result and delivers every result that is next in order.
func (c *coordinator) receive(r unitResult) {
	c.pending[r.unit.Index] = r
	for c.pos < c.fed {
		r, ok := c.pending[c.todo[c.pos]]
		if !ok {
			return
		}
		delete(c.pending, c.todo[c.pos])
		c.pos++
		c.res.Done++
		if r.err != nil {
			c.res.Failed = append(c.res.Failed, &UnitError{Unit: r.unit, Err: r.err})
		} else if c.sinkErr == nil {
			c.sinkErr = c.sink.Row(r.unit, r.summary)
		}
		if c.p.Progress != nil {
			c.p.Progress(c.res.Done, c.res.Total)
		}
	}
}

func (p Plan) unitsToRun() []int {
	var todo []int
	for g := range p.Units() {
		if p.Shard.Contains(g) {
			todo = append(todo, g)
		}
	}
	return todo
}

// work runs units from jobs until it is closed. One generator per worker,
// reseeded per unit: no allocation per run (STYLE.md, "Randomness").
func work(p Plan, sim Sim, worker int, bands *sharedBands, jobs <-chan int, out chan<- unitResult) {
	var pcg rand.PCG
	rng := rand.New(&pcg)
	h := newHeldRuns(p, worker, bands, out)
	for {
		g, ok := h.nextJob(jobs)
		if !ok {
			h.deliver()
			return
		}
		u := p.UnitOf(g)
		series := h.buffer(u.Point)
		pcg.Seed(PCGSeeds(u.Seed))
		summary := make([]float64, len(p.Schema.Summary))
		err := runOne(sim, u, rng, summary, series)
		if err == nil {
			err = p.Schema.checkFinite(summary, series)
		}
		h.hold(unitResult{unit: u, summary: summary, err: err})
	}
}

// runOne turns a panic inside one unit into that unit's error, so one bad
// run cannot take the others down.
func runOne(sim Sim, u Unit, rng *rand.Rand, summary, series []float64) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
		}
	}()
	return sim.Run(u.Point, u.Run, rng, summary, series)
}
