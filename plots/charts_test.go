package plots_test

import (
	"gonum.org/v1/plot"

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
	{"tornado", func() (*plot.Plot, error) {
		base, names, low, high := tornadoInputs()
		return plots.Tornado(plots.Litepaper(), "Day-365 treasury, one parameter at a time", "treasury (million USD)", base, names, low, high)
	}},
	{"morris", func() (*plot.Plot, error) {
		names, mu, sigma := morrisIndices()
		return plots.MorrisScatter(plots.Litepaper(), "Morris screening of day-365 price", "USD", names, mu, sigma)
	}},
	{"lineband", func() (*plot.Plot, error) {
		x, m, lo, hi := feeSweep()
		return plots.LineBand(plots.Litepaper(), "Protocol revenue vs fee (mean, 95% CI)", "fee (bps)", "revenue (million USD/yr)", x, m, lo, hi)
	}},
}
