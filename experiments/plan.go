package experiments

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/seqsim/seqsim/engine/design"
	"github.com/seqsim/seqsim/experiments/field"
)

// Kind says what an experiment's points are.
type Kind string

// The kinds of study.
const (
	KindSingle      Kind = "single"      // one point
	KindScenarios   Kind = "scenarios"   // named variants
	KindSweep       Kind = "sweep"       // a grid or LHS, possibly crossed with scenarios
	KindSensitivity Kind = "sensitivity" // a Saltelli, Morris or OAT design
)

// KeepsSeries reports whether a study of kind k aggregates its runs' daily
// series into bands (series.csv): a sensitivity design and a design search
// keep their runs' outcomes alone.
func (k Kind) KeepsSeries() bool { return k != KindSensitivity && k != KindSearch }

// Plan enumerates the scenario points of an experiment. Point p of a
// scenarios-by-sweep study is scenario p / sweepPoints, sweep point
// p % sweepPoints.
type Plan struct {
	Kind       Kind
	Points     int      // scenario points
	Runs       int      // replicate runs per point (a search: the most runs it may take, SearchPlan.MostRuns)
	Columns    []string // per-point columns added to runs.csv (scenario, then varied paths)
	Scenarios  []string // scenario names (nil when none)
	SweepPaths []string // paths varied by the sweep or the sensitivity design
	sweepN     int
	sweep      pointer // grid or LHS
	// Exactly one of these is set for a sensitivity study.
	Saltelli *design.Saltelli
	Morris   *design.Morris
	OAT      *design.OAT
	Notice   string // e.g. N rounded up to a power of two
	// Search is set for a search: its problem and how a run maps to it.
	Search *SearchPlan

	exp  *Experiment
	ints []bool // whether each swept path is an integer parameter
}

type pointer interface {
	Len() int
	Point(i int, dst []float64)
}

// Plan builds the experiment's points. It validates every scenario and grid
// point (and, for sampled designs, each parameter at its bounds), so a run
// does not fail half-way on a bad combination.
func (e *Experiment) Plan() (*Plan, error) {
	pl := &Plan{Kind: KindSingle, Points: 1, Runs: e.Experiment.Runs, exp: e, sweepN: 1}
	if t := e.Experiment.TargetCI; t.On() {
		pl.Runs = t.MaxRuns // the cap; each point stops at a batch boundary (TargetCI)
	}
	for _, s := range e.Scenarios {
		pl.Scenarios = append(pl.Scenarios, s.Name)
	}
	if len(pl.Scenarios) > 0 {
		pl.Kind = KindScenarios
		pl.Columns = append(pl.Columns, "scenario")
	}
	var err error
	switch {
	case e.Search.Method != SearchNone:
		err = pl.searchDesign(e)
	case e.Sensitivity.Method != SensitivityNone:
		err = pl.sensitivity(e)
	case e.Sweep.Method != SweepNone:
		err = pl.sweepDesign(e)
	}
	if err != nil {
		return nil, err
	}
	pl.Columns = append(pl.Columns, pl.SweepPaths...)
	pl.Points = max(len(pl.Scenarios), 1) * pl.sweepN
	for _, path := range pl.SweepPaths {
		v, _ := e.getParam(path)
		_, isFloat := v.(float64)
		pl.ints = append(pl.ints, !isFloat)
	}
	return pl, pl.check()
}

func (pl *Plan) sweepDesign(e *Experiment) error {
	pl.Kind = KindSweep
	sw := e.Sweep
	for _, p := range sw.Params {
		pl.SweepPaths = append(pl.SweepPaths, p.Path)
	}
	switch sw.Method {
	case SweepGrid:
		vals := make([][]float64, len(sw.Params))
		for i, p := range sw.Params {
			vals[i] = p.Values
		}
		g, err := design.NewGrid(pl.SweepPaths, vals)
		if err != nil {
			return fmt.Errorf("experiments: sweep: %w", err)
		}
		pl.sweep = g
	case SweepLHS:
		space := design.Space{Names: pl.SweepPaths}
		for _, p := range sw.Params {
			m, err := design.Uniform(p.Lo, p.Hi)
			if p.Scale == "log" {
				m, err = design.LogUniform(p.Lo, p.Hi)
			}
			if err != nil {
				return fmt.Errorf("experiments: sweep %s: %w", p.Path, err)
			}
			space.Marginals = append(space.Marginals, m)
		}
		t, err := design.LatinHypercube(space, sw.Points, uint64(e.Experiment.Seed))
		if err != nil {
			return fmt.Errorf("experiments: sweep: %w", err)
		}
		pl.sweep = t
	}
	pl.sweepN = pl.sweep.Len()
	return nil
}

