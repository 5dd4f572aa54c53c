package study

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/experiments"
)

// pointLabel names point p for tables and legends: its scenario and swept
// values.
func pointLabel(pl *experiments.Plan, p int) string {
	if pl.Points == 1 {
		return "all runs"
	}
	var parts []string
	for i, c := range pl.Row(p) {
		if pl.Columns[i] == "scenario" {
			parts = append(parts, c)
		} else {
			parts = append(parts, shortPath(pl.Columns[i])+"="+c)
		}
	}
	return strings.Join(parts, " ")
}

// shortPath keeps the last two segments of a dotted path.
func shortPath(p string) string {
	parts := strings.Split(p, ".")
	if len(parts) > 2 {
		parts = parts[len(parts)-2:]
	}
	return strings.Join(parts, ".")
}

// risk is an exceedance probability of one outcome at one point.
type risk struct {
	metric    string
	threshold float64
	p, lo, hi float64
	k, n      uint64
}

// risks lists the exceedance probabilities of point p with Wilson intervals.
func risks(rr *runResult, p int) []risk {
	var out []risk
	for i, m := range rr.schema.Outcomes {
		s := &rr.stats[p][i]
		for j, t := range s.Thresholds {
			var k uint64
			if j < len(s.Above) {
				k = s.Above[j]
			}
			pr, lo, hi := engine.Wilson(k, s.N)
			out = append(out, risk{metric: m.Name, threshold: t, p: pr, lo: lo, hi: hi, k: k, n: s.N})
		}
	}
	return out
}

// num formats a value with 4 significant digits; NaN as "-".
func num(v float64) string {
	if math.IsNaN(v) {
		return "-"
	}
	return fmt.Sprintf("%.4g", v)
}

// printSummary prints, per point, each outcome's mean with its 95% interval
// and p5, p50, p95, then the risk probabilities; for a sensitivity study,
// the indices.
func printSummary(w io.Writer, rr *runResult) {
	e := rr.exp.Experiment
	fmt.Fprintf(w, "\n%s: %d points x %d runs, seed %d\n", e.Name, rr.plan.Points, rr.plan.Runs, e.Seed)
	if rr.sens != nil {
		printSensitivity(w, rr)
		return
	}
	for p := range rr.plan.Points {
		if p >= 12 {
			fmt.Fprintf(w, "\n... %d more points in summary.md and runs.csv\n", rr.plan.Points-p)
			break
		}
		fmt.Fprintf(w, "\n[%s]\n", pointLabel(rr.plan, p))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "outcome\tmean\t95% CI\tp5\tp50\tp95\tunit\t")
		for i, m := range rr.schema.Outcomes {
			s := &rr.stats[p][i]
			mean, half := s.Mean()
			fmt.Fprintf(tw, "%s\t%s\t±%s\t%s\t%s\t%s\t%s\t\n", m.Name, num(mean), num(half),
				num(s.Sketch.Quantile(0.05)), num(s.Sketch.Quantile(0.5)), num(s.Sketch.Quantile(0.95)), m.Unit)
		}
		tw.Flush()
		for _, r := range risks(rr, p) {
			fmt.Fprintf(w, "P(%s > %g) = %.3f  [%.3f, %.3f]  (%d of %d runs)\n", r.metric, r.threshold, r.p, r.lo, r.hi, r.k, r.n)
		}
	}
}

