package search

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/seqsim/seqsim/engine/sensitivity"
	"github.com/seqsim/seqsim/internal/stats"
)

// Estimate is a statistic estimated from a candidate's replicates, with its
// confidence interval [Lo, Hi]. An interval that the replicates cannot
// bound (a mean from one replicate, an extreme quantile from few) is
// infinite on that side, never NaN.
//
//   - Mean: the sample mean, with Student's t interval
//     mean ± t(n−1)·s/√n (exact for normal outcomes; n ≥ 2).
//   - Probability: k/n, with the Wilson score interval (Wilson 1927), which
//     stays in [0, 1] and is not empty at k = 0 or n.
//   - Quantile: the type-7 sample quantile (internal/stats, as every seqsim
//     summary), with the distribution-free order-statistic interval
//     [x(r), x(s)], r, s = np ∓ z·√(np(1−p)) rounded outwards (Conover 1999,
//     "Practical Nonparametric Statistics", 3rd ed., sec. 3.2, the normal
//     approximation to the binomial).
//
// Objectives report two-sided intervals at the search's Level; constraints
// report the pair of one-sided bounds at their own Level (a two-sided
// interval at 2·Level − 1), which decide feasibility (see [Constraint]).
type Estimate struct {
	Value, Lo, Hi float64
}

// critical holds the critical values of one two-sided confidence level,
// computed once per replicate count: Student's t quantiles for the mean
// and the normal quantile for Wilson and order-statistic intervals.
type critical struct {
	level float64   // two-sided confidence level in (0, 1)
	z     float64   // Φ⁻¹((1+level)/2)
	t     []float64 // t[n] = t quantile (1+level)/2 with n−1 degrees of freedom, 0 = not yet computed
}

func newCritical(level float64) *critical {
	return &critical{level: level, z: distuv.UnitNormal.Quantile((1 + level) / 2)}
}

func (c *critical) tq(n int) float64 {
	if n >= len(c.t) {
		c.t = append(c.t, make([]float64, n+1-len(c.t))...)
	}
	if c.t[n] == 0 {
		// The upper (1+level)/2 quantile of Student's t with n−1 degrees
		// of freedom.
		c.t[n] = sensitivity.StudentT(c.level, float64(n-1))
	}
	return c.t[n]
}

// estimate computes s over the replicate values v (which it sorts in place
// for quantiles) at the critical values c.
func estimate(v []float64, s Stat, c *critical) Estimate {
	n := len(v)
	nn := float64(n)
	switch s.Kind {
	case StatProbability:
		k := 0
		for _, x := range v {
			if x > s.Threshold {
				k++
			}
		}
		p := float64(k) / nn
		z2 := c.z * c.z
		d := 1 + z2/nn
		centre := (p + z2/(2*nn)) / d
		half := c.z * math.Sqrt(p*(1-p)/nn+z2/(4*nn*nn)) / d
		return Estimate{Value: p, Lo: max(centre-half, 0), Hi: min(centre+half, 1)}
	case StatQuantile:
		slices.Sort(v)
		q := stats.QuantileSorted(v, s.P)
		e := Estimate{Value: q, Lo: math.Inf(-1), Hi: math.Inf(1)}
		np := nn * s.P
		w := c.z * math.Sqrt(np*(1-s.P))
		if r := int(math.Floor(np - w)); r >= 1 {
			e.Lo = v[r-1]
		}
		if r := int(math.Ceil(np + w)); r <= n {
			e.Hi = v[max(r, 1)-1]
		}
		e.Lo, e.Hi = min(e.Lo, q), max(e.Hi, q)
		return e
	}
	mean, half := stats.MeanCI(v) // half at 95% normal: recomputed below at the level with t
	if n < 2 {
		return Estimate{Value: mean, Lo: math.Inf(-1), Hi: math.Inf(1)}
	}
	half *= c.tq(n) / stats.Z95
	return Estimate{Value: mean, Lo: mean - half, Hi: mean + half}
}
