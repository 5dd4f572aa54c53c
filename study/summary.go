package study

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"text/tabwriter"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/stats"
	"github.com/seqsim/seqsim/study/folder"
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

// outcomes returns the summary row of every outcome at point p (mean with
// its 95% interval, exact percentiles, risks with Wilson intervals) from
// every run's value, by the function report.html uses: the summaries and
// the report show the same numbers.
func outcomes(rr *runResult, p int) []stats.Outcome {
	out := make([]stats.Outcome, len(rr.schema.Outcomes))
	for i, m := range rr.schema.Outcomes {
		out[i] = stats.NewOutcome(rr.values[p][i], m.RiskAbove)
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

// pct formats a percentile: exactly when whole ([stats.Whole]: counts and
// 0/1 outcomes), else as num.
func pct(v float64) string {
	if s, ok := stats.Whole(v); ok {
		return s
	}
	return num(v)
}

// printSummary prints, per point, each outcome's mean with its 95% interval
// and p5, p50, p95, then the risk probabilities; for a sensitivity study,
// the indices.
func printSummary(w io.Writer, rr *runResult) {
	e := rr.exp.Experiment
	fmt.Fprintf(w, "\n%s: %d points x %s, seed %d\n", e.Name, rr.plan.Points, runsPerPoint(rr), e.Seed)
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
		rows := outcomes(rr, p)
		for i, m := range rr.schema.Outcomes {
			o := &rows[i]
			fmt.Fprintf(tw, "%s\t%s\t±%s\t%s\t%s\t%s\t%s\t\n", m.Name, num(o.Mean), num(o.Half),
				pct(o.P05), pct(o.P50), pct(o.P95), m.Unit)
		}
		tw.Flush()
		for i, m := range rr.schema.Outcomes {
			for _, r := range rows[i].Risks {
				fmt.Fprintf(w, "P(%s > %g) = %.3f  [%.3f, %.3f]  (%d of %d runs)\n", m.Name, r.Threshold, r.P, r.Lo, r.Hi, r.K, r.N)
			}
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
			fmt.Fprintln(tw, "parameter\ty at low\ty at high\tswing\t95% CI of high - low\t")
			for _, b := range r.oat.Bars {
				how := "unpaired"
				if b.Paired {
					how = "paired"
				}
				fmt.Fprintf(tw, "%s\t%.4g\t%.4g\t%.4g\t±%.4g (%s)\t\n", b.Name, b.YLo, b.YHi, b.Swing, b.Half, how)
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
	fmt.Fprintf(&b, "%d points x %s, seed %d, experiment hash `%s`.\n", rr.plan.Points, runsPerPoint(rr), e.Seed, rr.hash[:16])
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
		rows := outcomes(rr, p)
		for i, m := range rr.schema.Outcomes {
			for _, r := range rows[i].Risks {
				fmt.Fprintf(&b, "| %s > %g | %.3f | [%.3f, %.3f] | %d of %d |\n", m.Name, r.Threshold, r.P, r.Lo, r.Hi, r.K, r.N)
			}
		}
		fmt.Fprintln(&b, "\n| outcome | mean | 95% CI | p5 | p50 | p95 | unit |\n|---|---:|---:|---:|---:|---:|---|")
		for i, m := range rr.schema.Outcomes {
			o := &rows[i]
			fmt.Fprintf(&b, "| %s | %s | ±%s | %s | %s | %s | %s |\n", m.Name, num(o.Mean), num(o.Half),
				pct(o.P05), pct(o.P50), pct(o.P95), m.Unit)
		}
	}
	fmt.Fprintln(&b, "\nMeans with normal 95% confidence intervals; percentiles exact over every run (type 7 interpolation); probabilities with Wilson 95% intervals: the numbers of report.html.")
	pairedMarkdown(&b, rr)
	if rr.plan.Points == 1 {
		fmt.Fprint(&b, "\n## Charts\n\n")
		for _, m := range charted(rr.schema.Series) {
			fmt.Fprintf(&b, "![%s](%s/%s.svg)\n", m.Name, folder.Plots, folder.FanChart(m.Name))
		}
		for _, m := range charted(rr.schema.Outcomes) {
			fmt.Fprintf(&b, "![%s](%s/%s.svg)\n", m.Name, folder.Plots, folder.DistChart(m.Name))
		}
	}
	return b.Bytes()
}

// maxPairedPoints is the most points summary.md lists differences for,
// as the report compares at most this many columns.
const maxPairedPoints = 12

// pairedMarkdown writes, for a study of 2 to 12 points run on common
// random numbers, each point's differences from the first point, outcome
// by outcome: the mean of the per-run differences with its paired 95%
// interval (run r of every point has the same seed), the share of runs in
// which the point is higher, and, when the interval holds 0, the runs per
// point that would resolve the observed difference at its observed spread.
// Without common random numbers the runs do not pair and nothing is
// written: report.html shows unpaired differences then.
func pairedMarkdown(b *bytes.Buffer, rr *runResult) {
	n := rr.plan.Points
	if n < 2 || n > maxPairedPoints || !rr.exp.Experiment.CommonRandomNumbers {
		return
	}
	ref := pointLabel(rr.plan, 0)
	fmt.Fprintf(b, "\n## Differences from %s (paired)\n\nRun r of every point has the same seed (common random numbers), so each difference is the mean of the per-run differences, with its normal 95%% interval.\n", ref)
	for p := 1; p < n; p++ {
		fmt.Fprintf(b, "\n### %s\n\n| outcome | difference | 95%% CI | higher in | runs to resolve | unit |\n|---|---:|---:|---:|---:|---|\n", pointLabel(rr.plan, p))
		for i, m := range rr.schema.Outcomes {
			d := stats.Paired(rr.values[0][i], rr.values[p][i])
			if d.N < 2 {
				continue
			}
			need := ""
			if !d.Resolved() && d.Diff != 0 {
				if k := stats.RunsToResolve(d.SD, d.Diff); k > 0 {
					need = fmt.Sprint(k)
				}
			}
			fmt.Fprintf(b, "| %s | %s | ±%s | %.0f%% | %s | %s |\n", m.Name, num(d.Diff), num(d.Half), 100*d.BetterB, need, m.Unit)
		}
	}
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
