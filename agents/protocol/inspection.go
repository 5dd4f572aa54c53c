package protocol

import "math"

// InspectionGame is the verifier's dilemma as a one-shot inspection game
// (Avenhaus, von Stengel and Zamir 2002, "Inspection games", Handbook of
// Game Theory 3, ch. 51; for rollups, Kalodner et al. 2018, "Arbitrum",
// USENIX Security, sec. 4.3): for each batch a sequencer posts an invalid
// state root for a gain Gain or stays honest; each of Verifiers verifiers
// checks the batch at cost CheckCost or not. A checked fraud is challenged:
// the sequencer loses its bond Bond and the checkers earn Reward (each, or
// one Reward shared among them when Shared); when fraud passes unchecked
// every verifier loses MissPenalty. All amounts are in the same unit (USD).
type InspectionGame struct {
	Gain, Bond, CheckCost, Reward, MissPenalty float64
	Verifiers                                  int
	Shared                                     bool
}

// Equilibrium returns the symmetric mixed equilibrium: the probability
// check that each verifier checks a batch and the probability cheat that
// the sequencer posts an invalid root.
//
// The sequencer is indifferent when the batch is caught with probability
// G/(G+S): 1-(1-p)^N = G/(G+S), so p* = 1-(S/(G+S))^(1/N). Each verifier is
// indifferent when the expected reward of checking equals the expected
// miss penalty avoided: q*(R_i + L(1-p)^(N-1)) = c with R_i = R when each
// checker is paid, and R times E[1/(1+K)] = R(1-(1-p)^N)/(Np), K ~ Bin(N-1, p),
// when one reward is shared. For one verifier p* = G/(G+S) and q* = c/(R+L).
//
// Raising the bond S lowers the checking rate, not the cheating rate (for
// L = 0 q* does not depend on S at all): a bigger bond makes the sequencer
// indifferent at a lower detection probability, so verifiers can afford to
// check less, and the share of frauds that pass, S/(G+S), grows.
func (g InspectionGame) Equilibrium() (check, cheat float64) {
	n := float64(max(g.Verifiers, 1))
	if !(g.Gain > 0) {
		return 0, 0
	}
	pass := g.Bond / (g.Gain + g.Bond) // (1-p*)^N
	check = 1 - math.Pow(pass, 1/n)
	reward := g.Reward
	if g.Shared && check > 0 {
		reward = g.Reward * (1 - pass) / (n * check)
	}
	cheat = g.CheckCost / (reward + g.MissPenalty*math.Pow(pass, (n-1)/n))
	return check, min(cheat, 1)
}

// UndetectedRate is the share of batches that carry a fraud nobody checks
// in the equilibrium: q*(1-p*)^N = q* S/(G+S).
func (g InspectionGame) UndetectedRate() float64 {
	_, q := g.Equilibrium()
	if !(g.Gain > 0) {
		return 0
	}
	return q * g.Bond / (g.Gain + g.Bond)
}

// Logistic is 1/(1+e^-x), computed without overflow for any x: the logit
// choice probability of an action whose payoff advantage is x temperatures.
// Beyond |x| = 40 it returns 0 or 1 without calling Exp (the error is below
// e^-40 ≈ 4e-18): learning agents are far from indifferent most of the
// time, and this keeps their revisions cheap.
func Logistic(x float64) float64 {
	switch {
	case x > 40:
		return 1
	case x < -40:
		return 0
	case x >= 0:
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}
