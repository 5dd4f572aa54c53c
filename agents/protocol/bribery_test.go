package protocol

import (
	"math"
	"testing"
)

// TestButerinBribery is the worked case of Buterin's "On collusion"
// (calibration.md): 1,000 voters each lose 100 if the proposal passes and
// each is pivotal with probability 1%, so each expects to lose only 1 by
// selling its vote. A bribe of 5 is accepted by everyone: the attacker pays
// 5,000 and the voters lose 100,000.
func TestButerinBribery(t *testing.T) {
	t.Parallel()
	losses := make([]float64, 1000)
	pivots := make([]float64, 1000)
	for i := range losses {
		losses[i], pivots[i] = 100, 0.01
	}
	n, paid, lost := OfferBribe(5, losses, pivots)
	if n != 1000 || paid != 5000 || lost != 100_000 {
		t.Errorf("accepted %d, paid %v, voters lose %v; want 1000, 5000, 100000", n, paid, lost)
	}
	// The threshold is the expected loss, 100*1% = 1.
	if BribeAccepted(1, 100, 0.01) || !BribeAccepted(1.01, 100, 0.01) {
		t.Error("a bribe is accepted exactly when it exceeds loss*pivot")
	}
	// A voter who is surely pivotal sells only above its full loss.
	if BribeAccepted(99, 100, 1) {
		t.Error("a pivotal voter accepted less than its loss")
	}
	// The same case as a uniform-price purchase: each voter has power 1
	// and reservation 1; buying 600 votes of swing 1 costs 600 at price 1.
	quotes := make([]BribeQuote, 1000)
	for i := range quotes {
		quotes[i] = BribeQuote{Power: 1, Swing: 1, Reservation: losses[i] * pivots[i]}
	}
	price, cost, k, ok := CheapestBribe(quotes, 600, 0)
	if !ok || price != 1 || cost != 600 || k != 600 {
		t.Errorf("CheapestBribe: price %v cost %v voters %d ok %v; want 1, 600, 600, true", price, cost, k, ok)
	}
	if _, _, _, ok := CheapestBribe(quotes, 1001, 0); ok {
		t.Error("bought more swing than exists")
	}
	// Pivot probability: a voter with 1% of turnout is pivotal with
	// probability 0.5%; a voter with all of it surely.
	if got := PivotProbability(1, 100); math.Abs(got-0.005) > 1e-15 {
		t.Errorf("pivot %v, want 0.005", got)
	}
	if PivotProbability(100, 100) != 0.5 || PivotProbability(300, 100) != 1 {
		t.Error("pivot probability is share/2, at most 1")
	}
}
