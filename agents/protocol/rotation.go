package protocol

// NextProposer runs one round of weighted round-robin proposer selection,
// the proposer-priority algorithm of CometBFT (Tendermint)
// (cometbft/types/validator_set.go, IncrementProposerPriority): every
// candidate's priority grows by its weight, the candidate with the highest
// priority proposes (ties to the lowest index), and its priority falls by the
// total weight. Over many rounds each candidate proposes in proportion to its
// weight, within one round of it at any time, without randomness. Weights
// are shares (they need not sum to 1); priorities carry over between rounds.
// It returns -1 when there is no candidate or all weights are zero.
func NextProposer(priority, weight []float64) int {
	var total float64
	best := -1
	for i, w := range weight {
		total += w
		priority[i] += w
		if best < 0 || priority[i] > priority[best] {
			best = i
		}
	}
	if best < 0 || !(total > 0) {
		return -1
	}
	priority[best] -= total
	return best
}
