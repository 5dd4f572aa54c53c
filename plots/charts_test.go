package plots_test

import (
	"fmt"
	"math"

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
	{"pareto", func() (*plot.Plot, error) {
		return plots.ParetoFront(plots.Litepaper(), "Dump risk vs capture risk, 5 chosen designs", "P(max_drawdown_after_unlock > 0.5)", "P(captured)", searchFront())
	}},
	{"parallel", func() (*plot.Plot, error) {
		axes, lines := searchDesigns()
		return plots.ParallelCoordinates(plots.Litepaper(), "Chosen designs", axes, lines)
	}},
	{"convergence", func() (*plot.Plot, error) {
		runs, best, lo, hi := searchProgress()
		return plots.Convergence(plots.Litepaper(), "Best fraud loss by generation (95% CI)", "fraud loss (million USD)", "best design so far", runs, best, lo, hi)
	}},
}

// searchFront is a made-up two-objective search: five chosen designs on
// the curve y = 0.3·(1 − √x) with intervals of ±0.02 to ±0.04 (about what
// 400 runs give a probability near 0.2), the last infeasible, and twelve
// candidates the search tried behind the front, two of them infeasible.
func searchFront() []plots.FrontPoint {
	var out []plots.FrontPoint
	for i, x := range []float64{0.08, 0.18, 0.32, 0.5, 0.7} {
		y := 0.3 * (1 - math.Sqrt(x))
		h := 0.02 + 0.005*float64(i)
		out = append(out, plots.FrontPoint{Label: fmt.Sprintf("design %d", i+1), X: x, XLo: x - h, XHi: x + h,
			Y: y, YLo: y - h, YHi: y + h, Chosen: true, Feasible: i < 4})
	}
	for i := range 12 {
		x := 0.1 + 0.05*float64(i)
		y := 0.3*(1-math.Sqrt(x)) + 0.04 + 0.01*float64(i%4)
		out = append(out, plots.FrontPoint{X: x, XLo: x, XHi: x, Y: y, YLo: y, YHi: y, Feasible: i%5 != 2})
	}
	return out
}

// searchDesigns are three designs across two variables scaled to their
// bounds and two objectives scaled to the range of the front.
func searchDesigns() ([]plots.ParallelAxis, []plots.ParallelLine) {
	axes := []plots.ParallelAxis{
		{Name: "cliff (days)", Lo: 90, Hi: 720},
		{Name: "fraud bond (M USD)", Lo: 0.1, Hi: 10},
		{Name: "P(dump)", Lo: 0.08, Hi: 0.7},
		{Name: "P(captured)", Lo: 0.05, Hi: 0.22},
	}
	lines := []plots.ParallelLine{
		{Label: "design 1", Values: []float64{720, 9.5, 0.08, 0.22}},
		{Label: "design 2", Values: []float64{365, 4, 0.32, 0.13}},
		{Label: "design 3", Values: []float64{120, 1.2, 0.7, 0.05}},
	}
	return axes, lines
}

// searchProgress is a search that improves fast and then settles: the
// best objective 10 + 30·0.7^g over 15 generations of 40 runs after an
// initial 80, with a ±1.5 interval.
func searchProgress() (runs []int, best, lo, hi []float64) {
	for g := range 15 {
		runs = append(runs, 80+40*g)
		b := 10 + 30*math.Pow(0.7, float64(g))
		best, lo, hi = append(best, b), append(lo, b-1.5), append(hi, b+1.5)
	}
	return runs, best, lo, hi
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
