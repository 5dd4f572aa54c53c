package stats

import "math"

// Wilson returns the proportion k/n and its Wilson score interval at 95%
// (Wilson 1927). Unlike the normal approximation it stays inside [0, 1]
// and is not empty at k = 0 or k = n. n ≤ 0, k < 0 or k > n gives NaN for
// all three.
func Wilson(k, n int) (p, lo, hi float64) {
	if n <= 0 || k < 0 || k > n {
		return math.NaN(), math.NaN(), math.NaN()
	}
	nn := float64(n)
	p = float64(k) / nn
	d := 1 + Z95*Z95/nn
	centre := (p + Z95*Z95/(2*nn)) / d
	half := Z95 * math.Sqrt(p*(1-p)/nn+Z95*Z95/(4*nn*nn)) / d
	return p, max(centre-half, 0), min(centre+half, 1)
}
