package agents

import (
	"math"
	"testing"

	"github.com/seqsim/seqsim/agents/protocol"
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

// fakeGovernedEnv is the rest of the model as the governed parameters
// reach it (governedEnv), for tests of the component alone: a fee split,
// an emission level (none when level is nil), the last commission cap
// imposed on the operators and a quorum.
type fakeGovernedEnv struct {
	split  protocol.FeeSplit
	level  *float64
	hi     float64
	capped float64 // NaN until capCommission is called
	quorum float64
}

func (e *fakeGovernedEnv) feeSplitNow() protocol.FeeSplit     { return e.split }
func (e *fakeGovernedEnv) setFeeSplit(fs protocol.FeeSplit)   { e.split = fs }
func (e *fakeGovernedEnv) emissionLevel() (*float64, float64) { return e.level, e.hi }
func (e *fakeGovernedEnv) capCommission(c float64)            { e.capped = c }
func (e *fakeGovernedEnv) finalQuorum() float64               { return e.quorum }

// The governed parameters alone, on worked examples of each kind from the
// baseline's launch values (minimum stake 50,000 tokens, bond $10.8M,
// penalties 1 and 0.01, threshold 0.0001, quorum 0.03, commission cap 1,
// 10 active seats, fee split 0.4/0.4/0.2, emission level 1.6): each
// change is x·v kept within [x0/4, 4x0] and the kind's bound, the fee
// split and the emission level change through the env, a lower cap is
// imposed on the operators, and the final values are what is left.
func TestGovernedAlone(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	level := 1.6
	env := &fakeGovernedEnv{split: protocol.FeeSplit{Stakers: 0.4, Treasury: 0.4, Burn: 0.2}, level: &level, hi: math.Inf(1), capped: math.NaN(), quorum: 0.05}
	var g governed
	g.reset(env, &p)
	near := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-12*max(1, math.Abs(want)) {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	apply := func(k propKind, v float64) { g.apply(paramChange{kind: k, value: v}) }

	// The minimum stake: doubled, then 3x clamped at 4x launch, then
	// 0.01x clamped at a quarter of launch.
	apply(propMinStake, 2)
	near("min stake ×2", protocol.Tokens(g.minStakeNow()), 100_000)
	apply(propMinStake, 3)
	near("min stake ×3", protocol.Tokens(g.minStakeNow()), 200_000)
	apply(propMinStake, 0.01)
	near("min stake ×0.01", protocol.Tokens(g.minStakeNow()), 12_500)

	// The bond, and what a proposal would make it before it executes.
	near("bond after ×1.5", g.bondAfter(paramChange{kind: propBond, value: 1.5}), 16.2e6)
	near("bond unchanged by a look", g.fraudBondNow(), 10.8e6)
	apply(propBond, 1.5)
	near("bond ×1.5", g.fraudBondNow(), 16.2e6)

	// The penalties: each kind moves its own; the invalid root's is at
	// most 1.
	apply(propLivenessPenalty, 3)
	near("liveness ×3", g.livenessPenaltyNow(), 0.03)
	near("invalid root untouched", g.invalidRootPenaltyNow(), 1)
	apply(propInvalidRootPenalty, 0.5)
	near("invalid root ×0.5", g.invalidRootPenaltyNow(), 0.5)
	apply(propInvalidRootPenalty, 3)
	near("invalid root ×3, at most 1", g.invalidRootPenaltyNow(), 1)

	apply(propThreshold, 2)
	near("threshold ×2", g.thresholdNow(), 0.0002)
	near("launch quorum", g.launchQuorum(), p.Governance.Quorum)

	// The budgets scale together; budgetChange is the relative change.
	apply(propBudget, 2)
	usd, tokens := g.budgets()
	near("USD budget ×2", usd, 2*p.Treasury.MonthlyBudgetUSD)
	near("token budget ×2", tokens, 2*p.Treasury.MonthlyBudgetTokens)
	near("budget change of ×1.5", g.budgetChange(paramChange{kind: propBudget, value: 1.5}), 0.5)

	// The commission cap: halved, imposed on the operators; 0.1x clamped
	// at a quarter.
	apply(propCommissionCap, 0.5)
	near("cap ×0.5", g.commissionCapNow(), 0.5)
	near("cap imposed", env.capped, 0.5)
	apply(propCommissionCap, 0.1)
	near("cap ×0.1", g.commissionCapNow(), 0.25)
	near("cap imposed", env.capped, 0.25)

	// The active set: 10·1.26 rounds to 13; 0.01x is clamped at a quarter
	// (2.5, rounded to 3, at least ⌈2.5⌉); 100x at four times launch.
	for _, c := range []struct {
		v    float64
		want int
	}{{1.26, 13}, {0.01, 3}, {100, 40}} {
		if apply(propActiveSet, c.v); g.maxActiveNow() != c.want {
			t.Errorf("active set ×%v: %d, want %d", c.v, g.maxActiveNow(), c.want)
		}
	}

	// The fee split, on the treasury's side: the stakers' 0.4 ×1.5 is 0.6
	// (at most 1 − burn), the treasury keeps the rest; on the burn's side,
	// ×2 is bounded by 1 − treasury (0.8), the burn keeps nothing.
	apply(propFeeSplit, 1.5)
	near("stakers ×1.5", env.split.Stakers, 0.6)
	near("treasury after", env.split.Treasury, 0.2)
	near("burn untouched", env.split.Burn, 0.2)
	g.apply(paramChange{kind: propFeeSplit, value: 2, burnSide: true})
	near("stakers ×2 against the burn", env.split.Stakers, 0.8)
	near("burn after", env.split.Burn, 0)
	near("treasury untouched", env.split.Treasury, 0.2)

	// The emission level: 10x clamped at 4x launch; without a level
	// (halving, none) nothing changes and there is no level after.
	apply(propEmission, 10)
	near("emission ×10", level, 6.4)
	env.level = nil
	apply(propEmission, 0.5)
	near("no level after", g.emissionAfter(paramChange{kind: propEmission, value: 0.5}), 0)
	env.level = &level

	// Grants and the quorum are governance's: nothing here moves.
	before := g
	apply(propGrant, 0.1)
	apply(propQuorum, 2)
	if g != before {
		t.Errorf("a grant or a quorum change moved the governed parameters: %+v, was %+v", g, before)
	}

	// The final values.
	w := newWorld(t, &p)
	out := make([]float64, w.outcomes)
	g.summarise(out, &w.col)
	for _, c := range []struct {
		col  Column
		want float64
	}{
		{w.col.oFinalStakersShare, 0.8}, {w.col.oFinalTreasuryShare, 0.2}, {w.col.oFinalBurnShare, 0},
		{w.col.oFinalEmissionLevel, 6.4}, {w.col.oFinalMinStake, 12_500}, {w.col.oFinalFraudBond, 16.2e6},
		{w.col.oFinalInvalidRootPenalty, 1}, {w.col.oFinalLivenessPenalty, 0.03}, {w.col.oFinalQuorum, 0.05},
		{w.col.oFinalThreshold, 0.0002}, {w.col.oFinalBudgetUSD, 2 * p.Treasury.MonthlyBudgetUSD},
		{w.col.oFinalBudgetTokens, 2 * p.Treasury.MonthlyBudgetTokens}, {w.col.oFinalCommissionCap, 0.25},
		{w.col.oFinalMaxActive, 40},
	} {
		near(core().outcomes[c.col].Name, out[c.col], c.want)
	}
}
