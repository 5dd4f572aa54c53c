package plots_test

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot"

	"github.com/seqsim/seqsim/plots"
)

func TestValidation(t *testing.T) {
	t.Parallel()
	th := plots.Litepaper()
	nan, inf := math.NaN(), math.Inf(1)
	band := func() plots.Band {
		return plots.Band{Label: "a", X: []float64{0, 1, 2},
			P05: []float64{1, 1, 1}, P25: []float64{2, 2, 2}, P50: []float64{3, 3, 3},
			P75: []float64{4, 4, 4}, P95: []float64{5, 5, 5}}
	}
	with := func(f func(*plots.Band)) plots.Band { b := band(); f(&b); return b }
	fan := func(bs ...plots.Band) func() (*plot.Plot, error) {
		return func() (*plot.Plot, error) { return plots.FanChart(th, "t", "x (d)", "y (USD)", bs...) }
	}
	dist := func(v []float64, o plots.DistOptions) func() (*plot.Plot, error) {
		return func() (*plot.Plot, error) { return plots.Distribution(th, "t", "x (USD)", v, o) }
	}
	heat := func(xs, ys []float64, z [][]float64) func() (*plot.Plot, error) {
		return func() (*plot.Plot, error) { return plots.HeatMap(th, "t", "x (a)", "y (b)", "z (c)", xs, ys, z) }
	}
	fp := func(x, y float64, chosen, feasible bool) plots.FrontPoint {
		return plots.FrontPoint{X: x, XLo: x - 0.01, XHi: x + 0.01, Y: y, YLo: y - 0.01, YHi: y + 0.01, Chosen: chosen, Feasible: feasible}
	}
	pareto := func(pts ...plots.FrontPoint) func() (*plot.Plot, error) {
		return func() (*plot.Plot, error) { return plots.ParetoFront(th, "t", "x (–)", "y (–)", pts) }
	}
	parallel := func(v []float64) func() (*plot.Plot, error) {
		return func() (*plot.Plot, error) {
			return plots.ParallelCoordinates(th, "t", []plots.ParallelAxis{{Name: "a", Lo: 0, Hi: 2}, {Name: "b", Lo: 0, Hi: 1}},
				[]plots.ParallelLine{{Label: "x", Values: v}})
		}
	}
	conv := func(runs []int, v, lo, hi []float64) func() (*plot.Plot, error) {
		return func() (*plot.Plot, error) { return plots.Convergence(th, "t", "y (USD)", "best", runs, v, lo, hi) }
	}
	bars := func(cats []string, g ...plots.BarGroup) func() (*plot.Plot, error) {
		return func() (*plot.Plot, error) { return plots.Bars(th, "t", "y (–)", cats, g...) }
	}

	for _, tc := range []struct {
		name  string
		build func() (*plot.Plot, error)
		want  error // nil: must succeed
	}{
		{"fan ok", fan(band()), nil},
		{"fan single point", fan(plots.Band{X: []float64{3}, P05: []float64{1}, P25: []float64{1}, P50: []float64{1}, P75: []float64{1}, P95: []float64{1}}), nil},
		{"fan no bands", fan(), plots.ErrNoData},
		{"fan empty X", fan(plots.Band{Label: "a"}), plots.ErrNoData},
		{"fan NaN", fan(with(func(b *plots.Band) { b.P50[1] = nan })), plots.ErrNaN},
		{"fan Inf", fan(with(func(b *plots.Band) { b.X[2] = inf })), plots.ErrInf},
		{"fan short P25", fan(with(func(b *plots.Band) { b.P25 = b.P25[:2] })), plots.ErrLength},
		{"fan short Mean", fan(with(func(b *plots.Band) { b.Mean = []float64{3} })), plots.ErrLength},
		{"fan X not increasing", fan(with(func(b *plots.Band) { b.X[2] = 1 })), plots.ErrOrder},
		{"fan quantiles swapped", fan(with(func(b *plots.Band) { b.P25, b.P75 = b.P75, b.P25 })), plots.ErrOrder},
		{"fan unlabelled scenarios", fan(band(), with(func(b *plots.Band) { b.Label = "" })), plots.ErrNoData},
		{"fan log with zero", func() (*plot.Plot, error) {
			return plots.FanChartWith(th, plots.FanOptions{LogY: true}, "t", "x", "y (USD)", with(func(b *plots.Band) { b.P05[0] = 0 }))
		}, plots.ErrRange},

		{"dist ok", dist([]float64{1, 2, 2, 3, 7}, plots.DistOptions{}), nil},
		{"dist lower tail, fixed bins and bandwidth", dist([]float64{1, 2, 2, 3, 7}, plots.DistOptions{LowerTail: true, Bins: 7, Bandwidth: 0.5}), nil},
		{"dist no risk markers", dist([]float64{1e6, 2e6, 2.5e6}, plots.DistOptions{NoRisk: true}), nil},
		{"dist empty", dist(nil, plots.DistOptions{}), plots.ErrNoData},
		{"dist one value", dist([]float64{1}, plots.DistOptions{}), plots.ErrNoData},
		{"dist NaN", dist([]float64{1, nan, 3}, plots.DistOptions{}), plots.ErrNaN},
		{"dist Inf", dist([]float64{1, -inf, 3}, plots.DistOptions{}), plots.ErrInf},
		{"dist constant", dist([]float64{4, 4, 4}, plots.DistOptions{}), plots.ErrDegenerate},
		{"dist negative bins", dist([]float64{1, 2}, plots.DistOptions{Bins: -1}), plots.ErrRange},
		{"dist NaN bandwidth", dist([]float64{1, 2}, plots.DistOptions{Bandwidth: nan}), plots.ErrRange},

		{"ecdf empty series", func() (*plot.Plot, error) { return plots.ECDF(th, "t", "x (a)") }, plots.ErrNoData},
		{"ecdf empty values", func() (*plot.Plot, error) { return plots.ECDF(th, "t", "x (a)", plots.Sample{Label: "a"}) }, plots.ErrNoData},
		{"ecdf NaN", func() (*plot.Plot, error) {
			return plots.ECDF(th, "t", "x (a)", plots.Sample{Label: "a", Values: []float64{nan}})
		}, plots.ErrNaN},
		{"violin NaN", func() (*plot.Plot, error) {
			return plots.Violin(th, "t", "y (a)", plots.Sample{Label: "a", Values: []float64{1, 2}}, plots.Sample{Label: "b", Values: []float64{1, nan}})
		}, plots.ErrNaN},
		{"violin constant group ok", func() (*plot.Plot, error) {
			return plots.Violin(th, "t", "y (a)", plots.Sample{Label: "a", Values: []float64{1, 2, 3}}, plots.Sample{Label: "b", Values: []float64{2, 2}})
		}, nil},

		{"heat ok with NaN cell", heat([]float64{1, 2}, []float64{1}, [][]float64{{nan, 3}}), nil},
		{"heat all NaN", heat([]float64{1}, []float64{1}, [][]float64{{nan}}), plots.ErrNoData},
		{"heat Inf cell", heat([]float64{1, 2}, []float64{1}, [][]float64{{inf, 3}}), plots.ErrInf},
		{"heat rows", heat([]float64{1, 2}, []float64{1, 2}, [][]float64{{1, 2}}), plots.ErrLength},
		{"heat ragged", heat([]float64{1, 2}, []float64{1, 2}, [][]float64{{1, 2}, {3}}), plots.ErrLength},
		{"heat NaN xs", heat([]float64{nan}, []float64{1}, [][]float64{{1}}), plots.ErrNaN},
		{"heat empty", heat(nil, nil, nil), plots.ErrNoData},

		{"bars ok", bars([]string{"a", "b"}, plots.BarGroup{Label: "g", Values: []float64{1, 2}, Lo: []float64{0, 1}, Hi: []float64{2, 3}}), nil},
		{"bars no cats", bars(nil, plots.BarGroup{Label: "g"}), plots.ErrNoData},
		{"bars no groups", bars([]string{"a"}), plots.ErrNoData},
		{"bars length", bars([]string{"a", "b"}, plots.BarGroup{Label: "g", Values: []float64{1}}), plots.ErrLength},
		{"bars Lo without Hi", bars([]string{"a"}, plots.BarGroup{Label: "g", Values: []float64{1}, Lo: []float64{0}}), plots.ErrLength},
		{"bars Lo > Hi", bars([]string{"a"}, plots.BarGroup{Label: "g", Values: []float64{1}, Lo: []float64{2}, Hi: []float64{0}}), plots.ErrOrder},
		{"bars NaN", bars([]string{"a"}, plots.BarGroup{Label: "g", Values: []float64{nan}}), plots.ErrNaN},

		{"tornado ok", func() (*plot.Plot, error) {
			return plots.Tornado(th, "t", "y (a)", 1, []string{"p"}, []float64{0}, []float64{2})
		}, nil},
		{"tornado zero swings", func() (*plot.Plot, error) {
			return plots.Tornado(th, "t", "y (a)", 1, []string{"p", "q"}, []float64{1, 1}, []float64{1, 1})
		}, nil},
		{"morris all zero", func() (*plot.Plot, error) {
			return plots.MorrisScatter(th, "t", "USD", []string{"p", "q"}, []float64{0, 0}, []float64{0, 0})
		}, nil},
		{"ecdf single value", func() (*plot.Plot, error) { return plots.ECDF(th, "t", "x (a)", plots.Sample{Values: []float64{2}}) }, nil},
		{"tornado length", func() (*plot.Plot, error) {
			return plots.Tornado(th, "t", "y (a)", 1, []string{"p", "q"}, []float64{0}, []float64{2, 3})
		}, plots.ErrLength},
		{"tornado NaN base", func() (*plot.Plot, error) {
			return plots.Tornado(th, "t", "y (a)", nan, []string{"p"}, []float64{0}, []float64{2})
		}, plots.ErrNaN},
		{"tornado no names", func() (*plot.Plot, error) { return plots.Tornado(th, "t", "y (a)", 1, nil, nil, nil) }, plots.ErrNoData},

		{"morris negative", func() (*plot.Plot, error) {
			return plots.MorrisScatter(th, "t", "USD", []string{"p"}, []float64{-1}, []float64{1})
		}, plots.ErrRange},
		{"morris length", func() (*plot.Plot, error) {
			return plots.MorrisScatter(th, "t", "USD", []string{"p"}, []float64{1, 2}, []float64{1})
		}, plots.ErrLength},
		{"morris Inf", func() (*plot.Plot, error) {
			return plots.MorrisScatter(th, "t", "USD", []string{"p"}, []float64{1}, []float64{inf})
		}, plots.ErrInf},

		{"lineband ok", func() (*plot.Plot, error) {
			return plots.LineBand(th, "t", "x (a)", "y (b)", []float64{1, 2}, []float64{1, 2}, []float64{0, 1}, []float64{2, 3})
		}, nil},
		{"lineband lo > hi", func() (*plot.Plot, error) {
			return plots.LineBand(th, "t", "x (a)", "y (b)", []float64{1, 2}, []float64{1, 2}, []float64{0, 4}, []float64{2, 3})
		}, plots.ErrOrder},
		{"lineband x not increasing", func() (*plot.Plot, error) {
			return plots.LineBand(th, "t", "x (a)", "y (b)", []float64{2, 1}, []float64{1, 2}, []float64{0, 1}, []float64{2, 3})
		}, plots.ErrOrder},
		{"lineband length", func() (*plot.Plot, error) {
			return plots.LineBand(th, "t", "x (a)", "y (b)", []float64{1, 2}, []float64{1}, []float64{0, 1}, []float64{2, 3})
		}, plots.ErrLength},
		{"lineband empty", func() (*plot.Plot, error) {
			return plots.LineBand(th, "t", "x (a)", "y (b)", nil, nil, nil, nil)
		}, plots.ErrNoData},
		{"pareto ok", pareto(fp(0.1, 0.2, true, true), fp(0.3, 0.1, true, false), fp(0.3, 0.3, false, true)), nil},
		{"pareto empty", pareto(), plots.ErrNoData},
		{"pareto none chosen", pareto(fp(0.1, 0.2, false, true)), plots.ErrNoData},
		{"pareto NaN", pareto(fp(nan, 0.2, true, true)), plots.ErrNaN},
		{"pareto outside its interval", pareto(plots.FrontPoint{X: 0.5, XLo: 0.1, XHi: 0.2, Y: 1, YLo: 1, YHi: 1, Chosen: true}), plots.ErrOrder},
		{"parallel ok", parallel([]float64{1, 0.5}), nil},
		{"parallel value off its axis", parallel([]float64{3, 0.5}), plots.ErrRange},
		{"parallel short line", parallel([]float64{1}), plots.ErrLength},
		{"parallel no lines", func() (*plot.Plot, error) {
			return plots.ParallelCoordinates(th, "t", []plots.ParallelAxis{{Name: "a", Lo: 0, Hi: 1}, {Name: "b", Lo: 0, Hi: 1}}, nil)
		}, plots.ErrNoData},
		{"parallel degenerate axis", func() (*plot.Plot, error) {
			return plots.ParallelCoordinates(th, "t", []plots.ParallelAxis{{Name: "a", Lo: 1, Hi: 1}, {Name: "b", Lo: 0, Hi: 1}},
				[]plots.ParallelLine{{Label: "x", Values: []float64{1, 1}}})
		}, plots.ErrDegenerate},
		{"convergence ok without band", conv([]int{10, 20}, []float64{3, 2}, nil, nil), nil},
		{"convergence ok with band", conv([]int{10, 20}, []float64{3, 2}, []float64{2, 1}, []float64{4, 3}), nil},
		{"convergence runs decrease", conv([]int{20, 10}, []float64{3, 2}, nil, nil), plots.ErrOrder},
		{"convergence short runs", conv([]int{20}, []float64{3, 2}, nil, nil), plots.ErrLength},
		{"convergence lo only", conv([]int{10, 20}, []float64{3, 2}, []float64{2, 1}, nil), plots.ErrLength},
		{"convergence empty", conv(nil, nil, nil, nil), plots.ErrNoData},
	} {
		p, err := tc.build()
		switch {
		case tc.want == nil && err != nil:
			t.Errorf("%s: unexpected error %v", tc.name, err)
		case tc.want == nil && p == nil:
			t.Errorf("%s: nil plot without error", tc.name)
		case tc.want != nil && !errors.Is(err, tc.want):
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.want)
		case tc.want != nil && p != nil:
			t.Errorf("%s: plot returned with error", tc.name)
		case err != nil && !strings.HasPrefix(err.Error(), "plots: "):
			t.Errorf("%s: error %q lacks the plots: prefix", tc.name, err)
		}
		if tc.want == nil && p != nil {
			// Every valid chart must also render.
			if _, err := plots.Render(p, 0, 0, "svg"); err != nil {
				t.Errorf("%s: render: %v", tc.name, err)
			}
		}
	}
}

