package design

import (
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestSobolFirstPoints(t *testing.T) {
	t.Parallel()
	// Reference points from /work/shared/data/README.md and the brief: the
	// first 8 points of dimensions 1-3 of the unscrambled Joe-Kuo sequence
	// (also the output of scipy.stats.qmc.Sobol(3, scramble=False)).
	want := [][]float64{
		{0, 0, 0}, {.5, .5, .5}, {.75, .25, .25}, {.25, .75, .75},
		{.375, .375, .625}, {.875, .875, .125}, {.625, .125, .875}, {.125, .625, .375},
	}
	s, err := NewSobol(3, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]float64, 3)
	for i, w := range want {
		s.Point(uint64(i), got)
		for d := range w {
			if got[d] != w[d] { // dyadic values: exact
				t.Errorf("point %d = %v, want %v", i, got, w)
				break
			}
		}
	}
}

func TestNewSobolDim(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		dim int
		ok  bool
	}{
		{0, false}, {-1, false}, {1, true}, {MaxSobolDim, true}, {MaxSobolDim + 1, false},
	} {
		_, err := NewSobol(tc.dim, nil)
		if (err == nil) != tc.ok {
			t.Errorf("NewSobol(%d) error = %v, want ok = %v", tc.dim, err, tc.ok)
		}
		var pe *ParamError
		if err != nil && (!errors.Is(err, ErrParam) || !errors.As(err, &pe) || pe.Param != "dim") {
			t.Errorf("NewSobol(%d) error = %#v, want a *ParamError on dim", tc.dim, err)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "design: ") {
			t.Errorf("error %q lacks the package prefix", err)
		}
	}
}

// TestSobolOneDimNets checks, for every dimension of the table, that the first
// 2^m points stratify the coordinate: exactly one point in each interval
// [k/2^m, (k+1)/2^m). This holds for any Sobol dimension whose initial
// direction numbers are odd (Joe and Kuo 2008, §2), so it catches a corrupt
// table or recurrence; and it must survive scrambling (Matoušek 1998: the
// linear scramble and digital shift map elementary intervals onto each other).
func TestSobolOneDimNets(t *testing.T) {
	t.Parallel()
	const m = 10 // 1024 points: every one of the 52 direction bits below 2^10 is used
	for _, scrambled := range []bool{false, true} {
		var rng *rand.Rand
		if scrambled {
			rng = rand.New(rand.NewPCG(1, 2)) // any seed
		}
		s, err := NewSobol(MaxSobolDim, rng)
		if err != nil {
			t.Fatal(err)
		}
		seen := make([]bool, 1<<m)
		for d := range MaxSobolDim {
			clear(seen)
			for i := range uint64(1 << m) {
				k := int(s.At(i, d) * (1 << m))
				if seen[k] {
					t.Fatalf("scrambled=%v dim %d: two of the first 2^%d points in cell %d", scrambled, d+1, m, k)
				}
				seen[k] = true
			}
		}
	}
}

// TestSobolTwoDimNet checks that dimensions 1 and 2 form a (0, m, 2)-net for
// their first 2^m points: every dyadic box of area 2^-m holds exactly one
// point. Dimensions 1-2 of Sobol's sequence are a (0, 2)-sequence (Niederreiter
// 1992, §4.5), and scrambling preserves the property.
func TestSobolTwoDimNet(t *testing.T) {
	t.Parallel()
	const m = 8
	for _, rng := range []*rand.Rand{nil, rand.New(rand.NewPCG(3, 4))} {
		s, err := NewSobol(2, rng)
		if err != nil {
			t.Fatal(err)
		}
		for a := 0; a <= m; a++ { // boxes 2^-a wide and 2^-(m-a) high
			seen := make(map[[2]int]bool)
			for i := range uint64(1 << m) {
				box := [2]int{int(s.At(i, 0) * float64(int(1)<<a)), int(s.At(i, 1) * float64(int(1)<<(m-a)))}
				if seen[box] {
					t.Fatalf("scrambled=%v: box %v of shape 2^-%d x 2^-%d holds two points", rng != nil, box, a, m-a)
				}
				seen[box] = true
			}
		}
	}
}

