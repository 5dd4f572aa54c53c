package experiments

import (
	"fmt"
	"math/rand/v2"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/engine/sensitivity"
)

// Sim is what the engine runs (engine.Sim, satisfied structurally).
type Sim interface {
	Run(point, run int, rng *rand.Rand, summary, series []float64) error
}

// Schema is the shape of one run's output for the experiment's model.
type Schema struct {
	Outcomes, Series []agents.Metric
	Steps            int // recorded steps per run
	RecordEvery      int
}

// Schema returns the output shape of the experiment's model.
func (e *Experiment) Schema() Schema {
	if e.Experiment.Model != ModelToken {
		return Schema{Outcomes: []agents.Metric{{Name: "y", Unit: "1", Doc: "test function value", Chart: true}}, Steps: 0, RecordEvery: 1}
	}
	// The mechanisms' declarations were read when e was loaded: they
	// cannot fail here.
	outcomes, err := agents.OutcomeColumns(&e.Params)
	if err != nil {
		panic(err)
	}
	series, err := agents.SeriesColumns(&e.Params)
	if err != nil {
		panic(err)
	}
	return Schema{Outcomes: outcomes, Series: series, Steps: agents.Steps(&e.Params), RecordEvery: e.Simulation.RecordEveryDays}
}

// pointCache resolves the experiment of the point a worker is on. One per
// worker: workers share nothing mutable.
type pointCache struct {
	pl     *Plan
	last   int
	lastEx *Experiment
}

func (c *pointCache) get(p int) (*Experiment, error) {
	if c.lastEx != nil && c.last == p {
		return c.lastEx, nil
	}
	e, err := c.pl.Point(p)
	if err != nil {
		return nil, err
	}
	c.last, c.lastEx = p, e
	return e, nil
}

// NewSimFactory returns the factory the engine calls once per worker.
func (pl *Plan) NewSimFactory() (func() (Sim, error), error) {
	if _, err := pl.Point(0); err != nil {
		return nil, err
	}
	switch pl.exp.Experiment.Model {
	case ModelIshigami, ModelSobolG:
		return func() (Sim, error) { return &testSim{cache: &pointCache{pl: pl}}, nil }, nil
	}
	return func() (Sim, error) { return &tokenSim{cache: &pointCache{pl: pl}}, nil }, nil
}

// tokenSim runs the token model at each point's parameters. Each worker
// keeps its own copy of the current point's parameters so that workers do
// not share mutable state.
type tokenSim struct {
	cache *pointCache
	sim   *agents.Sim
	point int
	p     *agents.Params
}

func (s *tokenSim) Run(point, run int, rng *rand.Rand, summary, series []float64) error {
	if s.sim == nil || s.point != point {
		e, err := s.cache.get(point)
		if err != nil {
			return err
		}
		s.p, s.point = &e.Params, point
		if s.sim == nil {
			s.sim = agents.NewSim(func(int) *agents.Params { return s.p })
		}
	}
	return s.sim.Run(point, run, rng, summary, series)
}

// testSim evaluates a test function with known sensitivity indices
// (deterministic: rng is unused).
type testSim struct {
	cache *pointCache
}

func (s *testSim) Run(point, run int, _ *rand.Rand, summary, _ []float64) error {
	e, err := s.cache.get(point)
	if err != nil {
		return err
	}
	switch e.Experiment.Model {
	case ModelIshigami:
		i := e.Ishigami
		summary[0] = sensitivity.Ishigami([]float64{i.X1, i.X2, i.X3}, i.A, i.B)
	case ModelSobolG:
		g := e.SobolG
		if len(g.X) != len(g.A) {
			return fmt.Errorf("experiments: sobol_g: %d inputs x for %d constants a", len(g.X), len(g.A))
		}
		summary[0] = sensitivity.SobolG(g.X, g.A)
	default:
		return fmt.Errorf("experiments: unknown test model %q", e.Experiment.Model)
	}
	return nil
}
