package stats

import "math"

// Paired differences: two designs run on common random numbers (run r of
// each has the same seed) give pairs (a_r, b_r), and the difference of
// their means is estimated from the per-run differences d_r = b_r − a_r.
// Its interval is narrower than the one two independent samples would give
// by the factor sqrt((s_a² + s_b²)/s_d²), which is large when the pairs are
// strongly correlated (var d = s_a² + s_b² − 2 cov(a, b)).

// PairedDiff is the difference of two paired samples' means, B − A.
type PairedDiff struct {
	N          int     // pairs in which both values are present (not NaN)
	Diff       float64 // mean of b_r − a_r
	Half       float64 // half-width of its normal 95% interval, Z95·s_d/√N
	SD         float64 // s_d, the sample standard deviation of the differences
	Unpaired   float64 // the half-width the two samples would give if independent (Welch, normal)
	BetterB    float64 // share of pairs with b_r > a_r
	WorseB     float64 // share of pairs with b_r < a_r (ties are neither)
	Correlated float64 // the correlation of a and b over the pairs (NaN when either is constant)
}

// Resolved reports whether the interval excludes zero.
func (d PairedDiff) Resolved() bool { return d.Half < math.Abs(d.Diff) }

// Paired returns the paired difference B − A of a and b, which must have
// the same length (pairs by index); a pair with a NaN on either side is
// left out. With fewer than two pairs the half-widths are NaN.
func Paired(a, b []float64) PairedDiff {
	if len(a) != len(b) {
		panic("stats: Paired of samples of different lengths")
	}
	da := make([]float64, 0, len(a))
	db := make([]float64, 0, len(a))
	d := make([]float64, 0, len(a))
	var out PairedDiff
	for i := range a {
		if math.IsNaN(a[i]) || math.IsNaN(b[i]) {
			continue
		}
		da, db, d = append(da, a[i]), append(db, b[i]), append(d, b[i]-a[i])
		switch {
		case b[i] > a[i]:
			out.BetterB++
		case b[i] < a[i]:
			out.WorseB++
		}
	}
	out.N = len(d)
	out.Half, out.SD, out.Unpaired, out.Correlated = math.NaN(), math.NaN(), math.NaN(), math.NaN()
	if out.N == 0 {
		out.Diff, out.BetterB, out.WorseB = math.NaN(), math.NaN(), math.NaN()
		return out
	}
	n := float64(out.N)
	out.BetterB /= n
	out.WorseB /= n
	out.Diff, out.Half = MeanCI(d)
	if out.N < 2 {
		return out
	}
	out.SD = out.Half / Z95 * math.Sqrt(n)
	_, ha := MeanCI(da)
	_, hb := MeanCI(db)
	out.Unpaired = math.Hypot(ha, hb)
	sa, sb := ha/Z95*math.Sqrt(n), hb/Z95*math.Sqrt(n)
	if sa > 0 && sb > 0 {
		// var d = sa² + sb² − 2ρ sa sb
		out.Correlated = (sa*sa + sb*sb - out.SD*out.SD) / (2 * sa * sb)
	}
	return out
}

// RunsToResolve is how many pairs a paired difference with standard
// deviation sd needs for its 95% interval to be narrower than |delta|
// (the difference the user cares about): the smallest n with
// Z95·sd/√n < |delta|, i.e. ⌊(Z95·sd/delta)²⌋ + 1. It is 0 for sd = 0 and
// −1 (unknown) for delta = 0 or a NaN input.
func RunsToResolve(sd, delta float64) int {
	if math.IsNaN(sd) || math.IsNaN(delta) || delta == 0 {
		return -1
	}
	if sd == 0 {
		return 0
	}
	x := Z95 * sd / math.Abs(delta)
	return int(math.Floor(x*x)) + 1
}

// PairedProportion is the difference of two paired proportions, B − A, of
// a 0/1 outcome (a risk) measured on the same runs.
type PairedProportion struct {
	N          int     // pairs
	PA, PB     float64 // the two proportions
	Diff       float64 // PB − PA
	Lo, Hi     float64 // Newcombe's 95% interval of the difference
	OnlyA      int     // pairs with the event under A only
	OnlyB      int     // pairs with the event under B only
	UnpairedLo float64 // Newcombe's interval for independent samples (method 10 of his 1998 comparison), for contrast
	UnpairedHi float64
}

// Resolved reports whether the interval excludes zero.
func (p PairedProportion) Resolved() bool { return p.Lo > 0 || p.Hi < 0 }

// PairedProportions returns the difference of the proportions of runs in
// which an event happened under B and under A, with the interval of
// Newcombe (1998b, "Improved confidence intervals for the difference
// between binomial proportions based on paired data", Statistics in
// Medicine 17, method 10): the Wilson intervals of the two marginal
// proportions combined by "square and add" with a correction for their
// correlation φ. With e both, f only A, g only B and h neither
// (n = e+f+g+h), pA = (e+f)/n and pB = (e+g)/n, l and u the Wilson limits,
//
//	φ = C/√((e+f)(g+h)(e+g)(f+h)),  C = eh − fg − n/2 if that is positive,
//	                                 0 if 0 ≤ eh − fg ≤ n/2, eh − fg if negative,
//	L = D − √((pB − lB)² − 2φ(pB − lB)(uA − pA) + (uA − pA)²),
//	U = D + √((uB − pB)² − 2φ(uB − pB)(pA − lA) + (pA − lA)²)
//
// for D = pB − pA (φ = 0 when a margin is empty). A pair with a NaN on
// either side is left out; a value counts as an event when it is > 0.5.
func PairedProportions(a, b []float64) PairedProportion {
	if len(a) != len(b) {
		panic("stats: PairedProportions of samples of different lengths")
	}
	var e, f, g, h int
	for i := range a {
		if math.IsNaN(a[i]) || math.IsNaN(b[i]) {
			continue
		}
		ea, eb := a[i] > 0.5, b[i] > 0.5
		switch {
		case ea && eb:
			e++
		case ea:
			f++
		case eb:
			g++
		default:
			h++
		}
	}
	return newcombePaired(e, f, g, h)
}

// newcombePaired is PairedProportions from the four counts.
func newcombePaired(e, f, g, h int) PairedProportion {
	n := e + f + g + h
	out := PairedProportion{N: n, OnlyA: f, OnlyB: g}
	if n == 0 {
		nan := math.NaN()
		out.PA, out.PB, out.Diff, out.Lo, out.Hi, out.UnpairedLo, out.UnpairedHi = nan, nan, nan, nan, nan, nan, nan
		return out
	}
	pa, la, ua := Wilson(e+f, n)
	pb, lb, ub := Wilson(e+g, n)
	out.PA, out.PB, out.Diff = pa, pb, pb-pa
	var phi float64
	if m := float64(e+f) * float64(g+h) * float64(e+g) * float64(f+h); m > 0 {
		c := float64(e)*float64(h) - float64(f)*float64(g)
		switch {
		case c > float64(n)/2:
			c -= float64(n) / 2
		case c >= 0:
			c = 0
		}
		phi = c / math.Sqrt(m)
	}
	dl, du := pb-lb, ub-pb // B's distances to its limits
	al, au := pa-la, ua-pa // A's
	out.Lo = out.Diff - math.Sqrt(max(dl*dl-2*phi*dl*au+au*au, 0))
	out.Hi = out.Diff + math.Sqrt(max(du*du-2*phi*du*al+al*al, 0))
	out.UnpairedLo = out.Diff - math.Hypot(dl, au)
	out.UnpairedHi = out.Diff + math.Hypot(du, al)
	return out
}
