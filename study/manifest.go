package study

import (
	"encoding/json"
	"os"
	"runtime"
	"syscall"
	"time"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/atomicfile"
	"github.com/seqsim/seqsim/internal/manifest"
)

// metricsJSON is the metrics' metadata as manifest.json spells it.
func metricsJSON(ms []agents.Metric) []manifest.Metric {
	out := make([]manifest.Metric, len(ms))
	for i, m := range ms {
		out[i] = manifest.Metric{Name: m.Name, Unit: m.Unit, Doc: m.Doc, MayBeEmpty: m.MayBeEmpty, Chart: m.Chart,
			LowerTail: m.LowerTail, RiskAbove: m.RiskAbove, Section: m.Section}
	}
	return out
}

// writeManifest writes manifest.json at path.
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
	m := manifest.Manifest{
		Seqsim: Version, Experiment: rr.exp.Experiment.Name, ExperimentHash: rr.hash,
		Seed: rr.exp.Experiment.Seed, Runs: rr.exp.Experiment.Runs, RunsDone: rr.runs, Failed: len(rr.failed),
		Complete: complete, Command: rr.command,
		Started:     time.Now().Add(-rr.wall).UTC().Format(time.RFC3339),
		WallSeconds: rr.wall.Seconds(), RunsPerSecond: float64(rr.runs) / rr.wall.Seconds(),
		CPUSeconds: cpu, PeakRSSMB: rss,
		Go: runtime.Version(), GOOS: runtime.GOOS, GOARCH: runtime.GOARCH, GOAMD64: os.Getenv("GOAMD64"),
		Outcomes: metricsJSON(rr.schema.Outcomes), Series: metricsJSON(rr.schema.Series),
		Model: rr.exp.Experiment.Model.String(),
		Study: manifest.Study{Kind: string(rr.plan.Kind), Points: rr.plan.Points, Runs: rr.plan.Runs, Columns: rr.plan.Columns,
			Scenarios: rr.plan.Scenarios, SweepPaths: rr.plan.SweepPaths, Notice: rr.plan.Notice, TargetCI: rr.stops},
	}
	warnings, err := rr.exp.Warnings()
	if err != nil {
		return nil, err
	}
	m.Warnings = warnings
	changes, err := rr.exp.Changes()
	if err != nil {
		return nil, err
	}
	for _, c := range changes {
		m.Set = append(m.Set, manifest.Change(c))
	}
	if rr.exp.Sweep.Method != experiments.SweepNone {
		m.Study.SweepMethod = rr.exp.Sweep.Method.String()
	}
	if rr.exp.Sensitivity.Method != experiments.SensitivityNone {
		m.Study.Sensitivity = rr.exp.Sensitivity.Method.String()
	}
	if rr.search != nil {
		m.Search = rr.search.manifest()
		// runs.csv holds the final re-evaluation: a point per design
		// re-evaluated, each with the same number of fresh runs.
		ids := rr.search.finalDesigns()
		m.Study.Points, m.Study.Runs = len(ids), 0
		if len(ids) > 0 {
			m.Study.Runs = rr.search.res.Candidates[ids[0]].Final.Replicates
		}
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
