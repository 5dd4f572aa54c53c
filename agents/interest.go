package agents

import (
	"github.com/seqsim/seqsim/agents/protocol"
)

// Voters' interest in a fee-split proposal (issue 15, item 4, in part). A
// fee-split proposal scales the stakers' share of fees by its factor
// (within 1/4 and 4 times the launch share) and takes the difference from,
// or gives it to, the treasury's share or, with probability
// governance.fee_burn_side, the burn's. What it changes for the tokens a
// voter votes is their yearly cash yield: a token earns the burn's share
// of fees spread over the circulating supply C (a buyback raises every
// token), and a staked token also earns the stakers' share spread over the
// bonded stake S. With R the day's fee revenue and P the pool price, the
// change per token voted is
//
//	Δu = 365·R·(Δf_b/C + σ·Δf_s/S) / P
//
// with σ the staked share of the tokens the voter votes (its own, or its
// delegators' for a delegate). The voter's chance of voting for the
// proposal moves from the proposal's support by InterestWeight·Δu on the
// logit scale. Stakers oppose cutting their share for the burn (since
// S < C they lose more than the burn gives them); holders who do not stake
// support it; the treasury's share reaches no holder's yield, so moving it
// moves only stakers.

// feeSplitAfter is the run's fee split once pr executes.
func (w *World) feeSplitAfter(pr *proposal) protocol.FeeSplit {
	fs := w.feeSplit
	s0 := w.live.stakers0
	if pr.burnSide {
		fs.Stakers = scaleWithin(fs.Stakers, pr.value, s0, 1-fs.Treasury)
		fs.Burn = max(1-fs.Treasury-fs.Stakers, 0)
		return fs
	}
	fs.Stakers = scaleWithin(fs.Stakers, pr.value, s0, 1-fs.Burn)
	fs.Treasury = max(1-fs.Burn-fs.Stakers, 0)
	return fs
}

// feeYieldChange is what pr changes in the yearly cash yield of a token
// voted with staked share sigma: for a holder who does not stake (0) and
// for a fully staked one (1); Δu(σ) = liquid + σ·(staked − liquid).
func (w *World) feeYieldChange(pr *proposal) (liquid, staked float64) {
	after := w.feeSplitAfter(pr)
	price := w.pool.Price()
	circ := w.circulating()
	if !(price > 0) || !(circ > 0) {
		return 0, 0
	}
	perYear := 365 * w.feeUSD / price
	liquid = perYear * (after.Burn - w.feeSplit.Burn) / circ
	staked = liquid
	if bonded := protocol.Tokens(w.totStaked + w.ops.totSelf); bonded > 0 {
		staked += perYear * (after.Stakers - w.feeSplit.Stakers) / bonded
	}
	return liquid, staked
}
