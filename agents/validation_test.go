package agents

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/internal/stats"
	"gonum.org/v1/gonum/stat/distuv"
)

// validationRuns is the number of baseline runs TestValidation measures:
// 200, the sample of docs/validation.md, is about 2 s here. Run r is run r
// of `seqsim run --runs 200` (master seed 1, the baseline's), so the
// document's per-run windows and this test see the same runs.
const validationRuns = 200

// runMeasures are the per-run quantities docs/validation.md compares with
// published regularities, each computed from one run's daily series.
type runMeasures struct {
	cliffDay      float64    // price return over the first cliff day (c-1 → c)
	cliffShare    float64    // the cliff's addition to circulating supply, over circulating on c-1
	releaseDay    []float64  // price return over each monthly release day after the cliff (d-1 → d)
	releaseSize   []float64  // each release's addition to circulating, over circulating on d-1
	placeboDay    []float64  // price return over the day 15 days after each release
	launchDay     float64    // price return over the first day (0 → 1)
	launchLow     float64    // lowest price of days 1-7 over the launch price, less 1
	launchPrice   float64    // the pool price on day 0
	before30      float64    // price return over the 30 days before the cliff (c-31 → c-1)
	placebo30     float64    // the 30 days before those (c-61 → c-31)
	cliffWeek     float64    // c-1 → c+7
	cliffTwoWeeks float64    // c-1 → c+14
	stakingYear   [4]float64 // yearly means of staking_ratio (of circulating)
	stakeTotal    [4]float64 // yearly means of the stake over the initial total supply
	aprYear       [4]float64 // yearly means of the smoothed APR signal
	feeYear       [4]float64 // net fee revenue per year, USD
	stakedDay     [2]float64 // staking_ratio on days 7 and 90
	cashShare     float64    // on the last day: the capitalised holders' cash flows over the fair market cap
	meanAPR       float64
	runway        float64 // treasury_runway_days (executable)
	maxDD         float64
	finalPrice    float64
}

// measureBaseline runs the default baseline validationRuns times, with the
// CLI's seeds for master seed 1, and returns each run's measures.
func measureBaseline(t *testing.T) []runMeasures {
	t.Helper()
	p := DefaultParams()
	sim := NewSim(func(int) *Params { return &p })
	steps := Steps(&p)
	sum, series := make([]float64, numOutcomes()), make([]float64, steps*numSeries())
	out := make([]runMeasures, validationRuns)
	for r := range out {
		rng := rand.New(rand.NewPCG(engine.PCGSeeds(engine.RunSeed(1, 0, r, true))))
		if err := sim.Run(0, r, rng, sum, series); err != nil {
			t.Fatalf("run %d: %v", r, err)
		}
		w := &sim.world
		at := func(d int, c Column) float64 { return series[d*w.width+int(c)] }
		ret := func(a, b int) float64 { return at(b, w.col.sPrice)/at(a, w.col.sPrice) - 1 }
		grow := func(a, b int) float64 { return at(b, w.col.sCirculating)/at(a, w.col.sCirculating) - 1 }
		m := &out[r]
		if len(w.sch.cliffs) != 1 {
			t.Fatalf("run %d: cliffs %v, want the baseline's one (day 365)", r, w.sch.cliffs)
		}
		c := w.sch.cliffs[0]
		m.cliffDay, m.cliffShare = ret(c-1, c), grow(c-1, c)
		m.before30, m.placebo30 = ret(c-31, c-1), ret(c-61, c-31)
		m.cliffWeek, m.cliffTwoWeeks = ret(c-1, c+7), ret(c-1, c+14)
		// The team's and investors' monthly steps after the cliff
		// (allocations: vesting_step_days 30), while 15 days later is
		// still inside the horizon.
		for d := c + 30; d+15 < steps; d += 30 {
			m.releaseDay = append(m.releaseDay, ret(d-1, d))
			m.releaseSize = append(m.releaseSize, grow(d-1, d))
			m.placeboDay = append(m.placeboDay, ret(d+14, d+15))
		}
		m.launchDay, m.launchPrice = ret(0, 1), at(0, w.col.sPrice)
		m.launchLow = math.Inf(1)
		for d := 1; d <= 7; d++ {
			m.launchLow = min(m.launchLow, ret(0, d))
		}
		for y := range m.stakingYear {
			for d := 365*y + 1; d <= 365*(y+1); d++ {
				sr := at(d, w.col.sStakingRatio)
				m.stakingYear[y] += sr / 365
				m.stakeTotal[y] += sr * at(d, w.col.sCirculating) / p.Supply.InitialTokens / 365
				m.aprYear[y] += at(d, w.col.sStakingAPR) / 365
				m.feeYear[y] += at(d, w.col.sFeeRevenue)
			}
		}
		m.stakedDay = [2]float64{at(7, w.col.sStakingRatio), at(90, w.col.sStakingRatio)}
		// Fair value's cash-flow part (docs/model.md §11.2): V = 365 y/(r - g),
		// y = (stakers' + burn share) x the day's fees, with the run's final split.
		last := steps - 1
		v := 365 * (w.dem.split.Stakers + w.dem.split.Burn) * at(last, w.col.sFeeRevenue) / (p.Market.RequiredReturn - p.Market.CashFlowGrowth)
		m.cashShare = v / (at(last, w.col.sFairValue) * at(last, w.col.sCirculating))
		m.meanAPR = sum[w.col.oMeanStakingAPR]
		m.runway = sum[w.col.oTreasuryRunway]
		m.maxDD = sum[w.col.oMaxDrawdown]
		m.finalPrice = sum[w.col.oFinalPrice]
	}
	return out
}

