package stats

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestPairedWorkedExample: a = 1, 2, 3, 4 and b = 2, 2, 5, 5 differ by
// 1, 0, 2, 1: mean 1, s_d = sqrt(2/3), half-width Z95·sqrt(2/3)/2; B is
// larger in 3 of 4 pairs and never smaller. Independently, each sample has
// s² = 5/3 and 3 (the unpaired half-width Z95·sqrt((5/3 + 3)/4)), and
// var d = s_a² + s_b² − 2ρ s_a s_b gives ρ = (5/3 + 3 − 2/3)/(2 sqrt(5)).
func TestPairedWorkedExample(t *testing.T) {
	d := Paired([]float64{1, 2, 3, 4, math.NaN()}, []float64{2, 2, 5, 5, 7})
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("%s = %.15g, want %.15g", name, got, want)
		}
	}
	if d.N != 4 {
		t.Fatalf("N = %d, want 4 (the NaN pair left out)", d.N)
	}
	near("Diff", d.Diff, 1)
	near("SD", d.SD, math.Sqrt(2.0/3))
	near("Half", d.Half, Z95*math.Sqrt(2.0/3)/2)
	near("Unpaired", d.Unpaired, Z95*math.Sqrt((5.0/3+3)/4))
	near("Correlated", d.Correlated, (5.0/3+3-2.0/3)/(2*math.Sqrt(5)))
	near("BetterB", d.BetterB, 0.75)
	near("WorseB", d.WorseB, 0)
	if !d.Resolved() {
		t.Errorf("1 ± %.3f not resolved", d.Half)
	}
}

// TestPairedNormalClosedForm: pairs of normal values with standard
// deviation σ = 2 and correlation ρ = 0.9, and a true difference of 0.05.
// The closed form of the paired half-width is Z95·σ·sqrt(2(1 − ρ))/√n,
// the unpaired one Z95·σ·sqrt(2/n): sqrt(1/(1 − ρ)) = 3.16 times wider.
// With n = 20,000 pairs the sample standard deviation is within 4
// standard errors of σ_d, i.e. a relative 4/sqrt(2(n − 1)) = 2%, and the
// mean difference within 4 standard errors of 0.05.
func TestPairedNormalClosedForm(t *testing.T) {
	const n, sigma, rho, delta = 20_000, 2.0, 0.9, 0.05
	r := rand.New(rand.NewPCG(1, 2))
	a, b := make([]float64, n), make([]float64, n)
	for i := range n {
		z1, z2 := r.NormFloat64(), r.NormFloat64()
		a[i] = 10 + sigma*z1
		b[i] = 10 + delta + sigma*(rho*z1+math.Sqrt(1-rho*rho)*z2)
	}
	d := Paired(a, b)
	sdd := sigma * math.Sqrt(2*(1-rho))
	wantHalf := Z95 * sdd / math.Sqrt(n)
	tol := 4 / math.Sqrt(2*(n-1))
	if math.Abs(d.Half/wantHalf-1) > tol {
		t.Errorf("paired half-width %.5f, closed form %.5f (±%.1f%%)", d.Half, wantHalf, 100*tol)
	}
	if want := Z95 * sigma * math.Sqrt(2.0/n); math.Abs(d.Unpaired/want-1) > tol {
		t.Errorf("unpaired half-width %.5f, closed form %.5f", d.Unpaired, want)
	}
	if math.Abs(d.Diff-delta) > 4*sdd/math.Sqrt(n) {
		t.Errorf("difference %.4f, want %.4f ± %.4f", d.Diff, delta, 4*sdd/math.Sqrt(n))
	}
	if math.Abs(d.Correlated-rho) > 0.01 {
		t.Errorf("correlation %.4f, want %.2f", d.Correlated, rho)
	}
	if r := d.Unpaired / d.Half; math.Abs(r-math.Sqrt(1/(1-rho))) > 0.1 {
		t.Errorf("unpaired/paired = %.3f, want sqrt(1/(1-ρ)) = %.3f", r, math.Sqrt(1/(1-rho)))
	}
}

