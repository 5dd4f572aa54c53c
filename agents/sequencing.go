package agents

import (
	"github.com/seqsim/seqsim/agents/protocol"
)

// sequence is step 3 of DESIGN.md up to the verification game:
// operators' faults and slashes, the active set, and who posts each of
// today's batches.
func (sq *sequencing) sequence() {
	sq.operatorsDayStart()
	sq.operatorOffences()
	sq.selectActive()
	sq.assignBatches()
}

// assignBatches gives each of today's batches to an online active operator:
// by stake-weighted round robin (CometBFT proposer priority, carried over
// between days), or all to the winner of the day's second-price slot
// auction. An offline operator's slots go to the others.
func (sq *sequencing) assignBatches() {
	o := &sq.ops
	n := &sq.net
	n.online = n.online[:0]
	for _, k := range n.act {
		if !o.offline[k] {
			n.online = append(n.online, k)
		}
	}
	n.nBatches = 0
	if len(n.online) == 0 {
		return
	}
	b := len(n.batchOp)
	n.nBatches = b
	if sq.p.Sequencers.Mode == ModeAuction {
		k := sq.runAuction()
		for i := range b {
			n.batchOp[i] = int32(k)
		}
		o.batches[k] = int32(b)
		return
	}
	if len(n.online) == 1 {
		k := n.online[0]
		for i := range b {
			n.batchOp[i] = int32(k)
		}
		o.batches[k] = int32(b)
		return
	}
	prio, weight := n.prio[:len(n.online)], n.weight[:len(n.online)]
	var total int64
	for _, k := range n.online {
		total += o.stake(k)
	}
	for j, k := range n.online {
		prio[j] = o.prio[k]
		weight[j] = 1
		if total > 0 {
			weight[j] = float64(o.stake(k)) / float64(total)
		}
	}
	for i := range b {
		k := n.online[protocol.NextProposer(prio, weight)]
		n.batchOp[i] = int32(k)
		o.batches[k]++
	}
	for j, k := range n.online {
		o.prio[k] = prio[j]
	}
}

// runAuction sells today's sequencing slot: each online active operator
// bids its value of the day, edge times today's fee revenue (truthful
// bidding is dominant in a second-price auction, Vickrey 1961). The highest
// bid wins (ties to the larger stake, then the older slot), pays the second
// highest bid to the treasury and keeps the difference.
func (sq *sequencing) runAuction() int {
	o := &sq.ops
	n := &sq.net
	win, first, second := -1, -1.0, 0.0
	fees := sq.env.feeRevenue()
	for _, k := range n.online { // online is sorted by stake
		bid := o.edge[k] * fees
		switch {
		case bid > first:
			win, second, first = k, max(first, 0), bid
		case bid > second:
			second = bid
		}
	}
	sq.env.auctionProceeds(second)
	o.usdToday[win] += first - second
	return win
}

// payRewards pays today's emission m (micro-tokens, from the reward
// pool) and the stakers' fee share stakerUSD to the active operators in
// proportion to their work (batches posted in rotation mode; online stake
// in auction mode, where the slot is sold), at price (USD per token). Each
// operator keeps its commission and credits the rest of the tokens to its
// own reward index over its self-stake and delegations; the rest of the
// USD is paid out to the same stake the same day, the operator's own part
// counted in its income. It returns the commission in tokens (which the
// caller takes from the reward pool; the credited rest stays there until
// settled, with the rounding dust, so conservation is exact) and in USD,
// and false when no operator worked today (then nothing is paid).
func (sq *sequencing) payRewards(m int64, stakerUSD, price float64) (comTokens int64, comUSD float64, ok bool) {
	o := &sq.ops
	n := &sq.net
	auction := sq.p.Sequencers.Mode == ModeAuction
	work := func(k int) int64 {
		if auction {
			if o.offline[k] {
				return 0
			}
			return o.stake(k)
		}
		return int64(o.batches[k])
	}
	var total int64
	for _, k := range n.act {
		total += work(k)
	}
	if total <= 0 {
		return 0, 0, false
	}
	for _, k := range n.act {
		wk := work(k)
		if wk <= 0 {
			continue
		}
		r := protocol.MulDiv(m, wk, total)
		com := protocol.FracOf(r, o.commission[k])
		o.liquid[k] += com
		o.totLiquid += com
		comTokens += com
		stake := o.stake(k)
		o.index[k].Credit(r-com, stake)
		usd := stakerUSD * float64(wk) / float64(total)
		own := 0.0 // the operator's self-stake's part of the USD after commission
		if stake > 0 {
			own = usd * (1 - o.commission[k]) * float64(o.self[k]) / float64(stake)
		}
		o.usdToday[k] += usd*o.commission[k] + own + protocol.Tokens(com)*price
		comUSD += usd * o.commission[k]
	}
	return comTokens, comUSD, true
}