// medianCI returns the sample median of xs and a distribution-free 95%
// confidence interval for the population median: the order statistics
// x(k) and x(n+1-k) (1-based) with the largest k such that
// P(Binomial(n, 1/2) < k) ≤ 0.025, so the interval covers the median with
// probability at least 95% whatever the distribution.
func medianCI(xs []float64) (med, lo, hi float64) {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	b := distuv.Binomial{N: float64(n), P: 0.5}
	k := 0
	for k+1 <= n/2 && b.CDF(float64(k)) <= 0.025 { // P(B ≤ k) = P(B < k+1)
		k++
	}
	if k == 0 {
		return stats.QuantileSorted(s, 0.5), math.Inf(-1), math.Inf(1)
	}
	return stats.QuantileSorted(s, 0.5), s[k-1], s[n-k]
}

func TestMedianCI(t *testing.T) {
	t.Parallel()
	// n = 10: P(B ≤ 1) = 11/1024 ≤ 0.025 < P(B ≤ 2) = 56/1024, so k = 2:
	// the 2nd and 9th values (coverage 1 - 2·11/1024 = 97.9%).
	xs := []float64{9, 1, 8, 2, 7, 3, 6, 4, 5, 10}
	if med, lo, hi := medianCI(xs); med != 5.5 || lo != 2 || hi != 9 {
		t.Fatalf("medianCI = %v [%v, %v], want 5.5 [2, 9]", med, lo, hi)
	}
	// n = 5: P(B ≤ 0) = 1/32 > 0.025, so no finite interval has 95%.
	if _, lo, hi := medianCI([]float64{1, 2, 3, 4, 5}); !math.IsInf(lo, -1) || !math.IsInf(hi, 1) {
		t.Fatalf("n = 5: [%v, %v], want unbounded", lo, hi)
	}
}

