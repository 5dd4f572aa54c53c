package agents

import (
	"fmt"
	"math/rand/v2"
)

// Sim runs the model for the engine: one per worker, reused across runs. It
// satisfies engine.Sim structurally, so agents does not import engine.
type Sim struct {
	world  World
	params func(point int) *Params
}

// NewSim returns a simulator that runs the scenario params(point) for each
// point. The params must have been validated (experiments.Load does it).
func NewSim(params func(point int) *Params) *Sim {
	return &Sim{params: params}
}

// Steps is the number of recorded steps of a run of p: days 0..horizon.
func Steps(p *Params) int { return p.Simulation.HorizonDays + 1 }

// Run runs one unit: reset the world from the run's generator, step through
// the horizon recording every day, then summarise. The buffers hold the
// columns of SeriesColumns and OutcomeColumns.
func (s *Sim) Run(point, run int, rng *rand.Rand, summary, series []float64) error {
	p := s.params(point)
	if p == nil {
		return fmt.Errorf("agents: no parameters for point %d", point)
	}
	w := &s.world
	if err := w.Reset(p, rng); err != nil {
		return err
	}
	width := w.width
	if want := Steps(p) * width; len(series) != want || len(summary) != w.outcomes {
		return fmt.Errorf("agents: buffers of %d series and %d summary values, want %d and %d", len(series), len(summary), want, w.outcomes)
	}
	w.record(series[:width])
	for d := 1; d <= p.Simulation.HorizonDays; d++ {
		w.Step()
		w.endMarketDay()
		w.record(series[d*width : (d+1)*width])
	}
	w.recount()
	w.summarise(series, summary)
	return nil
}