// printSensitivity prints each outcome's sensitivity indices.
func printSensitivity(w io.Writer, rr *runResult) {
	for _, r := range rr.sens {
		fmt.Fprintf(w, "\n%s", r.metric)
		if !math.IsNaN(r.noise) {
			fmt.Fprintf(w, " (seed noise: %.1f%% of its variance)", 100*r.noise)
		}
		fmt.Fprintln(w)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		switch {
		case r.sobol != nil:
			fmt.Fprintln(tw, "parameter\tS1\t95% CI\tST\t95% CI\t")
			for i, n := range r.sobol.Names {
				s := r.sobol
				fmt.Fprintf(tw, "%s\t%.4f\t[%.4f, %.4f]\t%.4f\t[%.4f, %.4f]\t\n", n, s.S1[i], s.S1Lo[i], s.S1Hi[i], s.ST[i], s.STLo[i], s.STHi[i])
			}
		case r.morris != nil:
			fmt.Fprintln(tw, "parameter\tmu*\t95% CI\tsigma\t")
			for i, n := range r.morris.Names {
				m := r.morris
				fmt.Fprintf(tw, "%s\t%.4g\t[%.4g, %.4g]\t%.4g\t\n", n, m.MuStar[i], m.MuStarLo[i], m.MuStarHi[i], m.Sigma[i])
			}
		case r.oat != nil:
			fmt.Fprintln(tw, "parameter\ty at low\ty at high\tswing\t")
			for _, b := range r.oat.Bars {
				fmt.Fprintf(tw, "%s\t%.4g\t%.4g\t%.4g\t\n", b.Name, b.YLo, b.YHi, b.Swing)
			}
		default:
			fmt.Fprintf(tw, "%s\t\n", r.note)
		}
		tw.Flush()
		for _, warn := range warnings(r) {
			fmt.Fprintf(w, "warning: %s\n", warn)
		}
	}
}

// warnings are the estimator's warnings about r (too few points, ...).
func warnings(r sensitivityResult) []string {
	switch {
	case r.sobol != nil:
		return r.sobol.Warnings
	case r.morris != nil:
		return r.morris.Warnings
	}
	return nil
}

// summaryMarkdown is summary.md: the same tables in Markdown, with charts.
func summaryMarkdown(rr *runResult) []byte {
	var b bytes.Buffer
	e := rr.exp.Experiment
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", e.Name, e.Description)
	fmt.Fprintf(&b, "%d points x %d runs, seed %d, experiment hash `%s`.\n", rr.plan.Points, rr.plan.Runs, e.Seed, rr.hash[:16])
	if rr.plan.Notice != "" {
		fmt.Fprintf(&b, "\nNote: %s\n", rr.plan.Notice)
	}
	if rr.sens != nil {
		b.WriteString("\n```\n")
		printSensitivity(&b, rr)
		b.WriteString("```\n\nFull indices with intervals: `sensitivity.csv`.\n")
		return b.Bytes()
	}
	for p := range rr.plan.Points {
		fmt.Fprintf(&b, "\n## %s\n\n| event | probability | 95%% interval (Wilson) | runs |\n|---|---:|---:|---:|\n", pointLabel(rr.plan, p))
		for _, r := range risks(rr, p) {
			fmt.Fprintf(&b, "| %s > %g | %.3f | [%.3f, %.3f] | %d of %d |\n", r.metric, r.threshold, r.p, r.lo, r.hi, r.k, r.n)
		}
		fmt.Fprintln(&b, "\n| outcome | mean | 95% CI | p5 | p50 | p95 | unit |\n|---|---:|---:|---:|---:|---:|---|")
		for i, m := range rr.schema.Outcomes {
			s := &rr.stats[p][i]
			mean, half := s.Mean()
			fmt.Fprintf(&b, "| %s | %s | ±%s | %s | %s | %s | %s |\n", m.Name, num(mean), num(half),
				num(s.Sketch.Quantile(0.05)), num(s.Sketch.Quantile(0.5)), num(s.Sketch.Quantile(0.95)), m.Unit)
		}
	}
	fmt.Fprintln(&b, "\nQuantiles are within 1% (relative) of the exact sample quantiles (DDSketch).")
	if rr.plan.Points == 1 {
		fmt.Fprint(&b, "\n## Charts\n\n")
		for _, m := range charted(rr.schema.Series) {
			fmt.Fprintf(&b, "![%s](plots/fan_%s.svg)\n", m.Name, m.Name)
		}
		for _, m := range charted(rr.schema.Outcomes) {
			fmt.Fprintf(&b, "![%s](plots/dist_%s.svg)\n", m.Name, m.Name)
		}
	}
	return b.Bytes()
}

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
