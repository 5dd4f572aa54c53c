package agents

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/seqsim/seqsim/agents/protocol"
)

// inspectionParams reduces the model to the inspection game, as
// experiments/inspection-game.toml does: one sequencer posting 1,000
// batches a day for two years, nothing slashed but the bond, no
// governance, no attacker, no bridge, and the verification game of the
// worked case of issue 4 (G = 5, S = 45, c = 0.01, R = 1 each, L = 10).
func inspectionParams(verifiers int) Params {
	p := DefaultParams()
	p.Simulation.HorizonDays = 730
	s := &p.Sequencers
	s.Operators, s.MaxOperators, s.MaxActive, s.MinStake = 1, 1, 1, 0
	s.SelfStake, s.Commission, s.OperatingCostUSD = constDist(0), constDist(0), constDist(0)
	s.Mode, s.BatchesPerDay, s.ExitLossDays, s.EntryReviewDays = ModeRotation, 1000, 0, 0
	p.Slashing.Liveness.RatePerYear = constDist(0)
	p.Slashing.DoubleSign.RatePerYear = constDist(0)
	p.Slashing.Withholding.RatePerYear = constDist(0)
	p.Slashing.InvalidRoot = FraudPenalty{}
	p.Verification = Verification{
		Verifiers: verifiers, CheckCost: 0.01, Reward: 1, RewardMode: RewardEach, MissPenalty: 10,
		ChallengeWindowDays: 7, ReviseEveryBatches: 1, Noise: 0.003, PriorCheatRate: 0.5,
		OperatingCostUSD: constDist(0), BridgeShare: constDist(0),
	}
	p.Fraud = Fraud{Gain: 5, Slash: 45, Noise: 0.003, PriorCheckRate: 0.5}
	p.Governance.ProposalsPerYear = 0
	p.Governance.Council.CompromiseRatePerYear = 0
	p.Attacker.Enabled = false
	return p
}

// TestVerifiersLeaveWhenCheckingDoesNotPay: ten verifiers, seven of whom
// pay five times the check cost of the other three. At the equilibrium
// fraud rate the cheap three set, checking costs the seven more than it
// earns, so they stop checking, and a verifier that never checks deters
// nothing: with a node that costs anything they leave, one a review. The
// three who check stay, since without any one of them the sequencer would
// cheat on every batch. The undetected rate then settles where the
// N-verifier closed form puts it for N = 3 (protocol.InspectionGame):
// p* = 1 - 0.9^(1/3) = 3.45%, q* = 0.01/(1 + 10·0.9^(2/3)) = 0.0969%, and
// q*·S/(G+S) = 0.0872% of batches carry a fraud nobody checks. (It is
// already there before the seven leave: they never checked, and with a
// miss penalty the closed form's rate falls, not rises, as N falls: 0.0892%
// for ten identical verifiers.)
//
// Tolerance: 10% relative on the mean over 4 runs from the day the seven
// have left (day 340 in these runs; the test fails if it is after day
// 400): at least 330,000 batches a run, about 290 undetected frauds, so a
// relative standard error near 1/sqrt(4·290) = 2.9%; three of them leave
// 1.3% for the learning bias, measured at 0%-3% in
// TestInspectionGameClosedForm.
func TestVerifiersLeaveWhenCheckingDoesNotPay(t *testing.T) {
	t.Parallel()
	const runs, cheap, settled, tol = 4, 3, 400, 0.10
	p := inspectionParams(10)
	p.Verification.CheckCost = 0.05 // candidates and the seven: checking never pays
	p.Verification.ReviewDays = 10
	p.Verification.OperatingCostUSD = constDist(365) // $1 a day
	want := protocol.InspectionGame{Gain: 5, Bond: 45, CheckCost: 0.01, Reward: 1, MissPenalty: 10, Verifiers: cheap}
	check, _ := want.Equilibrium()
	var early, late, lateCheck float64
	for r := range runs {
		var w World
		if err := w.Reset(&p, rand.New(rand.NewPCG(uint64(r), 15))); err != nil {
			t.Fatal(err)
		}
		for i := range cheap {
			w.verif.v.cost[i] = 0.01
		}
		g := &w.verif.g
		var missed0, batches0 int64
		var checks0, vb0 float64
		for d := 1; d <= p.Simulation.HorizonDays; d++ {
			w.Step()
			if d == 20 {
				early += float64(g.missed) / float64(g.batches)
			}
			if w.verif.v.len() == cheap && batches0 == 0 {
				if d > settled {
					t.Fatalf("run %d: %d verifiers still present on day %d", r, 10-g.exits, settled)
				}
				t.Logf("run %d: %d verifiers left by day %d", r, g.exits, d)
				missed0, batches0, checks0, vb0 = g.missed, g.batches, g.checks, g.verifierBatches
			}
		}
		if n := w.verif.v.len(); n != cheap || g.exits != 10-cheap || g.entries != 0 {
			t.Fatalf("run %d: %d verifiers left after %d exits and %d entries, want the %d cheap ones", r, n, g.exits, g.entries, cheap)
		}
		for i := range cheap {
			if w.verif.v.cost[i] != 0.01 {
				t.Fatalf("run %d: a verifier of cost %g stayed", r, w.verif.v.cost[i])
			}
		}
		late += float64(g.missed-missed0) / float64(g.batches-batches0)
		lateCheck += (g.checks - checks0) / (g.verifierBatches - vb0)
	}
	early, late, lateCheck = early/runs, late/runs, lateCheck/runs
	u := want.UndetectedRate()
	t.Logf("undetected rate: first 20 days %.6f, after day %d %.6f, closed form for N = %d %.6f (%+.1f%%); check rate %.5f, closed form %.5f",
		early, settled, late, cheap, u, 100*(late/u-1), lateCheck, check)
	if math.Abs(late-u) > tol*u {
		t.Errorf("undetected rate %.6f, closed form for the %d who stay %.6f: off by more than %.0f%%", late, cheap, u, 100*tol)
	}
	if math.Abs(lateCheck-check) > tol*check {
		t.Errorf("check rate %.5f, closed form %.5f: off by more than %.0f%%", lateCheck, check, 100*tol)
	}
}

