package protocol

import (
	"fmt"
	"math"
	"math/bits"
)

// Billion is the scale of the fixed-point fractions used for slashing
// penalties and shares: a fraction is rounded to the nearest billionth, then
// applied in exact integer arithmetic, so a slash is the same number of
// micro-tokens on every machine (DESIGN.md, "Determinism") and the parts of
// a split add up to the whole (conservation).
const Billion = 1_000_000_000

// PerBillion rounds a fraction in [0, 1] to billionths (clamping outside).
func PerBillion(frac float64) uint64 {
	if !(frac > 0) {
		return 0
	}
	if frac >= 1 {
		return Billion
	}
	return uint64(math.Round(frac * Billion))
}

// MulDiv returns floor(a*b/c) for a, b >= 0 and c > 0 without overflow of
// the intermediate product (128-bit). It panics if the result does not fit
// in an int64 (a broken invariant: amounts are far below 2^63).
func MulDiv(a, b, c int64) int64 {
	if a <= 0 || b <= 0 || c <= 0 {
		return 0
	}
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	if hi >= uint64(c) {
		panic(fmt.Sprintf("protocol: MulDiv(%d, %d, %d) overflows", a, b, c))
	}
	q, _ := bits.Div64(hi, lo, uint64(c))
	if q > math.MaxInt64 {
		panic(fmt.Sprintf("protocol: MulDiv(%d, %d, %d) overflows", a, b, c))
	}
	return int64(q)
}

// FracOf returns floor(amount*frac) with frac rounded to billionths: the
// slashed part of a stake, or a commission. Exact integer arithmetic.
func FracOf(amount int64, frac float64) int64 {
	return MulDiv(amount, int64(PerBillion(frac)), Billion)
}

// SlashSplit says where slashed tokens go: burned, to the DAO treasury, or
// to the challenger who proved the offence (seed guide: "burning or
// redistributing a portion of the sequencer's stake"; Cosmos burns slashed
// stake, Arbitrum BoLD sends confiscated bonds to the DAO treasury). The
// shares must sum to 1.
type SlashSplit struct {
	Burn, Treasury, Challenger float64
}

// Validate checks the shares are in [0, 1] and sum to 1 (within 1e-9).
func (s SlashSplit) Validate() error {
	for _, x := range []float64{s.Burn, s.Treasury, s.Challenger} {
		if !(x >= 0 && x <= 1) {
			return fmt.Errorf("protocol: slash share %v outside [0, 1]", x)
		}
	}
	if sum := s.Burn + s.Treasury + s.Challenger; math.Abs(sum-1) > 1e-9 {
		return fmt.Errorf("protocol: slash shares sum to %v, want 1", sum)
	}
	return nil
}

// Split divides amount micro-tokens: the treasury and the challenger get
// their shares rounded down (shares rounded to billionths) and the burn
// takes the rest, so the three parts add up to amount exactly.
func (s SlashSplit) Split(amount int64) (burn, treasury, challenger int64) {
	treasury = FracOf(amount, s.Treasury)
	challenger = FracOf(amount, s.Challenger)
	if treasury+challenger > amount { // shares rounded up past 1
		challenger = amount - treasury
	}
	return amount - treasury - challenger, treasury, challenger
}
