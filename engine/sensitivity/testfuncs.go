package sensitivity

import "math"

// Ishigami is the Ishigami-Homma function (Ishigami and Homma, "An importance
// quantification technique in uncertainty analysis for computer models",
// ISUMA 1990), with x1, x2, x3 independent and uniform on [−π, π]:
//
//	f(x) = sin x1 + a sin² x2 + b x3⁴ sin x1.
//
// The usual parameters are a = 7, b = 0.1. It panics unless len(x) == 3.
func Ishigami(x []float64, a, b float64) float64 {
	if len(x) != 3 {
		panic("sensitivity: Ishigami needs 3 inputs")
	}
	s1 := math.Sin(x[0])
	s2 := math.Sin(x[1])
	x3 := x[2] * x[2]
	// Grouped to round as a·math.Pow(s2, 2) and b·math.Pow(x3, 4) do (Pow
	// squares the mantissa): the ishigami experiment's runs.csv is pinned
	// to these bits.
	return s1 + a*(s2*s2) + b*(x3*x3)*s1
}

// IshigamiIndices returns the analytic Sobol indices of [Ishigami] with
// parameters a and b (Sobol' and Levitan, Comput. Phys. Commun. 117 (1999)
// 52-61; the same closed forms as SALib's test_functions/Ishigami.py): first
// order s1, total order st, and the only non-zero interaction,
// s13 = S_{1,3}. With
//
//	V1 = (1 + bπ⁴/5)²/2,  V2 = a²/8,  V13 = b²π⁸(1/18 − 1/50) = 8b²π⁸/225,
//	V = V1 + V2 + V13,
//
// s1 = (V1, V2, 0)/V, st = (V1+V13, V2, V13)/V and s13 = V13/V.
// For a = 7, b = 0.1: s1 ≈ (0.3139, 0.4424, 0), st ≈ (0.5576, 0.4424, 0.2437).
func IshigamiIndices(a, b float64) (s1, st []float64, s13 float64) {
	pi4 := math.Pow(math.Pi, 4)
	v1 := 0.5 * (1 + b*pi4/5) * (1 + b*pi4/5)
	v2 := a * a / 8
	v13 := b * b * pi4 * pi4 * 8 / 225
	v := v1 + v2 + v13
	return []float64{v1 / v, v2 / v, 0}, []float64{(v1 + v13) / v, v2 / v, v13 / v}, v13 / v
}

// SobolG is Sobol's g-function (Saltelli and Sobol', "About the use of rank
// transformation in sensitivity analysis of model output", Reliab. Eng.
// Syst. Saf. 50 (1995) 225-239), with x_i independent and uniform on [0, 1]:
//
//	g(x) = Π_i (|4x_i − 2| + a_i) / (1 + a_i),  a_i ≥ 0.
//
// The smaller a_i, the more important x_i. It panics if len(x) != len(a).
func SobolG(x, a []float64) float64 {
	if len(x) != len(a) {
		panic("sensitivity: SobolG: len(x) != len(a)")
	}
	g := 1.0
	for i, xi := range x {
		g *= (math.Abs(4*xi-2) + a[i]) / (1 + a[i])
	}
	return g
}

// SobolGIndices returns the analytic first- and total-order indices of
// [SobolG] (as in SALib's test_functions/Sobol_G.py): with partial variances
// V_i = 1/(3(1+a_i)²) and total variance V = Π(1+V_i) − 1,
//
//	S1_i = V_i / V,  ST_i = V_i Π_{j≠i}(1+V_j) / V.
func SobolGIndices(a []float64) (s1, st []float64) {
	vi := make([]float64, len(a))
	prod := 1.0
	for i, ai := range a {
		vi[i] = 1 / (3 * (1 + ai) * (1 + ai))
		prod *= 1 + vi[i]
	}
	v := prod - 1
	s1, st = make([]float64, len(a)), make([]float64, len(a))
	for i := range a {
		s1[i] = vi[i] / v
		st[i] = vi[i] * prod / (1 + vi[i]) / v
	}
	return s1, st
}