// TestFinalisedFraudCostsUsers is a worked example of fraudCostsUsers: two
// frauds finalise on one day, stealing USD 3B of a USD 15B bridge, with
// exodus 0.4 and a price shock of 0.15. The bridge keeps 1 - 3/15 = 80%;
// each fraud sends 40% of the users away, so the fee level and today's
// revenue fall to 0.6² = 36% and the TVL to 80% x 36% = 28.8% of what it
// was; the demand-side log value falls by 2 ln 0.85.
func TestFinalisedFraudCostsUsers(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Fraud.TVLUSD, p.Fraud.Exodus, p.Fraud.PriceShock = 15e9, 0.4, 0.15
	var w World
	if err := w.Reset(&p, rand.New(rand.NewPCG(1, 2))); err != nil {
		t.Fatal(err)
	}
	w.Step()
	tvl, fee, logFee, logValue := w.verif.tvl(), w.dem.feeUSD, w.dem.logFee, w.logValue
	usd := w.usd.check()
	w.verif.fraudCostsUsers(2, 0.2*tvl)
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-12*math.Abs(want)+1e-12 {
			t.Errorf("%s = %.15g, want %.15g", name, got, want)
		}
	}
	near("TVL", w.verif.tvl(), tvl*0.8*0.36)
	near("fee revenue", w.dem.feeUSD, fee*0.36)
	near("log fee level", w.dem.logFee, logFee+2*math.Log(0.6))
	near("log value", w.logValue, logValue+2*math.Log(0.85))
	if got := w.usd.check(); got != usd {
		t.Errorf("the USD ledger moved: %q, was %q", got, usd)
	}
}

// TestPendingFraudsShareTheBridge is a worked example of fraudGain: two
// invalid roots nobody checks are posted on one day, before either
// finalises. The first claims G1 = g + 0.28·T of a bridge holding T; the
// second only what the first left, G2 = g + 0.28·(T − G1); on the day
// their window ends the bridge keeps T − G1 − G2 (of which the users who
// leave take 40% twice).
func TestPendingFraudsShareTheBridge(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Verification.Defensive = 0
	var w World
	if err := w.Reset(&p, rand.New(rand.NewPCG(1, 2))); err != nil {
		t.Fatal(err)
	}
	w.Step()
	clear(w.verif.v.p) // nobody checks
	tvl, g0 := w.verif.tvl(), p.Fraud.Gain
	w.verif.fraud(0)
	w.verif.fraud(0)
	g1 := g0 + 0.28*tvl
	g2 := g0 + 0.28*(tvl-g1)
	if got, want := w.verif.g.pendingSum, g1+g2; math.Abs(got-want) > 1e-9*want {
		t.Fatalf("pending claims USD %.6g, want G1 + G2 = %.6g + %.6g", got, g1, g2)
	}
	// The window ends: the bridge loses both claims, the users leave.
	w.verif.day += p.Verification.ChallengeWindowDays
	before := w.verif.tvl()
	w.verif.finaliseFrauds()
	if w.verif.g.finalised != 2 || w.verif.g.pendingSum != 0 {
		t.Fatalf("finalised %d, pending USD %g after the window, want 2 and 0", w.verif.g.finalised, w.verif.g.pendingSum)
	}
	if got, want := w.verif.tvl(), (before-g1-g2)*0.36; math.Abs(got-want) > 1e-9*before {
		t.Errorf("bridge after two finalised roots USD %.6g, want (T − G1 − G2)·0.6² = %.6g", got, want)
	}
}
