package stats

import (
	"math"
	"slices"
	"strconv"
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

// Percentile is the p-quantile shown for an outcome, of values already
// sorted: an order statistic when every value is a whole number (a count,
// a 0/1 indicator, a day, a code), so a median or a p95 is a value the
// runs took — 1, not 0.99, for an indicator that is mostly 1, and 4, not
// 4.015, for a count; otherwise [QuantileSorted] (type 7). The order
// statistic is Hyndman and Fan's (1996) type 1, the inverse of the
// empirical distribution function: the smallest value v with
// F(v) ≥ p. The summaries, the report's tables and the violins call it,
// so a number and its chart agree.
func Percentile(s []float64, p float64) float64 {
	if !wholeNumbers(s) {
		return QuantileSorted(s, p)
	}
	n := len(s)
	if n == 0 {
		return math.NaN()
	}
	// type 1: the k-th order statistic with k = ⌈np⌉, at least 1.
	k := int(math.Ceil(float64(n) * math.Max(0, math.Min(1, p))))
	return s[max(k, 1)-1]
}

// wholeNumbers reports whether every value is a whole number (no NaN).
func wholeNumbers(s []float64) bool {
	for _, v := range s {
		if v != math.Trunc(v) {
			return false
		}
	}
	return true
}

// Whole writes v exactly as an integer ("37", "1274") when it is a whole
// number of magnitude below 10⁶ — a percentile of counts, days or a 0/1
// indicator ([Percentile] keeps them whole) — and reports whether it did.
// The summaries and the report print such values with it, so a count is
// never shown as 36.5, 1.00 or 1.27k.
func Whole(v float64) (string, bool) {
	if v != math.Trunc(v) || math.Abs(v) >= 1e6 {
		return "", false
	}
	return strconv.FormatFloat(v, 'f', 0, 64), true
}
