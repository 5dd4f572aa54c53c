package sensitivity

import (
	"fmt"
	"math"

	"github.com/seqsim/seqsim/engine/design"
)

// SobolResult holds the variance-based sensitivity indices of one output.
// Index k of every slice is factor Names[k]. Estimates are returned as
// computed: with a small N they can fall slightly outside [0, 1], and S1 can
// exceed ST; the intervals show by how much to trust them.
type SobolResult struct {
	Names []string

	S1, S1Lo, S1Hi []float64 // first-order index and its confidence interval
	ST, STLo, STHi []float64 // total-order index and its confidence interval

	// S2[j][k] is the second-order (pairwise interaction) index of factors j
	// and k, with its interval in S2Lo and S2Hi. The matrices are symmetric
	// with a zero diagonal, and nil when the design has no second order.
	S2, S2Lo, S2Hi [][]float64

	N         int     // base samples of the design
	Level     float64 // confidence level of the intervals
	Resamples int     // bootstrap resamples used

	// Warnings lists conditions the reader should know about, such as
	// WideIntervals; empty when there are none.
	Warnings []string
}

// maxSobolFactors is the factor count above which Sobol adds a warning:
// N(D+2) runs grow with D while most factors are usually unimportant, so
// screening with Morris first is cheaper (Saltelli et al., "Global Sensitivity
// Analysis. The Primer", 2008, ch. 3).
const maxSobolFactors = 10

// Sobol estimates first-order, total-order and, when the design has them,
// second-order Sobol indices from the outputs y of the Saltelli design d, in
// design row order (y[i] is the output at d.Point(i)). It follows SALib's
// analyze/sobol.py:
//
//   - outputs are centred on their overall mean first (SALib standardises
//     them), which leaves the indices unchanged in expectation and lowers the
//     variance of the S1 and S2 estimators;
//   - V is the variance (divisor 2N) of the concatenation of f(A) and f(B);
//   - first order, Saltelli et al. 2010 (Comput. Phys. Commun. 181,
//     259-270): S1_j = mean(f(B)·(f(AB_j) − f(A))) / V;
//   - total order, Jansen 1999 (Comput. Phys. Commun. 117, 35-43), as
//     recommended by Saltelli et al. 2010: ST_j = mean((f(A) − f(AB_j))²) / (2V);
//   - second order, Saltelli 2002 (Comput. Phys. Commun. 145, 280-297):
//     S2_jk = mean(f(BA_j)·f(AB_k) − f(A)·f(B)) / V − S1_j − S1_k, because
//     BA_j and AB_k share exactly the coordinates j and k.
//
// Confidence intervals come from b (see [Bootstrap]), resampling base rows.
//
// Sobol returns a *LengthError if len(y) != d.Len(), a *NonFiniteError if
// any output is NaN or ±Inf, and ErrNoVariance if the outputs do not vary.
func Sobol(d *design.Saltelli, y []float64, b Bootstrap) (*SobolResult, error) {
	const op = "Sobol"
	if d == nil {
		return nil, &ParamError{Op: op, Param: "d", Value: nil, Want: "a *design.Saltelli"}
	}
	b, err := b.resolve(op)
	if err != nil {
		return nil, err
	}
	if err := checkOutputs(d, d.Len(), y); err != nil {
		return nil, err
	}
	c := newSaltelliColumns(d, y)
	nd := d.Dim()
	k := c.numStats()

	est := make([]float64, k)
	all := make([]int, c.n)
	for r := range all {
		all[r] = r
	}
	if !c.estimate(all, est) {
		return nil, ErrNoVariance
	}

	boot := make([]float64, 0, b.Resamples*k)
	idx := make([]int, c.n)
	rng := b.rng()
	dropped := 0
	for range b.Resamples {
		for r := range idx {
			idx[r] = rng.IntN(c.n)
		}
		boot = boot[:len(boot)+k]
		if !c.estimate(idx, boot[len(boot)-k:]) {
			boot = boot[:len(boot)-k]
			dropped++
		}
	}
	lo, hi := make([]float64, k), make([]float64, k)
	if len(boot) == 0 {
		return nil, ErrNoVariance
	}
	percentileIntervals(boot, b.Level, lo, hi)

	res := &SobolResult{
		Names: append([]string(nil), d.Names()...),
		S1:    est[:nd], S1Lo: lo[:nd], S1Hi: hi[:nd],
		ST: est[nd : 2*nd], STLo: lo[nd : 2*nd], STHi: hi[nd : 2*nd],
		N: c.n, Level: b.Level, Resamples: b.Resamples,
	}
	if c.second {
		res.S2, res.S2Lo, res.S2Hi = square(nd), square(nd), square(nd)
		p := 2 * nd
		for j := range nd {
			for l := j + 1; l < nd; l++ {
				for _, m := range []struct {
					dst [][]float64
					src []float64
				}{{res.S2, est}, {res.S2Lo, lo}, {res.S2Hi, hi}} {
					m.dst[j][l], m.dst[l][j] = m.src[p], m.src[p]
				}
				p++
			}
		}
	}

	if nd > maxSobolFactors {
		res.Warnings = append(res.Warnings, fmt.Sprintf(
			"%d factors: screen them with Morris first (design.NewMorris, sensitivity.Morris) and keep the influential few for Sobol", nd))
	}
	for s := range k {
		if hi[s]-lo[s] > wideWidth {
			res.Warnings = append(res.Warnings, WideIntervals)
			break
		}
	}
	if dropped > 0 {
		res.Warnings = append(res.Warnings, droppedWarning(dropped, b.Resamples))
	}
	return res, nil
}

