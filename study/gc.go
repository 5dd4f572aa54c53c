package study

import (
	"os"
	"runtime/debug"
)

// runGCPercent is the collector's heap growth target while runs go on
// (GOGC; Go's default is 100). Nearly all of the heap is then the series
// bands: large, long-lived and free of pointers, so a collection has
// little to scan, and a goal 25% above the live heap instead of 100%
// keeps the peak memory near what the bands need (docs/performance.md).
const runGCPercent = 25

// tightenGC sets runGCPercent unless the user set GOGC, and returns the
// function that restores the previous setting.
func tightenGC() (restore func()) {
	if _, set := os.LookupEnv("GOGC"); set {
		return func() {}
	}
	old := debug.SetGCPercent(runGCPercent)
	return func() { debug.SetGCPercent(old) }
}
