package agents

// The market, a component of the built-in model (model.go wires it): the
// AMM pool the token trades on, the outside traders (their inventory and
// the USD they bring a day), the day's net selling whose permanent impact
// the next arbitrage round applies, the holders' sales of the day and of
// the run, the organic outside buyers and the arbitrage rounds, and the
// metrics of the price and the supply. It needs nothing of the rest of the
// model: the wiring (wire_market.go) hands each arbitrage round the
// valuation and the demand side's log value and books the USD its trades
// move, so an arbitrage round is one call. The other parts trade through
// the wiring, behind the interfaces of shared_market.go. The holder pass
// takes the pool and the day's totals as values for a round (lend,
// takeBack), never a call per agent.

import (
	"math"
	"math/rand/v2"

	"github.com/seqsim/seqsim/agents/protocol"
)

// market is the market of one run.
type market struct {
	pool        protocol.Pool // its tokens and USD are ledger accounts
	outside     int64         // outside traders' (arbitrageurs') inventory, micro-tokens (a ledger account)
	capitalLeft float64       // outside traders' USD left for today's arbitrage buys
	netSellUSD  float64       // net selling since the last arbitrage round, USD (buys count negative)
	soldToday   float64       // USD the holders received selling today
	soldTotal   float64       // USD the holders received selling over the run, to yesterday
	outsideBuy  sampler       // organic outside buying, USD a day
	// The outside traders' USD into and out of the pool since the wiring
	// last booked them in the USD ledger (once a day, not once a trade).
	paidIn, paidOut float64
	// From the parameters, fixed for the run (governance changes none of them).
	arbSpeed        float64 // market.arb_speed: share of the log gap closed a round
	capitalDay      float64 // market.outside_capital_usd_per_day
	permanentImpact float64 // market.permanent_impact: fall of the demand-side cap per USD of net selling
}

// reset starts a run of the market section p with no pool (open seeds it),
// no outside inventory and no sales.
func (m *market) reset(p *Market) error {
	s, err := newSampler(p.OutsideBuyUSDPerDay)
	if err != nil {
		return err
	}
	// In place: the ledgers hold its accounts.
	*m = market{outsideBuy: s, arbSpeed: p.ArbSpeed, capitalDay: p.OutsideCapitalUSDPerDay, permanentImpact: p.PermanentImpact}
	return nil
}

// open seeds the pool at launch.
func (m *market) open(pool protocol.Pool) { m.pool = pool }

// accounts are the market's ledger accounts: the outside traders' tokens,
// the pool's tokens and the pool's USD.
func (m *market) accounts() (outside, poolTokens *int64, poolUSD *float64) {
	return &m.outside, &m.pool.Tokens, &m.pool.USD
}

// price is the pool's marginal price, USD per token; depthUSD its USD
// reserve; poolTokens its token reserve (micro-tokens).
func (m *market) price() float64          { return m.pool.Price() }
func (m *market) depthUSD() float64       { return m.pool.USD }
func (m *market) poolTokens() int64       { return m.pool.Tokens }
func (m *market) inventory() int64        { return m.outside }
func (m *market) snapshot() protocol.Pool { return m.pool }

// positionUSD is the value of units of liquidity at the marginal price:
// their share of both reserves.
func (m *market) positionUSD(units float64) float64 { return 2 * m.pool.USD * units / m.pool.Units }

// costToBuy is the USD that buys x micro-tokens from the pool now;
// tokensToRaise the micro-tokens whose sale raises usd.
func (m *market) costToBuy(x int64) (float64, error) { return m.pool.CostToBuy(x) }
func (m *market) tokensToRaise(usd float64) int64    { return m.pool.TokensToRaise(usd) }

// sell swaps x micro-tokens into the pool and buy swaps usd into it, each
// counted in the net selling the next arbitrage round weighs.
func (m *market) sell(x int64) float64 {
	usd := m.pool.Sell(x)
	m.netSellUSD += usd
	return usd
}

func (m *market) buy(usd float64) int64 {
	got := m.pool.Buy(usd)
	m.netSellUSD -= usd
	return got
}

// addLiquidity and removeLiquidity change the pool's depth at its
// marginal price (protocol.Pool); the price does not move.
func (m *market) addLiquidity(tokens int64) (units, usd float64) { return m.pool.AddLiquidity(tokens) }
func (m *market) removeLiquidity(units float64) (tokens int64, usd float64) {
	return m.pool.RemoveLiquidity(units)
}

// newDay starts a day's sales; endDay adds them to the run's.
func (m *market) newDay() { m.soldToday = 0 }
func (m *market) endDay() { m.soldTotal += m.soldToday }

// openTrading gives the outside traders the day's capital.
func (m *market) openTrading() { m.capitalLeft = m.capitalDay }

// lend hands the pool, the holders' sales of the day (USD) and the net
// selling since the last arbitrage round (USD) over as values for a round
// of the holder pass, which sells into them in locals, without a call per
// sale (DESIGN.md, "Speed"); takeBack takes them back after the round.
// Nothing else trades between the two.
func (m *market) lend() (pool protocol.Pool, sold, net float64) {
	return m.pool, m.soldToday, m.netSellUSD
}
func (m *market) takeBack(pool protocol.Pool, sold, net float64) {
	m.pool, m.soldToday, m.netSellUSD = pool, sold, net
}

