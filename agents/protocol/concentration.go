package protocol

// NakamotoCoefficient is the fewest holders whose stakes together exceed
// frac of the total (Srinivasan and Lee 2017, "Quantifying
// decentralization"): with frac = 1/3 the fewest sequencers that can halt a
// BFT set or censor, with 1/2 the fewest that control a majority. stakes
// must be sorted in decreasing order. It returns 0 when the total is 0.
func NakamotoCoefficient(stakes []int64, frac float64) int {
	var total int64
	for _, s := range stakes {
		total += s
	}
	if total <= 0 {
		return 0
	}
	limit := frac * float64(total)
	var sum int64
	for i, s := range stakes {
		sum += s
		if float64(sum) > limit {
			return i + 1
		}
	}
	return len(stakes)
}

// HHI is the Herfindahl-Hirschman index of the stakes: the sum of squared
// shares, from 1/n (equal stakes) to 1 (one holder). It returns 0 when the
// total is 0.
func HHI(stakes []int64) float64 {
	var total float64
	for _, s := range stakes {
		total += float64(s)
	}
	if !(total > 0) {
		return 0
	}
	var h float64
	for _, s := range stakes {
		x := float64(s) / total
		h += x * x
	}
	return h
}
