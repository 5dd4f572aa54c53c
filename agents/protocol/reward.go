package protocol

import "math/bits"

// rewardShift is the fixed-point scale of RewardIndex: the index counts
// micro-tokens of reward per micro-token staked in units of 2^-48.
const rewardShift = 48

// RewardIndex is lazy pro-rata reward accounting (the "reward per token"
// accumulator of staking contracts): crediting a reward costs O(1), and each
// staker settles only when its stake changes. All arithmetic is integer and
// rounds down, so the sum of what stakers can claim never exceeds what was
// credited: the remainder stays in the reward pool and conservation is exact.
type RewardIndex struct {
	Acc uint64 // cumulative reward per micro-token staked, scaled by 2^48
}

// Credit distributes reward micro-tokens over total staked micro-tokens and
// returns the amount actually assigned (at most reward).
func (r *RewardIndex) Credit(reward, total int64) int64 {
	if reward <= 0 || total <= 0 {
		return 0
	}
	hi, lo := bits.Mul64(uint64(reward), 1<<rewardShift)
	if hi >= uint64(total) {
		return 0 // reward too large for the scale: refuse rather than overflow
	}
	d, _ := bits.Div64(hi, lo, uint64(total))
	r.Acc += d
	// The assigned amount is what total stake could claim: floor(total*d/2^48).
	h, l := bits.Mul64(uint64(total), d)
	return int64(h<<(64-rewardShift) | l>>rewardShift)
}

// Owed is the reward earned by stake micro-tokens since the index was at
// snapshot: floor(stake*(Acc-snapshot)/2^48).
func (r *RewardIndex) Owed(stake int64, snapshot uint64) int64 {
	if stake <= 0 {
		return 0
	}
	h, l := bits.Mul64(uint64(stake), r.Acc-snapshot)
	return int64(h<<(64-rewardShift) | l>>rewardShift)
}
