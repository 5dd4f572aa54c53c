package agents

import (
	"math"
	"testing"

	"github.com/seqsim/seqsim/agents/protocol"
)

// A proposal that halves the stakers' share of fees (0.4 → 0.2) and gives
// it to the burn (0.2 → 0.4), before an electorate of stakers and before
// one of holders who do not stake, on a network where half the circulating
// holders' tokens are staked: it fails before the first and passes before
// the second. The yield changes are the closed form of interest.go:
// +365·R·0.2/(C·P) for a token that does not stake, that less
// 365·R·0.2/(S·P) for a staked one.
func TestFeeSplitInterest(t *testing.T) {
	t.Parallel()
	for _, stakersVote := range []bool{true, false} {
		p := DefaultParams()
		quietGovernance(&p)
		p.Governance.InterestWeight = 1000
		p.Governance.Quorum = 0
		w := newWorld(t, &p)
		w.day = 1000 // every holder's delay to join governance has passed
		h, vs := &w.h, &w.gov.vs
		k := 0
		for i := range h.len() {
			l := h.liquid[i]
			if l == 0 {
				continue
			}
			stakes := k%2 == 0
			k++
			if stakes { // half the holders stake everything
				h.staked[i], h.liquid[i] = l, 0
				w.totStaked += l
				w.totLiquid -= l
			}
			vs.hFrom[i] = math.MaxInt32 // does not vote
			if stakes == stakersVote {
				vs.hFrom[i] = 0
				for j := range vs.split { // votes through the delegates
					vs.hVoter[i*vs.split+j] = int32(j % vs.delegates)
				}
			}
		}
		pr := proposal{kind: propFeeSplit, burnSide: true, value: 0.5, support: 0.5, stakes: 0.5}
		after := w.feeSplitAfter(&pr)
		if math.Abs(after.Stakers-0.2) > 1e-15 || math.Abs(after.Burn-0.4) > 1e-15 || after.Treasury != 0.4 {
			t.Fatalf("split after %+v, want stakers 0.2, treasury 0.4, burn 0.4", after)
		}
		liquid, staked := w.feeYieldChange(&pr)
		perYear := 365 * w.feeUSD / w.pool.Price()
		c, s := w.circulating(), protocol.Tokens(w.totStaked+w.ops.totSelf)
		if want := perYear * 0.2 / c; math.Abs(liquid-want) > 1e-12*want {
			t.Fatalf("liquid holder's yield change %v, want %v", liquid, want)
		}
		if want := liquid - perYear*0.2/s; math.Abs(staked-want) > 1e-12*math.Abs(want) || !(staked < 0) {
			t.Fatalf("staker's yield change %v, want %v < 0", staked, want)
		}
		w.countVotes()
		w.snapshot(&pr)
		tl := pr.tally
		if tl.For+tl.Against == 0 {
			t.Fatal("nobody voted")
		}
		if passed := tl.Passed(); passed == stakersVote {
			t.Errorf("stakers vote %v: %d for, %d against, passed %v", stakersVote, tl.For, tl.Against, passed)
		}
	}
}
