package agents

import (
	"fmt"
)

// Exchange is the AMM pool the token trades on, as a mechanism reaches it.
// Every swap counts in the day's net selling, whose permanent impact moves
// the outside value at the next arbitrage round (DESIGN.md, "Market").
type Exchange interface {
	// Price is the pool's marginal price, USD per token.
	Price() float64
	// DepthUSD is the pool's USD reserve.
	DepthUSD() float64
	// PositionUSD is the value of units of liquidity at the marginal
	// price: their share of both reserves.
	PositionUSD(units float64) float64
	// Sell swaps tokens (micro-tokens) from the account into the pool and
	// returns the USD paid to the seller, who is outside the model (the
	// USD ledger books it to the mechanism's outside counterparties).
	Sell(from Account, tokens int64) (usd float64)
	// Buy swaps usd from outside the model into the pool and credits the
	// tokens bought to the account.
	Buy(to Account, usd float64) (tokens int64)
	// AddLiquidity deposits tokens from the account with the matching USD
	// (from outside the model) at the marginal price, and returns the
	// share units minted and the USD deposited; the price does not move.
	AddLiquidity(from Account, tokens int64) (units, usd float64)
	// RemoveLiquidity burns units and credits their share of the token
	// reserve to the account; their share of the USD reserve leaves the
	// model to the provider. The price does not move.
	RemoveLiquidity(to Account, units float64) (tokens int64, usd float64)
}

// Minting is today's emission of new tokens, minted into the staking
// reward pool before the SlotSchedules phases run.
type Minting interface {
	// Today is the micro-tokens minted today.
	Today() int64
	// Take moves the fraction frac of today's emission, out of what the
	// stakers would receive, from the reward pool to the account, and
	// returns the micro-tokens moved. In the phases of SlotRewards and
	// later the stakers have been paid, and it returns 0.
	Take(to Account, frac float64) int64
}

// Ledger moves tokens between a mechanism's accounts and out of the
// supply.
type Ledger interface {
	// Move moves n micro-tokens between accounts; it panics if from holds
	// fewer (a bug in the mechanism, like any broken conservation).
	Move(from, to Account, n int64)
	// Burn destroys n micro-tokens of the account.
	Burn(from Account, n int64)
	// PayIn credits usd from the mechanism's outside counterparties to a
	// USD account; PayOut pays usd from the account to them (it panics if
	// the account holds less).
	PayIn(to USDAccount, usd float64)
	PayOut(from USDAccount, usd float64)
}

// HolderTable is the table of holder agents as a mechanism reaches it:
// whole columns, indexed by agent (0 to Len()-1), for loops without a
// call per agent. The slices are the model's own and are read-only: a
// mechanism changes a balance only through Credit and Debit, which keep
// the totals the conservation check sums.
type HolderTable interface {
	// Len is the number of holder agents.
	Len() int
	// Type is agent i's holder type (a key of [holders]).
	Type(i int) string
	// Liquid, Staked and Locked are the agents' balances in micro-tokens:
	// free to sell, delegated (with plain staking, staked), and still
	// vesting.
	Liquid() []int64
	Staked() []int64
	Locked() []int64
	// Credit moves n micro-tokens from the account to agent i's liquid
	// balance; Debit moves them from it to the account (it panics if the
	// agent holds fewer).
	Credit(i int, from Account, n int64)
	Debit(i int, to Account, n int64)
}

// The implementations are views of the World: no state of their own.
// exchange and ledger book the mechanism's trades with outside to its own
// counterparties in the USD ledger (ext: its place in the list).
type (
	exchange struct {
		w   *World
		ext int
	}
	emission    struct{ w *World }
	holderTable struct{ w *World }
	ledger      struct {
		w   *World
		ext int
	}
)

func (m exchange) Price() float64                    { return m.w.price() }
func (m exchange) DepthUSD() float64                 { return m.w.poolUSD() }
func (m exchange) PositionUSD(units float64) float64 { return m.w.positionUSD(units) }

func (m exchange) Sell(from Account, tokens int64) float64 {
	debit(from, tokens)
	usd := m.w.sell(tokens)
	m.w.usd.out(mechanismFlow(m.ext), usd)
	return usd
}

func (m exchange) Buy(to Account, usd float64) int64 {
	got := m.w.buy(usd)
	*to.bal += got
	m.w.usd.in(mechanismFlow(m.ext), usd)
	return got
}

func (m exchange) AddLiquidity(from Account, tokens int64) (float64, float64) {
	debit(from, tokens)
	units, usd := m.w.addLiquidity(tokens)
	m.w.usd.in(mechanismFlow(m.ext), usd)
	return units, usd
}

func (m exchange) RemoveLiquidity(to Account, units float64) (int64, float64) {
	tokens, usd := m.w.removeLiquidity(units)
	*to.bal += tokens
	m.w.usd.out(mechanismFlow(m.ext), usd)
	return tokens, usd
}

func (e emission) Today() int64 { return e.w.emittedToday() }

func (e emission) Take(to Account, frac float64) int64 {
	n := e.w.takeEmission(frac)
	*to.bal += n
	return n
}

func (l ledger) Move(from, to Account, n int64) {
	debit(from, n)
	*to.bal += n
}

func (l ledger) Burn(from Account, n int64) {
	debit(from, n)
	l.w.burned += n
}

// debit takes n >= 0 micro-tokens from an account, or panics: a
// mechanism spending tokens it does not hold breaks conservation.
func debit(a Account, n int64) {
	if n < 0 || n > *a.bal {
		panic(fmt.Sprintf("agents: a mechanism moves %d micro-tokens from an account holding %d", n, *a.bal))
	}
	*a.bal -= n
}

func (l ledger) PayIn(to USDAccount, usd float64) {
	*to.bal += usd
	l.w.usd.in(mechanismFlow(l.ext), usd)
}

func (l ledger) PayOut(from USDAccount, usd float64) {
	if !(usd >= 0 && usd <= *from.bal) {
		panic(fmt.Sprintf("agents: a mechanism pays %v USD from an account holding %v", usd, *from.bal))
	}
	*from.bal -= usd
	l.w.usd.out(mechanismFlow(l.ext), usd)
}

func (h holderTable) Len() int          { return h.w.h.len() }
func (h holderTable) Type(i int) string { return h.w.p.Holders.Key(int(h.w.h.kind[i])) }
func (h holderTable) Liquid() []int64   { return h.w.h.liquid }
func (h holderTable) Staked() []int64   { return h.w.h.staked }
func (h holderTable) Locked() []int64   { return h.w.h.locked }

func (h holderTable) Credit(i int, from Account, n int64) {
	debit(from, n)
	h.w.h.liquid[i] += n
	h.w.totLiquid += n
}

func (h holderTable) Debit(i int, to Account, n int64) {
	if n < 0 || n > h.w.h.liquid[i] {
		panic(fmt.Sprintf("agents: a mechanism takes %d micro-tokens from agent %d holding %d", n, i, h.w.h.liquid[i]))
	}
	h.w.h.liquid[i] -= n
	h.w.totLiquid -= n
	*to.bal += n
}
