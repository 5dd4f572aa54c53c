package plots_test

import (
	"math"
	"math/rand/v2"

	"github.com/seqsim/seqsim/internal/stats"
	"github.com/seqsim/seqsim/plots"
)

// Fixed, seeded inputs shared by the examples and the golden tests. They
// stand in for engine output: percentiles over runs, per-run summaries,
// sweep grids and sensitivity indices. Changing any of them changes the
// goldens.

// newRand returns the generator every fixture draws from (gonum's test
// convention: PCG seeded with small constants).
func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 1)) }

// priceBands returns percentile bands of a token price over 365 days for
// two scenarios, estimated from 400 simulated geometric random walks each.
func priceBands() []plots.Band {
	scen := []struct {
		label      string
		drift, vol float64
		seed       uint64
	}{
		{"baseline", 0.0004, 0.025, 1},
		{"buyback", 0.0012, 0.018, 2},
	}
	const days, runs = 365, 400
	out := make([]plots.Band, len(scen))
	for s, sc := range scen {
		r := newRand(sc.seed)
		paths := make([][]float64, runs)
		for k := range paths {
			paths[k] = make([]float64, days)
			logp := 0.0
			for d := range days {
				logp += sc.drift + sc.vol*r.NormFloat64()
				paths[k][d] = 0.5 * math.Exp(logp) // USD, launch price 0.50
			}
		}
		b := plots.Band{Label: sc.label}
		col := make([]float64, runs)
		for d := range days {
			for k := range paths {
				col[k] = paths[k][d]
			}
			b.X = append(b.X, float64(d))
			b.P05 = append(b.P05, stats.Quantile(col, 0.05))
			b.P25 = append(b.P25, stats.Quantile(col, 0.25))
			b.P50 = append(b.P50, stats.Quantile(col, 0.50))
			b.P75 = append(b.P75, stats.Quantile(col, 0.75))
			b.P95 = append(b.P95, stats.Quantile(col, 0.95))
			var m float64
			for _, v := range col {
				m += v
			}
			b.Mean = append(b.Mean, m/runs)
		}
		out[s] = b
	}
	return out
}

// drawdowns returns 2,000 treasury drawdowns in USD (lognormal, median
// 1M USD).
func drawdowns() []float64 {
	r := newRand(3)
	v := make([]float64, 2000)
	for i := range v {
		v[i] = 1e6 * math.Exp(0.45*r.NormFloat64())
	}
	return v
}

// finalPrices returns the day-365 price of 500 runs for three scenarios.
func finalPrices() []plots.Sample {
	r := newRand(4)
	sc := []struct {
		label     string
		mu, sigma float64
	}{{"baseline", 0, 0.35}, {"high emission", -0.35, 0.5}, {"buyback", 0.3, 0.3}}
	out := make([]plots.Sample, len(sc))
	for i, s := range sc {
		v := make([]float64, 500)
		for k := range v {
			v[k] = 0.5 * math.Exp(s.mu+s.sigma*r.NormFloat64())
		}
		out[i] = plots.Sample{Label: s.label, Values: v}
	}
	return out
}

// aprSweep returns a 6 × 5 sweep of the median staking APR (%) over the
// daily emission rate (xs) and the lock period in days (ys); one point
// failed (NaN).
func aprSweep() (xs, ys []float64, z [][]float64) {
	xs = []float64{0.0005, 0.001, 0.002, 0.005, 0.01, 0.02}
	ys = []float64{7, 14, 30, 90, 180}
	r := newRand(5)
	z = make([][]float64, len(ys))
	for i, lock := range ys {
		z[i] = make([]float64, len(xs))
		for j, e := range xs {
			z[i][j] = 365 * e * 100 * (0.6 + 0.4*math.Log10(lock)/math.Log10(180)) * (1 + 0.03*r.NormFloat64())
		}
	}
	z[3][4] = math.NaN()
	return xs, ys, z
}

// sobolIndices returns first-order and total Sobol indices with 95 %
// bootstrap intervals for five parameters.
func sobolIndices() (names []string, s1, st plots.BarGroup) {
	names = []string{"emission_rate", "lock_days", "fee_bps", "slash_frac", "demand_vol"}
	s1 = plots.BarGroup{Label: "S1 (first order)",
		Values: []float64{0.42, 0.18, 0.07, 0.01, 0.21},
		Lo:     []float64{0.37, 0.14, 0.04, -0.01, 0.17},
		Hi:     []float64{0.47, 0.22, 0.10, 0.03, 0.25}}
	st = plots.BarGroup{Label: "ST (total)",
		Values: []float64{0.51, 0.24, 0.09, 0.02, 0.30},
		Lo:     []float64{0.46, 0.20, 0.06, 0.00, 0.26},
		Hi:     []float64{0.56, 0.28, 0.12, 0.04, 0.34}}
	return names, s1, st
}

// tornadoInputs returns a one-at-a-time study of the day-365 treasury
// (million USD) around a base of 12.4.
func tornadoInputs() (base float64, names []string, low, high []float64) {
	return 12.4,
		[]string{"fee_bps", "emission_rate", "lock_days", "slash_frac", "demand_vol", "buyback_share"},
		[]float64{11.1, 14.9, 11.8, 12.3, 9.6, 12.0},
		[]float64{13.5, 9.2, 12.9, 12.5, 14.1, 13.6}
}

// morrisIndices returns µ* and σ (USD) of eight parameters.
func morrisIndices() (names []string, muStar, sigma []float64) {
	return []string{"emission_rate", "lock_days", "fee_bps", "slash_frac", "demand_vol", "buyback_share", "vest_cliff", "oracle_lag"},
		[]float64{0.92, 0.41, 0.22, 0.03, 0.66, 0.38, 0.12, 0.05},
		[]float64{0.35, 0.52, 0.08, 0.02, 0.71, 0.12, 0.10, 0.06}
}

// feeSweep returns the mean day-365 protocol revenue (million USD) over
// the fee in basis points, with a 95 % confidence band.
func feeSweep() (x, mean, lo, hi []float64) {
	r := newRand(6)
	for f := 5.0; f <= 100; f += 5 {
		m := 4 * f / 30 * math.Exp(-f/60) * (1 + 0.02*r.NormFloat64())
		w := 0.08 + 0.004*f
		x = append(x, f)
		mean = append(mean, m)
		lo = append(lo, m-w)
		hi = append(hi, m+w)
	}
	return x, mean, lo, hi
}

// feeSplitDifferences returns four designs' differences in final price
// (USD) from a reference, with 95% intervals: two resolved (one each way),
// one not, and one unpaired.
func feeSplitDifferences() []plots.Difference {
	return []plots.Difference{
		{Label: "stakers 80/0/20", Est: 0.041, Lo: 0.022, Hi: 0.060, Paired: true},
		{Label: "all to the treasury", Est: -0.105, Lo: -0.131, Hi: -0.079, Paired: true},
		{Label: "burn 20/20/60", Est: 0.013, Lo: -0.004, Hi: 0.030, Paired: true},
		{Label: "another seed", Est: 0.020, Lo: -0.140, Hi: 0.180, Paired: false},
	}
}
