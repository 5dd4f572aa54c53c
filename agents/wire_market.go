package agents

// The wiring of the market: the World hands the component its parameters
// at reset, and each arbitrage round the valuation and the demand side's
// log value (trade); other parts reach it through these methods
// (internal/archtest allows calls of a component's methods only from
// model.go and wire_*.go). None is called per agent: the holder pass
// takes the pool and the day's totals as values for a round (lendPool,
// returnPool).

import (
	"fmt"

	"github.com/seqsim/seqsim/agents/protocol"
)

// resetMarket starts the market of a run, before the pool is seeded.
func (w *World) resetMarket() error { return w.mk.reset(&w.p.Market) }

// resetPool seeds the AMM with pool_depth times the launch market cap in
// USD, and the matching tokens at the launch price, taken from the treasury.
func (w *World) resetPool() error {
	p := w.p
	circ := protocol.Tokens(w.totLiquid)
	usd := p.Market.PoolDepth * circ * p.Supply.LaunchPriceUSD
	if p.Market.PoolUSD > 0 {
		usd = p.Market.PoolUSD
	}
	tokens := protocol.ToMicro(usd / p.Supply.LaunchPriceUSD)
	if tokens > w.treasuryTokens() {
		return fmt.Errorf("agents: the pool needs %.0f tokens at launch but the treasury holds %.0f (market.pool_depth too large, or no treasury allocation unlocked at launch)",
			protocol.Tokens(tokens), protocol.Tokens(w.treasuryTokens()))
	}
	pool, err := protocol.NewPool(tokens, usd, p.Market.SwapFee)
	if err != nil {
		return err
	}
	w.fromTreasury(tokens)
	w.mk.open(pool)
	w.usd.in(flowLaunch, usd) // the pool's USD side comes from outside
	return nil
}

// The market, for the ledgers, the day, the trade slot (the holders'
// sales, arbitrage, organic buyers), the records and summaries.
func (w *World) marketAccounts() (outside, poolTokens *int64, poolUSD *float64) {
	return w.mk.accounts()
}
func (w *World) newMarketDay()                                    { w.mk.newDay() }
func (w *World) endMarketDay()                                    { w.mk.endDay() }
func (w *World) lendPool() (protocol.Pool, float64, float64)      { return w.mk.lend() }
func (w *World) returnPool(pool protocol.Pool, sold, net float64) { w.mk.takeBack(pool, sold, net) }
func (w *World) recordMarket(row []float64)                       { w.mk.record(row, &w.col) }
func (w *World) summariseMarket(out []float64)                    { w.mk.summarise(out, &w.col) }

// trade runs the day's market in interleaved rounds: in round r the holders
// i with i mod R == r act (sell, and on their review day decide on staking),
// and arbitrage follows each round. The treasury pays its budget in the
// last round, and organic buyers come at the close. With one round and no
// arbitrage this is the plain sequential market of
// shared/bench/unlock-sell.md.
//
// It is the wiring of the trade slot, so it calls the market's methods
// itself: an arbitrage round is one call (market.arbitrage), handed the
// World's valuation and demand-side log value; the fair value is kept for
// the records, and the outside traders' USD of the day booked here.
func (w *World) trade() {
	w.mk.openTrading()
	rounds := max(w.p.Market.TradingRounds, 1)
	// The operators' columns, taken once: the operators and the active set
	// change only in the sequencers' phases, so they are today's for every
	// round (and taking them is some 200 instructions).
	w.tradeOps = w.operatorColumns()
	for r := range rounds {
		w.actHolders(r, rounds)
		if r == rounds-1 {
			w.payTreasuryBudget()
		}
		w.fairValue = w.mk.arbitrage(&w.valuation, &w.logValue, w.circulating(), w.holderCashFlow())
	}
	// Organic buyers come at the close (the unlock-sell benchmark's order).
	w.mk.organicBuy(w.streams.market)
	// The outside traders' USD of the day, booked once: the ledger is
	// checked at the day's end, and a booking a round cost some 10
	// instructions.
	in, out := w.mk.outsideFlows()
	w.usd.in(flowOutsideTraders, in)
	w.usd.out(flowOutsideTraders, out)
}

// The pool, for every part that prices, buys or sells: the verification
// game, the attacker, governance, the operators, the treasury, the fees,
// the voters' interest, the capture prices and the mechanisms (Exchange).
// poolSnapshot is a copy to value trades on without making them.
func (w *World) price() float64                                 { return w.mk.price() }
func (w *World) poolUSD() float64                               { return w.mk.depthUSD() }
func (w *World) poolTokens() int64                              { return w.mk.poolTokens() }
func (w *World) poolSnapshot() protocol.Pool                    { return w.mk.snapshot() }
func (w *World) positionUSD(units float64) float64              { return w.mk.positionUSD(units) }
func (w *World) costToBuy(x int64) (float64, error)             { return w.mk.costToBuy(x) }
func (w *World) tokensToRaise(usd float64) int64                { return w.mk.tokensToRaise(usd) }
func (w *World) outsideTokens() int64                           { return w.mk.inventory() }
func (w *World) buy(usd float64) int64                          { return w.mk.buy(usd) }
func (w *World) sell(x int64) float64                           { return w.mk.sell(x) }
func (w *World) addLiquidity(tokens int64) (units, usd float64) { return w.mk.addLiquidity(tokens) }
func (w *World) removeLiquidity(units float64) (int64, float64) { return w.mk.removeLiquidity(units) }