func (pl *Plan) sensitivity(e *Experiment) error {
	pl.Kind = KindSensitivity
	se := e.Sensitivity
	pl.Runs = se.Replicates
	space := design.Space{}
	base, lo, hi := []float64{}, []float64{}, []float64{}
	for _, p := range se.Params {
		m, err := p.marginal()
		if err != nil {
			return fmt.Errorf("experiments: sensitivity %s: %w", p.Path, err)
		}
		space.Names = append(space.Names, p.Path)
		space.Marginals = append(space.Marginals, m)
		v, _ := e.getParam(p.Path)
		b, _ := toFloat(v)
		base, lo, hi = append(base, b), append(lo, m.Quantile(0)), append(hi, m.Quantile(1))
	}
	pl.SweepPaths = space.Names
	seed := uint64(e.Experiment.Seed)
	var err error
	switch se.Method {
	case SensitivitySobol:
		pl.Saltelli, err = design.NewSaltelli(space, se.N, se.SecondOrder, seed)
		if err == nil {
			pl.sweep, pl.Notice = pl.Saltelli, pl.Saltelli.Notice
		}
	case SensitivityMorris:
		pl.Morris, err = design.NewMorris(space, se.Trajectories, se.Levels, seed)
		pl.sweep = pl.Morris
	case SensitivityOAT:
		pl.OAT, err = design.NewOAT(space.Names, base, lo, hi)
		pl.sweep = pl.OAT
	}
	if err != nil {
		return fmt.Errorf("experiments: sensitivity: %w", err)
	}
	pl.sweepN = pl.sweep.Len()
	return nil
}

// marginal maps a sensitivity parameter to its distribution on the unit cube.
func (p SensitivityParam) marginal() (design.Marginal, error) {
	switch p.Dist {
	case "uniform", "":
		return design.Uniform(p.Lo, p.Hi)
	case "loguniform":
		return design.LogUniform(p.Lo, p.Hi)
	case "normal":
		return design.Normal(p.Mu, p.Sigma)
	case "truncnormal":
		return design.TruncatedNormal(p.Mu, p.Sigma, p.Lo, p.Hi)
	case "discrete":
		return design.Discrete(p.Values...)
	case "int":
		return design.IntRange(int(p.Lo), int(p.Hi))
	}
	return nil, fmt.Errorf("unknown dist %q (want uniform, loguniform, normal, truncnormal, discrete or int)", p.Dist)
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	}
	return math.NaN(), false
}

// Values returns the swept parameter values of point p (nil for none).
func (pl *Plan) Values(p int) []float64 {
	if pl.sweep == nil {
		return nil
	}
	x := make([]float64, len(pl.SweepPaths))
	pl.sweep.Point(p%pl.sweepN, x)
	for i, isInt := range pl.ints {
		if isInt {
			x[i] = math.Round(x[i])
		}
	}
	return x
}

// ScenarioOf returns the scenario index of point p (0 when none).
func (pl *Plan) ScenarioOf(p int) int { return p / pl.sweepN }

// Row returns the runs.csv cells of point p's columns.
func (pl *Plan) Row(p int) []string {
	var out []string
	if len(pl.Scenarios) > 0 {
		out = append(out, pl.Scenarios[pl.ScenarioOf(p)])
	}
	for _, v := range pl.Values(p) {
		out = append(out, strconv.FormatFloat(v, 'g', -1, 64))
	}
	return out
}

// Point returns the experiment of point p: the base with the scenario's
// overrides, then the swept values, applied. The result shares no slices
// with the base (setting a parameter copies the slices along its path).
func (pl *Plan) Point(p int) (*Experiment, error) {
	e := *pl.exp
	if len(pl.Scenarios) > 0 {
		s := pl.exp.Scenarios[pl.ScenarioOf(p)]
		if err := e.set(s.Set, e.setParam); err != nil {
			return nil, fmt.Errorf("experiments: scenario %q: %w", s.Name, err)
		}
	}
	for i, v := range pl.Values(p) {
		if err := e.setNumber(pl.SweepPaths[i], v); err != nil {
			return nil, fmt.Errorf("experiments: point %d: %w", p, err)
		}
	}
	e.normalise()
	return &e, nil
}

