package engine

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// Sim is one worker's simulator. The engine creates one per worker through a
// factory and reuses it for every unit that worker runs, so a Sim may keep
// buffers between runs (ark's reused World). Run is called once per unit,
// never per agent: an interface call per run costs nothing.
//
// Run must overwrite every element of summary (len = len(Schema.Summary))
// and series (len = Schema.Steps*len(Schema.Series), step-major:
// series[step*len(Schema.Series)+metric]). NaN in summary means "no value"
// for metrics that may be empty (e.g. the day of an event that never
// happened). All randomness must come from rng.
type Sim interface {
	Run(point, run int, rng *rand.Rand, summary, series []float64) error
}

// Schema names what every run reports, so the engine sizes its buffers once.
type Schema struct {
	Summary []string // per-run outcome metrics, in column order
	Series  []string // per-step metrics
	Steps   int      // number of recorded steps per run (e.g. days 0..horizon)
	// SeriesEvery keeps every k-th step in the bands (1 = all); steps that
	// are not kept cost nothing in memory.
	SeriesEvery int
	// Optional marks summary metrics that may be NaN ("no value"); any
	// other NaN, and any Inf, fails the unit.
	Optional []bool
}

// checkFinite reports the first non-finite value of a unit's output.
func (s Schema) checkFinite(summary, series []float64) error {
	for i, v := range summary {
		if math.IsInf(v, 0) || (math.IsNaN(v) && (i >= len(s.Optional) || !s.Optional[i])) {
			return fmt.Errorf("outcome %s is %v", s.Summary[i], v)
		}
	}
	m := len(s.Series)
	for i, v := range series {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("series %s is %v at step %d", s.Series[i%m], v, i/m)
		}
	}
	return nil
}

// Shard selects a share of the units: unit g belongs to shard g mod Count.
// The zero value means the whole plan.
type Shard struct {
	Index, Count int
}

// Contains reports whether unit g belongs to the shard.
func (s Shard) Contains(g int) bool {
	if s.Count <= 1 {
		return true
	}
	return g%s.Count == s.Index
}

// Plan is what to run.
type Plan struct {
	Seed    uint64 // master seed
	Points  int    // scenario points (1 for a single scenario)
	Runs    int    // replicate runs per point
	Workers int    // goroutines; <= 0 means 1
	// CommonRandomNumbers gives every point the same seed for the same run
	// index (see RunSeed).
	CommonRandomNumbers bool
	// SeriesPoints aggregates series per point when true; when false (large
	// designs such as Saltelli) no series are kept.
	SeriesPoints bool
	Schema       Schema
	Shard        Shard
	// Resume, if non-nil, continues from a checkpoint of the same plan.
	Resume *Checkpoint
	// CheckpointEvery > 0 calls OnCheckpoint that often with a consistent
	// state (between two checkpoints a crash loses only those units).
	CheckpointEvery time.Duration
	OnCheckpoint    func(Checkpoint) error
	// Progress, if non-nil, is called from the collecting goroutine after
	// each unit with the number of units finished and the total to run.
	Progress func(done, total int)
	// StopEvery > 0 makes each point's run count adaptive, with Runs as
	// the cap: the runs of a point go in batches of StopEvery, and before
	// the first run of each later batch, once every earlier unit is
	// delivered, Stop(point, runs) is asked whether runs (0 … runs−1, the
	// whole batches so far) are enough; true skips the point's remaining
	// units. Stop is called from the collecting goroutine, and it should
	// read only the rows the sink was given, which are then exactly the
	// units before it in unit order whatever the worker count, so the
	// decision, hence the output, does not depend on it (DESIGN.md,
	// "Determinism"). A resumed run asks again at the boundary it resumes
	// on, so Stop must answer from the rows alone (a resume replays them to
	// the sink first). Not with a Shard of more than one part: a point's
	// runs are spread over the shards, and no shard sees them all.
	StopEvery int
	Stop      func(point, runs int) bool
}

// Units is the number of (point, run) units in the whole plan.
func (p Plan) Units() int { return p.Points * p.Runs }

// Unit identifies one run of one point; Index = Point*Runs + Run.
type Unit struct {
	Index, Point, Run int
	Seed              uint64
}

// UnitOf returns the unit with index g of the plan.
func (p Plan) UnitOf(g int) Unit {
	pt, r := g/p.Runs, g%p.Runs
	return Unit{Index: g, Point: pt, Run: r, Seed: RunSeed(p.Seed, pt, r, p.CommonRandomNumbers)}
}

// Sink receives the summary of each finished unit, in increasing unit
// index, from a single goroutine. summary is only valid during the call.
type Sink interface {
	Row(u Unit, summary []float64) error
}
