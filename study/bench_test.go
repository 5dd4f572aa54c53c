package study

import (
	"context"
	"strconv"
	"testing"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/experiments"
)

// benchStudy runs an embedded experiment through the engine exactly as
// `seqsim run` does (the model, the engine, the reorder buffer and the
// statistics sink), without writing files, and reports ns per agent-step
// and runs/s.
func benchStudy(b *testing.B, name string, runs, workers int) {
	exp, err := experiments.Load(name+".toml", experiments.Embedded(name), []string{"experiment.runs=" + strconv.Itoa(runs)})
	if err != nil {
		b.Fatal(err)
	}
	st, err := newSpec(exp)
	if err != nil {
		b.Fatal(err)
	}
	factory, err := st.pl.NewSimFactory()
	if err != nil {
		b.Fatal(err)
	}
	agentsN := 0
	for _, a := range exp.Allocations {
		if a.Holder != agents.HolderTreasury {
			agentsN += a.Agents
		}
	}
	plan := st.enginePlan(workers, engine.Shard{})
	total := 0
	for b.Loop() {
		sink := st.newSink(nil)
		res, err := engine.Run(context.Background(), plan, func() (engine.Sim, error) { return factory() }, sink)
		if err != nil || len(res.Failed) > 0 {
			b.Fatal(err, res.Failed)
		}
		total += res.Done
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(secs*1e9/(float64(total)*float64(agentsN)*float64(exp.Simulation.HorizonDays)), "ns/agent-step")
	b.ReportMetric(float64(total)/secs, "runs/s")
}

// BenchmarkUnlockSell is seqsim's headline figure against the field
// (shared/bench/unlock-sell.md): 1,000 agents x 1,460 days per run.
func BenchmarkUnlockSell(b *testing.B) {
	for _, w := range []int{1, 2} {
		b.Run("workers="+strconv.Itoa(w), func(b *testing.B) { benchStudy(b, "bench-unlock-sell", 20, w) })
	}
}

// BenchmarkBaseline is the full baseline model, whole runs.
func BenchmarkBaseline(b *testing.B) {
	for _, w := range []int{1, 2} {
		b.Run("workers="+strconv.Itoa(w), func(b *testing.B) { benchStudy(b, "baseline", 20, w) })
	}
}