// check validates the points up front: every point of a scenario list or
// grid (up to 10,000), and for sampled designs every parameter at its lower
// and upper bound with the others at their base values. A problem is
// reported at the line of the study key that made the point (the scenario's
// set entry, the swept parameter), with the parameter's key and the point
// named: `x.toml:12: fees.split: scenario "cheap": must sum to 1 ...`.
func (pl *Plan) check() error {
	if pl.Kind == KindSearch {
		return pl.checkSearch()
	}
	var errs []*field.Error
	// add records the problems of one point; blame maps a parameter key to
	// the study key that set it.
	add := func(what string, blame func(key string) string, e *Experiment, err error) {
		if err == nil {
			err = e.Validate()
		}
		if err == nil {
			return
		}
		fes := field.Errors(err)
		if len(fes) == 0 { // a point that could not be built
			fes = []*field.Error{{Err: err}}
		}
		for _, fe := range fes {
			where := blame(fe.Key)
			key := fe.Key
			if key == "" {
				key = where
			}
			errs = append(errs, &field.Error{
				File: pl.exp.File, Line: pl.exp.lines.Line(where), Key: key,
				Err: fmt.Errorf("%s: %w", what, fe.Err),
			})
		}
	}
	ex := pl.exp
	if pl.Kind == KindSensitivity || pl.Points > 10_000 || ex.Sweep.Method == SweepLHS {
		table := "sweep.params"
		if pl.Kind == KindSensitivity {
			table = "sensitivity.params"
		}
		for i, path := range pl.SweepPaths {
			where := fmt.Sprintf("%s.%d", table, i)
			for j, v := range pl.bounds(i) {
				e := *ex
				err := e.setNumber(path, v)
				which := [2]string{"smallest", "largest"}[j]
				add(fmt.Sprintf("%s = %g (the %s value of the design)", path, v, which), func(string) string { return where }, &e, err)
			}
		}
		return joinFieldErrors(errs)
	}
	for p := range pl.Points {
		e, err := pl.Point(p)
		if e == nil {
			e = ex
		}
		add(pl.describe(p), func(key string) string { return pl.blame(p, key) }, e, err)
	}
	return joinFieldErrors(errs)
}

// blame returns the study key behind a problem with key at point p: the
// last set entry of the point's scenario, or else the swept parameter, whose
// path is key, above it or below it; else the scenario or the sweep.
func (pl *Plan) blame(p int, key string) string {
	related := func(path string) bool {
		return path == key || strings.HasPrefix(key, path+".") || strings.HasPrefix(path, key+".")
	}
	if len(pl.Scenarios) > 0 {
		i := pl.ScenarioOf(p)
		sets := pl.exp.Scenarios[i].Set
		for j := len(sets) - 1; j >= 0; j-- {
			if path, _, _ := cut(sets[j]); related(path) {
				return fmt.Sprintf("scenarios.%d.set.%d", i, j)
			}
		}
	}
	for i, path := range pl.SweepPaths {
		if related(path) {
			return fmt.Sprintf("sweep.params.%d", i)
		}
	}
	if len(pl.Scenarios) > 0 {
		return fmt.Sprintf("scenarios.%d", pl.ScenarioOf(p))
	}
	return "sweep"
}

// bounds returns the smallest and largest value parameter i takes.
func (pl *Plan) bounds(i int) []float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	x := make([]float64, len(pl.SweepPaths))
	for r := range pl.sweepN {
		pl.sweep.Point(r, x)
		lo, hi = min(lo, x[i]), max(hi, x[i])
	}
	if pl.ints[i] {
		lo, hi = math.Round(lo), math.Round(hi)
	}
	return []float64{lo, hi}
}

func (pl *Plan) describe(p int) string {
	s := fmt.Sprintf("point %d", p)
	for i, c := range pl.Row(p) {
		s += fmt.Sprintf(" %s=%s", pl.Columns[i], c)
	}
	return s
}
