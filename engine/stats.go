package engine

import (
	"math"

	"github.com/seqsim/seqsim/internal/stats"
)

// ColumnStats summarises one outcome column over runs in constant memory:
// an exact mean (fixed-point sum), the variance, and quantiles within
// SketchAccuracy. Rows reach it in unit order (a run, a merge and a resume
// all replay runs.csv order), so the float64 sum of squares is
// deterministic too; it is a float because squares of large USD values
// overflow the fixed-point range.
type ColumnStats struct {
	Sketch     Sketch
	Sum        FixedSum
	SumSq      float64
	N, Missing uint64
	Above      []uint64  // counts of values above each threshold
	Thresholds []float64 // set before adding values
}

// Add records one run's value; NaN counts as missing.
func (c *ColumnStats) Add(v float64) {
	if math.IsNaN(v) {
		c.Missing++
		return
	}
	c.N++
	c.Sketch.Add(v)
	c.Sum.Add(v)
	c.SumSq += v * v
	if len(c.Above) < len(c.Thresholds) {
		c.Above = make([]uint64, len(c.Thresholds))
	}
	for i, t := range c.Thresholds {
		if v > t {
			c.Above[i]++
		}
	}
}

// Mean returns the mean and the half-width of its normal 95% confidence
// interval (1.96 standard errors).
func (c *ColumnStats) Mean() (mean, half float64) {
	if c.N == 0 {
		return math.NaN(), math.NaN()
	}
	n := float64(c.N)
	mean = c.Sum.Float() / n
	if c.N < 2 {
		return mean, math.NaN()
	}
	v := (c.SumSq - n*mean*mean) / (n - 1)
	return mean, 1.96 * math.Sqrt(max(v, 0)/n)
}

// Wilson returns the Wilson score interval at 95% for k successes in n
// trials (Wilson 1927), the interval the report gives for probabilities.
func Wilson(k, n uint64) (p, lo, hi float64) { return stats.Wilson(k, n) }
