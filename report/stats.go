package report

import (
	"math"
	"slices"

	"github.com/seqsim/seqsim/internal/stats"
	"github.com/seqsim/seqsim/plots"
)

// z95 is the two-sided 95% quantile of the standard normal distribution.
const z95 = stats.Z95

// Wilson returns the proportion k/n and its Wilson score interval at 95%
// (Wilson 1927, the same formula as engine.Wilson). Unlike the normal
// approximation it stays inside [0, 1] and is not empty at k = 0 or k = n.
// n = 0 gives NaN for all three.
func Wilson(k, n int) (p, lo, hi float64) {
	if n <= 0 || k < 0 || k > n {
		return math.NaN(), math.NaN(), math.NaN()
	}
	return stats.Wilson(uint64(k), uint64(n))
}

// MeanCI returns the mean of values and the half-width of its normal 95%
// confidence interval, z·s/√n with the sample standard deviation s. NaN
// values are skipped. No value gives NaN, NaN; one value gives its value
// and a NaN half-width.
func MeanCI(values []float64) (mean, half float64) {
	var n, sum float64
	for _, v := range values {
		if !math.IsNaN(v) {
			n++
			sum += v
		}
	}
	if n == 0 {
		return math.NaN(), math.NaN()
	}
	mean = sum / n
	if n < 2 {
		return mean, math.NaN()
	}
	var ss float64 // two-pass: no cancellation for values far from 0
	for _, v := range values {
		if !math.IsNaN(v) {
			ss += (v - mean) * (v - mean)
		}
	}
	return mean, z95 * math.Sqrt(ss/(n-1)/n)
}

// outcomeStats summarises one outcome at one point, exactly, from the
// values of its runs.
type outcomeStats struct {
	values        []float64 // finite values, sorted
	n, missing    int
	mean, half    float64 // normal 95% CI: mean ± half
	p05, p50, p95 float64 // type 7 quantiles
	risks         []riskStat
}

// riskStat is P(value > threshold) among the runs with a value.
type riskStat struct {
	threshold float64
	k, n      int
	p, lo, hi float64 // Wilson 95%
}

func newOutcomeStats(values []float64, thresholds []float64) outcomeStats {
	s := outcomeStats{}
	for _, v := range values {
		if math.IsNaN(v) {
			s.missing++
		} else {
			s.values = append(s.values, v)
		}
	}
	s.n = len(s.values)
	s.mean, s.half = MeanCI(s.values)
	slices.Sort(s.values)
	s.p05, s.p50, s.p95 = math.NaN(), math.NaN(), math.NaN()
	if s.n > 0 {
		s.p05, s.p50, s.p95 = plots.Quantile(s.values, 0.05), plots.Quantile(s.values, 0.5), plots.Quantile(s.values, 0.95)
	}
	for _, t := range thresholds {
		// values are sorted: the count above t is what lies past the
		// last value ≤ t.
		i, found := slices.BinarySearch(s.values, t)
		for found && i < s.n && s.values[i] == t {
			i++
		}
		k := s.n - i
		r := riskStat{threshold: t, k: k, n: s.n}
		r.p, r.lo, r.hi = Wilson(k, s.n)
		s.risks = append(s.risks, r)
	}
	return s
}
