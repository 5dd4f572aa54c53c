package plots

import (
	"math"
	"slices"
	"sort"

	"github.com/seqsim/seqsim/internal/stats"
)

// SilvermanBandwidth returns Silverman's rule-of-thumb bandwidth for a
// Gaussian kernel,
//
//	h = 0.9 · min(sd, IQR/1.34) · n^(−1/5)
//
// (Silverman 1986, Density Estimation for Statistics and Data Analysis,
// eq. 3.31), with sd the sample standard deviation (n − 1 denominator) and
// IQR from type-7 quantiles (internal/stats.QuantileSorted, the one
// the summaries quote). When the IQR is 0 but sd is
// not (more than half the values tied), sd alone is used, as R's bw.nrd0
// does. It returns 0 for fewer than two values or no spread, and NaN if
// any value is NaN.
func SilvermanBandwidth(values []float64) float64 {
	n := len(values)
	if n < 2 {
		return 0
	}
	s := sortedCopy(values)
	if math.IsNaN(s[n-1]) || math.IsNaN(s[0]) {
		return math.NaN()
	}
	sd := stdDev(values)
	iqr := stats.QuantileSorted(s, 0.75) - stats.QuantileSorted(s, 0.25)
	spread := sd
	if iqr > 0 {
		spread = math.Min(sd, iqr/1.34)
	}
	return 0.9 * spread * math.Pow(float64(n), -0.2)
}

// kdeCutoff: kernels are summed only over values within this many
// bandwidths of x. φ(10)/φ(0) = e^(−50) ≈ 2e−22, far below float64
// resolution relative to the peak, so the truncation is invisible.
const kdeCutoff = 10

// KDE evaluates the Gaussian kernel density estimate of values with
// bandwidth bw at each point of xs:
//
//	f(x) = 1/(n·bw) · Σᵢ φ((x − valuesᵢ)/bw),  φ(u) = exp(−u²/2)/√(2π)
//
// The result integrates to 1 over the real line and has the unit
// 1/unit-of-values. Terms further than 10·bw from x are skipped (they are
// below 2e−22 of the peak); the sum runs over sorted values, so the result
// does not depend on the order of values. KDE panics if values is empty,
// bw is not a positive finite number, or a value is NaN: these are
// programming errors, checked by the chart builders before they call it.
func KDE(values []float64, bw float64, xs []float64) []float64 {
	if len(values) == 0 {
		panic("plots: KDE: no values")
	}
	if !(bw > 0) || math.IsInf(bw, 0) {
		panic("plots: KDE: bandwidth must be positive and finite")
	}
	s := sortedCopy(values)
	if math.IsNaN(s[0]) || math.IsNaN(s[len(s)-1]) {
		panic("plots: KDE: NaN value")
	}
	norm := 1 / (float64(len(s)) * bw * math.Sqrt(2*math.Pi))
	out := make([]float64, len(xs))
	for j, x := range xs {
		lo := sort.SearchFloat64s(s, x-kdeCutoff*bw)
		var sum float64
		for _, v := range s[lo:] {
			u := (x - v) / bw
			if u < -kdeCutoff {
				break
			}
			sum += math.Exp(-0.5 * u * u)
		}
		out[j] = sum * norm
	}
	return out
}

func sortedCopy(v []float64) []float64 {
	s := slices.Clone(v)
	slices.Sort(s) // NaNs sort first
	return s
}

// mean uses a compensated (Neumaier) sum so the result does not drift with n.
func mean(v []float64) float64 {
	var sum, comp float64
	for _, x := range v {
		t := sum + x
		if math.Abs(sum) >= math.Abs(x) {
			comp += (sum - t) + x
		} else {
			comp += (x - t) + sum
		}
		sum = t
	}
	return (sum + comp) / float64(len(v))
}

// stdDev is the sample standard deviation (n − 1 denominator), two-pass.
func stdDev(v []float64) float64 {
	if len(v) < 2 {
		return 0
	}
	m := mean(v)
	var ss float64
	for _, x := range v {
		d := x - m
		ss += d * d
	}
	return math.Sqrt(ss / float64(len(v)-1))
}

// binRule names how [Distribution] chose its histogram bins.
type binRule string

// Bin rules.
const (
	// freedmanDiaconis: bin width 2·IQR·n^(−1/3) (Freedman & Diaconis 1981).
	freedmanDiaconis binRule = "Freedman–Diaconis"
	// sturges: ⌈log₂ n⌉ + 1 bins (Sturges 1926), used when the IQR is 0.
	sturges binRule = "Sturges"
	// fixedBins: the caller chose the count.
	fixedBins binRule = "fixed"
)

// Histogram bin counts are clamped to this range: fewer than 5 bins hide
// the shape, more than 200 are thinner than a printed line at column width.
const minBins, maxBins = 5, 200

// binCount returns the number of equal-width bins for sorted values s
// (Freedman–Diaconis, or Sturges when the IQR is 0), clamped to
// [minBins, maxBins].
func binCount(s []float64) (int, binRule) {
	n := len(s)
	span := s[n-1] - s[0]
	iqr := stats.QuantileSorted(s, 0.75) - stats.QuantileSorted(s, 0.25)
	var k int
	rule := freedmanDiaconis
	if iqr > 0 {
		w := 2 * iqr * math.Pow(float64(n), -1.0/3)
		k = int(math.Ceil(span / w))
	} else {
		rule = sturges
		k = int(math.Ceil(math.Log2(float64(n)))) + 1
	}
	return max(minBins, min(maxBins, k)), rule
}
