package protocol

// Vote buying after Buterin ("On collusion", 2019): a voter who expects to
// lose Loss if a proposal passes, and whose vote decides the outcome with
// probability Pivot, expects to lose only Loss*Pivot by selling its vote. A
// bribe larger than that is accepted, even by a voter who knows the
// proposal is harmful: with many small voters the pivot probability is
// small, so the votes are cheap while the harm to all voters together is
// large. calibration.md: 1,000 voters who each lose 100, each pivotal with
// probability 1%, all accept a bribe of 5; the attacker pays 5,000 and the
// voters lose 100,000.

// BribeAccepted reports whether a voter accepts bribe when it loses loss if
// the proposal passes and is pivotal with probability pivot.
func BribeAccepted(bribe, loss, pivot float64) bool { return bribe > loss*pivot }

// OfferBribe offers bribe to every voter i (who loses losses[i] if the
// proposal passes and is pivotal with probability pivots[i]) and returns
// how many accept, what the attacker pays them, and what the accepting
// voters lose in total if the proposal passes.
func OfferBribe(bribe float64, losses, pivots []float64) (accepted int, paid, lossIfPasses float64) {
	for i, l := range losses {
		if BribeAccepted(bribe, l, pivots[i]) {
			accepted++
			paid += bribe
			lossIfPasses += l
		}
	}
	return accepted, paid, lossIfPasses
}

// PivotProbability is the chance that a voter with power w decides a vote
// in which the expected turnout is turnout (same unit): the margin between
// for and against, as a share of turnout, is taken as uniform on [-1, 1]
// (a voter knows little about how others will vote), so a voter of share
// s = w/turnout is pivotal with probability s/2, at most 1.
func PivotProbability(w, turnout float64) float64 {
	if !(turnout > 0) {
		return 1
	}
	return min(w/(2*turnout), 1)
}

// BribeQuote is one voter's offer of its vote: its voting Power, the Swing
// its vote adds to the attacker's margin over the votes against (its power,
// plus the votes against it would have cast), and its Reservation price per
// unit of power (loss per unit of power times its pivot probability).
type BribeQuote struct {
	Power, Swing, Reservation float64
}

// CheapestBribe buys votes at one uniform price per unit of power, the
// cheapest voters first (quotes sorted by increasing Reservation), until the
// bought swing reaches needSwing and the bought power reaches needPower.
// The price is the reservation of the last voter bought (the limit of a
// bribe just above it), paid on all the power bought. It returns the price,
// the cost, the number of voters bought, and false when all the quotes
// together do not suffice.
func CheapestBribe(quotes []BribeQuote, needSwing, needPower float64) (price, cost float64, n int, ok bool) {
	var swing, power float64
	if needSwing <= 0 && needPower <= 0 {
		return 0, 0, 0, true
	}
	for i, q := range quotes {
		swing += q.Swing
		power += q.Power
		price = q.Reservation
		if swing >= needSwing && power >= needPower {
			return price, price * power, i + 1, true
		}
	}
	return price, price * power, len(quotes), false
}
