package experiments

// Scenario is a named variant of the experiment: a set of overrides in the
// same syntax as --set, compared side by side with the other scenarios.
type Scenario struct {
	Name string   `toml:"name" doc:"label in tables and legends"`
	Set  []string `toml:"set" unit:"path=value list" doc:"overrides applied to the experiment, as with --set"`
}

// SweepParam is one parameter a sweep varies.
type SweepParam struct {
	Path   string    `toml:"path" unit:"dotted path" doc:"the parameter to vary"`
	Values []float64 `toml:"values" doc:"grid: the values to run"`
	Lo     float64   `toml:"lo" doc:"lhs: lower bound"`
	Hi     float64   `toml:"hi" doc:"lhs: upper bound"`
	Scale  string    `toml:"scale" unit:"linear|log" doc:"lhs: sample uniformly or log-uniformly"`
}

// Sweep runs every point of a design over parameter paths; each point runs
// experiment.runs replicates.
type Sweep struct {
	Method SweepMethod  `toml:"method" doc:"grid: full factorial of the values; lhs: Latin hypercube of sweep.points over [lo, hi]"`
	Points int          `toml:"points" unit:"count" doc:"lhs: number of points"`
	Params []SweepParam `toml:"params" doc:"the parameters swept"`
}

// SensitivityParam is one input of a sensitivity analysis and its
// distribution.
type SensitivityParam struct {
	Path   string    `toml:"path" unit:"dotted path" doc:"the parameter"`
	Dist   string    `toml:"dist" unit:"uniform|loguniform|normal|truncnormal|discrete|int" doc:"its distribution"`
	Lo     float64   `toml:"lo" doc:"lower bound (uniform, loguniform, truncnormal, int)"`
	Hi     float64   `toml:"hi" doc:"upper bound (uniform, loguniform, truncnormal, int)"`
	Mu     float64   `toml:"mu" doc:"mean (normal, truncnormal)"`
	Sigma  float64   `toml:"sigma" doc:"standard deviation (normal, truncnormal)"`
	Values []float64 `toml:"values" doc:"equally likely values (discrete)"`
}

// Sensitivity asks which parameters drive which outcomes.
type Sensitivity struct {
	Method       SensitivityMethod  `toml:"method" doc:"sobol: Saltelli design, S1/ST (N(D+2) points); morris: elementary effects (r(D+1) points); oat: one at a time (2D+1 points)"`
	N            int                `toml:"n" unit:"count" doc:"sobol: base samples (rounded up to a power of two)"`
	SecondOrder  bool               `toml:"second_order" doc:"sobol: also second-order indices S2 (N(2D+2) points)"`
	Trajectories int                `toml:"trajectories" unit:"count" doc:"morris: trajectories r"`
	Levels       int                `toml:"levels" unit:"count, even" doc:"morris: grid levels p"`
	Replicates   int                `toml:"replicates" unit:"count" doc:"runs per design point (averaged; seed noise is reported)"`
	Bootstrap    int                `toml:"bootstrap" unit:"count" doc:"bootstrap resamples for confidence intervals"`
	Metrics      []string           `toml:"metrics" doc:"outcome metrics to analyse (empty: all)"`
	Params       []SensitivityParam `toml:"params" doc:"the inputs and their distributions"`
}

// Ishigami holds the inputs and constants of the Ishigami test function,
// y = sin x1 + a sin^2 x2 + b x3^4 sin x1 (Ishigami and Homma 1990), used
// when experiment.model is "ishigami" to check the sensitivity pipeline.
type Ishigami struct {
	A  float64 `toml:"a" doc:"constant a (7 in the literature)"`
	B  float64 `toml:"b" doc:"constant b (0.1 in the literature)"`
	X1 float64 `toml:"x1" doc:"input x1, in [-pi, pi]"`
	X2 float64 `toml:"x2" doc:"input x2, in [-pi, pi]"`
	X3 float64 `toml:"x3" doc:"input x3, in [-pi, pi]"`
}

// SobolG holds the inputs and constants of Sobol's G function,
// y = prod (|4x_i - 2| + a_i)/(1 + a_i), used when experiment.model is
// "sobol-g".
type SobolG struct {
	A []float64 `toml:"a" doc:"constants a_i (importance falls as a_i grows)"`
	X []float64 `toml:"x" doc:"inputs x_i in [0, 1], one per a_i"`
}
