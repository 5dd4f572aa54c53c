package agents

import (
	"math"
	"testing"

	"github.com/seqsim/seqsim/agents/protocol"
)

// newTestMarket is a market whose pool holds 1e6 tokens and 1e6 USD
// without a fee (price 1), valued by a Valuation with launch price 1 at
// 1e6 circulating tokens, dilution elasticity 1 (the demand-side cap does
// not move with the supply), r = 0.1 and g = 0, launched without cash
// flows: D_0 = 1e6 USD.
func newTestMarket(t *testing.T, arbSpeed, impact, capital float64) (*market, protocol.Valuation) {
	t.Helper()
	var m market
	if err := m.reset(&Market{ArbSpeed: arbSpeed, PermanentImpact: impact, OutsideCapitalUSDPerDay: capital}); err != nil {
		t.Fatal(err)
	}
	pool, err := protocol.NewPool(protocol.ToMicro(1e6), 1e6, 0)
	if err != nil {
		t.Fatal(err)
	}
	m.open(pool)
	m.openTrading()
	return &m, protocol.NewValuation(1, 1e6, 1, 0.1, 0, 0)
}

// An arbitrage round on worked examples: the permanent impact lowers the
// demand-side cap by impact × net selling in USD (D·(1 − impact·N/D)),
// the round closes arb_speed of the log gap to fair value when the
// outside capital suffices, buys no more than the capital left, sells no
// more than the outside traders hold, and moves tokens only between the
// pool and the outside traders.
func TestMarketArbitrage(t *testing.T) {
	t.Parallel()
	const circ = 1e6 // tokens
	cases := []struct {
		name                    string
		speed, impact, capital  float64
		netSell                 float64 // USD sold since the last round
		inventory               int64   // outside traders' micro-tokens
		y                       float64 // holders' cash flow, USD a day
		wantFair                float64 // (D + 365·y/(r−g)) / C
		wantPaid, wantInventory float64 // -1: not checked
	}{
		// D = 1e6 − 2·10,000; no arbitrage.
		{name: "impact", speed: 0, impact: 2, netSell: 10000, wantFair: 0.98, wantPaid: 0, wantInventory: 0},
		// Buying back (negative net selling) raises D by impact·|N|.
		{name: "buy back", speed: 0, impact: 2, netSell: -10000, wantFair: 1.02, wantPaid: 0, wantInventory: 0},
		// D = 1e6, V = 365·100/0.1 = 365,000: fair 1.365; half the log
		// gap closed: price sqrt(1.365).
		{name: "to target", speed: 0.5, capital: 1e9, y: 100, wantFair: 1.365, wantPaid: -1, wantInventory: -1},
		// 1,000 USD of capital buys 1e6·1000/(1e6+1000) tokens.
		{name: "capital binds", speed: 1, capital: 1000, y: 100, wantFair: 1.365, wantPaid: 1000, wantInventory: 1e6 * 1000 / 1.001e6},
		// Fair value 0.98 is below the price, but the outside traders
		// hold nothing to sell.
		{name: "nothing to sell", speed: 1, impact: 2, capital: 1e9, netSell: 10000, wantFair: 0.98, wantPaid: 0, wantInventory: 0},
		// They hold 5 tokens and sell all of them (far fewer than the gap
		// needs).
		{name: "sells the inventory", speed: 1, impact: 2, capital: 1e9, netSell: 10000, inventory: 5e6, wantFair: 0.98, wantPaid: 0, wantInventory: 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, v := newTestMarket(t, c.speed, c.impact, c.capital)
			m.netSellUSD, m.outside = c.netSell, c.inventory
			tokens0, usd0, price0 := m.pool.Tokens+m.outside, m.pool.USD, m.price()
			logValue := 0.0
			fair := m.arbitrage(&v, &logValue, circ, c.y)
			paid, received := m.outsideFlows()
			if in, out := m.outsideFlows(); in != 0 || out != 0 {
				t.Errorf("outside flows %v and %v after they were booked, want 0", in, out)
			}
			if math.Abs(fair-c.wantFair) > 1e-12 {
				t.Errorf("fair value %v, want %v", fair, c.wantFair)
			}
			if c.netSell != 0 {
				if d, want := v.DemandCap(logValue, circ), 1e6-c.impact*c.netSell; math.Abs(d-want) > 1e-6 {
					t.Errorf("demand-side cap %v, want %v", d, want)
				}
			}
			if m.netSellUSD != 0 {
				t.Errorf("net selling %v after the round, want 0", m.netSellUSD)
			}
			if got := m.pool.Tokens + m.outside; got != tokens0 {
				t.Errorf("pool and outside traders hold %d micro-tokens, want %d", got, tokens0)
			}
			// Without a fee the pool's USD moves by exactly what the
			// outside traders paid and received.
			if d := m.pool.USD - (usd0 + paid - received); math.Abs(d) > 1e-9*usd0 {
				t.Errorf("pool USD moved %v, paid %v, received %v", m.pool.USD-usd0, paid, received)
			}
			if c.wantPaid >= 0 && math.Abs(paid-c.wantPaid) > 1e-9 {
				t.Errorf("paid %v, want %v", paid, c.wantPaid)
			}
			if c.wantInventory >= 0 && math.Abs(protocol.Tokens(m.outside)-c.wantInventory) > 1e-6 {
				t.Errorf("outside traders hold %v tokens, want %v", protocol.Tokens(m.outside), c.wantInventory)
			}
			switch c.name {
			case "to target":
				if want := math.Sqrt(1.365); math.Abs(m.price()-want) > 1e-9 {
					t.Errorf("price %v, want %v", m.price(), want)
				}
				if m.capitalLeft != c.capital-paid {
					t.Errorf("capital left %v, want %v", m.capitalLeft, c.capital-paid)
				}
			case "sells the inventory":
				if want := 1e6 - 1e6*1e6/(1e6+5); math.Abs(received-want) > 1e-6 || m.price() >= price0 {
					t.Errorf("received %v for 5 tokens, want %v (price %v from %v)", received, want, m.price(), price0)
				}
			}
		})
	}
}

// The holder pass's loan of the pool: what is taken back is what the
// market holds, and the day's sales add up into the run's at the day's
// end.
func TestMarketLendAndDays(t *testing.T) {
	t.Parallel()
	m, _ := newTestMarket(t, 0, 0, 0)
	pool, sold, net := m.lend()
	usd := pool.Sell(protocol.ToMicro(1000))
	m.takeBack(pool, sold+usd, net+usd)
	// 1,000 tokens into (1e6, 1e6) pay 1e6·1000/(1e6+1000) USD.
	want := 1e6 * 1000 / 1.001e6
	if math.Abs(m.soldToday-want) > 1e-6 || m.netSellUSD != m.soldToday || m.pool.Tokens != protocol.ToMicro(1e6+1000) {
		t.Fatalf("after the round: sold %v (want %v), net %v, pool %d", m.soldToday, want, m.netSellUSD, m.pool.Tokens)
	}
	m.endDay()
	m.newDay()
	if m.soldTotal != usd || m.soldToday != 0 {
		t.Fatalf("run's sales %v, today's %v, want %v and 0", m.soldTotal, m.soldToday, usd)
	}
}
