package main

import (
	"encoding/json"
	"os"
	"runtime"
	"syscall"
	"time"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/internal/atomicfile"
)

// manifest is manifest.json: provenance and metric metadata.
type manifest struct {
	Seqsim         string       `json:"seqsim_version"`
	Experiment     string       `json:"experiment"`
	ExperimentHash string       `json:"experiment_hash"`
	Seed           int64        `json:"seed"`
	Runs           int          `json:"runs"`
	RunsDone       int          `json:"runs_done"`
	Failed         int          `json:"runs_failed"`
	Complete       bool         `json:"complete"`
	Command        []string     `json:"command"`
	Started        string       `json:"started"`
	WallSeconds    float64      `json:"wall_seconds"`
	RunsPerSecond  float64      `json:"runs_per_second"`
	CPUSeconds     float64      `json:"cpu_seconds"` // user + system time of the process so far
	PeakRSSMB      float64      `json:"peak_rss_mb"` // peak resident memory of the process so far
	Go             string       `json:"go"`
	GOOS           string       `json:"goos"`
	GOARCH         string       `json:"goarch"`
	GOAMD64        string       `json:"goamd64,omitempty"`
	Model          string       `json:"model"`
	Study          studyJSON    `json:"study"`
	Outcomes       []metricJSON `json:"outcomes"`
	Series         []metricJSON `json:"series"`
}

// metricJSON is a metric's metadata as manifest.json spells it.
type metricJSON struct {
	Name       string    `json:"name"`
	Unit       string    `json:"unit"`
	Doc        string    `json:"doc"`
	MayBeEmpty bool      `json:"may_be_empty,omitempty"`
	Chart      bool      `json:"chart,omitempty"`
	LowerTail  bool      `json:"lower_tail,omitempty"`
	RiskAbove  []float64 `json:"risk_above,omitempty"`
	Section    string    `json:"section,omitempty"`
}

func metricsJSON(ms []agents.Metric) []metricJSON {
	out := make([]metricJSON, len(ms))
	for i, m := range ms {
		out[i] = metricJSON{m.Name, m.Unit, m.Doc, m.MayBeEmpty, m.Chart, m.LowerTail, m.RiskAbove, m.Section}
	}
	return out
}

// studyJSON describes the points of the experiment, so that charts and reports
// can be rebuilt from the output folder alone.
type studyJSON struct {
	Kind        string   `json:"kind"`   // single, scenarios, sweep, sensitivity
	Points      int      `json:"points"` // scenario points
	Runs        int      `json:"runs"`   // runs per point
	Columns     []string `json:"columns"`
	Scenarios   []string `json:"scenarios,omitempty"`
	SweepPaths  []string `json:"sweep_paths,omitempty"`
	SweepMethod string   `json:"sweep_method,omitempty"` // grid or lhs
	Sensitivity string   `json:"sensitivity_method,omitempty"`
	Notice      string   `json:"notice,omitempty"`
}

func writeManifest(path string, rr *runResult, complete bool) error {
	b, err := manifestBytes(rr, complete)
	if err != nil {
		return err
	}
	return atomicfile.Write(path, b)
}

// manifestBytes is the content of manifest.json.
func manifestBytes(rr *runResult, complete bool) ([]byte, error) {
	cpu, rss := resourceUsage()
	m := manifest{
		Seqsim: version, Experiment: rr.exp.Experiment.Name, ExperimentHash: rr.hash,
		Seed: rr.exp.Experiment.Seed, Runs: rr.exp.Experiment.Runs, RunsDone: rr.runs, Failed: len(rr.failed),
		Complete: complete, Command: rr.command,
		Started:     time.Now().Add(-rr.wall).UTC().Format(time.RFC3339),
		WallSeconds: rr.wall.Seconds(), RunsPerSecond: float64(rr.runs) / rr.wall.Seconds(),
		CPUSeconds: cpu, PeakRSSMB: rss,
		Go: runtime.Version(), GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, GOAMD64: os.Getenv("GOAMD64"),
		Outcomes: metricsJSON(rr.schema.Outcomes), Series: metricsJSON(rr.schema.Series),
		Model: rr.exp.Experiment.Model,
		Study: studyJSON{Kind: string(rr.plan.Kind), Points: rr.plan.Points, Runs: rr.plan.Runs, Columns: rr.plan.Columns,
			Scenarios: rr.plan.Scenarios, SweepPaths: rr.plan.SweepPaths, Notice: rr.plan.Notice},
	}
	if rr.exp.Sweep.Method != "none" {
		m.Study.SweepMethod = rr.exp.Sweep.Method
	}
	if rr.exp.Sensitivity.Method != "none" {
		m.Study.Sensitivity = rr.exp.Sensitivity.Method
	}
	if m.Study.Columns == nil {
		m.Study.Columns = []string{}
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// resourceUsage returns the CPU seconds and peak resident set (MB) of this
// process, from getrusage(2).
func resourceUsage() (cpuSeconds, peakRSSMB float64) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime), float64(ru.Maxrss) / 1024 // Maxrss is in KiB on Linux
}
