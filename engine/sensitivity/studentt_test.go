package sensitivity

import (
	"math"
	"testing"
)

// TestStudentT: the 97.5% quantiles of Student's t from the standard tables
// (NIST/SEMATECH e-Handbook, table 1.3.6.7.2): 12.706 at 1 degree of
// freedom, 3.182 at 3, 2.042 at 30, and the normal 1.960 in the limit.
func TestStudentT(t *testing.T) {
	for _, tc := range []struct{ df, want, tol float64 }{
		{1, 12.706, 5e-4}, {3, 3.182, 5e-4}, {30, 2.042, 5e-4}, {1e7, 1.959964, 1e-5},
	} {
		if got := StudentT(0.95, tc.df); math.Abs(got-tc.want) > tc.tol {
			t.Errorf("StudentT(0.95, %g) = %.6f, want %.4f", tc.df, got, tc.want)
		}
	}
	if !math.IsNaN(StudentT(0.95, 0)) || !math.IsNaN(StudentT(1, 3)) {
		t.Error("StudentT out of its domain is not NaN")
	}
}
