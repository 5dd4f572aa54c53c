package agents

import (
	"math"
	"math/rand/v2"
	"testing"

	"pgregory.net/rapid"
)

// TestResetLeavesNoTrace: a worker reuses one World for all its runs, so a
// run's outputs must not depend on what ran before it (DESIGN.md,
// "Determinism": the same bytes whatever the worker count). A run of a
// random design on a Sim that has just run another design must equal the
// same run on a fresh Sim, bit for bit.
//
// It found that the budget APR model's day-1 signal read the previous
// run's operator stake: Reset computed it before resetting the operators.
func TestResetLeavesNoTrace(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		var ps [2]Params
		for k := range ps {
			p := DefaultParams()
			drawDesign(t, &p, 200) // conservation_test.go
			ps[k] = p
		}
		seed := rapid.Uint64().Draw(t, "seed")
		run := func(s *Sim, p *Params, seed uint64) []float64 {
			oc, _ := OutcomeColumns(p)
			sc, _ := SeriesColumns(p)
			summary := make([]float64, len(oc))
			series := make([]float64, Steps(p)*len(sc))
			if err := s.Run(0, 0, rand.New(rand.NewPCG(seed, seed^0xabc)), summary, series); err != nil {
				t.Fatal(err)
			}
			return append(summary, series...)
		}
		var cur *Params
		reused := NewSim(func(int) *Params { return cur })
		cur = &ps[0]
		run(reused, cur, seed^1) // leaves its state in the World
		cur = &ps[1]
		got := run(reused, cur, seed)
		fresh := NewSim(func(int) *Params { return cur })
		want := run(fresh, cur, seed)
		for i := range want {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				name := "series"
				if oc, _ := OutcomeColumns(cur); i < len(oc) {
					name = oc[i].Name
				}
				t.Fatalf("value %d (%s): %v after another run, %v on a fresh world", i, name, got[i], want[i])
			}
		}
	})
}

// drawLiquidityMining turns liquidity mining on in half the drawn designs,
// with a programme ending by day maxEnd (0: never).
func drawLiquidityMining(t *rapid.T, p *Params, maxEnd int) {
	if !rapid.Bool().Draw(t, "liquidity mining") {
		return
	}
	info, err := Describe(NewLiquidityMining)
	if err != nil {
		t.Fatal(err)
	}
	p.Sections = p.Sections.With(info, &LiquidityMining{
		EmissionShare: rapid.Float64Range(0, 1).Draw(t, "lm share"),
		EndDay:        rapid.IntRange(0, maxEnd).Draw(t, "lm end"),
		SellFraction:  rapid.Float64Range(0, 1).Draw(t, "lm sell"),
		RequiredAPR:   rapid.Float64Range(0, 2).Draw(t, "lm apr"),
		ExitDays:      rapid.IntRange(1, 60).Draw(t, "lm exit"),
	})
}
