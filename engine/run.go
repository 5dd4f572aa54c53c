package engine

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime/debug"
	"sync"
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
	Bands  *Bands       // merged series bands (nil when Plan.SeriesPoints is false)
	Done   int          // units finished (successfully or not) in this call
	Failed []*UnitError // units that returned an error or panicked, by index
}

type unitResult struct {
	unit    Unit
	summary []float64
	err     error
}

// Run runs every unit of the plan that belongs to its shard and is not
// skipped, on Plan.Workers goroutines, each with its own Sim from newSim.
// Summaries reach sink in increasing unit index (a reorder buffer), so the
// bytes a sink writes do not depend on the worker count or on which run
// finishes first. A unit that fails or panics is recorded in Result.Failed
// and the others go on. When ctx is cancelled no new unit starts; units in
// flight finish and are delivered, and Run returns ctx's error.
func Run(ctx context.Context, p Plan, newSim func() (Sim, error), sink Sink) (*Result, error) {
	if p.Points <= 0 || p.Runs <= 0 {
		return nil, errors.New("engine: plan needs at least one point and one run")
	}
	workers := max(p.Workers, 1)
	todo := p.unitsToRun()
	sims := make([]Sim, workers)
	for w := range sims {
		s, err := newSim()
		if err != nil {
			return nil, fmt.Errorf("engine: creating simulator: %w", err)
		}
		sims[w] = s
	}
	next := make(chan int)
	results := make(chan unitResult, 2*workers)
	bands := make([]*Bands, workers)
	var wg sync.WaitGroup
	for w := range workers {
		if p.SeriesPoints {
			bands[w] = NewBands(p.Schema)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(p, sims[w], bands[w], next, results)
		}()
	}
	go func() { // feeder: stops early on cancellation
		defer close(next)
		for _, g := range todo {
			if ctx.Err() != nil { // select alone may still pick the send
				return
			}
			select {
			case next <- g:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	res, sinkErr := collect(p, todo, results, sink)
	if p.SeriesPoints {
		res.Bands = bands[0]
		for _, b := range bands[1:] {
			if err := res.Bands.Merge(b); err != nil {
				return nil, err
			}
		}
	}
	if sinkErr != nil {
		return res, sinkErr
	}
	if err := ctx.Err(); err != nil && res.Done < len(todo) {
		return res, err
	}
	return res, nil
}

func (p Plan) unitsToRun() []int {
	var todo []int
	for g := range p.Units() {
		if p.Shard.Contains(g) && (p.Skip == nil || !p.Skip(g)) {
			todo = append(todo, g)
		}
	}
	return todo
}

// work runs units from next until it is closed. One generator per worker,
// reseeded per unit: no allocation per run (STYLE.md, "Randomness").
func work(p Plan, sim Sim, bands *Bands, next <-chan int, out chan<- unitResult) {
	var pcg rand.PCG
	rng := rand.New(&pcg)
	series := make([]float64, p.Schema.Steps*len(p.Schema.Series))
	for g := range next {
		u := p.UnitOf(g)
		pcg.Seed(PCGSeeds(u.Seed))
		summary := make([]float64, len(p.Schema.Summary))
		err := runOne(sim, u, rng, summary, series)
		if err == nil && bands != nil {
			bands.Add(u.Point, series)
		}
		out <- unitResult{unit: u, summary: summary, err: err}
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

// collect delivers results to the sink in the order of todo.
func collect(p Plan, todo []int, results <-chan unitResult, sink Sink) (*Result, error) {
	res := &Result{}
	pending := map[int]unitResult{}
	pos := 0
	var sinkErr error
	for r := range results {
		pending[r.unit.Index] = r
		for pos < len(todo) {
			r, ok := pending[todo[pos]]
			if !ok {
				break
			}
			delete(pending, todo[pos])
			pos++
			res.Done++
			if r.err != nil {
				res.Failed = append(res.Failed, &UnitError{Unit: r.unit, Err: r.err})
			} else if sinkErr == nil {
				sinkErr = sink.Row(r.unit, r.summary)
			}
			if p.Progress != nil {
				p.Progress(res.Done, len(todo))
			}
		}
	}
	return res, sinkErr
}