func TestDataErrorNamesTheProblem(t *testing.T) {
	t.Parallel()
	b := plots.Band{Label: "buyback", X: []float64{0, 1}, P05: []float64{1, 1}, P25: []float64{2, math.NaN()},
		P50: []float64{3, 3}, P75: []float64{4}, P95: []float64{5, 5}}
	_, err := plots.FanChart(plots.Litepaper(), "t", "x", "y", b)
	var de *plots.DataError
	if !errors.As(err, &de) {
		t.Fatalf("error %v is not a *DataError", err)
	}
	// Both problems are reported at once.
	msg := err.Error()
	for _, want := range []string{
		`plots: FanChart: "buyback": P25[1]: NaN value`,
		`plots: FanChart: "buyback": P75: mismatched lengths (len 1, X has 2)`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
}

func TestTradeOff(t *testing.T) {
	t.Parallel()
	names := []string{"airdrop", "public sale", "LBP"}
	x, y := []float64{0.8, 0.75, 0.79}, []float64{0.45, 0.365, 0.41}
	lo := func(v []float64) []float64 {
		out := make([]float64, len(v))
		for i := range v {
			out[i] = v[i] - 0.05
		}
		return out
	}
	hi := func(v []float64) []float64 {
		out := make([]float64, len(v))
		for i := range v {
			out[i] = v[i] + 0.05
		}
		return out
	}
	p, err := plots.TradeOff(plots.Litepaper(), "Capture risk vs dump risk", "P(max_drawdown > 0.8)", "P(captured)", names, x, lo(x), hi(x), y, lo(y), hi(y))
	if err != nil {
		t.Fatal(err)
	}
	svg, err := plots.SVGBytes(p, plots.DefaultWidth, plots.DefaultHeight)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if !bytes.Contains(svg, []byte(n)) {
			t.Errorf("the chart does not name %q", n)
		}
	}
	if _, err := plots.TradeOff(plots.Litepaper(), "t", "x", "y", names, x[:2], x, x, y, y, y); err == nil {
		t.Error("mismatched lengths accepted")
	}
	if _, err := plots.TradeOff(plots.Litepaper(), "t", "x", "y", nil, nil, nil, nil, nil, nil, nil); err == nil {
		t.Error("no data accepted")
	}
}

func TestProbability(t *testing.T) {
	t.Parallel()
	s := plots.ProbSeries{Label: "fully decentralized", X: []float64{0, 1, 2}, P: []float64{0, 0.2, 0.4}, Lo: []float64{0, 0.1, 0.3}, Hi: []float64{0.05, 0.3, 0.5}}
	p, err := plots.Probability(plots.Litepaper(), "P(captured_by_day)", "day", "probability", s)
	if err != nil {
		t.Fatal(err)
	}
	if p.Y.Min != 0 || p.Y.Max != 1 {
		t.Errorf("y axis [%v, %v], want [0, 1]", p.Y.Min, p.Y.Max)
	}
	if _, err := plots.SVGBytes(p, plots.DefaultWidth, plots.DefaultHeight); err != nil {
		t.Fatal(err)
	}
	bad := s
	bad.Lo = bad.Lo[:2]
	if _, err := plots.Probability(plots.Litepaper(), "t", "x", "y", bad); err == nil {
		t.Error("mismatched lengths accepted")
	}
}
