package design

import (
	_ "embed"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Direction numbers of S. Joe and F. Y. Kuo, "Constructing Sobol sequences
// with better two-dimensional projections", SIAM J. Sci. Comput. 30 (2008)
// 2635-2654: the new-joe-kuo-6.21201 set truncated to dimensions 2..1111
// (copied from /work/shared/data, see its README). Each line after the header
// is "d s a m_1 … m_s". Dimension 1 is not in the file: it is the van der
// Corput sequence, all m_i = 1. The string is parsed inside NewSobol, so the
// package holds no parsed, mutable table.
//
//go:embed sobol-joe-kuo-6.txt
var joeKuo string

const (
	// SobolBits is the resolution of the Sobol generator: every coordinate
	// is an integer multiple of 2^-52 in [0, 1), so it converts to float64
	// exactly (52 < 53 significand bits), and the sequence has 2^52 distinct
	// points per dimension.
	SobolBits = 52

	// MaxSobolDim is the largest dimension NewSobol accepts: the number of
	// dimensions in the embedded Joe-Kuo table (1 + 1110 lines).
	MaxSobolDim = 1111

	// MaxSobolPoints is the number of points a Sobol generator can give,
	// 2^SobolBits; point indices must be below it.
	MaxSobolPoints = uint64(1) << SobolBits
)

// Sobol is the Sobol low-discrepancy sequence in [0, 1)^dim (Sobol' 1967;
// Bratley and Fox 1988, Algorithm 659) with Joe-Kuo direction numbers, in
// Gray-code order, so its first points are those of the authors' reference
// generator and of scipy.stats.qmc.Sobol(scramble=False).
//
// Point i is computed directly, without stepping through the points before
// it: with Gray code g = i XOR (i>>1), coordinate d is the XOR of the
// direction numbers v_{d,k} for the set bits k of g (Antonov and Saleev 1979).
// That gives random access, which shards and resumed runs need, at the cost
// of about popcount(g) XORs per coordinate.
//
// A Sobol is safe for concurrent use: it is not modified after NewSobol.
type Sobol struct {
	dim   int
	v     []uint64 // v[d*SobolBits+k]: direction number of bit k (k = 0 least significant) of dimension d
	shift []uint64 // digital shift per dimension; zero when not scrambled
}

// NewSobol returns the Sobol generator of dimension dim in [1, MaxSobolDim].
//
// If scramble is nil the sequence is the plain (unscrambled) one and point 0
// is the origin. Otherwise it is randomised as in scipy.stats.qmc.Sobol:
// a linear matrix scramble (Matoušek, "On the L2-discrepancy for anchored
// boxes", J. Complexity 14 (1998) 527-556) followed by a random digital shift.
// For each dimension, in order, NewSobol draws SobolBits words from scramble
// for the rows of a random lower-triangular binary matrix with unit diagonal,
// applies it to every direction number (so digit k of each point becomes its
// own digit plus a random combination of the more significant ones), then
// draws one word for the shift that is XORed into every point. A scrambled
// sequence keeps the net structure (every 2^m consecutive points from index 0
// still stratify each coordinate into 2^m equal cells) and makes the design
// an unbiased randomised QMC estimator; the draws depend only on scramble.
func NewSobol(dim int, scramble *rand.Rand) (*Sobol, error) {
	if dim < 1 || dim > MaxSobolDim {
		return nil, &ParamError{Op: "NewSobol", Param: "dim", Value: dim, Want: fmt.Sprintf("in [1, %d]", MaxSobolDim)}
	}
	s := &Sobol{dim: dim, v: make([]uint64, dim*SobolBits), shift: make([]uint64, dim)}
	// Dimension 1: van der Corput, m_i = 1, so v_k = 2^(SobolBits-1-k).
	for k := range SobolBits {
		s.v[k] = 1 << (SobolBits - 1 - k)
	}
	if err := s.parseDirections(); err != nil {
		return nil, err
	}
	if scramble != nil {
		s.scramble(scramble)
	}
	return s, nil
}

// parseDirections fills dimensions 2..s.dim from the embedded table and the
// Joe-Kuo recurrence (their sobol.cc):
//
//	v_i = v_{i-s} XOR (v_{i-s} >> s) XOR (XOR over k=1..s-1 of a_k v_{i-k}),
//
// where a_k is bit s-1-k of a and v_i = m_i 2^(SobolBits-i) for i ≤ s.
func (s *Sobol) parseDirections() error {
	text := joeKuo
	for d := 1; d < s.dim; d++ {
		var line string
		for {
			var ok bool
			line, text, ok = strings.Cut(text, "\n")
			if !ok && line == "" {
				return fmt.Errorf("design: Sobol direction numbers: table ends before dimension %d", d+1)
			}
			line = strings.TrimSpace(line)
			if line != "" && line[0] >= '0' && line[0] <= '9' {
				break // skip the header "d s a m_i" and blank lines
			}
		}
		f := strings.Fields(line)
		nums := make([]uint64, len(f))
		for j, w := range f {
			x, err := strconv.ParseUint(w, 10, 64)
			if err != nil {
				return fmt.Errorf("design: Sobol direction numbers: dimension %d: %v", d+1, err)
			}
			nums[j] = x
		}
		if len(nums) < 3 || nums[0] != uint64(d+1) || nums[1] < 1 || uint64(len(nums)) != 3+nums[1] {
			return fmt.Errorf("design: Sobol direction numbers: malformed line for dimension %d: %q", d+1, line)
		}
		deg, a, m := int(nums[1]), nums[2], nums[3:]
		v := s.v[d*SobolBits : (d+1)*SobolBits]
		for i := 1; i <= SobolBits; i++ { // i is the 1-based direction index of the paper
			var x uint64
			if i <= deg {
				if m[i-1]%2 == 0 || m[i-1] >= 1<<i {
					return fmt.Errorf("design: Sobol direction numbers: dimension %d: m_%d = %d is not odd and < 2^%d", d+1, i, m[i-1], i)
				}
				x = m[i-1] << (SobolBits - i)
			} else {
				x = v[i-deg-1] ^ (v[i-deg-1] >> deg)
				for k := 1; k < deg; k++ {
					if (a>>(deg-1-k))&1 == 1 {
						x ^= v[i-k-1]
					}
				}
			}
			// The paper's v_i belongs to bit i-1 of the Gray code index.
			v[i-1] = x
		}
	}
	return nil
}

func (s *Sobol) scramble(rng *rand.Rand) {
	const full = MaxSobolPoints - 1
	var rows [SobolBits]uint64
	for d := range s.dim {
		// Row r of the matrix gives output digit r (r = 0 most significant,
		// bit position SobolBits-1-r): its own input digit plus the random
		// subset of the more significant input digits.
		for r := range rows {
			pos := SobolBits - 1 - r
			above := full &^ (uint64(1)<<(pos+1) - 1)
			rows[r] = rng.Uint64()&above | uint64(1)<<pos
		}
		v := s.v[d*SobolBits : (d+1)*SobolBits]
		for k, x := range v {
			var y uint64
			for r, row := range rows {
				y |= uint64(bits.OnesCount64(row&x)&1) << (SobolBits - 1 - r)
			}
			v[k] = y
		}
		s.shift[d] = rng.Uint64() & full
	}
}

// Dim returns the dimension of the sequence.
func (s *Sobol) Dim() int { return s.dim }

// Point writes point i of the sequence into dst, which must have length
// s.Dim(). It panics if i ≥ MaxSobolPoints.
func (s *Sobol) Point(i uint64, dst []float64) {
	checkDst("Sobol.Point", dst, s.dim)
	for d := range dst {
		dst[d] = s.At(i, d)
	}
}

// At returns coordinate d of point i. It panics if i ≥ MaxSobolPoints or d is
// not in [0, s.Dim()).
func (s *Sobol) At(i uint64, d int) float64 {
	if i >= MaxSobolPoints {
		panic(fmt.Sprintf("design: Sobol: point %d out of range [0, 2^%d)", i, SobolBits))
	}
	v := s.v[d*SobolBits : (d+1)*SobolBits]
	x := s.shift[d]
	for g := i ^ (i >> 1); g != 0; g &= g - 1 {
		x ^= v[bits.TrailingZeros64(g)]
	}
	return float64(x) * 0x1p-52 // 2^-SobolBits: exact, x < 2^52
}
