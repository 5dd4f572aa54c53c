// Package stats holds the statistics seqsim reports, written once so that
// summary.md, the terminal summary and report.html show the same numbers:
// the exact per-outcome row of a summary ([NewOutcome]: mean with its
// normal 95% interval, type 7 percentiles, exceedance probabilities with
// Wilson intervals), and the formulas it is made of ([MeanCI], [Mean],
// [Wilson], [Z95]; percentiles are plots.Quantile, the one the charts
// draw). It is internal so that both the command (which writes summaries)
// and the report (which reads output folders) can use it without the
// report importing the engine.
package stats