func square(n int) [][]float64 {
	m := make([][]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
	}
	return m
}

// saltelliColumns holds the centred outputs of each block as columns over
// the base rows, so resampling is a gather by base-row index.
type saltelliColumns struct {
	n, d     int
	second   bool
	fA, fB   []float64
	fAB, fBA [][]float64 // [factor][base row]; fBA nil without second order
}

func newSaltelliColumns(d *design.Saltelli, y []float64) *saltelliColumns {
	var mean float64
	for _, v := range y {
		mean += v
	}
	mean /= float64(len(y))
	c := &saltelliColumns{n: d.N(), d: d.Dim(), second: d.SecondOrder()}
	c.fA, c.fB = make([]float64, c.n), make([]float64, c.n)
	c.fAB = square2(c.d, c.n)
	if c.second {
		c.fBA = square2(c.d, c.n)
	}
	for i, v := range y {
		base, kind, j := d.Block(i)
		v -= mean
		switch kind {
		case design.BlockA:
			c.fA[base] = v
		case design.BlockB:
			c.fB[base] = v
		case design.BlockAB:
			c.fAB[j][base] = v
		case design.BlockBA:
			c.fBA[j][base] = v
		}
	}
	return c
}

func square2(rows, cols int) [][]float64 {
	m := make([][]float64, rows)
	for i := range m {
		m[i] = make([]float64, cols)
	}
	return m
}

// numStats is the length of an estimate vector: S1 (D), ST (D), then S2 for
// the pairs j < k in row-major order.
func (c *saltelliColumns) numStats() int {
	if c.second {
		return 2*c.d + c.d*(c.d-1)/2
	}
	return 2 * c.d
}

// estimate writes the indices computed on the base rows idx (with
// repetition) into out and reports whether V > 0.
func (c *saltelliColumns) estimate(idx []int, out []float64) bool {
	n := float64(len(idx))
	// Two-pass variance of the 2n values of f(A) and f(B). Equal values are
	// detected exactly: after centring, rounding in the mean could otherwise
	// turn a zero variance into a tiny positive one and the indices into noise.
	var sum float64
	first, constant := c.fA[idx[0]], true
	for _, r := range idx {
		sum += c.fA[r] + c.fB[r]
		constant = constant && c.fA[r] == first && c.fB[r] == first
	}
	if constant {
		return false
	}
	mean := sum / (2 * n)
	var ss float64
	for _, r := range idx {
		da, db := c.fA[r]-mean, c.fB[r]-mean
		ss += da*da + db*db
	}
	v := ss / (2 * n)
	if !(v > 0) || math.IsInf(v, 0) {
		return false
	}
	s1, st := out[:c.d], out[c.d:2*c.d]
	for j := range c.d {
		ab := c.fAB[j]
		var first, total float64
		for _, r := range idx {
			a, x := c.fA[r], ab[r]
			first += c.fB[r] * (x - a)
			total += (a - x) * (a - x)
		}
		s1[j] = first / n / v
		st[j] = total / (2 * n) / v
	}
	if !c.second {
		return true
	}
	p := 2 * c.d
	for j := range c.d {
		ba := c.fBA[j]
		for k := j + 1; k < c.d; k++ {
			ab := c.fAB[k]
			var s float64
			for _, r := range idx {
				s += ba[r]*ab[r] - c.fA[r]*c.fB[r]
			}
			out[p] = s/n/v - s1[j] - s1[k]
			p++
		}
	}
	return true
}
