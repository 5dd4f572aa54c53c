package agents

import (
	"math/rand/v2"

	"github.com/seqsim/seqsim/agents/protocol"
)

// LiquidityMining is the parameter section [liquidity_mining]: a share of
// emission paid to the liquidity providers of the token's pool (the seed
// guide's "liquidity mining: tokens are distributed as rewards to liquidity
// providers on native DEXs").
//
// Providers are mercenary: each day they sell part of their rewards and pair
// the rest with USD of their own in the pool, which deepens it while they
// are paid. They stay while the programme's yield on their position clears
// their required yield; below it, and once the programme ends, they
// withdraw over exit_days and sell the tokens they take out.
type LiquidityMining struct {
	EmissionShare float64 `toml:"emission_share" unit:"fraction" range:"[0,1]" doc:"share of each day's emission paid to liquidity providers instead of stakers"`
	EndDay        int     `toml:"end_day" unit:"day" range:"[0,36500]" doc:"last day of the programme (0: to the end of the run)"`
	SellFraction  float64 `toml:"sell_fraction" unit:"fraction" range:"[0,1]" doc:"share of each day's rewards the providers sell at once; they pair the rest with their own USD in the pool"`
	RequiredAPR   float64 `toml:"required_apr" unit:"1/year" range:"[0,)" doc:"yield on their position (rewards at the pool price over the position's value) below which providers withdraw"`
	ExitDays      int     `toml:"exit_days" unit:"days" range:"[1,3650]" doc:"days over which providers withdraw once they leave; the tokens they take out are sold"`
}

// defaultLiquidityMining: the programme a designer turns on by writing
// [liquidity_mining]. Every value is an assumption to vary (sensitivity):
//   - emission_share 0.1: a tenth of emission;
//   - sell_fraction 0.5 and required_apr 0.2: liquidity-mining yields of
//     2020-21 ran above 20% a year and their rewards were largely sold
//     (secondary sources; no primary data set checked);
//   - exit_days 30: reports that most incentivised liquidity leaves within
//     30 days of a programme's end (secondary, citing DeFi Llama).
var defaultLiquidityMining = LiquidityMining{EmissionShare: 0.1, SellFraction: 0.5, RequiredAPR: 0.2, ExitDays: 30}

// liquidityMining is the mechanism's state for one worker.
type liquidityMining struct {
	p        *Param[LiquidityMining]
	rewards  Account // rewards not yet sold or deposited, and tokens withdrawn
	exchange Exchange
	minting  Minting
	event    func(kind, subject string, amount float64, unit, detail string)

	units, exitPerDay            float64 // the providers' liquidity, and what they withdraw a day once leaving
	leaving                      bool
	paid                         int64
	soldUSD, maxShare            float64
	position, share              Column // series
	paidCol, soldCol, maxShareCl Column // outcomes
}

// NewLiquidityMining builds the liquidity-mining mechanism.
func NewLiquidityMining() Mechanism { return &liquidityMining{} }

func (l *liquidityMining) Declare(m *Model) error {
	l.p = Section(m, "liquidity_mining", "a share of emission paid to the pool's liquidity providers, who deepen the pool while paid and sell part of their rewards", defaultLiquidityMining)
	l.rewards = m.Tokens("liquidity providers")
	l.exchange, l.minting, l.event = m.Exchange(), m.Minting(), m.Event
	l.position = m.Series(Metric{Name: "lp_position_usd", Unit: "USD", Doc: "value of the liquidity the programme's providers hold in the pool", Chart: true})
	l.share = m.Series(Metric{Name: "lp_share_of_pool", Unit: "fraction", Doc: "the providers' share of the pool's liquidity"})
	l.paidCol = m.Outcome(Metric{Name: "lp_rewards_tokens", Unit: "tokens", Doc: "tokens paid to liquidity providers over the run"})
	l.soldCol = m.Outcome(Metric{Name: "lp_sold_usd", Unit: "USD", Doc: "USD the providers received selling rewards and withdrawn tokens", Chart: true, Section: "dump"})
	l.maxShareCl = m.Outcome(Metric{Name: "max_lp_share_of_pool", Unit: "fraction", Doc: "largest share of the pool's liquidity the providers held"})
	m.Reset(func(*rand.Rand) error {
		l.units, l.exitPerDay, l.leaving = 0, 0, false
		l.paid, l.soldUSD, l.maxShare = 0, 0, 0
		return nil
	})
	m.Phase(SlotSchedules, "liquidity mining", l.day)
	m.Record(func(row []float64) {
		row[l.position] = l.exchange.PositionUSD(l.units)
		row[l.share] = l.exchange.PositionUSD(l.units) / (2 * l.exchange.DepthUSD())
	})
	m.Summarise(func(out []float64) {
		out[l.paidCol] = protocol.Tokens(l.paid)
		out[l.soldCol] = l.soldUSD
		out[l.maxShareCl] = l.maxShare
	})
	return nil
}

// day pays today's rewards (before the stakers are paid), then moves the
// providers' liquidity: they deposit while the programme's yield on their
// position clears required_apr, and otherwise sell the day's rewards and
// withdraw over exit_days.
func (l *liquidityMining) day(d int) {
	p := l.p.Value()
	running := p.EndDay == 0 || d <= p.EndDay
	var reward int64
	if running {
		reward = l.minting.Take(l.rewards, p.EmissionShare)
		l.paid += reward
	}
	// The programme's yield on the position, annualised at today's price.
	value := l.exchange.PositionUSD(l.units)
	stay := running && protocol.Tokens(reward)*l.exchange.Price()*365 >= p.RequiredAPR*value
	if stay {
		l.leaving = false
		l.sell(int64(p.SellFraction * float64(reward)))
		units, _ := l.exchange.AddLiquidity(l.rewards, l.rewards.Balance())
		l.units += units
	} else {
		l.sell(reward)
		if !l.leaving && l.units > 0 {
			l.leaving, l.exitPerDay = true, l.units/float64(p.ExitDays)
			l.event("lp_exit", "liquidity providers", value, "USD", "the providers start to withdraw their liquidity")
		}
	}
	if l.leaving {
		out := min(l.exitPerDay, l.units)
		if l.units-out < 1e-9*l.exitPerDay {
			out = l.units // the last day takes the rounding dust of units/exit_days too
		}
		tokens, _ := l.exchange.RemoveLiquidity(l.rewards, out)
		l.units -= out
		l.leaving = l.units > 0
		l.sell(tokens)
	}
	l.maxShare = max(l.maxShare, l.exchange.PositionUSD(l.units)/(2*l.exchange.DepthUSD()))
}

func (l *liquidityMining) sell(tokens int64) {
	if tokens > 0 {
		l.soldUSD += l.exchange.Sell(l.rewards, tokens)
	}
}
