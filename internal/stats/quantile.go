package stats

import (
	"math"
	"slices"
)

// Quantile returns the p-quantile (0 ≤ p ≤ 1) of values by linear
// interpolation between order statistics: Hyndman and Fan (1996) type 7,
// the default of R and NumPy. values need not be sorted (a sorted copy is
// made; NaNs sort first). It returns NaN for no values.
func Quantile(values []float64, p float64) float64 {
	s := slices.Clone(values)
	slices.Sort(s)
	return QuantileSorted(s, p)
}

// QuantileSorted is [Quantile] of values already sorted in increasing
// order, which it does not copy: callers that take several quantiles of
// one sample sort it once. Position h = (n−1)p, p clamped to [0, 1], is
// interpolated between its neighbours. No values give NaN.
//
// This is the only quantile of a sample in seqsim: the summaries, the
// report's tables, the charts (fans, violins, tail risk, KDE bandwidth)
// and the bootstrap intervals of the sensitivity indices all call it, so
// they agree to the bit.
func QuantileSorted(s []float64, p float64) float64 {
	n := len(s)
	switch n {
	case 0:
		return math.NaN()
	case 1:
		return s[0]
	}
	h := float64(n-1) * math.Max(0, math.Min(1, p))
	i := int(math.Floor(h))
	if i >= n-1 {
		return s[n-1]
	}
	return s[i] + (h-float64(i))*(s[i+1]-s[i])
}
