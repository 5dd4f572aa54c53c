package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"text/tabwriter"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/engine"
)

// printSummary prints each outcome's mean with its 95% interval and p5, p50,
// p95, then the risk probabilities with Wilson intervals.
func printSummary(w io.Writer, rr *runResult) {
	fmt.Fprintf(w, "\n%s: %d runs, seed %d\n\n", rr.exp.Experiment.Name, rr.runs, rr.exp.Experiment.Seed)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "outcome\tmean\t95% CI\tp5\tp50\tp95\tunit\t")
	for i, m := range agents.OutcomeMetrics {
		s := &rr.stats[i]
		mean, half := s.Mean()
		fmt.Fprintf(tw, "%s\t%s\t±%s\t%s\t%s\t%s\t%s\t\n", m.Name, num(mean), num(half),
			num(s.Sketch.Quantile(0.05)), num(s.Sketch.Quantile(0.5)), num(s.Sketch.Quantile(0.95)), m.Unit)
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, r := range risks(rr) {
		fmt.Fprintf(w, "P(%s > %g) = %.3f  [%.3f, %.3f]  (%d of %d runs)\n", r.metric, r.threshold, r.p, r.lo, r.hi, r.k, r.n)
	}
}

type risk struct {
	metric    string
	threshold float64
	p, lo, hi float64
	k, n      uint64
}

func risks(rr *runResult) []risk {
	var out []risk
	for i, m := range agents.OutcomeMetrics {
		s := &rr.stats[i]
		for j, t := range s.Thresholds {
			var k uint64
			if j < len(s.Above) {
				k = s.Above[j]
			}
			p, lo, hi := engine.Wilson(k, s.N)
			out = append(out, risk{metric: m.Name, threshold: t, p: p, lo: lo, hi: hi, k: k, n: s.N})
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

// summaryMarkdown is summary.md: the same table and risks in Markdown.
func summaryMarkdown(rr *runResult) []byte {
	var b bytes.Buffer
	e := rr.exp.Experiment
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", e.Name, e.Description)
	fmt.Fprintf(&b, "%d runs, seed %d, experiment hash `%s`.\n\n", rr.runs, e.Seed, rr.hash[:16])
	fmt.Fprintln(&b, "## Risks\n\n| event | probability | 95% interval (Wilson) | runs |\n|---|---:|---:|---:|")
	for _, r := range risks(rr) {
		fmt.Fprintf(&b, "| %s > %g | %.3f | [%.3f, %.3f] | %d of %d |\n", r.metric, r.threshold, r.p, r.lo, r.hi, r.k, r.n)
	}
	fmt.Fprintln(&b, "\n## Outcomes\n\n| outcome | mean | 95% CI | p5 | p50 | p95 | unit |\n|---|---:|---:|---:|---:|---:|---|")
	for i, m := range agents.OutcomeMetrics {
		s := &rr.stats[i]
		mean, half := s.Mean()
		fmt.Fprintf(&b, "| %s | %s | ±%s | %s | %s | %s | %s |\n", m.Name, num(mean), num(half),
			num(s.Sketch.Quantile(0.05)), num(s.Sketch.Quantile(0.5)), num(s.Sketch.Quantile(0.95)), m.Unit)
	}
	fmt.Fprintln(&b, "\nQuantiles are within 1% (relative) of the exact sample quantiles (DDSketch).")
	fmt.Fprint(&b, "\n## Charts\n\n")
	for _, m := range charted(agents.SeriesMetrics[:]) {
		fmt.Fprintf(&b, "![%s](plots/fan_%s.svg)\n", m.Name, m.Name)
	}
	for _, m := range charted(agents.OutcomeMetrics[:]) {
		fmt.Fprintf(&b, "![%s](plots/dist_%s.svg)\n", m.Name, m.Name)
	}
	return b.Bytes()
}
