package agents

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"pgregory.net/rapid"
)

// runOnce runs one unit and turns a broken invariant (a panic) into an error.
func runOnce(p *Params, seed uint64) (summary, series []float64, err error) {
	s := NewSim(func(int) *Params { return p })
	summary = make([]float64, numOutcomes())
	series = make([]float64, Steps(p)*numSeries())
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	err = s.Run(0, 0, rand.New(rand.NewPCG(seed, seed^0xabc)), summary, series)
	return summary, series, err
}

func TestSameSeedSameRun(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Simulation.HorizonDays = 400
	a, sa, err := runOnce(&p, 7)
	if err != nil {
		t.Fatal(err)
	}
	b, sb, _ := runOnce(&p, 7)
	c, _, _ := runOnce(&p, 8)
	for i := range a {
		if a[i] != b[i] && !(math.IsNaN(a[i]) && math.IsNaN(b[i])) {
			t.Fatalf("same seed, %s differs: %v %v", core().outcomes[i].Name, a[i], b[i])
		}
	}
	for i := range sa {
		if sa[i] != sb[i] {
			t.Fatalf("same seed, series differ at %d", i)
		}
	}
	if a[int(core().cols.oFinalPrice)] == c[int(core().cols.oFinalPrice)] {
		t.Error("different seeds gave the same final price")
	}
}

// TestCliffReleasesArbitrumQuarter checks the baseline's first cliff: team
// and investors (26.94% + 17.53% of 10B) release a quarter on day 365,
// about 1.11B tokens (calibration.md: "about 1.11B ARB").
func TestCliffReleasesArbitrumQuarter(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	var w World
	if err := w.Reset(&p, rand.New(rand.NewPCG(1, 2))); err != nil {
		t.Fatal(err)
	}
	for w.day < 364 {
		w.Step()
	}
	before := w.sch.locked
	w.Step()
	released := float64(before-w.sch.locked) / 1e6
	// The foundation's monthly step can fall on the same day: 7.5% of 10B
	// times (1-0.0667)/48 per 30 days, about 14.6M.
	want := (0.2694 + 0.1753) * 10e9 / 4
	if math.Abs(released-want) > 15e6 {
		t.Errorf("released %.4g tokens on day 365, want about %.4g", released, want)
	}
}

// TestStepAllocatesNothing checks the hot loop: a warmed-up world steps
// without allocating (DESIGN.md, "Speed").
func TestStepAllocatesNothing(t *testing.T) {
	p := DefaultParams()
	var w World
	if err := w.Reset(&p, rand.New(rand.NewPCG(1, 2))); err != nil {
		t.Fatal(err)
	}
	for range 60 { // fill the unbonding queue's capacity
		w.Step()
	}
	row := make([]float64, numSeries())
	if n := testing.AllocsPerRun(200, func() { w.Step(); w.record(row) }); n != 0 {
		t.Errorf("Step allocates %v times per day", n)
	}
}

func BenchmarkBaselineRun(b *testing.B) {
	p := DefaultParams()
	s := NewSim(func(int) *Params { return &p })
	sum := make([]float64, numOutcomes())
	ser := make([]float64, Steps(&p)*numSeries())
	agents := 0
	for _, a := range p.Allocations {
		if a.Holder != HolderTreasury {
			agents += a.Agents
		}
	}
	run := 0
	pcg := rand.NewPCG(0, 1)
	rng := rand.New(pcg) // reseeded per run, as the engine does: allocs/op is the model's
	for b.Loop() {
		pcg.Seed(uint64(run), 1)
		if err := s.Run(0, run, rng, sum, ser); err != nil {
			b.Fatal(err)
		}
		run++
	}
	b.ReportMetric(float64(run)/b.Elapsed().Seconds(), "runs/s")
	b.ReportMetric(b.Elapsed().Seconds()*1e9/float64(run*agents*p.Simulation.HorizonDays), "ns/agent-step")
}