// TestValidation checks the baseline against the published regularities of
// docs/validation.md that it reproduces, with tolerances from the sample:
// a 95% distribution-free interval of the median (medianCI) must lie
// inside the published range, or a 95% Wilson interval of a share on the
// published side. Each check names its source and section. The
// regularities the baseline does not reproduce are not asserted here:
// docs/validation.md states them as disagreements, with the figures this
// test logs (go test -run TestValidation -v ./agents/).
func TestValidation(t *testing.T) {
	t.Parallel()
	ms := measureBaseline(t)
	// The test's runs are the CLI's: run r here is run r of runs.csv of
	// `seqsim run --runs 200` (the same seeds). The document's figures
	// were measured at commit 62c43d7, whose run 0 ended at USD
	// 0.027327880433271303; later model changes move them.
	t.Logf("run 0 final_price %v (compare with runs.csv)", ms[0].finalPrice)
	col := func(f func(*runMeasures) float64) []float64 {
		v := make([]float64, len(ms))
		for i := range ms {
			v[i] = f(&ms[i])
		}
		return v
	}
	// within logs the median of v with its interval beside the published
	// range [lo, hi] (NaN: none) and, if assert, checks the interval is
	// inside it.
	within := func(name string, v []float64, lo, hi float64, assert bool) {
		t.Helper()
		med, clo, chi := medianCI(v)
		s := slices.Clone(v)
		slices.Sort(s)
		pub := "no published range"
		if !math.IsNaN(lo) {
			pub = fmt.Sprintf("published [%g, %g]", lo, hi)
		}
		t.Logf("%-34s p50 %8.4f, 95%% CI [%8.4f, %8.4f]; p5 %8.4f p95 %8.4f mean %8.4f; %s", name, med, clo, chi,
			stats.QuantileSorted(s, 0.05), stats.QuantileSorted(s, 0.95), stats.Mean(v), pub)
		if assert && !(clo >= lo && chi <= hi) {
			t.Errorf("%s: median %.4f, 95%% CI [%.4f, %.4f] not inside the published [%g, %g]", name, med, clo, chi, lo, hi)
		}
	}
	share := func(v []float64) (k int) {
		for _, x := range v {
			if x < 0 {
				k++
			}
		}
		return k
	}

	// §1, the cliff. Keyrock (Dec 2024, primary): about 90% of 16,000
	// unlocks go with a negative move, larger ones sharper. The cliff is
	// the baseline's largest unlock: its Wilson interval must not fall
	// below 90%.
	cliff := col(func(m *runMeasures) float64 { return m.cliffDay })
	k := share(cliff)
	p, lo, hi := stats.Wilson(k, len(cliff))
	t.Logf("cliff day negative                 %d of %d = %.3f, 95%% Wilson [%.3f, %.3f]; Keyrock about 0.9", k, len(cliff), p, lo, hi)
	if lo < 0.9 {
		t.Errorf("cliff day negative in %d of %d runs, Wilson [%.3f, %.3f]: below Keyrock's 90%%", k, len(cliff), lo, hi)
	}
	// Its size: ARB's cliff (16 Mar 2024, 76% of circulating) -26% from
	// three days before to the day after (blockoala, secondary); Keyrock's
	// team unlocks about -25%. The published range is ARB's -26% ± 5
	// points, which holds Keyrock's -25%.
	within("cliff day move (c-1 -> c)", cliff, -0.31, -0.21, true)
	within("cliff share of circulating", col(func(m *runMeasures) float64 { return m.cliffShare }), math.NaN(), math.NaN(), false)
	// Not reproduced (docs/validation.md §1): the 30 days before the cliff
	// fall no more than an ordinary month (no anticipation).
	within("30 days before the cliff", col(func(m *runMeasures) float64 { return m.before30 }), math.NaN(), math.NaN(), false)
	within("placebo: 30 days before that", col(func(m *runMeasures) float64 { return m.placebo30 }), math.NaN(), math.NaN(), false)
	within("cliff week (c-1 -> c+7)", col(func(m *runMeasures) float64 { return m.cliffWeek }), math.NaN(), math.NaN(), false)
	within("cliff two weeks (c-1 -> c+14)", col(func(m *runMeasures) float64 { return m.cliffTwoWeeks }), math.NaN(), math.NaN(), false)

	// §1, the monthly releases after the cliff (about 2% of circulating
	// each). 6th Man Ventures (primary, undated): above 1% of circulating
	// the price falls more as the unlock grows. Release days must be
	// negative more often than placebo days 15 days later: the two Wilson
	// intervals must not overlap.
	var rd, pd, slope []float64
	for _, m := range ms {
		rd = append(rd, m.releaseDay...)
		pd = append(pd, m.placeboDay...)
		for i := range m.releaseDay {
			slope = append(slope, (m.releaseDay[i]-m.placeboDay[i])/(100*m.releaseSize[i]))
		}
	}
	kr, kp := share(rd), share(pd)
	pr, rlo, _ := stats.Wilson(kr, len(rd))
	pp, _, phi := stats.Wilson(kp, len(pd))
	t.Logf("release days negative              %d of %d = %.3f (from %.3f); placebo %d of %d = %.3f (to %.3f); mean %.4f against %.4f",
		kr, len(rd), pr, rlo, kp, len(pd), pp, phi, stats.Mean(rd), stats.Mean(pd))
	if rlo <= phi {
		t.Errorf("release days negative %.3f (Wilson from %.3f), placebo days %.3f (to %.3f): not told apart", pr, rlo, pp, phi)
	}
	within("release size of circulating", col(func(m *runMeasures) float64 { return stats.Mean(m.releaseSize) }), math.NaN(), math.NaN(), false)
	// Not asserted: the size per 1% released, -0.3% the week before and
	// -0.3% the week after (smartkarma, unverified). The model's slope is
	// of the two weeks' total (-0.6%) but all on the day, and the source
	// is unverified.
	within("release less placebo, per 1%", slope, -0.006, -0.006, false)

	// §5, launch. ARB lost nearly 50% from its first prices on day 1, STRK
	// 53% (CoinDesk, Feb 2024). Not reproduced: the model's first week
	// falls further (docs/validation.md §5).
	within("launch day (0 -> 1)", col(func(m *runMeasures) float64 { return m.launchDay }), -0.53, -0.5, false)
	within("launch-week low (0 -> min 1..7)", col(func(m *runMeasures) float64 { return m.launchLow }), -0.53, -0.5, false)

	// §2, yield. Live nominal staking yields run from ETH's 3.1% (Coin
	// Metrics, 2024, secondary) to Cosmos's 18.5% (CoinGecko, 2024,
	// secondary); Kraken's top-35 average 10.2% (Q3 2023, secondary).
	within("mean_staking_apr", col(func(m *runMeasures) float64 { return m.meanAPR }), 0.03, 0.185, true)

	// §2, staking ratio of circulating. From Starknet's 14%-20% (2025,
	// unverified) to the 84% of the most staked (Aptos, Kraken Q3 2023).
	// Years 2-4 are asserted; year 1 sits at the bottom edge (§2).
	for y := range 4 {
		within(fmt.Sprintf("staking ratio, year %d mean", y+1), col(func(m *runMeasures) float64 { return m.stakingYear[y] }), 0.14, 0.84, y > 0)
	}

	// §2, the figures beside the yield and the ratio (logged, not compared).
	for y := range 4 {
		within(fmt.Sprintf("stake over total supply, year %d", y+1), col(func(m *runMeasures) float64 { return m.stakeTotal[y] }), math.NaN(), math.NaN(), false)
		within(fmt.Sprintf("APR signal, year %d mean", y+1), col(func(m *runMeasures) float64 { return m.aprYear[y] }), math.NaN(), math.NaN(), false)
		within(fmt.Sprintf("fee revenue, year %d (USD M)", y+1), col(func(m *runMeasures) float64 { return m.feeYear[y] / 1e6 }), math.NaN(), math.NaN(), false)
	}
	within("staking ratio, day 7", col(func(m *runMeasures) float64 { return m.stakedDay[0] }), math.NaN(), math.NaN(), false)
	within("staking ratio, day 90", col(func(m *runMeasures) float64 { return m.stakedDay[1] }), math.NaN(), math.NaN(), false)
	// §8: the share of fair value the cash flows explain (ARB: 12.5x fees
	// at 12% and 4% against ~138x FDV/fees, about 9%; sources-14).
	within("cash flows' share of fair value, last day", col(func(m *runMeasures) float64 { return m.cashShare }), math.NaN(), math.NaN(), false)

	// §3, runway. Arbitrum's DAO: 251-655 months at its 3- to 12-month
	// spending rates, in ARB (2024 annual report, primary), 21-55 years.
	within("treasury runway, years", col(func(m *runMeasures) float64 { return m.runway / 365 }), 21, 55, true)
	empty := col(func(m *runMeasures) float64 { return m.runway - 21*365 })
	ke := share(empty)
	p, lo, hi = stats.Wilson(ke, len(empty))
	t.Logf("runway under 21 years               %d of %d = %.3f, 95%% Wilson [%.3f, %.3f]", ke, len(empty), p, lo, hi)

	// §5, drawdowns. ARB -78% from its high (mid-2024, secondary), STRK
	// -94% from launch (Apr 2025, unverified). Not asserted: the model's
	// median is at STRK's end and its interval reaches past it.
	within("max_drawdown", col(func(m *runMeasures) float64 { return m.maxDD }), 0.78, 0.94, false)
	within("final price over launch, less 1", col(func(m *runMeasures) float64 { return m.finalPrice/ms[0].launchPrice - 1 }), -0.94, -0.78, false)
}
