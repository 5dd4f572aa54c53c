package agents

// The verification game's payoffs: what checking a batch is worth to a
// verifier, the share of a pot it expects, and the logit choice and its
// expected payoff (verification.go plays the game with them).

import (
	"math"

	"github.com/seqsim/seqsim/agents/protocol"
)

// potShare is the expected share of a pot split among checkers that one
// checker sees, E[1/(1+K)] at the mean belief over the n learning
// verifiers and today's defensive validators (1 when nothing is split).
func (vg *verification) potShare(sumBelief float64, n int) float64 {
	if m := vg.g.defensive; m > 0 {
		sumBelief += float64(m) * vg.p.Verification.DefensiveCheckRate
		n += m
	}
	if n > 1 && (vg.p.Verification.RewardMode == RewardShared || vg.g.windfallUSD > 0) {
		return shareOfPot(sumBelief/float64(n), n)
	}
	return 1
}

// defensiveMiss is the probability that every defensive validator running
// today misses a batch: (1 - defensive_check_rate)^m.
func (vg *verification) defensiveMiss() float64 {
	m := vg.g.defensive
	if m == 0 {
		return 1
	}
	return math.Pow(1-vg.p.Verification.DefensiveCheckRate, float64(m))
}

// checkGain is Γ: a verifier's expected gain from checking one batch, at
// check cost c, loss when a fraud passes loss, probability others that
// nobody else checks, and expected share of a split pot share.
func (vg *verification) checkGain(c, loss, others, share float64) float64 {
	vp := &vg.p.Verification
	g := &vg.g
	reward := vp.Reward
	if vp.RewardMode == RewardShared {
		reward *= share
	}
	extra := vp.AttentionRate*vp.AttentionPayment + vp.SubsidyPerCheck
	return g.cheatBelief*(reward+g.windfallUSD*share+loss*others) + extra - c
}

// logSum is the expected payoff of a logit chooser between an action worth
// gain and one worth 0 at temperature temp, its taste shock included:
// temp ln(1 + e^(gain/temp)) (the log-sum; McFadden 1978, Small and Rosen
// 1981). It is at least max(gain, 0), to which it tends as temp goes to 0.
func logSum(gain, temp float64) float64 {
	if !(temp > 0) {
		return max(gain, 0)
	}
	z := gain / temp
	if z > 40 {
		return gain
	}
	return temp * math.Log1p(math.Exp(z))
}

// logitChoice is the probability of taking an action whose expected payoff
// advantage is gain at temperature temp (0: best response, ties to not
// acting, so a sequencer with nothing to gain stays honest).
func logitChoice(gain, temp float64) float64 {
	if temp > 0 {
		return protocol.Logistic(gain / temp)
	}
	if gain > 0 {
		return 1
	}
	return 0
}

// shareOfPot is E[1/(1+K)] for K ~ Binomial(n-1, p): the expected share of
// a pot split among the checkers, seen by one checker. Exact for identical
// verifiers; with heterogeneous ones p is the mean belief over all
// verifiers (one evaluation per revision, not one per verifier).
func shareOfPot(p float64, n int) float64 {
	if !(p > 1e-12) {
		return 1
	}
	return -math.Expm1(float64(n)*math.Log1p(-min(p, 1))) / (float64(n) * p)
}