// TestRunsToResolve: at s_d = 1 a difference of 0.1 needs
// (Z95/0.1)² = 384.1 → 385 pairs: 385 give a half-width of 0.09989 and
// 384 of 0.10002.
func TestRunsToResolve(t *testing.T) {
	for _, tc := range []struct {
		sd, delta float64
		want      int
	}{
		{1, 0.1, 385}, {1, -0.1, 385}, {0, 0.1, 0}, {1, 0, -1}, {math.NaN(), 1, -1}, {2, 1, 16},
	} {
		if got := RunsToResolve(tc.sd, tc.delta); got != tc.want {
			t.Errorf("RunsToResolve(%g, %g) = %d, want %d", tc.sd, tc.delta, got, tc.want)
		}
	}
	n := float64(RunsToResolve(1, 0.1))
	if Z95/math.Sqrt(n) >= 0.1 || Z95/math.Sqrt(n-1) < 0.1 {
		t.Errorf("385 is not the smallest n with Z95/√n < 0.1")
	}
}

// TestPairedProportionsReference: the worked example of Fagerland,
// Lydersen and Laake (2017, Statistical Analysis of Contingency Tables,
// ch. 8, the paired 2x2 table of complete response before and after
// consolidation therapy, Cavo et al. 2012): 59 pairs with the event both
// times, 6 only the first time, 16 only the second, 80 neither; the
// difference of the first from the second is −0.0621 with Newcombe's
// square-and-add interval −0.1186 to −0.0046 (their printed values, 4
// decimals). Here B is the first measurement and A the second.
func TestPairedProportionsReference(t *testing.T) {
	var a, b []float64
	add := func(k int, va, vb float64) {
		for range k {
			a, b = append(a, va), append(b, vb)
		}
	}
	add(59, 1, 1)
	add(6, 0, 1)
	add(16, 1, 0)
	add(80, 0, 0)
	p := PairedProportions(a, b)
	round := func(x float64) float64 { return math.Round(x*1e4) / 1e4 }
	if round(p.Diff) != -0.0621 || round(p.Lo) != -0.1186 || round(p.Hi) != -0.0046 {
		t.Errorf("difference %.4f (%.4f to %.4f), want -0.0621 (-0.1186 to -0.0046)", p.Diff, p.Lo, p.Hi)
	}
	if p.N != 161 || p.OnlyA != 16 || p.OnlyB != 6 || !p.Resolved() {
		t.Errorf("N %d, only A %d, only B %d, resolved %v", p.N, p.OnlyA, p.OnlyB, p.Resolved())
	}
	// Strongly correlated pairs: the paired interval is narrower than the
	// independent-samples one.
	if !(p.Hi-p.Lo < p.UnpairedHi-p.UnpairedLo) {
		t.Errorf("paired width %.4f not below unpaired %.4f", p.Hi-p.Lo, p.UnpairedHi-p.UnpairedLo)
	}
}

// TestPairedProportionsEdges: identical outcomes give a difference of 0
// with an interval around it that the Wilson limits bound; no pairs give
// NaN.
func TestPairedProportionsEdges(t *testing.T) {
	x := []float64{1, 0, 1, 1, 0, 0, 1, 0, 1, 1}
	p := PairedProportions(x, x)
	if p.Diff != 0 || !(p.Lo < 0 && p.Hi > 0) || p.Resolved() {
		t.Errorf("identical samples: %.4f (%.4f, %.4f)", p.Diff, p.Lo, p.Hi)
	}
	if p := PairedProportions(nil, nil); !math.IsNaN(p.Diff) || p.N != 0 {
		t.Errorf("no pairs: %+v", p)
	}
	all := []float64{1, 1, 1}
	if p := PairedProportions(all, all); p.Diff != 0 || math.IsNaN(p.Lo) || math.IsNaN(p.Hi) {
		t.Errorf("all events: %+v", p)
	}
}
