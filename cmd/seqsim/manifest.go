package main

import (
	"encoding/json"
	"os"
	"runtime"
	"time"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/internal/atomicfile"
)

// manifest is manifest.json: provenance and metric metadata.
type manifest struct {
	Seqsim         string          `json:"seqsim_version"`
	Experiment     string          `json:"experiment"`
	ExperimentHash string          `json:"experiment_hash"`
	Seed           int64           `json:"seed"`
	Runs           int             `json:"runs"`
	RunsDone       int             `json:"runs_done"`
	Failed         int             `json:"runs_failed"`
	Complete       bool            `json:"complete"`
	Command        []string        `json:"command"`
	Started        string          `json:"started"`
	WallSeconds    float64         `json:"wall_seconds"`
	RunsPerSecond  float64         `json:"runs_per_second"`
	Go             string          `json:"go"`
	GOOS           string          `json:"goos"`
	GOARCH         string          `json:"goarch"`
	GOAMD64        string          `json:"goamd64,omitempty"`
	Outcomes       []agents.Metric `json:"outcomes"`
	Series         []agents.Metric `json:"series"`
}

func writeManifest(path string, rr *runResult, complete bool) error {
	m := manifest{
		Seqsim: version, Experiment: rr.exp.Experiment.Name, ExperimentHash: rr.hash,
		Seed: rr.exp.Experiment.Seed, Runs: rr.exp.Experiment.Runs, RunsDone: rr.runs, Failed: len(rr.failed),
		Complete: complete, Command: rr.command,
		Started:     time.Now().Add(-rr.wall).UTC().Format(time.RFC3339),
		WallSeconds: rr.wall.Seconds(), RunsPerSecond: float64(rr.runs) / rr.wall.Seconds(),
		Go: runtime.Version(), GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, GOAMD64: os.Getenv("GOAMD64"),
		Outcomes: rr.schema.Outcomes, Series: rr.schema.Series,
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(path, append(b, '\n'))
}
