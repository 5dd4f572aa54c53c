package folder

import (
	"fmt"
	"slices"
	"strings"
)

// Files of an output folder. manifest.json, experiment.toml and runs.csv
// are in every folder seqsim writes (manifest.json last: a folder whose
// manifest says complete is a complete result); series.csv when the model
// records series (not for sensitivity studies or searches); sensitivity.csv and
// sensitivity_s2.csv only for sensitivity studies.
const (
	Manifest      = "manifest.json"
	Experiment    = "experiment.toml" // the experiment with every default filled in
	Runs          = "runs.csv"
	RunsParquet   = "runs.parquet"
	Series        = "series.csv"
	SeriesParquet = "series.parquet"
	Summary       = "summary.md"
	Sensitivity   = "sensitivity.csv"
	SensitivityS2 = "sensitivity_s2.csv"
	Report        = "report.html"
	Plots         = "plots" // a folder of charts
)

// Files of a shard folder (one part of a study run on many machines,
// joined by a merge) and of an interrupted run.
const (
	Shard           = "shard.json"       // which shard the folder holds, and of what
	ShardBands      = "bands.bin"        // the shard's exact series state
	Checkpoint      = "checkpoint.json"  // where an interrupted run stands
	CheckpointBands = "checkpoint.bands" // the series state of the checkpoint
	LockFile        = ".seqsim.lock"     // held while a process writes the folder
)

// ReplayTrace is the file a replay of one run writes its per-day trace
// to, in the folder: replay-pP-rR.csv.
func ReplayTrace(point, run int) string { return fmt.Sprintf("replay-p%d-r%d.csv", point, run) }

// ReplayEvents is the file of a replay's events, beside its trace (a
// trace path ending in .csv gets -events.csv instead).
func ReplayEvents(trace string) string { return strings.TrimSuffix(trace, ".csv") + "-events.csv" }

// runsKeys are the first columns of runs.csv; the per-point columns and
// the outcomes follow.
var runsKeys = [...]string{"point", "run", "seed"}

// RunsKeys returns the first columns of runs.csv (point, run, seed); the
// per-point columns and the outcomes follow.
func RunsKeys() []string { return slices.Clone(runsKeys[:]) }

// SeriesKeys returns the first columns of series.csv (point, step,
// metric): one row per point, kept step and metric.
func SeriesKeys() []string { return []string{"point", "step", "metric"} }

// SeriesStats returns the statistics columns of series.csv, after
// [SeriesKeys]: the mean and five quantiles.
func SeriesStats() []string { return []string{"mean", "p05", "p25", "p50", "p75", "p95"} }

// FanChart is the name (without extension) of the fan chart of a series
// metric in the plots folder: plots/fan_<metric>.svg and .png.
func FanChart(metric string) string { return "fan_" + metric }

// DistChart is the name (without extension) of the distribution chart of
// an outcome in the plots folder: plots/dist_<outcome>.svg and .png.
func DistChart(outcome string) string { return "dist_" + outcome }

// Files of a search study (experiments.KindSearch), which has no
// series.csv and whose runs.csv is its final re-evaluation (a point per
// chosen design, in front.csv's order): search.csv (every candidate evaluated, the columns of
// search.Result.SearchTable), front.csv (the chosen designs' fresh
// re-evaluation, search.Result.FrontTable), search_progress.csv (one row
// per generation: SearchProgressKeys, then the best value of each
// objective among the feasible parents) and search_runs.csv (every run:
// SearchRunsKeys, the variables, then the outcomes the search reads).
// SearchCache is the append-only cache of runs of a search in progress
// and of a search shard (the rows of search_runs.csv, each with its
// run's summary, in the order they finished, after a line naming the
// experiment); a resume and a merge replay it.
const (
	SearchCSV      = "search.csv"
	Front          = "front.csv"
	SearchProgress = "search_progress.csv"
	SearchRuns     = "search_runs.csv"
	SearchCache    = "search_cache.csv"
)

// SearchProgressKeys returns the first columns of search_progress.csv:
// the generation (0: the initial one), the search runs asked for up to its
// end, its parents, how many of them are feasible and how many of those
// no other feasible parent dominates (the front's size).
func SearchProgressKeys() []string {
	return []string{"generation", "runs", "parents", "feasible", "front"}
}

// SearchRunsKeys returns the first columns of search_runs.csv and of a
// search cache: the candidate, the replicate (the run index of its seed)
// and the seed; the variables and the outcomes follow.
func SearchRunsKeys() []string { return []string{"candidate", "replicate", "seed"} }
