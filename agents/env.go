package agents

// The World's side of the interfaces between the built-in parts
// (shared_parts.go): each method reads or changes the state of the part that
// owns it, so a component reaches it only through these.

import "github.com/seqsim/seqsim/agents/protocol"

var (
	_ verificationEnv = (*World)(nil)
	_ capturePrices   = (*World)(nil)
	_ councilEnv      = (*World)(nil)
	_ attackerEnv     = (*World)(nil)
	_ governanceEnv   = (*World)(nil)
	_ sequencingEnv   = (*World)(nil)
	_ treasuryEnv     = (*World)(nil)
	_ schedulesEnv    = (*World)(nil)
	_ demandEnv       = (*World)(nil)
	_ pricesEnv       = (*World)(nil)
	_ governedEnv     = (*World)(nil)
	_ ballot          = (*proposal)(nil)
)

func (w *World) shiftValue(jump float64) { w.logValue += jump }

func (w *World) bankFraudBonds(usd float64) {
	w.toTreasuryUSD(usd)
	w.usd.in(flowFraudBonds, usd)
}

func (w *World) tracing() bool                         { return w.trace != nil }
func (w *World) cashFlowValuation() protocol.Valuation { return w.valuation }

func (w *World) stakingPlain() bool { return w.plainStaking }

func (w *World) today() int { return w.day }

func (w *World) claimSupply() int64 {
	return w.supply0 + w.minted - w.burned - w.treasuryTokens() - w.rewardPool
}

func (w *World) fundAttacker(usd float64)    { w.usd.in(flowLaunch, usd) }
func (w *World) attackerFlowIn(usd float64)  { w.usd.in(flowAttacker, usd) }
func (w *World) attackerFlowOut(usd float64) { w.usd.out(flowAttacker, usd) }

func (pr *proposal) kindOf() propKind { return pr.kind }

func (pr *proposal) addAttackVotes(n int64) {
	pr.tally.For += n
	pr.attVotes += n
	pr.cast += n
}

func (pr *proposal) votesToPass() int64 { return pr.tally.VotesToPass() }
func (pr *proposal) noteAttackVotes()   { pr.noteVote(pr.attVotes) }

func (w *World) holderView() holderView {
	h := &w.h
	n := h.len()
	return holderView{kind: h.kind[:n], liquid: h.liquid[:n], staked: h.staked[:n], unbonding: h.unbonding[:n]}
}

func (w *World) debitHolder(i int, to Account, n int64)    { holderTable{w}.Debit(i, to, n) }
func (w *World) creditHolder(i int, from Account, n int64) { holderTable{w}.Credit(i, from, n) }

func (w *World) burn(from Account, n int64) {
	debit(from, n)
	w.burned += n
}

func (w *World) buyStake(want int64) (int64, bool) {
	usd, err := w.costToBuy(want)
	if err != nil {
		return 0, false
	}
	got := w.buy(usd)
	w.usd.in(flowOperators, usd)
	return got, true
}

func (w *World) sellEarnings(tokens int64) {
	w.usd.out(flowOperators, w.sell(tokens))
}

func (w *World) takeTreasuryTokens(want int64) int64 { return w.fromTreasury(want) }

func (w *World) takeRewards(n int64) { w.rewardPool -= n }
func (w *World) stakingAPR() float64 { return w.aprSignal }
func (w *World) holdersStake() int64 { return w.totStaked }

func (w *World) auctionProceeds(usd float64) {
	w.toTreasuryUSD(usd)
	w.usd.in(flowAuction, usd)
}

func (w *World) treasurySpent(usd float64) { w.usd.out(flowTreasurySpend, usd) }

func (w *World) vestingColumns() (granted, locked, liquid []int64) {
	return w.h.granted, w.h.locked, w.h.liquid
}

func (w *World) vested(n int64) { w.totLiquid += n }
