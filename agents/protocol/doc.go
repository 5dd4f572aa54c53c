// Package protocol holds the deterministic rules of a sequencer network's
// token: vesting, emission, the constant-product AMM, the fee split,
// pro-rata reward accounting, slashing, proposer rotation, stake
// concentration, the inspection game's closed form, and governance: the
// governor, vote buying and lending. Every function is pure or acts on one small
// value, so each rule is unit-tested against a worked example and the agent
// loops in package agents only index and call them.
//
// # Outline
//
//   - [VestingSchedule]: cliff plus stepped linear release; [VestingSchedule.ReleasedAt].
//   - [EmissionSchedule]: none, constant rate, exponential decay, halving to a cap.
//   - [Pool]: a constant-product token/USD pool with a swap fee.
//   - [FeeSplit]: stakers / treasury / burn shares of sequencer profit.
//   - [RewardIndex]: lazy pro-rata reward accounting in integer arithmetic.
//   - [FracOf], [SlashSplit]: exact fractional slashes and their burn /
//     treasury / challenger split.
//   - [NextProposer]: CometBFT's stake-weighted round robin.
//   - [NakamotoCoefficient], [HHI]: concentration of stake.
//   - [InspectionGame]: the verifier's dilemma and its mixed equilibrium.
//   - [Governor], [Tally], [Council]: proposal timing, quorum and majority,
//     an M-of-N council's veto; [VotesToCapture] and [CostToBuyOverDays]
//     price an undefended vote.
//   - [BribeAccepted], [CheapestBribe]: vote buying after Buterin.
//   - [LendingMarket]: term and flash loans of the token.
//
// # Units
//
// Token balances are int64 micro-tokens ([Micro] per token), so the
// conservation check "every token minted is in exactly one place or burned"
// is exact integer arithmetic (10 billion tokens is 1e16 micro-tokens, far
// below the int64 limit of 9.2e18). USD amounts and prices are float64.
// Days count from launch (day 0 = token generation event).
package protocol

// Micro is the number of micro-tokens in one token.
const Micro = 1_000_000

// ToMicro converts a token amount to micro-tokens, rounding down.
func ToMicro(tokens float64) int64 { return int64(tokens * Micro) }

// Tokens converts micro-tokens to tokens.
func Tokens(micro int64) float64 { return float64(micro) / Micro }
