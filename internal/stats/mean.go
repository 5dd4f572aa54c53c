package stats

import "math"

// Z95 is the two-sided 95% quantile of the standard normal distribution,
// Φ⁻¹(0.975) to float64 precision (TestZ95 checks it against gonum's
// distuv.UnitNormal.Quantile). Every 95% interval seqsim reports uses it;
// the rounded 1.96 would make intervals 0.002% wider.
const Z95 = 1.959963984540054

// MeanCI returns the mean of the values that are not NaN and the
// half-width of its normal 95% confidence interval, Z95·s/√n with the
// sample standard deviation s. No value gives NaN, NaN; one value gives
// its value and a NaN half-width.
//
// The mean is the sum over n, summed in the order of values: the same
// values in the same order give the same bits, and sums that are exact
// (counts, 0/1 outcomes) give equal means for equal multisets. s² is the
// corrected two-pass formula (Chan, Golub and LeVeque 1983):
// (Σd² − (Σd)²/n)/(n−1) with d the deviations from that mean, so values
// far from 0 keep their variance and runs that all give one value give a
// half-width of 0, not the rounding error of their sum.
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
	var ss, dev float64
	for _, v := range values {
		if !math.IsNaN(v) {
			d := v - mean
			ss += d * d
			dev += d
		}
	}
	return mean, Z95 * math.Sqrt(max(ss-dev*dev/n, 0)/(n-1)/n)
}

// Mean returns the mean of values as [MeanCI] computes it, but NaN when
// any value is NaN (or there is none): for an input to an analysis, where
// a run without a value must not be averaged away.
func Mean(values []float64) float64 {
	for _, v := range values {
		if math.IsNaN(v) {
			return math.NaN()
		}
	}
	mean, _ := MeanCI(values)
	return mean
}
