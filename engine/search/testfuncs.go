package search

import "math"

// ZDT1 writes the two objectives of Zitzler, Deb and Thiele's test problem
// ZDT1 ("Comparison of multiobjective evolutionary algorithms: empirical
// results", Evol. Comput. 8(2), 2000) at x ∈ [0, 1]^n, n ≥ 2, into f:
// f1 = x1, g = 1 + 9·Σ_{i≥2} x_i/(n−1), f2 = g·(1 − √(f1/g)), both
// minimised. Its Pareto front is convex: x_i = 0 for i ≥ 2 and
// f2 = 1 − √f1, f1 ∈ [0, 1].
func ZDT1(x, f []float64) {
	g := zdtG(x)
	f[0] = x[0]
	f[1] = g * (1 - math.Sqrt(x[0]/g))
}

// ZDT2 is [ZDT1] with a non-convex front: f2 = g·(1 − (f1/g)²), front
// f2 = 1 − f1².
func ZDT2(x, f []float64) {
	g := zdtG(x)
	f[0] = x[0]
	f[1] = g * (1 - (x[0]/g)*(x[0]/g))
}

func zdtG(x []float64) float64 {
	var s float64
	for _, v := range x[1:] {
		s += v
	}
	return 1 + 9*s/float64(len(x)-1)
}

// ZDTFront returns m ≥ 2 points of the Pareto front f2 = front(f1) with f1
// evenly spaced in [0, 1], as a reference set for [GenerationalDistance];
// front is func(f1) 1 − √f1 for ZDT1 or 1 − f1² for ZDT2.
func ZDTFront(m int, front func(f1 float64) float64) [][]float64 {
	ref := make([][]float64, m)
	for i := range ref {
		f1 := float64(i) / float64(m-1)
		ref[i] = []float64{f1, front(f1)}
	}
	return ref
}

// GenerationalDistance is the mean over points of the Euclidean distance
// to the nearest point of the reference front ref: Deb et al.'s
// convergence metric Υ (2002, sec. IV-B, computed there to 500 evenly
// spaced front points), the p = 1 form of Van Veldhuizen and Lamont's
// generational distance (2000). 0 means every point is on the front. No
// points give NaN.
func GenerationalDistance(points, ref [][]float64) float64 {
	var sum float64
	for _, p := range points {
		best := math.Inf(1)
		for _, r := range ref {
			var d float64
			for k := range p {
				d += (p[k] - r[k]) * (p[k] - r[k])
			}
			best = min(best, d)
		}
		sum += math.Sqrt(best)
	}
	return sum / float64(len(points))
}
