package protocol

import "math"

// Valuation is what outside capital thinks a token is worth: the sum of
// two market caps over the circulating supply C_t,
//
//	P*_t = [ D_t + V_t ] / C_t
//	D_t  = D_0 · e^{L_t} · (C_t/C_0)^{1−ε}      demand-side (speculative) cap
//	V_t  = 365 · y_t / (r − g)                  the holders' cash flows, capitalised
//
// L_t is the log of a geometric Brownian motion with shocks (the market's
// mood, and the permanent impact of net selling), ε the dilution
// elasticity (ε = 1: a larger supply shares a fixed cap; ε = 0: the cap
// grows with the supply), y_t the USD a day that reaches holders (the
// stakers' fee share and the burn buyback), r the return outside capital
// requires and g the growth it expects of y. V_t is the Gordon growth
// model (Gordon 1962) applied to the holders' cash flows, the valuation
// Cong, Li and Wang (2021, "Tokenomics: dynamic adoption and valuation",
// RFS 34(3)) reduce to when adoption is steady. D_0 is set so that P*_0 is
// the launch price: D_0 = max(P_0·C_0 − V_0, 0).
//
// The cash-flow term is how fees reach the price: at a price p the yield
// of holding is 365·y/(p·C) + g, which beats r exactly when p < V/C. Outside
// capital buys below fair value and sells above it (arbitrage), so the fee
// split, the burn and dilution move the price through V_t/C_t.
type Valuation struct {
	LaunchPrice    float64 // P_0, USD/token
	Circulating0   float64 // C_0, tokens
	Dilution       float64 // ε, in [0, 1]
	RequiredReturn float64 // r, 1/year
	Growth         float64 // g, 1/year, below r
	demand0        float64 // D_0, USD
}

// NewValuation sets D_0 from the launch cash flow y0 (USD/day), so that
// the fair value at launch is the launch price when the cash flows do not
// exceed the launch market cap on their own.
func NewValuation(launchPrice, circulating0, dilution, r, g, y0 float64) Valuation {
	v := Valuation{LaunchPrice: launchPrice, Circulating0: circulating0, Dilution: dilution, RequiredReturn: r, Growth: g}
	v.demand0 = max(launchPrice*circulating0-v.CashFlowCap(y0), 0)
	return v
}

// CashFlowCap is V = 365·y/(r − g): the value of y USD a day growing at g
// a year, discounted at r (0 when y is not positive).
func (v Valuation) CashFlowCap(y float64) float64 {
	if !(y > 0) {
		return 0
	}
	return 365 * y / (v.RequiredReturn - v.Growth)
}

// Diluted is D_t's dilution factor (c/C_0)^(1−ε) for circulating supply
// c: a caller that values the token more than once at the same supply
// computes it once (DemandCapAt, FairValueAt).
func (v Valuation) Diluted(c float64) float64 { return math.Pow(c/v.Circulating0, 1-v.Dilution) }

// DemandCap is D_t for the log value L and circulating supply c.
func (v Valuation) DemandCap(logValue, c float64) float64 {
	return v.DemandCapAt(logValue, v.Diluted(c))
}

// DemandCapAt is D_t for the log value L and the dilution factor diluted
// (Diluted).
func (v Valuation) DemandCapAt(logValue, diluted float64) float64 {
	return v.demand0 * math.Exp(logValue) * diluted
}

// FairValue is P*_t in USD per token.
func (v Valuation) FairValue(logValue, c, y float64) float64 {
	return v.FairValueAt(logValue, v.Diluted(c), c, y)
}

// FairValueAt is P*_t for the dilution factor diluted of supply c.
func (v Valuation) FairValueAt(logValue, diluted, c, y float64) float64 {
	return (v.DemandCapAt(logValue, diluted) + v.CashFlowCap(y)) / c
}