// arbitrage is one arbitrage round. The net selling since the last round
// first lowers the demand side's log value *logValue for good (the
// permanent impact, market.permanent_impact); the token is then valued
// (v, with the circulating supply circ in tokens and the holders' cash
// flow y in USD a day, protocol.Valuation), and a share arb_speed of the
// log gap between the pool price and that fair value is closed, buying
// with what is left of the day's outside capital and selling only the
// inventory outside traders hold. It returns the fair value (USD per
// token) and the USD the outside traders paid into the pool and took out
// of it. One call a round: the valuation and the log value are the
// World's, handed over by the wiring; the USD the outside traders pay and
// receive waits in paidIn and paidOut for the day's booking.
func (m *market) arbitrage(v *protocol.Valuation, logValue *float64, circ, y float64) (fair float64) {
	diluted := v.Diluted(circ) // once a round: the supply does not change within it
	if m.netSellUSD != 0 && m.permanentImpact > 0 {
		if d := v.DemandCapAt(*logValue, diluted); d > 0 {
			*logValue += math.Log1p(-min(m.permanentImpact*m.netSellUSD/d, 0.99))
		}
	}
	m.netSellUSD = 0
	fair = v.FairValueAt(*logValue, diluted, circ, y)
	if m.arbSpeed <= 0 {
		return fair
	}
	price := m.pool.Price()
	target := price * math.Pow(fair/price, m.arbSpeed)
	buy, sell := m.pool.TradeToPrice(target)
	if buy = min(buy, m.capitalLeft); buy > 0 {
		m.capitalLeft -= buy
		m.outside += m.pool.Buy(buy)
		m.paidIn += buy
	}
	if sell = min(sell, m.outside); sell > 0 {
		m.paidOut += m.pool.Sell(sell)
		m.outside -= sell
	}
	return fair
}

// outsideFlows returns the USD the outside traders paid into the pool and
// took out of it since the last call, for the USD ledger.
func (m *market) outsideFlows() (in, out float64) {
	in, out, m.paidIn, m.paidOut = m.paidIn, m.paidOut, 0, 0
	return in, out
}

// organicBuy draws the day's organic outside buying from r and buys it
// into the outside traders' inventory.
func (m *market) organicBuy(r *rand.Rand) {
	if u := m.outsideBuy.Rand(r); u > 0 {
		m.outside += m.pool.Buy(u)
		m.netSellUSD -= u
		m.paidIn += u
	}
}

// record writes the market's series of the day; summarise its outcomes.
func (m *market) record(row []float64, c *columns) {
	row[c.sPrice] = m.pool.Price()
	row[c.sHolderSellUSD] = m.soldToday
	row[c.sPoolUSD] = m.pool.USD
}

func (m *market) summarise(out []float64, c *columns) { out[c.oHolderSoldUSD] = m.soldTotal }

// declareMarketMetrics declares the market's metrics: price, supply, staking, sells and depth.
func declareMarketMetrics(d *coreDecls, c *columns) {
	d.Series(&c.sPrice, Metric{Name: "price", Unit: "USD/token", Doc: "AMM pool price at the end of the day", Chart: true})
	d.Series(&c.sCirculating, Metric{Name: "circulating_supply", Unit: "tokens", Doc: "supply outside vesting, the treasury and the reward pool", Chart: true})
	d.Series(&c.sStakingRatio, Metric{Name: "staking_ratio", Unit: "fraction", Doc: "staked tokens over circulating supply", Chart: true})
	d.Series(&c.sSecurityBudget, Metric{Name: "security_budget_usd", Unit: "USD", Doc: "marked at the margin: staked and unbonding tokens at the pool price", Chart: true})
	d.Series(&c.sHolderSellUSD, Metric{Name: "holder_sell_usd", Unit: "USD/day", Doc: "USD received by holders selling that day"})
	d.Series(&c.sPoolUSD, Metric{Name: "pool_usd", Unit: "USD", Doc: "USD reserve of the AMM pool (market depth)"})
	d.Outcome(&c.oFinalPrice, Metric{Name: "final_price", Unit: "USD/token", Doc: "pool price on the last day", Chart: true, LowerTail: true, Section: "dump"})
	d.Outcome(&c.oMaxDrawdown, Metric{Name: "max_drawdown", Unit: "fraction", Doc: "largest fall from a running peak of the price over the run", Chart: true, RiskAbove: []float64{0.5, 0.8}, Section: "dump"})
	d.Outcome(&c.oMaxDrawdownAfterUnlock, Metric{Name: "max_drawdown_after_unlock", Unit: "fraction", Doc: "largest drawdown in the window around any cliff (metrics.unlock_window_days before and after)", MayBeEmpty: true, Chart: true, RiskAbove: []float64{0.3, 0.5}, Section: "dump"})
	d.Outcome(&c.oMinSecurityBudget, Metric{Name: "min_security_budget_usd", Unit: "USD", Doc: "marked at the margin: lowest security_budget_usd from positions_settled_day on (empty when positions never settled)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "dump"})
	d.Outcome(&c.oFinalStakingRatio, Metric{Name: "final_staking_ratio", Unit: "fraction", Doc: "staked over circulating supply on the last day"})
	d.Outcome(&c.oFinalCirculating, Metric{Name: "final_circulating_supply", Unit: "tokens", Doc: "circulating supply on the last day"})
	d.Outcome(&c.oHolderSoldUSD, Metric{Name: "holder_sold_usd", Unit: "USD", Doc: "realised: USD received by all holders selling over the run"})
	d.Outcome(&c.oMaxSellOverDepth, Metric{Name: "max_sell_over_depth", Unit: "fraction", Doc: "largest daily holder sell volume over the pool's USD depth"})
}
