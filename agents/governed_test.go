package agents

import (
	"math"
	"testing"
)

// With governance.freeze_parameters the governed parameters end where the
// experiment set them, however many proposals pass; without it, at 200
// proposals a year and no council, the same seed moves them. Grants are
// still made and executed in both.
func TestFreezeParameters(t *testing.T) {
	t.Parallel()
	run := func(freeze bool) (sum []float64, w *World) {
		p := DefaultParams()
		p.Simulation.HorizonDays = 400
		p.Attacker.Enabled = false
		p.Governance.Council = Council{}
		p.Governance.ProposalsPerYear = 200
		p.Governance.Quorum = 0.001
		p.Governance.FreezeParameters = freeze
		s, _, err := runOnce(&p, 11)
		if err != nil {
			t.Fatal(err)
		}
		return s, newWorld(t, &p)
	}
	frozen, w := run(true)
	want := map[Column]float64{
		w.col.oFinalStakersShare: 0.4, w.col.oFinalTreasuryShare: 0.4, w.col.oFinalBurnShare: 0.2, w.col.oFinalEmissionLevel: 1.6,
		w.col.oFinalMinStake: 50_000, w.col.oFinalFraudBond: 10.8e6,
		w.col.oFinalInvalidRootPenalty: 1, w.col.oFinalLivenessPenalty: 0.01, w.col.oFinalQuorum: 0.001, w.col.oFinalThreshold: 0.0001,
		w.col.oFinalBudgetUSD: w.p.Treasury.MonthlyBudgetUSD, w.col.oFinalBudgetTokens: w.p.Treasury.MonthlyBudgetTokens,
		w.col.oFinalCommissionCap: 1, w.col.oFinalMaxActive: 10,
	}
	for c, v := range want {
		if got := frozen[c]; math.Abs(got-v) > 1e-12*v {
			t.Errorf("frozen: %s = %v, want the launch value %v", core().outcomes[c].Name, got, v)
		}
	}
	if frozen[w.col.oProposalsPassed] < 10 {
		t.Errorf("frozen: %v proposals passed, want the grants to go on", frozen[w.col.oProposalsPassed])
	}
	free, _ := run(false)
	moved := 0
	for c, v := range want {
		if math.Abs(free[c]-v) > 1e-12*v {
			moved++
		}
	}
	if moved < 8 {
		t.Errorf("free: %d of %d governed parameters moved in 400 days of 200 proposals a year", moved, len(want))
	}
}
