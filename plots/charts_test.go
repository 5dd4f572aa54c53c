package plots_test

import (
	"gonum.org/v1/plot"
	"math"

	"github.com/seqsim/seqsim/plots"
)

// chartKinds builds one chart of every kind from the fixtures, with the
// litepaper theme. The golden tests render each of them.
var chartKinds = []struct {
	name  string
	build func() (*plot.Plot, error)
}{
	{"fan", func() (*plot.Plot, error) {
		return plots.FanChart(plots.Litepaper(), "Token price, 400 runs per scenario", "time (days)", "price (USD)", priceBands()...)
	}},
	{"fan_log", func() (*plot.Plot, error) {
		b := priceBands()[:1]
		b[0].Label = ""
		return plots.FanChartWith(plots.Litepaper(), plots.FanOptions{LogY: true}, "Token price, baseline (log scale)", "time (days)", "price (USD)", b...)
	}},
	{"distribution", func() (*plot.Plot, error) {
		return plots.Distribution(plots.Litepaper(), "Treasury drawdown over the first year", "drawdown (USD)", drawdowns(), plots.DistOptions{})
	}},
	{"ecdf", func() (*plot.Plot, error) {
		return plots.ECDF(plots.Litepaper(), "Price at day 365 by scenario", "price (USD)", finalPrices()...)
	}},
	{"violin", func() (*plot.Plot, error) {
		return plots.Violin(plots.Litepaper(), "Price at day 365 by scenario", "price (USD)", finalPrices()...)
	}},
	{"heatmap", func() (*plot.Plot, error) {
		xs, ys, z := aprSweep()
		return plots.HeatMap(plots.Litepaper(), "Median staking APR", "emission rate (1/day)", "lock period (days)", "APR (%)", xs, ys, z)
	}},
	{"bars", func() (*plot.Plot, error) {
		names, s1, st := sobolIndices()
		return plots.Bars(plots.Litepaper(), "Sobol indices of day-365 treasury (95% CI)", plots.WithUnit("index", plots.Dimensionless), names, s1, st)
	}},
	{"forest", func() (*plot.Plot, error) {
		return plots.Forest(plots.Litepaper(), "Final price against 40/40/20 (paired, 200 runs)", "difference in final price (USD)", feeSplitDifferences())
	}},
	{"tornado", func() (*plot.Plot, error) {
		base, names, low, high := tornadoInputs()
		return plots.Tornado(plots.Litepaper(), "Day-365 treasury, one parameter at a time", "treasury (million USD)", base, names, low, high)
	}},
	{"morris", func() (*plot.Plot, error) {
		names, mu, sigma := morrisIndices()
		return plots.MorrisScatter(plots.Litepaper(), "Morris screening of day-365 price", "USD", names, mu, sigma)
	}},
	{"probability", func() (*plot.Plot, error) {
		return plots.Probability(plots.Litepaper(), "P(captured by day)", "day", "probability", captureCurves()...)
	}},
	{"tradeoff", func() (*plot.Plot, error) {
		return plots.TradeOff(plots.Litepaper(), "Capture risk vs dump risk", "P(max_drawdown > 0.8)", "P(captured)",
			[]string{"public sale", "LBP", "airdrop", "grants"},
			[]float64{0.75, 0.79, 0.80, 0.87}, []float64{0.69, 0.73, 0.74, 0.82}, []float64{0.80, 0.84, 0.85, 0.91},
			[]float64{0.365, 0.41, 0.45, 0.45}, []float64{0.30, 0.34, 0.38, 0.38}, []float64{0.43, 0.48, 0.52, 0.52})
	}},
	{"lineband", func() (*plot.Plot, error) {
		x, m, lo, hi := feeSweep()
		return plots.LineBand(plots.Litepaper(), "Protocol revenue vs fee (mean, 95% CI)", "fee (bps)", "revenue (million USD/yr)", x, m, lo, hi)
	}},
}

// captureCurves are deterministic probability-over-time curves with
// Wilson 95% intervals at 200 runs, for three governance models.
func captureCurves() []plots.ProbSeries {
	var out []plots.ProbSeries
	for i, name := range []string{"centralized foundation", "progressive decentralization", "fully decentralized"} {
		s := plots.ProbSeries{Label: name}
		for d := 0; d <= 1460; d += 20 {
			p := (0.25 + 0.1*float64(i)) * (1 - math.Exp(-float64(d)/(500-100*float64(i))))
			// Normal-approximation half width at 200 runs, enough for a picture.
			h := 1.96 * math.Sqrt(p*(1-p)/200)
			s.X, s.P, s.Lo, s.Hi = append(s.X, float64(d)), append(s.P, p), append(s.Lo, math.Max(p-h, 0)), append(s.Hi, math.Min(p+h, 1))
		}
		out = append(out, s)
	}
	return out
}
