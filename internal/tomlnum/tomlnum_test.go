package tomlnum

import (
	"math"
	"testing"
)

func TestFloat(t *testing.T) {
	for _, tt := range []struct {
		f    float64
		want string
	}{
		{0, "0.0"}, {math.Copysign(0, -1), "-0.0"}, {1, "1.0"}, {-2.5, "-2.5"}, {0.1, "0.1"},
		{1e20, "100000000000000000000.0"}, {1e21, "1e+21"}, {1e-5, "0.00001"}, {1e-6, "1e-06"},
		{5e-324, "5e-324"}, {math.MaxFloat64, "1.7976931348623157e+308"},
		{math.Inf(1), "inf"}, {math.Inf(-1), "-inf"}, {math.NaN(), "nan"},
	} {
		if got := Float(tt.f); got != tt.want {
			t.Errorf("Float(%v) = %s, want %s", tt.f, got, tt.want)
		}
	}
}
