package protocol

import "math"

// Governor is a token-voting governor with the timings of OpenZeppelin's
// Governor and Compound's GovernorBravo: a proposal made on day c takes its
// voting-power snapshot on day c+SnapshotDelayDays, is voted on until
// Snapshot+VotingDays, and a passed proposal waits TimelockDays before it
// executes; a security council may veto it during the timelock.
//
// With SnapshotDelayDays = 0 there is no snapshot in the past: votes are
// counted with the balance held when they are cast, so tokens borrowed and
// repaid in the same transaction (a flash loan) vote. This is how the
// Beanstalk attacker won its vote in April 2022 (calibration.md). A delay
// of a day or more makes a voter hold its tokens across a block boundary,
// which a flash loan cannot do.
type Governor struct {
	SnapshotDelayDays, VotingDays, TimelockDays int
	// Quorum is the share of the votable supply (at the snapshot) that must
	// vote for a proposal (GovernorBravo counts only "for" votes).
	Quorum float64
}

// ProposalTimes are the days of a proposal's stages.
type ProposalTimes struct {
	Created, Snapshot, VoteEnd, Execute int
}

// Schedule returns the stage days of a proposal made on day created.
func (g Governor) Schedule(created int) ProposalTimes {
	s := created + g.SnapshotDelayDays
	e := s + g.VotingDays
	return ProposalTimes{Created: created, Snapshot: s, VoteEnd: e, Execute: e + g.TimelockDays}
}

// FlashLoansVote reports whether tokens borrowed and repaid within one
// transaction count as votes: only when there is no snapshot delay.
func (g Governor) FlashLoansVote() bool { return g.SnapshotDelayDays == 0 }

// QuorumVotes is the number of "for" votes a proposal needs with votable
// supply votable (any unit; rounded up in the caller's integer unit).
func (g Governor) QuorumVotes(votable int64) int64 {
	return int64(math.Ceil(g.Quorum * float64(votable)))
}

// Tally is the vote on one proposal, in voting power (micro-tokens).
type Tally struct {
	For, Against, Quorum int64
}

// Passed reports whether the proposal passed: at least Quorum votes for,
// and more for than against (GovernorBravo's rule).
func (t Tally) Passed() bool { return t.For >= t.Quorum && t.For > t.Against }

// VotesToPass is how many more "for" votes the tally needs to pass: enough
// to reach the quorum and to exceed the votes against by one unit.
func (t Tally) VotesToPass() int64 {
	return max(t.Quorum-t.For, t.Against+1-t.For, 0)
}

// VotesToCapture is the number of votes an attacker needs to pass a
// proposal that every other voter opposes, with no defence but the vote:
// honest turnout t (a share of the votable supply V) all against, quorum q
// of V for. It is max(t*V + 1, q*V) (rounded up), in V's unit.
func VotesToCapture(votable int64, turnout, quorum float64) int64 {
	against := int64(turnout * float64(votable))
	return max(against+1, Governor{Quorum: quorum}.QuorumVotes(votable))
}

// Outcome is how a proposal ends.
type Outcome uint8

const (
	Defeated Outcome = iota // the vote failed
	Vetoed                  // passed, then vetoed by the council in the timelock
	Executed                // passed and survived the timelock
)

// Resolve is the end of a proposal: defeated unless the tally passed,
// vetoed when the council vetoed it, executed otherwise.
func Resolve(t Tally, vetoed bool) Outcome {
	switch {
	case !t.Passed():
		return Defeated
	case vetoed:
		return Vetoed
	}
	return Executed
}

// Council is an M-of-N security council (Arbitrum's is 9 of 12): any
// action, a veto included, needs Threshold of its Members' signatures.
type Council struct {
	Members, Threshold int
}

// Captured reports whether compromised keys alone reach the threshold: the
// holder of those keys can act as the council.
func (c Council) Captured(compromised int) bool {
	return c.Members > 0 && compromised >= c.Threshold
}

// VetoProbability is the probability that the council vetoes a malicious
// proposal during its timelock: at least Threshold of its honest
// (uncompromised) members each independently spot it and sign, with
// probability detect each, times power, the share of its authority the
// council still holds (1 before a progressive-decentralisation schedule
// starts to remove it, 0 after). Compromised members never sign: with
// Members-compromised < Threshold no veto is possible (Ronin, March 2022:
// 5 of 9 validator keys were held by the attacker).
func (c Council) VetoProbability(compromised int, detect, power float64) float64 {
	if c.Members <= 0 || power <= 0 {
		return 0
	}
	return min(power, 1) * BinomialTail(c.Members-compromised, c.Threshold, detect)
}

// BinomialTail is P(X >= k) for X ~ Binomial(n, p): exact summation of the
// probability mass (n is a council's size, a few dozen at most).
func BinomialTail(n, k int, p float64) float64 {
	switch {
	case k <= 0:
		return 1
	case k > n || p <= 0:
		return 0
	case p >= 1:
		return 1
	}
	var tail float64
	for j := k; j <= n; j++ {
		lc := lchoose(n, j)
		tail += math.Exp(lc + float64(j)*math.Log(p) + float64(n-j)*math.Log1p(-p))
	}
	return min(tail, 1)
}

func lchoose(n, k int) float64 {
	a, _ := math.Lgamma(float64(n + 1))
	b, _ := math.Lgamma(float64(k + 1))
	c, _ := math.Lgamma(float64(n - k + 1))
	return a - b - c
}

// CostToBuyOverDays is the USD an attacker pays to buy dx micro-tokens in
// days equal daily slices from a pool that arbitrage restores to its
// current state between days: days*CostToBuy(dx/days), the last slice
// taking the rounding remainder. With days = 1 it is Pool.CostToBuy. It is
// +Inf when one slice would drain the pool.
func CostToBuyOverDays(p Pool, dx int64, days int) float64 {
	if dx <= 0 {
		return 0
	}
	days = max(days, 1)
	slice := dx / int64(days)
	last := dx - slice*int64(days-1)
	c1, err := p.CostToBuy(slice)
	if err != nil {
		return math.Inf(1)
	}
	c2, err := p.CostToBuy(last)
	if err != nil {
		return math.Inf(1)
	}
	return float64(days-1)*c1 + c2
}

// SaleValueOverDays is the USD received for selling dx micro-tokens in
// days equal daily slices into a pool that arbitrage restores to its
// current state between days (the counterpart of CostToBuyOverDays).
func SaleValueOverDays(p Pool, dx int64, days int) float64 {
	if dx <= 0 {
		return 0
	}
	days = max(days, 1)
	slice := dx / int64(days)
	last := dx - slice*int64(days-1)
	a, b := p, p
	return float64(days-1)*a.Sell(slice) + b.Sell(last)
}
