// Package stats holds the statistics seqsim reports, written once so that
// summary.md, the terminal summary and report.html show the same numbers:
// the exact per-outcome row of a summary ([NewOutcome]: mean with its
// normal 95% interval, type 7 percentiles, exceedance probabilities with
// Wilson intervals), and the formulas it is made of ([MeanCI], [Mean],
// [Wilson], [Z95], and the type 7 percentile [Quantile], [QuantileSorted]).
// It is internal so that both the command (which writes summaries) and the
// report (which reads output folders) can use it without the report
// importing the engine.
//
// It is a leaf: it imports only the standard library, so that the charts
// (plots) and the sensitivity bootstrap (engine/sensitivity) can take their
// percentiles from here too (internal/archtest holds it to that).
package stats
