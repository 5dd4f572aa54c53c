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
