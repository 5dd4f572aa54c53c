package sensitivity

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// StudentT returns the two-sided critical value of Student's t with df
// degrees of freedom at confidence level: the upper (1+level)/2 quantile,
// so that mean ± StudentT·s/√n is a level interval for the mean of n = df+1
// normal values. It is computed as gonum's distuv.StudentsT.Quantile does,
// x = I⁻¹(df/2, 1/2; 1 − level), t = √(df(1 − x)/x), without a distuv
// value (which would need a random source). NaN for df ≤ 0 or a level
// outside (0, 1).
func StudentT(level, df float64) float64 {
	if !(df > 0) || !(level > 0 && level < 1) {
		return math.NaN()
	}
	x := mathext.InvRegIncBeta(df/2, 0.5, 1-level)
	return math.Sqrt(df * (1 - x) / x)
}
