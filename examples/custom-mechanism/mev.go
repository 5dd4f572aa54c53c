package main

import (
	"math/rand/v2"

	"github.com/seqsim/seqsim/agents"
)

// MEVBuyback is the parameter section [mev_buyback] of a mechanism the
// token model does not have: the sequencer auctions its ordering rights
// (MEV), and a share of the auction's revenue buys tokens on the pool and
// burns them.
type MEVBuyback struct {
	USDPerDay float64 `toml:"usd_per_day" unit:"USD/day" range:"[0,)" doc:"revenue of the ordering auction"`
	BurnShare float64 `toml:"burn_share" unit:"fraction" range:"[0,1]" doc:"share of the revenue that buys tokens to burn"`
	StartDay  int     `toml:"start_day" unit:"day" range:"[0,36500]" doc:"first day of the auction"`
}

// defaults: Arbitrum's Timeboost auction sent about $2M to the DAO in its
// first three months (April to July 2025; dapp.expert, a secondary
// report), about $22,000 a day. Burning all of it is an assumption: the
// DAO keeps Timeboost revenue in its treasury today.
var defaults = MEVBuyback{USDPerDay: 22_000, BurnShare: 1}

// mevBuyback is the mechanism's state for one worker.
type mevBuyback struct {
	p        *agents.Param[MEVBuyback]
	bought   agents.Account
	exchange agents.Exchange
	ledger   agents.Ledger

	burned, spent    float64
	burnedDay        float64
	daily            agents.Column // series
	totalBurned, usd agents.Column // outcomes
}

func newMEVBuyback() agents.Mechanism { return &mevBuyback{} }

// Declare names the section, the metrics and the account, and the daily
// phase: after the day's fees, before holders trade.
func (m *mevBuyback) Declare(model *agents.Model) error {
	m.p = agents.Section(model, "mev_buyback", "an ordering auction whose revenue buys tokens and burns them", defaults)
	m.bought = model.Tokens("MEV buyback")
	m.exchange, m.ledger = model.Exchange(), model.Ledger()
	m.daily = model.Series(agents.Metric{Name: "mev_burned", Unit: "tokens/day", Doc: "tokens bought with auction revenue and burned that day", Chart: true})
	m.totalBurned = model.Outcome(agents.Metric{Name: "mev_burned_tokens", Unit: "tokens", Doc: "tokens burned by the buyback over the run", Chart: true})
	m.usd = model.Outcome(agents.Metric{Name: "mev_spent_usd", Unit: "USD", Doc: "auction revenue spent on the buyback"})
	model.Reset(func(*rand.Rand) error {
		m.burned, m.spent, m.burnedDay = 0, 0, 0
		return nil
	})
	model.Phase(agents.SlotDemand, "MEV buyback", func(day int) {
		m.burnedDay = 0
		p := m.p.Value()
		if day < p.StartDay {
			return
		}
		usd := p.USDPerDay * p.BurnShare
		got := m.exchange.Buy(m.bought, usd)
		m.ledger.Burn(m.bought, got)
		m.burnedDay = float64(got) / 1e6 // micro-tokens to tokens
		m.burned += m.burnedDay
		m.spent += usd
	})
	model.Record(func(row []float64) { row[m.daily] = m.burnedDay })
	model.Summarise(func(out []float64) {
		out[m.totalBurned], out[m.usd] = m.burned, m.spent
	})
	return nil
}
