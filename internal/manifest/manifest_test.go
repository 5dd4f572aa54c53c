package manifest

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
)

// TestKeysAreStable: the JSON keys are the folder format that `seqsim
// plot` and `seqsim compare` read back from folders written by earlier
// versions; renaming one breaks them, so the list is spelled out here.
func TestKeysAreStable(t *testing.T) {
	t.Parallel()
	m := Manifest{
		Seqsim: "v", Experiment: "e", ExperimentHash: "h", Seed: 1, Runs: 2, RunsDone: 2, Failed: 0,
		Complete: true, Command: []string{"seqsim"}, Started: "s", WallSeconds: 1, RunsPerSecond: 2,
		CPUSeconds: 3, PeakRSSMB: 4, Go: "go", GOOS: "linux", GOARCH: "amd64", GOAMD64: "v1", Model: "token",
		Study: Study{Kind: "sweep", Points: 2, Runs: 1, Columns: []string{"x"}, Scenarios: []string{"a"},
			SweepPaths: []string{"x"}, SweepMethod: "grid", Sensitivity: "sobol", Notice: "n",
			TargetCI: []PointStop{{Point: 0, Runs: 300, Stopped: "target"}}},
		Outcomes: []Metric{{Name: "m", Unit: "u", Doc: "d", MayBeEmpty: true, Chart: true, LowerTail: true,
			RiskAbove: []float64{0.5}, Section: "dump"}},
		Warnings: []string{"w"}, Set: []Change{{Path: "p", Value: "1", Default: "2"}},
		Search: &Search{Method: "nsga2", Replicates: 20, Budget: 5000, Runs: 4000, FinalRuns: 400,
			Generations: 3, GenerationsRun: 2, Candidates: 5, Chosen: 2, Stopped: "s",
			Variables:   []SearchVariable{{Name: "v", Unit: "days", Kind: "discrete", Lo: 1, Hi: 2, Values: []float64{1, 2}, Step: 1}},
			Objectives:  []SearchObjective{{Name: "o", Outcome: "m", Stat: "mean", Maximize: true}},
			Constraints: []SearchConstraint{{Name: "c", Outcome: "m", Stat: "P(>0.5)", Op: "<=", Limit: 0.05, Level: 0.95}}},
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"": {"seqsim_version", "experiment", "experiment_hash", "seed", "runs", "runs_done", "runs_failed",
			"complete", "command", "started", "wall_seconds", "runs_per_second", "cpu_seconds", "peak_rss_mb",
			"go", "goos", "goarch", "goamd64", "model", "study", "outcomes", "series", "warnings", "set", "search"},
		"set": {"path", "value", "default"},
		"search": {"method", "variables", "objectives", "constraints", "replicates", "budget", "runs", "final_runs",
			"generations", "generations_run", "candidates", "chosen", "stopped"},
		"search.variables":   {"name", "unit", "kind", "lo", "hi", "values", "step"},
		"search.objectives":  {"name", "outcome", "stat", "maximize"},
		"search.constraints": {"name", "outcome", "stat", "op", "limit", "level"},
		"study": {"kind", "points", "runs", "columns", "scenarios", "sweep_paths", "sweep_method",
			"sensitivity_method", "notice", "target_ci"},
		"target_ci": {"point", "runs", "stopped"},
		"outcomes":  {"name", "unit", "doc", "may_be_empty", "chart", "lower_tail", "risk_above", "section"},
	}
	got := map[string][]string{
		"":          keys(raw),
		"study":     keys(raw["study"].(map[string]any)),
		"outcomes":  keys(raw["outcomes"].([]any)[0].(map[string]any)),
		"target_ci": keys(raw["study"].(map[string]any)["target_ci"].([]any)[0].(map[string]any)),
	}
	got["set"] = keys(raw["set"].([]any)[0].(map[string]any))
	search := raw["search"].(map[string]any)
	got["search"] = keys(search)
	for _, k := range []string{"variables", "objectives", "constraints"} {
		got["search."+k] = keys(search[k].([]any)[0].(map[string]any))
	}
	for k := range want {
		slices.Sort(want[k])
		if !slices.Equal(got[k], want[k]) {
			t.Errorf("keys of %q: %v, want %v", k, got[k], want[k])
		}
	}
	var back Manifest
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	back.Series = nil // encoded as null, read back as nil
	if !reflect.DeepEqual(back, m) {
		t.Errorf("round trip changed the manifest:\n%+v\n%+v", back, m)
	}
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
