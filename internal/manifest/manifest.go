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
	Set []Change `json:"set,omitempty"`
}

// Change is a parameter set to other than its default, both values as
// TOML inline values (Default "": the defaults have no such key).
type Change struct {
	Path    string `json:"path"`
	Value   string `json:"value"`
	Default string `json:"default,omitempty"`
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
	Search      *Search  `json:"search,omitempty"` // a search study
}

// Search records how a design search went.
type Search struct {
	Method      string `json:"method"`      // nsga2 or cmaes
	Generations int    `json:"generations"` // generations asked for after the initial one
	// GenerationsRun are the generations run after the initial one:
	// fewer than Generations when the budget stopped the search.
	GenerationsRun int    `json:"generations_run"`
	MaxRuns        int    `json:"max_runs"`   // the budget of search runs (0: none)
	Runs           int    `json:"runs"`       // search runs used
	FinalRuns      int    `json:"final_runs"` // runs of the final re-evaluation
	Candidates     int    `json:"candidates"` // designs evaluated
	Chosen         int    `json:"chosen"`     // designs chosen (rows of front.csv)
	Stopped        string `json:"stopped"`    // why the search stopped
}
