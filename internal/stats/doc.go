// Package stats holds the small statistical formulas that both the engine
// (which writes summaries) and the report (which reads output folders)
// need, so that they are written once: the package boundaries keep the
// report from importing the engine.
package stats
