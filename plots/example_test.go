package plots_test

import (
	"bytes"
	"fmt"
	"image/png"
	"log"
	"os"
	"path/filepath"

	"gonum.org/v1/plot"

	"github.com/seqsim/seqsim/plots"
)

// saveAndList saves p into a fresh temporary directory and prints what was
// written: each file's name, and the pixel size of the PNG.
func saveAndList(p *plot.Plot, name string) {
	dir, err := os.MkdirTemp("", "plots-example-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := plots.Save(p, dir, name, 0, 0); err != nil {
		log.Fatal(err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range ents {
		if filepath.Ext(e.Name()) == ".png" {
			raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				log.Fatal(err)
			}
			cfg, err := png.DecodeConfig(bytes.NewReader(raw))
			if err != nil {
				log.Fatal(err)
			}
			fmt.Printf("%s (%d×%d px)\n", e.Name(), cfg.Width, cfg.Height)
			continue
		}
		fmt.Println(e.Name())
	}
}

func ExampleFanChart() {
	bands := priceBands() // two scenarios: percentiles over 400 runs per day
	p, err := plots.FanChart(plots.Litepaper(), "Token price, 400 runs per scenario",
		"time (days)", plots.WithUnit("price", "USD"), bands...)
	if err != nil {
		log.Fatal(err)
	}
	last := len(bands[0].X) - 1
	for _, b := range bands {
		fmt.Printf("%s: median %.3f USD at day %.0f\n", b.Label, b.P50[last], b.X[last])
	}
	saveAndList(p, "price_fan")
	// Output:
	// baseline: median 0.596 USD at day 364
	// buyback: median 0.799 USD at day 364
	// price_fan.pdf
	// price_fan.png (1350×900 px)
	// price_fan.svg
}

func ExampleFanChartWith() {
	bands := priceBands()[:1]
	p, err := plots.FanChartWith(plots.Litepaper(), plots.FanOptions{LogY: true},
		"Token price, baseline (log scale)", "time (days)", "price (USD)", bands...)
	if err != nil {
		log.Fatal(err)
	}
	saveAndList(p, "price_fan_log")
	// Output:
	// price_fan_log.pdf
	// price_fan_log.png (1350×900 px)
	// price_fan_log.svg
}

func ExampleDistribution() {
	v := drawdowns() // 2,000 runs
	p, err := plots.Distribution(plots.Litepaper(), "Treasury drawdown over the first year",
		"drawdown (USD)", v, plots.DistOptions{})
	if err != nil {
		log.Fatal(err)
	}
	r := plots.TailRisk(v, false) // the numbers the markers show
	fmt.Printf("VaR95 %s, VaR99 %s, ES95 %s USD\n", plots.FormatValue(r.VaR95), plots.FormatValue(r.VaR99), plots.FormatValue(r.ES95))
	fmt.Printf("bandwidth %s USD\n", plots.FormatValue(plots.SilvermanBandwidth(v)))
	saveAndList(p, "drawdown")
	// Output:
	// VaR95 2.11M, VaR99 2.80M, ES95 2.58M USD
	// bandwidth 90.8k USD
	// drawdown.pdf
	// drawdown.png (1350×900 px)
	// drawdown.svg
}

func ExampleECDF() {
	p, err := plots.ECDF(plots.Litepaper(), "Price at day 365 by scenario", "price (USD)", finalPrices()...)
	if err != nil {
		log.Fatal(err)
	}
	saveAndList(p, "price_ecdf")
	// Output:
	// price_ecdf.pdf
	// price_ecdf.png (1350×900 px)
	// price_ecdf.svg
}

func ExampleViolin() {
	groups := finalPrices()
	p, err := plots.Violin(plots.Litepaper(), "Price at day 365 by scenario", "price (USD)", groups...)
	if err != nil {
		log.Fatal(err)
	}
	saveAndList(p, "price_violin")
	// Output:
	// price_violin.pdf
	// price_violin.png (1350×900 px)
	// price_violin.svg
}

func ExampleHeatMap() {
	xs, ys, z := aprSweep() // z[i][j] at lock period ys[i], emission rate xs[j]
	p, err := plots.HeatMap(plots.Litepaper(), "Median staking APR",
		"emission rate (1/day)", "lock period (days)", "APR (%)", xs, ys, z)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d × %d cells, corner %s%%\n", len(ys), len(xs), plots.FormatValue(z[len(ys)-1][len(xs)-1]))
	saveAndList(p, "apr_sweep")
	// Output:
	// 5 × 6 cells, corner 705%
	// apr_sweep.pdf
	// apr_sweep.png (1350×900 px)
	// apr_sweep.svg
}

func ExampleBars() {
	names, s1, st := sobolIndices()
	p, err := plots.Bars(plots.Litepaper(), "Sobol indices of day-365 treasury (95% CI)",
		plots.WithUnit("index", plots.Dimensionless), names, s1, st)
	if err != nil {
		log.Fatal(err)
	}
	saveAndList(p, "sobol")
	// Output:
	// sobol.pdf
	// sobol.png (1350×900 px)
	// sobol.svg
}

func ExampleForest() {
	p, err := plots.Forest(plots.Litepaper(), "Final price against 40/40/20 (paired, 200 runs)",
		"difference in final price (USD)", []plots.Difference{
			{Label: "stakers 80/0/20", Est: 0.041, Lo: 0.022, Hi: 0.060, Paired: true},
			{Label: "all to the treasury", Est: -0.105, Lo: -0.131, Hi: -0.079, Paired: true},
			{Label: "burn 20/20/60", Est: 0.013, Lo: -0.004, Hi: 0.030, Paired: true},
		})
	if err != nil {
		log.Fatal(err)
	}
	saveAndList(p, "forest")
	// Output:
	// forest.pdf
	// forest.png (1350×900 px)
	// forest.svg
}

func ExampleTornado() {
	base, names, low, high := tornadoInputs()
	p, err := plots.Tornado(plots.Litepaper(), "Day-365 treasury, one parameter at a time",
		"treasury (million USD)", base, names, low, high)
	if err != nil {
		log.Fatal(err)
	}
	saveAndList(p, "tornado")
	// Output:
	// tornado.pdf
	// tornado.png (1350×900 px)
	// tornado.svg
}

func ExampleMorrisScatter() {
	names, muStar, sigma := morrisIndices()
	p, err := plots.MorrisScatter(plots.Litepaper(), "Morris screening of day-365 price", "USD", names, muStar, sigma)
	if err != nil {
		log.Fatal(err)
	}
	saveAndList(p, "morris")
	// Output:
	// morris.pdf
	// morris.png (1350×900 px)
	// morris.svg
}

func ExampleLineBand() {
	x, mean, lo, hi := feeSweep()
	p, err := plots.LineBand(plots.Litepaper(), "Protocol revenue vs fee (mean, 95% CI)",
		"fee (bps)", "revenue (million USD/yr)", x, mean, lo, hi)
	if err != nil {
		log.Fatal(err)
	}
	saveAndList(p, "fee_sweep")
	// Output:
	// fee_sweep.pdf
	// fee_sweep.png (1350×900 px)
	// fee_sweep.svg
}

func ExampleKDE() {
	// The KDE of a single value is the normal density centred on it.
	d := plots.KDE([]float64{2}, 0.5, []float64{2, 2.5, 3})
	fmt.Printf("%.6f %.6f %.6f\n", d[0], d[1], d[2])
	// Silverman's rule for 1..5: 0.9 · min(sd 1.581, IQR/1.34 = 1.493) · 5^(−1/5).
	fmt.Printf("h = %.4f\n", plots.SilvermanBandwidth([]float64{1, 2, 3, 4, 5}))
	// Output:
	// 0.797885 0.483941 0.107982
	// h = 0.9736
}

func ExampleSVGBytes() {
	x, mean, lo, hi := feeSweep()
	p, err := plots.LineBand(plots.Theme{}, "Revenue", "fee (bps)", "revenue (million USD/yr)", x, mean, lo, hi)
	if err != nil {
		log.Fatal(err)
	}
	svg, err := plots.SVGBytes(p, 0, 0) // default 4.5 in × 3 in
	if err != nil {
		log.Fatal(err)
	}
	i := bytes.Index(svg, []byte("<svg"))
	fmt.Printf("%s\n", bytes.Fields(svg[i:])[1:3])
	// Output:
	// [width="324pt" height="216pt"]
}

func ExampleSplitUnit() {
	name, unit := plots.SplitUnit(plots.WithUnit("revenue", "million USD/yr"))
	fmt.Printf("%q %q\n", name, unit)
	// Output:
	// "revenue" "million USD/yr"
}

func ExampleProbability() {
	p, err := plots.Probability(plots.Litepaper(), "P(captured by day)", "day", "probability", captureCurves()...)
	if err != nil {
		log.Fatal(err)
	}
	saveAndList(p, "capture_over_time")
	// Output:
	// capture_over_time.pdf
	// capture_over_time.png (1350×900 px)
	// capture_over_time.svg
}

func ExampleTradeOff() {
	p, err := plots.TradeOff(plots.Litepaper(), "Capture risk vs dump risk", "P(max_drawdown > 0.8)", "P(captured)",
		[]string{"public sale", "airdrop"},
		[]float64{0.75, 0.80}, []float64{0.69, 0.74}, []float64{0.80, 0.85},
		[]float64{0.365, 0.45}, []float64{0.30, 0.38}, []float64{0.43, 0.52})
	if err != nil {
		log.Fatal(err)
	}
	saveAndList(p, "tradeoff")
	// Output:
	// tradeoff.pdf
	// tradeoff.png (1350×900 px)
	// tradeoff.svg
}

func ExampleParetoFront() {
	p, err := plots.ParetoFront(plots.Litepaper(), "Dump risk vs capture risk", "P(dump)", "P(captured)", []plots.FrontPoint{
		{Label: "long cliff", X: 0.10, XLo: 0.07, XHi: 0.13, Y: 0.21, YLo: 0.17, YHi: 0.25, Chosen: true, Feasible: true},
		{Label: "short cliff", X: 0.40, XLo: 0.35, XHi: 0.45, Y: 0.08, YLo: 0.05, YHi: 0.11, Chosen: true, Feasible: true},
		{X: 0.30, XLo: 0.30, XHi: 0.30, Y: 0.25, YLo: 0.25, YHi: 0.25, Feasible: false},
	})
	if err != nil {
		log.Fatal(err)
	}
	saveAndList(p, "pareto")
	// Output:
	// pareto.pdf
	// pareto.png (1350×900 px)
	// pareto.svg
}

func ExampleParallelCoordinates() {
	p, err := plots.ParallelCoordinates(plots.Litepaper(), "Chosen designs", []plots.ParallelAxis{
		{Name: "cliff (days)", Lo: 90, Hi: 720},
		{Name: "P(dump)", Lo: 0.1, Hi: 0.4},
		{Name: "P(captured)", Lo: 0.08, Hi: 0.21},
	}, []plots.ParallelLine{
		{Label: "long cliff", Values: []float64{720, 0.1, 0.21}},
		{Label: "short cliff", Values: []float64{180, 0.4, 0.08}},
	})
	if err != nil {
		log.Fatal(err)
	}
	saveAndList(p, "parallel")
	// Output:
	// parallel.pdf
	// parallel.png (1350×900 px)
	// parallel.svg
}

func ExampleConvergence() {
	p, err := plots.Convergence(plots.Litepaper(), "Best objective by generation", "loss (USD)", "best design so far",
		[]int{40, 80, 120, 160}, []float64{9, 6, 5.5, 5.4}, nil, nil)
	if err != nil {
		log.Fatal(err)
	}
	saveAndList(p, "convergence")
	// Output:
	// convergence.pdf
	// convergence.png (1350×900 px)
	// convergence.svg
}
