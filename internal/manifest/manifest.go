// Package manifest is the schema of an output folder's manifest.json:
// provenance (version, experiment hash, seed, command, resources), the
// study's shape and the metrics' metadata. `seqsim run` writes it and the
// report reads it, from this one definition. Readers ignore unknown
// fields, so newer manifests still load.
package manifest

// Manifest is manifest.json.
type Manifest struct {
	Seqsim         string   `json:"seqsim_version"`
	Experiment     string   `json:"experiment"`
	ExperimentHash string   `json:"experiment_hash"`
	Seed           int64    `json:"seed"`
	Runs           int      `json:"runs"`
	RunsDone       int      `json:"runs_done"`
	Failed         int      `json:"runs_failed"`
	Complete       bool     `json:"complete"`
	Command        []string `json:"command"`
	Started        string   `json:"started"`
	WallSeconds    float64  `json:"wall_seconds"` // the run loop
	RunsPerSecond  float64  `json:"runs_per_second"`
	CPUSeconds     float64  `json:"cpu_seconds"` // user + system time of the process so far
	PeakRSSMB      float64  `json:"peak_rss_mb"` // peak resident memory of the process so far
	Go             string   `json:"go"`
	GOOS           string   `json:"goos"`
	GOARCH         string   `json:"goarch"`
	GOAMD64        string   `json:"goamd64,omitempty"`
	Model          string   `json:"model"`
	Study          Study    `json:"study"`
	Outcomes       []Metric `json:"outcomes"`
	Series         []Metric `json:"series"`
	// Warnings are the design's proportion warnings
	// (experiments.Experiment.Warnings), which the report shows first.
	Warnings []string `json:"warnings,omitempty"`
	// Set are the parameters the experiment sets to other than their
	// defaults (experiments.Experiment.Changes); every other value is
	// inherited. The report's parameter section lists them.
	Set    []Change `json:"set,omitempty"`
	Search *Search  `json:"search,omitempty"` // a design search: what was searched and how it went (search.csv and front.csv hold the results)
}

// Change is a parameter set to other than its default, both values as
// TOML inline values (Default "": the defaults have no such key).
type Change struct {
	Path    string `json:"path"`
	Value   string `json:"value"`
	Default string `json:"default,omitempty"`
}

// Search describes a design search: its variables and their bounds,
// objectives, constraints and budget (what the report shows), and how it
// went. The names are the column names of search.csv and front.csv.
type Search struct {
	Method      string             `json:"method"` // nsga2 or cmaes
	Variables   []SearchVariable   `json:"variables"`
	Objectives  []SearchObjective  `json:"objectives"`
	Constraints []SearchConstraint `json:"constraints,omitempty"`
	Replicates  int                `json:"replicates"`       // runs per candidate before racing adds any
	Budget      int                `json:"budget,omitempty"` // the search's cap on model runs (max_runs); 0: none
	Runs        int                `json:"runs"`             // model runs the search used
	FinalRuns   int                `json:"final_runs"`       // model runs of the final re-evaluation on fresh seeds
	Generations int                `json:"generations"`      // generations asked for after the initial one
	// GenerationsRun are the generations run after the initial one:
	// fewer than Generations when the budget stopped the search.
	GenerationsRun int    `json:"generations_run"`
	Candidates     int    `json:"candidates"` // designs evaluated
	Chosen         int    `json:"chosen"`     // designs chosen (rows of front.csv)
	Stopped        string `json:"stopped"`    // why the search stopped
}

// SearchVariable is one decision variable.
type SearchVariable struct {
	Name   string    `json:"name"` // a dotted parameter path, the column of search.csv
	Unit   string    `json:"unit,omitempty"`
	Kind   string    `json:"kind"` // continuous, integer or discrete
	Lo     float64   `json:"lo"`   // bounds (continuous, integer)
	Hi     float64   `json:"hi"`
	Values []float64 `json:"values,omitempty"` // the values of a discrete variable
	// Step is the grid spacing a continuous variable is resolved to, for
	// the comparison with a grid of the same resolution; 0: none given.
	Step float64 `json:"step,omitempty"`
}

// SearchObjective is one objective.
type SearchObjective struct {
	Name     string `json:"name"`    // the column of search.csv and front.csv
	Outcome  string `json:"outcome"` // the outcome metric it is a statistic of
	Stat     string `json:"stat"`    // mean, q<p> (a quantile) or P(><t>) (a probability)
	Maximize bool   `json:"maximize,omitempty"`
}

// SearchConstraint is one constraint: the statistic on one side of Limit
// with confidence Level.
type SearchConstraint struct {
	Name    string  `json:"name"`
	Outcome string  `json:"outcome"`
	Stat    string  `json:"stat"`
	Op      string  `json:"op"` // "<=" or ">="
	Limit   float64 `json:"limit"`
	Level   float64 `json:"level"` // e.g. 0.95

}

// Metric is a metric's metadata. Everything the report does with a metric
// (its section, its charts, which way is better) follows from these
// fields, never from its name.
type Metric struct {
	Name       string    `json:"name"`
	Unit       string    `json:"unit"`
	Doc        string    `json:"doc"`
	MayBeEmpty bool      `json:"may_be_empty,omitempty"`
	Chart      bool      `json:"chart,omitempty"`      // gets charts and best/worst marks
	LowerTail  bool      `json:"lower_tail,omitempty"` // low values are the risk: higher is better
	RiskAbove  []float64 `json:"risk_above,omitempty"` // thresholds of P(value > t)
	Section    string    `json:"section,omitempty"`    // verification, dump, capture, health ("" = health)
}

// Study describes the points of the experiment, so that charts and
// reports can be rebuilt from the output folder alone.
type Study struct {
	Kind        string   `json:"kind"`   // single, scenarios, sweep, sensitivity
	Points      int      `json:"points"` // scenario points
	Runs        int      `json:"runs"`   // runs per point
	Columns     []string `json:"columns"`
	Scenarios   []string `json:"scenarios,omitempty"`
	SweepPaths  []string `json:"sweep_paths,omitempty"`
	SweepMethod string   `json:"sweep_method,omitempty"` // grid or lhs
	Sensitivity string   `json:"sensitivity_method,omitempty"`
	Notice      string   `json:"notice,omitempty"`
	// TargetCI is, with experiment.target_ci, each point's run count and
	// why it stopped; Runs is then the cap.
	TargetCI []PointStop `json:"target_ci,omitempty"`
}

// PointStop is how many runs a point used under experiment.target_ci, and
// why it stopped there.
type PointStop struct {
	Point   int    `json:"point"`
	Runs    int    `json:"runs"`    // rows of the point in runs.csv (failed runs have none)
	Stopped string `json:"stopped"` // "target": every listed interval was narrow enough; "cap": max_runs ran out first

}
