package study

import (
	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/experiments"
)

// Cost is an estimate of what a study of the token model takes to run.
type Cost struct {
	Runs       int     // model runs: points x runs per point
	Agents     int     // agents per run (every holder but the treasury)
	Days       int     // simulated days per run
	AgentSteps float64 // runs x agents x days
	Seconds    float64 // on one core
	SketchMB   float64 // the sketches of the kept series, shared by the workers
	WorkerMB   float64 // each worker's world and series buffer
}

// EstimateCost estimates the run time and memory of exp's study, whose
// plan is pl; false for models other than the token model, which have no
// cost model.
func EstimateCost(exp *experiments.Experiment, pl *experiments.Plan) (Cost, bool) {
	if exp.Experiment.Model != experiments.ModelToken {
		return Cost{}, false
	}
	agentsN := 0
	for _, a := range exp.Allocations {
		if a.Holder != agents.HolderTreasury {
			agentsN += a.Agents
		}
	}
	steps := agentsN * exp.Simulation.HorizonDays * pl.Runs * pl.Points
	// Measured on a 2-core machine (docs/performance.md): about 18 ns per
	// holder-day on one core for the full baseline model, plus the series
	// aggregation (about 36 ns per kept value). Memory does not grow with
	// the runs: the sketches of the kept series (about 1.3 KB each once
	// their range has grown), shared by the workers, and per worker the
	// world and one run's series buffer.
	kept := (agents.Steps(&exp.Params) + exp.Simulation.RecordEveryDays - 1) / exp.Simulation.RecordEveryDays
	if !pl.Kind.KeepsSeries() {
		kept = 0
	}
	values := float64(kept*len(agents.SeriesNames())) * float64(pl.Runs*pl.Points)
	return Cost{
		Runs: pl.Runs * pl.Points, Agents: agentsN, Days: exp.Simulation.HorizonDays,
		AgentSteps: float64(steps),
		Seconds:    float64(steps)*18e-9 + values*36e-9,
		SketchMB:   float64(kept*len(agents.SeriesNames())*1300*pl.Points) / 1e6,
		WorkerMB:   float64(agentsN*200+agents.Steps(&exp.Params)*len(agents.SeriesNames())*8) / 1e6,
	}, true
}
