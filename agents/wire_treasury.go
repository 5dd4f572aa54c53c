package agents

import "github.com/seqsim/seqsim/agents/protocol"

// The wiring of the treasury: the World hands each component
// its parameters, its stream and itself (the interfaces the component
// needs) at reset, and other parts reach it through these methods
// (internal/archtest allows calls of a component's methods only from
// model.go and wire_*.go).

// The treasury, for the World's reset, the ledgers, everything that pays
// into it or takes from it, the verification game, governance and the
// council (a drain), and the outcomes.
func (w *World) resetTreasury() {
	w.tr.reset(w, w.p.Treasury.InitialUSD)
	w.usd.in(flowLaunch, w.p.Treasury.InitialUSD)
}
func (w *World) treasuryAccounts() (*int64, *float64)   { return w.tr.accounts() }
func (w *World) treasuryTokens() int64                  { t, _ := w.tr.holdings(); return t }
func (w *World) treasuryUSD() float64                   { _, u := w.tr.holdings(); return u }
func (w *World) toTreasury(n int64)                     { w.tr.depositTokens(n) }
func (w *World) toTreasuryUSD(usd float64)              { w.tr.depositUSD(usd) }
func (w *World) fromTreasury(want int64) int64          { return w.tr.take(want) }
func (w *World) payTreasuryBudget()                     { w.tr.payBudget(w.day) }
func (w *World) spendTreasury(usd float64) bool         { return w.tr.spend(usd) }
func (w *World) payTreasuryTokens(n int64, grantee int) { w.tr.payTokens(n, grantee) }
func (w *World) summariseShortfalls(out []float64)      { w.tr.summarise(out, &w.col) }

// grantTokens is the treasury tokens a grant of share f pays, micro-tokens
// (governance).
func (w *World) grantTokens(f float64) int64 { return protocol.FracOf(w.treasuryTokens(), f) }