// TestJoeKuoTable checks the embedded table's integrity: one line per
// dimension 2..1111, in order, each polynomial of degree s primitive over
// GF(2) and used once, and degrees non-decreasing (how Joe and Kuo list them).
func TestJoeKuoTable(t *testing.T) {
	t.Parallel()
	lines := strings.Split(strings.TrimSpace(joeKuo), "\n")
	if got, want := len(lines), MaxSobolDim; got != want { // header + dimensions 2..1111
		t.Fatalf("table has %d lines, want %d", got, want)
	}
	seen := make(map[uint64]bool)
	prevDeg := 0
	for i, line := range lines[1:] {
		f := strings.Fields(line)
		d, _ := strconv.Atoi(f[0])
		s, _ := strconv.Atoi(f[1])
		a, _ := strconv.ParseUint(f[2], 10, 64)
		if d != i+2 || len(f) != 3+s || s < prevDeg {
			t.Fatalf("line %q: want dimension %d, %d fields, degree >= %d", line, i+2, 3+s, prevDeg)
		}
		prevDeg = s
		// Polynomial x^s + a_1 x^(s-1) + … + a_{s-1} x + 1, as a bit mask.
		poly := uint64(1)<<s | a<<1 | 1
		if seen[poly] {
			t.Errorf("dimension %d repeats polynomial %b", d, poly)
		}
		seen[poly] = true
		if !primitive(poly, s) {
			t.Errorf("dimension %d: polynomial %b is not primitive", d, poly)
		}
	}
}

// primitive reports whether the degree-s polynomial p over GF(2) is
// primitive: x has multiplicative order exactly 2^s - 1 modulo p, that is
// x^(2^s-1) = 1 and x^((2^s-1)/q) != 1 for every prime q dividing 2^s - 1.
func primitive(p uint64, s int) bool {
	order := uint64(1)<<s - 1
	if powX(order, p, s) != 1 {
		return false
	}
	rest := order
	for q := uint64(2); rest > 1; q++ {
		if rest%q != 0 {
			continue
		}
		if powX(order/q, p, s) == 1 {
			return false
		}
		for rest%q == 0 {
			rest /= q
		}
	}
	return true
}

func TestPrimitive(t *testing.T) {
	t.Parallel()
	// Standard examples over GF(2) (Lidl and Niederreiter, "Finite Fields",
	// table C): x^4+x+1 is primitive; x^4+x^3+x^2+x+1 is irreducible of order 5;
	// x^2+1 = (x+1)^2 is reducible; x+1 is primitive of degree 1.
	for _, tc := range []struct {
		p    uint64
		s    int
		want bool
	}{{0b10011, 4, true}, {0b11111, 4, false}, {0b101, 2, false}, {0b11, 1, true}, {0b111, 2, true}} {
		if got := primitive(tc.p, tc.s); got != tc.want {
			t.Errorf("primitive(%b) = %v, want %v", tc.p, got, tc.want)
		}
	}
}

// powX returns x^e mod p over GF(2), p of degree s.
func powX(e, p uint64, s int) uint64 {
	mulmod := func(a, b uint64) uint64 {
		var r uint64
		for ; b != 0; b >>= 1 {
			if b&1 == 1 {
				r ^= a
			}
			a <<= 1
			if a>>s&1 == 1 {
				a ^= p
			}
		}
		return r
	}
	result, base := uint64(1), uint64(2) // base = x
	if s == 1 {
		base = 2 ^ p // x mod (x+1) = 1
	}
	for ; e != 0; e >>= 1 {
		if e&1 == 1 {
			result = mulmod(result, base)
		}
		base = mulmod(base, base)
	}
	return result
}

func TestSobolScrambleDeterministic(t *testing.T) {
	t.Parallel()
	point := func(seed uint64, i uint64) []float64 {
		s, err := NewSobol(5, rand.New(rand.NewPCG(seed, 0)))
		if err != nil {
			t.Fatal(err)
		}
		x := make([]float64, 5)
		s.Point(i, x)
		return x
	}
	a, b, c := point(7, 123), point(7, 123), point(8, 123)
	for d := range a {
		if a[d] != b[d] {
			t.Fatalf("same seed, different points: %v, %v", a, b)
		}
	}
	if a[0] == c[0] && a[1] == c[1] {
		t.Errorf("seeds 7 and 8 give the same point %v", a)
	}
	if z := point(7, 0); z[0] == 0 && z[1] == 0 {
		t.Errorf("scrambled point 0 = %v, want the digital shift, not the origin", z)
	}
}

func TestSobolPointPanics(t *testing.T) {
	t.Parallel()
	s, _ := NewSobol(2, nil)
	for name, f := range map[string]func(){
		"index":  func() { s.At(MaxSobolPoints, 0) },
		"dstLen": func() { s.Point(0, make([]float64, 3)) },
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			f()
		}()
	}
	// The last valid index is fine and below 1 (SobolBits resolution).
	x := make([]float64, 2)
	s.Point(MaxSobolPoints-1, x)
	if x[0] >= 1 || x[1] >= 1 {
		t.Errorf("last point %v not in [0, 1)", x)
	}
}
