package engine

import (
	"math"
	"math/bits"
)

// fixedFracBits is the number of fractional bits of a FixedSum: values are
// accumulated as integers in units of 2^-48 (about 3.6e-15), so a sum of up
// to 2^79 (about 6e23) is exact. Integer addition is associative, which is
// what makes means independent of worker count, finishing order and sharding
// (DESIGN.md, "Determinism").
const fixedFracBits = 48

// fixedMax is the largest magnitude one value may have; beyond it (or for
// NaN and Inf) the sum is marked invalid rather than silently wrong.
const fixedMax = 1 << 70

// FixedSum is an exact, order-independent sum of float64 values in 128-bit
// two's-complement fixed point. The zero value is an empty sum.
type FixedSum struct {
	Hi      int64
	Lo      uint64
	Invalid bool // a NaN, an Inf or an out-of-range value was added
}

// Add adds v, rounded to a multiple of 2^-48.
func (s *FixedSum) Add(v float64) {
	if v != v || math.Abs(v) >= fixedMax {
		s.Invalid = true
		return
	}
	// Exact: scaling by a power of two; rounding drops bits below 2^-48.
	m := math.Round(math.Abs(v) * (1 << fixedFracBits))
	// m < 2^118 has at most 53 significant bits, so both words are exact.
	hiF := math.Floor(m / (1 << 64))
	hi := uint64(hiF)
	lo := uint64(m - hiF*(1<<64))
	if v < 0 { // two's-complement negation of the 128-bit value
		hi, lo = ^hi, ^lo
		var c uint64
		lo, c = bits.Add64(lo, 1, 0)
		hi += c
	}
	s.addWords(int64(hi), lo)
}

func (s *FixedSum) addWords(hi int64, lo uint64) {
	l, carry := bits.Add64(s.Lo, lo, 0)
	s.Lo = l
	s.Hi += hi + int64(carry)
}

// Merge adds another sum into s.
func (s *FixedSum) Merge(o FixedSum) {
	s.addWords(o.Hi, o.Lo)
	s.Invalid = s.Invalid || o.Invalid
}

// Float returns the sum as a float64 (NaN when invalid).
func (s FixedSum) Float() float64 {
	if s.Invalid {
		return math.NaN()
	}
	return (float64(s.Hi)*(1<<64) + float64(s.Lo)) / (1 << fixedFracBits)
}
