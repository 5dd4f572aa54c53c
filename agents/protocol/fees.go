package protocol

import (
	"fmt"
	"math"
)

// FeeSplit divides net sequencer profit between stakers (through sequencer
// commission), the treasury and a burn. The seed guide's example is
// 40/40/20; the shares must sum to 1.
type FeeSplit struct {
	Stakers, Treasury, Burn float64
}

// Validate checks the shares are in [0, 1] and sum to 1 (within 1e-9).
func (f FeeSplit) Validate() error {
	for _, s := range []float64{f.Stakers, f.Treasury, f.Burn} {
		if !(s >= 0 && s <= 1) {
			return fmt.Errorf("protocol: fee share %v outside [0, 1]", s)
		}
	}
	if sum := f.Stakers + f.Treasury + f.Burn; math.Abs(sum-1) > 1e-9 {
		return fmt.Errorf("protocol: fee shares sum to %v, want 1", sum)
	}
	return nil
}

// Split divides micro-USD amount: stakers and treasury get their shares
// rounded down and the burn takes the rest, so the three parts add up to
// amount exactly.
func (f FeeSplit) Split(amount int64) (stakers, treasury, burn int64) {
	stakers = int64(float64(amount) * f.Stakers)
	treasury = int64(float64(amount) * f.Treasury)
	if stakers+treasury > amount { // float rounding at the edge
		treasury = amount - stakers
	}
	return stakers, treasury, amount - stakers - treasury
}