// drawNetwork varies the sequencer network, slashing and verification
// parameters, with offence rates and fraud gains high enough that slashes
// happen within short horizons.
func drawNetwork(t *rapid.T, p *Params) {
	s := &p.Sequencers
	s.Operators = rapid.IntRange(0, 12).Draw(t, "operators")
	s.MaxOperators = s.Operators + rapid.IntRange(0, 8).Draw(t, "entrants")
	s.MaxActive = rapid.IntRange(1, 12).Draw(t, "max_active")
	s.MinStake = rapid.SampledFrom([]float64{0, 50_000, 200_000}).Draw(t, "min_stake")
	s.Mode = rapid.SampledFrom([]SequencingMode{ModeRotation, ModeAuction}).Draw(t, "mode")
	s.BatchesPerDay = rapid.IntRange(1, 48).Draw(t, "batches")
	s.ExitLossDays = rapid.IntRange(0, 60).Draw(t, "exit_days")
	s.EntryReviewDays = rapid.IntRange(0, 30).Draw(t, "entry_days")
	s.Commission = uniformDist(0, rapid.Float64Range(0, 1).Draw(t, "commission"))
	sl := &p.Slashing
	b := rapid.Float64Range(0, 1).Draw(t, "burn")
	tr := rapid.Float64Range(0, 1-b).Draw(t, "slash_treasury")
	sl.Split = []float64{b, tr, 1 - b - tr}
	sl.SlashDelegators = rapid.Bool().Draw(t, "slash_delegators")
	for _, o := range []*Offence{&sl.Liveness, &sl.DoubleSign, &sl.Withholding} {
		o.RatePerYear = constDist(rapid.Float64Range(0, 30).Draw(t, "rate"))
		o.Penalty = rapid.Float64Range(0, 1).Draw(t, "penalty")
		o.Detection = rapid.Float64Range(0, 1).Draw(t, "detection")
		o.JailDays = rapid.IntRange(0, 20).Draw(t, "jail")
		o.Remove = rapid.Bool().Draw(t, "remove")
	}
	sl.InvalidRoot = FraudPenalty{
		Penalty:  rapid.Float64Range(0, 1).Draw(t, "fraud_penalty"),
		JailDays: rapid.IntRange(0, 20).Draw(t, "fraud_jail"),
		Remove:   rapid.Bool().Draw(t, "fraud_remove"),
	}
	v := &p.Verification
	v.Verifiers = rapid.IntRange(0, 15).Draw(t, "verifiers")
	v.CheckCost = rapid.Float64Range(0, 100).Draw(t, "check_cost")
	v.CheckCostSpread = rapid.Float64Range(0, 2).Draw(t, "check_cost_spread")
	v.RewardMode = rapid.SampledFrom([]RewardMode{RewardEach, RewardShared}).Draw(t, "reward_mode")
	v.AttentionRate = rapid.Float64Range(0, 0.1).Draw(t, "attention")
	v.AttentionPayment = rapid.Float64Range(0, 1000).Draw(t, "attention_payment")
	v.SubsidyPerCheck = rapid.Float64Range(0, 50).Draw(t, "subsidy")
	v.ReviseEveryBatches = rapid.IntRange(1, 48).Draw(t, "revise")
	v.MemoryDays = rapid.Float64Range(0, 200).Draw(t, "memory")
	v.ChallengeWindowDays = rapid.IntRange(0, 14).Draw(t, "window")
	v.ReviewDays = rapid.IntRange(0, 30).Draw(t, "verifier_review")
	v.MaxVerifiers = rapid.IntRange(0, 20).Draw(t, "max_verifiers")
	v.OperatingCostUSD = constDist(rapid.Float64Range(0, 1e5).Draw(t, "verifier_opcost"))
	v.BridgeShare = uniformDist(0, rapid.Float64Range(0, 0.05).Draw(t, "bridge_share"))
	f := &p.Fraud
	f.Gain = rapid.Float64Range(0, 1e8).Draw(t, "gain")
	f.Slash = rapid.Float64Range(0, 1e8).Draw(t, "bond")
	f.Noise = rapid.Float64Range(0, 0.1).Draw(t, "fraud_noise")
	f.PriorCheckRate = rapid.Float64Range(0, 1).Draw(t, "prior_check")
	f.TVLShare = rapid.Float64Range(0, 0.3).Draw(t, "tvl_share")
	f.Exodus = rapid.Float64Range(0, 0.9).Draw(t, "exodus")
	f.PriceShock = rapid.Float64Range(0, 0.9).Draw(t, "price_shock")
}
