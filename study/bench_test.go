package study

import (
	"context"
	"runtime"
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
		sink := st.newSink(nil, engine.Shard{})
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

// BenchmarkStatsSinkMemory measures what the statistics sink keeps for
// exact statistics: the baseline's outcomes at one point, for 10^3, 10^4
// and 10^5 runs fed straight to Row (no model, no runs.csv). bytes/run is
// the heap the sink holds after a GC; alloc-bytes/run counts everything
// it allocated on the way (what the GC had to collect).
func BenchmarkStatsSinkMemory(b *testing.B) {
	for _, runs := range []int{1_000, 10_000, 100_000} {
		b.Run("runs="+strconv.Itoa(runs), func(b *testing.B) {
			exp, err := experiments.Load("baseline.toml", experiments.Embedded("baseline"), []string{"experiment.runs=" + strconv.Itoa(runs)})
			if err != nil {
				b.Fatal(err)
			}
			st, err := newSpec(exp)
			if err != nil {
				b.Fatal(err)
			}
			outcomes := len(st.sch.Outcomes)
			summary := make([]float64, outcomes)
			plan := st.enginePlan(1, engine.Shard{})
			var held, allocated uint64
			var before, after runtime.MemStats
			for b.Loop() {
				runtime.GC()
				runtime.ReadMemStats(&before)
				sink := st.newSink(nil, engine.Shard{})
				for g := range runs {
					summary[0] = float64(g)
					if err := sink.Row(plan.UnitOf(g), summary); err != nil {
						b.Fatal(err)
					}
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				runtime.KeepAlive(sink)
				held, allocated = after.HeapAlloc-before.HeapAlloc, after.TotalAlloc-before.TotalAlloc
			}
			b.ReportMetric(float64(outcomes), "outcomes")
			b.ReportMetric(float64(held)/float64(runs), "bytes/run")
			b.ReportMetric(float64(held)/float64(runs*outcomes), "bytes/run/outcome")
			b.ReportMetric(float64(allocated)/float64(runs), "alloc-bytes/run")
		})
	}
}
