package main

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/plots"
)

// charted returns the metrics whose Chart flag is set.
func charted(ms []agents.Metric) []agents.Metric {
	var out []agents.Metric
	for _, m := range ms {
		if m.Chart {
			out = append(out, m)
		}
	}
	return out
}

// writePlots draws every chart of a single-point run into dir as SVG, PNG
// and PDF.
func writePlots(dir string, rr *runResult) error {
	th := plots.Litepaper()
	for _, m := range charted(agents.SeriesMetrics[:]) {
		name := m.Name
		band, err := bandOf(rr.bands, 0, name)
		if err != nil {
			return err
		}
		p, err := plots.FanChart(th, m.Doc, "day", plots.WithUnit(name, m.Unit), band)
		if err != nil {
			return fmt.Errorf("plot %s: %w", name, err)
		}
		if err := plots.Save(p, dir, "fan_"+name, th.Width, th.Height); err != nil {
			return err
		}
	}
	cols, err := readRunColumns(filepath.Join(filepath.Dir(dir), "runs.csv"))
	if err != nil {
		return err
	}
	for _, m := range charted(agents.OutcomeMetrics[:]) {
		vals := finite(cols[m.Name])
		if len(vals) < 2 {
			continue // e.g. no cliff in the horizon: nothing to draw
		}
		label := plots.WithUnit(m.Name, m.Unit)
		p, err := plots.Distribution(th, m.Doc, label, vals, plots.DistOptions{LowerTail: m.LowerTail})
		if err != nil {
			return fmt.Errorf("plot %s: %w", m.Name, err)
		}
		if err := plots.Save(p, dir, "dist_"+m.Name, th.Width, th.Height); err != nil {
			return err
		}
		e, err := plots.ECDF(th, "ECDF of "+m.Name, label, plots.Sample{Values: vals})
		if err != nil {
			return fmt.Errorf("plot %s: %w", m.Name, err)
		}
		if err := plots.Save(e, dir, "ecdf_"+m.Name, th.Width, th.Height); err != nil {
			return err
		}
	}
	return nil
}

// bandOf extracts one metric's quantile band of a point from the bands.
func bandOf(b *engine.Bands, point int, name string) (plots.Band, error) {
	j := -1
	for i, n := range b.Schema.Series {
		if n == name {
			j = i
		}
	}
	if j < 0 {
		return plots.Band{}, fmt.Errorf("no series %q", name)
	}
	n := b.KeptSteps()
	band := plots.Band{X: make([]float64, n), P05: make([]float64, n), P25: make([]float64, n),
		P50: make([]float64, n), P75: make([]float64, n), P95: make([]float64, n), Mean: make([]float64, n)}
	for k := range n {
		st := b.Stat(point, k, j)
		band.X[k] = float64(b.KeptStep(k))
		band.P05[k], band.P25[k], band.P50[k], band.P75[k], band.P95[k] = st.Q[0], st.Q[1], st.Q[2], st.Q[3], st.Q[4]
		band.Mean[k] = st.Mean
	}
	return band, nil
}

// readRunColumns reads runs.csv into columns by header name; empty fields
// are NaN.
func readRunColumns(path string) (map[string][]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	cols := map[string][]float64{}
	for j, name := range rows[0] {
		col := make([]float64, 0, len(rows)-1)
		for _, r := range rows[1:] {
			v := math.NaN()
			if r[j] != "" {
				if v, err = strconv.ParseFloat(r[j], 64); err != nil {
					return nil, fmt.Errorf("%s: column %s: %w", path, name, err)
				}
			}
			col = append(col, v)
		}
		cols[name] = col
	}
	return cols, nil
}

func finite(xs []float64) []float64 {
	out := make([]float64, 0, len(xs))
	for _, x := range xs {
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			out = append(out, x)
		}
	}
	return out
}
