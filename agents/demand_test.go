package agents

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/seqsim/seqsim/agents/protocol"
)

// fakeTracer is the rest of the model as the demand side reaches it
// (demandEnv): the events.
type fakeTracer struct{ events []string }

func (e *fakeTracer) tracing() bool { return true }
func (e *fakeTracer) event(kind, subject string, _ float64, _, _ string) {
	e.events = append(e.events, kind+" "+subject)
}

// The fees alone: 365,000 USD a year is 1,000 USD a day, split 40/40/20
// in micro-USD; the holders' cash flow is the stakers' and the burn's
// shares.
func TestDemandSideFeesAlone(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Fees.AnnualRevenueUSD = 365_000
	p.Fees.Split = []float64{0.4, 0.4, 0.2}
	var d demandSide
	d.reset(&fakeTracer{}, &p, rand.New(rand.NewPCG(1, 2)))
	rev, s, tr, b := d.splitFees()
	if rev != 1e9 || s != 4e8 || tr != 4e8 || b != 2e8 {
		t.Fatalf("split %d micro-USD into %d, %d, %d; want 1e9 into 4e8, 4e8, 2e8", rev, s, tr, b)
	}
	if d.stakersUSD() != 400 {
		t.Errorf("stakers' share %v USD, want 400", d.stakersUSD())
	}
	if got := d.holderCashFlow(); math.Abs(got-600) > 1e-9 {
		t.Errorf("holders' cash flow %v USD a day, want 600", got)
	}
	d.setFeeSplit(protocol.FeeSplit{Stakers: 0.5, Treasury: 0.5})
	if got := d.holderCashFlow(); got != 500 {
		t.Errorf("holders' cash flow after a change of split %v, want 500", got)
	}
}

// The APR signal alone, in closed form: 100 USD paid to 36,500 tokens
// valued at 2 USD is a yield of 100*365/73,000 = 0.5 a year; a smoothing
// over 4 days moves the signal a quarter of the way each day (0.125, then
// 0.21875); the cap clips it; the budget model divides the budget by the
// stake or the floor, whichever is larger.
func TestDemandSideAPRAlone(t *testing.T) {
	t.Parallel()
	bonded := protocol.ToMicro(36_500)
	day := func(d *demandSide, paid float64, bonded int64) float64 {
		d.rewardsAt(2)
		d.paid(paid)
		return d.updateAPR(bonded)
	}
	p := DefaultParams()
	p.Staking.APRModel, p.Staking.APRSmoothingDays, p.Staking.MaxAPRSignal = APRRealized, 1, 10
	var d demandSide
	d.reset(&fakeTracer{}, &p, nil)
	if _, ok := d.meanAPR(); ok {
		t.Error("a mean APR before anything was staked")
	}
	if got := day(&d, 100, bonded); got != 0.5 {
		t.Errorf("realised APR %v, want 0.5", got)
	}
	if got, ok := d.meanAPR(); !ok || got != 0.5 {
		t.Errorf("mean APR %v (%v), want 0.5", got, ok)
	}
	p.Staking.APRSmoothingDays = 4
	d.reset(&fakeTracer{}, &p, nil)
	if got := day(&d, 100, bonded); got != 0.125 {
		t.Errorf("smoothed APR on day 1 %v, want 0.125", got)
	}
	if got := day(&d, 100, bonded); got != 0.21875 {
		t.Errorf("smoothed APR on day 2 %v, want 0.21875", got)
	}
	if got := day(&d, 100, 0); got != 0.21875*0.75 {
		t.Errorf("APR with nothing bonded %v, want the signal decaying toward 0 (%v)", got, 0.21875*0.75)
	}
	p.Staking.APRSmoothingDays, p.Staking.MaxAPRSignal = 1, 0.3
	d.reset(&fakeTracer{}, &p, nil)
	if got := day(&d, 100, bonded); got != 0.3 {
		t.Errorf("capped APR %v, want 0.3", got)
	}
	p.Staking.APRModel, p.Staking.MaxAPRSignal = APRBudget, 10
	p.Staking.APRBudgetTokensPerYear, p.Staking.APRFloorStakeTokens = 1000, 5000
	d.reset(&fakeTracer{}, &p, nil)
	if got := d.updateAPR(protocol.ToMicro(2000)); got != 0.2 {
		t.Errorf("budget APR over a stake under the floor %v, want 1000/5000", got)
	}
	if got := d.updateAPR(protocol.ToMicro(10_000)); got != 0.1 {
		t.Errorf("budget APR %v, want 1000/10000", got)
	}
}

// The demand process alone, without noise: with no volatility the log fee
// level grows by the growth rate a day and the value steps by the drift;
// a shock every day of mean -0.1 and no spread jumps by exactly -0.1 and
// is traced. A fraud's shift of the fee level moves today's revenue with
// it.
func TestDemandSideProcessAlone(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Fees.AnnualRevenueUSD, p.Fees.GrowthAnnual, p.Fees.VolAnnual = 365_000, 0.365, 0
	p.Market.ValueDriftAnnual, p.Market.ValueVolAnnual = 0.73, 0
	p.Market.ShockRatePerYear, p.Market.ShockMean, p.Market.ShockSD = 365_000, -0.1, 0
	env := &fakeTracer{}
	var d demandSide
	d.reset(env, &p, rand.New(rand.NewPCG(1, 2)))
	for n := 1; n <= 10; n++ {
		var logValue float64
		d.demand(&logValue)
		if math.Abs(logValue-(0.002-0.1)) > 1e-15 {
			t.Fatalf("day %d: log value moved by %v, want the drift 0.002 and the jump -0.1", n, logValue)
		}
		if want := 1000 * math.Exp(0.001*float64(n)); math.Abs(d.revenue()-want) > 1e-9*want {
			t.Fatalf("day %d: fee revenue %v, want %v", n, d.revenue(), want)
		}
	}
	if len(env.events) != 10 || env.events[0] != "shock market" {
		t.Errorf("events %q, want 10 market shocks", env.events)
	}
	rev, level := d.revenue(), d.feeLevel()
	d.shiftFee(math.Log(0.5))
	if math.Abs(d.revenue()-rev/2) > 1e-9*rev || math.Abs(d.feeLevel()-level/2) > 1e-12*level {
		t.Errorf("after halving the fee level: revenue %v (was %v), level %v (was %v)", d.revenue(), rev, d.feeLevel(), level)
	}
}
