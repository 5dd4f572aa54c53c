package sensitivity

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/engine/design"
)

// Acceptance criteria (seqsim brief): with N = 4096 base samples every index
// is within indexTol of its analytic value and the 95% interval covers it.
// At this N the bootstrap intervals are 0.06-0.11 wide (measured), so the
// 0.02 bound is the tighter check on the point estimate. Over design and
// bootstrap seeds 0-7, every Ishigami interval covered its value and 127 of
// 128 Sobol G intervals did (coverage is a 95% property per interval; the
// bootstrap over-covers for scrambled Sobol designs); the seeds below are
// fixed, so these tests are deterministic.
const (
	indexTol = 0.02
	nKnown   = 4096
	seed     = 1
)

func TestSobolIshigami(t *testing.T) {
	t.Parallel()
	d, err := design.NewSaltelli(ishigamiSpace(t), nKnown, true, seed)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Sobol(d, evaluate(d, ishigami), Bootstrap{Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	s1, st, s13 := IshigamiIndices(7, 0.1)
	for k := range 3 {
		checkIndex(t, "S1["+res.Names[k]+"]", res.S1[k], res.S1Lo[k], res.S1Hi[k], s1[k], indexTol)
		checkIndex(t, "ST["+res.Names[k]+"]", res.ST[k], res.STLo[k], res.STHi[k], st[k], indexTol)
	}
	// Ishigami's only interaction is x1·x3 (IshigamiIndices): S12 = S23 = 0.
	for _, p := range []struct {
		j, k int
		want float64
	}{{0, 1, 0}, {0, 2, s13}, {1, 2, 0}} {
		name := fmt.Sprintf("S2[%d][%d]", p.j+1, p.k+1)
		checkIndex(t, name, res.S2[p.j][p.k], res.S2Lo[p.j][p.k], res.S2Hi[p.j][p.k], p.want, indexTol)
		if res.S2[p.j][p.k] != res.S2[p.k][p.j] {
			t.Errorf("%s not symmetric", name)
		}
	}
	if res.N != nKnown || res.Level != DefaultLevel || res.Resamples != DefaultResamples {
		t.Errorf("N %d Level %g Resamples %d, want %d and the defaults", res.N, res.Level, res.Resamples, nKnown)
	}
}

func TestSobolG(t *testing.T) {
	t.Parallel()
	// SALib's Sobol_G.py default a, with the brief's analytic values.
	a := []float64{0, 1, 4.5, 9, 99, 99, 99, 99}
	sp := uniformSpace(t, make([]float64, 8), []float64{1, 1, 1, 1, 1, 1, 1, 1})
	d, err := design.NewSaltelli(sp, nKnown, false, seed)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Sobol(d, evaluate(d, func(x []float64) float64 { return SobolG(x, a) }), Bootstrap{Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	s1, st := SobolGIndices(a)
	for k := range a {
		checkIndex(t, "S1["+res.Names[k]+"]", res.S1[k], res.S1Lo[k], res.S1Hi[k], s1[k], indexTol)
		checkIndex(t, "ST["+res.Names[k]+"]", res.ST[k], res.STLo[k], res.STHi[k], st[k], indexTol)
	}
	if res.S2 != nil {
		t.Error("S2 set without second order")
	}
}

// TestSobolLinear: for the additive model y = Σ a_k x_k with independent
// inputs, S1_k = ST_k = a_k² Var(x_k) / Σ_j a_j² Var(x_j) (no interactions).
// Uniform on width w has variance w²/12; one factor is Normal(0, 0.5) to
// exercise a non-uniform marginal. The tolerance is the bootstrap interval:
// the value must be covered.
func TestSobolLinear(t *testing.T) {
	t.Parallel()
	a := []float64{1, 2, 3, 2}
	sp := uniformSpace(t, []float64{0, -1, 0}, []float64{1, 1, 3})
	n, err := design.Normal(0, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	sp.Names = append(sp.Names, "x4")
	sp.Marginals = append(sp.Marginals, n)
	vars := []float64{1.0 / 12, 4.0 / 12, 9.0 / 12, 0.25} // w²/12, and σ² = 0.25
	var total float64
	for k := range a {
		total += a[k] * a[k] * vars[k]
	}
	d, err := design.NewSaltelli(sp, 1024, false, seed)
	if err != nil {
		t.Fatal(err)
	}
	y := evaluate(d, func(x []float64) float64 {
		var s float64
		for k := range a {
			s += a[k] * x[k]
		}
		return s
	})
	res, err := Sobol(d, y, Bootstrap{Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	for k := range a {
		want := a[k] * a[k] * vars[k] / total
		// Tolerance: the half-width of the widest interval, i.e. a check
		// that is exactly as strict as the reported uncertainty.
		tol := math.Max(res.S1Hi[k]-res.S1Lo[k], res.STHi[k]-res.STLo[k])
		checkIndex(t, "S1["+res.Names[k]+"]", res.S1[k], res.S1Lo[k], res.S1Hi[k], want, tol)
		checkIndex(t, "ST["+res.Names[k]+"]", res.ST[k], res.STLo[k], res.STHi[k], want, tol)
	}
}

// referenceSobol recomputes the point estimates straight from the design
// rows with SALib's formulas (analyze/sobol.py), without the column layout of
// the implementation.
func referenceSobol(d *design.Saltelli, y []float64) (s1, st []float64, s2 [][]float64) {
	n, nd := d.N(), d.Dim()
	mean := 0.0
	for _, v := range y {
		mean += v
	}
	mean /= float64(len(y))
	a, b := make([]float64, n), make([]float64, n)
	ab, ba := make([][]float64, nd), make([][]float64, nd)
	for j := range nd {
		ab[j], ba[j] = make([]float64, n), make([]float64, n)
	}
	for i, v := range y {
		base, kind, j := d.Block(i)
		switch kind {
		case design.BlockA:
			a[base] = v - mean
		case design.BlockB:
			b[base] = v - mean
		case design.BlockAB:
			ab[j][base] = v - mean
		case design.BlockBA:
			ba[j][base] = v - mean
		}
	}
	both := append(slices.Clone(a), b...)
	m := 0.0
	for _, v := range both {
		m += v
	}
	m /= float64(len(both))
	vr := 0.0
	for _, v := range both {
		vr += (v - m) * (v - m)
	}
	vr /= float64(len(both)) // numpy.var: divisor n
	avg := func(f func(r int) float64) float64 {
		s := 0.0
		for r := range n {
			s += f(r)
		}
		return s / float64(n)
	}
	s1, st = make([]float64, nd), make([]float64, nd)
	for j := range nd {
		s1[j] = avg(func(r int) float64 { return b[r] * (ab[j][r] - a[r]) }) / vr
		st[j] = 0.5 * avg(func(r int) float64 { return (a[r] - ab[j][r]) * (a[r] - ab[j][r]) }) / vr
	}
	if d.SecondOrder() {
		s2 = make([][]float64, nd)
		for j := range nd {
			s2[j] = make([]float64, nd)
			for k := j + 1; k < nd; k++ {
				s2[j][k] = avg(func(r int) float64 { return ba[j][r]*ab[k][r] - a[r]*b[r] })/vr - s1[j] - s1[k]
			}
		}
	}
	return s1, st, s2
}

// TestSobolSmallN checks the estimates against the reference formulas at a
// small N, where they are noisy: they must be returned as computed (not
// clipped to [0, 1]), with the WideIntervals warning.
func TestSobolSmallN(t *testing.T) {
	t.Parallel()
	d, err := design.NewSaltelli(ishigamiSpace(t), 8, true, 3)
	if err != nil {
		t.Fatal(err)
	}
	y := evaluate(d, ishigami)
	res, err := Sobol(d, y, Bootstrap{Resamples: 200})
	if err != nil {
		t.Fatal(err)
	}
	s1, st, s2 := referenceSobol(d, y)
	// Tolerance: the two codes sum the same terms in a different order;
	// 1e-12 is far above float64 rounding for 8 terms of size O(10).
	const tol = 1e-12
	outside := false
	for j := range 3 {
		if math.Abs(res.S1[j]-s1[j]) > tol || math.Abs(res.ST[j]-st[j]) > tol {
			t.Errorf("factor %d: S1 %g ST %g, reference %g %g", j, res.S1[j], res.ST[j], s1[j], st[j])
		}
		outside = outside || res.S1[j] < 0 || res.S1[j] > 1 || res.ST[j] < 0 || res.ST[j] > 1
		for k := j + 1; k < 3; k++ {
			if math.Abs(res.S2[j][k]-s2[j][k]) > tol {
				t.Errorf("S2[%d][%d] = %g, reference %g", j, k, res.S2[j][k], s2[j][k])
			}
			outside = outside || res.S2[j][k] < 0 || res.S2[j][k] > 1
		}
	}
	// At N = 8 and design seed 3 some estimate falls outside [0, 1]
	// (observed); that it still matches the reference shows it is not clipped.
	if !outside {
		t.Error("no estimate outside [0, 1]: pick a seed where one is, or the no-clipping check is void")
	}
	if !slices.Contains(res.Warnings, WideIntervals) {
		t.Errorf("Warnings = %q, want %q", res.Warnings, WideIntervals)
	}
}

func TestSobolErrors(t *testing.T) {
	t.Parallel()
	d, err := design.NewSaltelli(ishigamiSpace(t), 16, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	good := evaluate(d, ishigami)

	if _, err := Sobol(nil, good, Bootstrap{}); !errors.Is(err, ErrParam) {
		t.Errorf("nil design: %v, want ErrParam", err)
	}
	var le *LengthError
	if _, err := Sobol(d, good[1:], Bootstrap{}); !errors.As(err, &le) || le.Got != len(good)-1 || le.Want != d.Len() || !errors.Is(err, ErrLength) {
		t.Errorf("short y: %v, want *LengthError{%d, %d}", err, len(good)-1, d.Len())
	}

	bad := slices.Clone(good)
	bad[3], bad[17], bad[40] = math.NaN(), math.Inf(1), math.Inf(-1)
	_, err = Sobol(d, bad, Bootstrap{})
	var nf *NonFiniteError
	if !errors.As(err, &nf) || !errors.Is(err, ErrNonFinite) || !slices.Equal(nf.Rows, []int{3, 17, 40}) {
		t.Fatalf("NaN/Inf: %v, want *NonFiniteError at rows [3 17 40]", err)
	}
	x := make([]float64, 3)
	for i, row := range nf.Rows {
		d.Point(row, x)
		if !slices.Equal(nf.Points[i], x) {
			t.Errorf("Points[%d] = %v, want row %d's values %v", i, nf.Points[i], row, x)
		}
	}
	if !slices.Equal(nf.Names, d.Names()) {
		t.Errorf("Names = %v", nf.Names)
	}

	constant := make([]float64, d.Len())
	for i := range constant {
		constant[i] = 3.5
	}
	if _, err := Sobol(d, constant, Bootstrap{}); err != ErrNoVariance || err.Error() != "sensitivity: no variance" {
		t.Errorf("constant y: %v, want ErrNoVariance", err)
	}

	for _, b := range []Bootstrap{{Level: 1}, {Level: -0.5}, {Resamples: 1}, {Resamples: -3}, {Level: math.NaN()}} {
		var pe *ParamError
		if _, err := Sobol(d, good, b); !errors.As(err, &pe) {
			t.Errorf("Bootstrap %+v: %v, want a *ParamError", b, err)
		}
	}
}

// TestSobolOnlyABVaries: outputs that vary only on AB rows leave V = 0 for
// the A and B rows the estimators divide by; that is ErrNoVariance, not NaN.
func TestSobolOnlyABVaries(t *testing.T) {
	t.Parallel()
	d, err := design.NewSaltelli(ishigamiSpace(t), 8, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	y := make([]float64, d.Len())
	for i := range y {
		if _, kind, _ := d.Block(i); kind == design.BlockAB {
			y[i] = float64(i)
		}
	}
	if _, err := Sobol(d, y, Bootstrap{}); err != ErrNoVariance {
		t.Errorf("error %v, want ErrNoVariance", err)
	}
}

func TestSobolManyFactorsWarning(t *testing.T) {
	t.Parallel()
	const nd = maxSobolFactors + 1
	lo, hi := make([]float64, nd), make([]float64, nd)
	for k := range hi {
		hi[k] = float64(k + 1)
	}
	d, err := design.NewSaltelli(uniformSpace(t, lo, hi), 64, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Sobol(d, evaluate(d, func(x []float64) float64 { return x[0] + x[nd-1] }), Bootstrap{Resamples: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) == 0 || !strings.Contains(res.Warnings[0], "Morris") {
		t.Errorf("Warnings = %q, want a Morris suggestion first", res.Warnings)
	}
}

func TestSobolDeterministic(t *testing.T) {
	t.Parallel()
	d, err := design.NewSaltelli(ishigamiSpace(t), 64, true, 5)
	if err != nil {
		t.Fatal(err)
	}
	y := evaluate(d, ishigami)
	a, _ := Sobol(d, y, Bootstrap{Seed: 9, Resamples: 300})
	b, _ := Sobol(d, y, Bootstrap{Seed: 9, Resamples: 300})
	c, _ := Sobol(d, y, Bootstrap{Seed: 10, Resamples: 300})
	if !reflect.DeepEqual(a, b) {
		t.Error("same inputs and seed, different results")
	}
	if !slices.Equal(a.S1, c.S1) || slices.Equal(a.S1Lo, c.S1Lo) {
		t.Error("the bootstrap seed must change the intervals and only them")
	}
}
