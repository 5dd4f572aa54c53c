package protocol

import (
	"errors"
	"fmt"
	"math"
)

// ErrPoolDrained is returned when a trade would take all of one reserve.
var ErrPoolDrained = errors.New("protocol: trade would drain the pool")

// Pool is a constant-product (x*y = k) token/USD pool (Uniswap v2): the
// token reserve in micro-tokens, the USD reserve, and a fee charged on the
// input amount that stays in the pool.
type Pool struct {
	Tokens  int64   // token reserve, micro-tokens
	USD     float64 // USD reserve
	FeeFrac float64 // swap fee on input, e.g. 0.003
	// Units are the liquidity share units outstanding (AddLiquidity,
	// RemoveLiquidity); NewPool sets them to the seeding USD.
	Units float64
}

// NewPool returns a pool holding tokens micro-tokens and usd dollars.
func NewPool(tokens int64, usd, feeFrac float64) (Pool, error) {
	if tokens <= 0 || !(usd > 0) || math.IsInf(usd, 0) || !(feeFrac >= 0 && feeFrac < 1) {
		return Pool{}, fmt.Errorf("protocol: invalid pool (tokens %d, usd %v, fee %v)", tokens, usd, feeFrac)
	}
	return Pool{Tokens: tokens, USD: usd, FeeFrac: feeFrac, Units: usd}, nil
}

// Price is the marginal price in USD per token.
func (p *Pool) Price() float64 { return p.USD / Tokens(p.Tokens) }

// Sell swaps dx micro-tokens into the pool and returns the USD paid out:
// dy = Y*g*dx/(X+g*dx) with g = 1-fee. Without fee, selling a fraction s of
// the token reserve moves the price by the factor 1/(1+s)^2.
func (p *Pool) Sell(dx int64) float64 {
	if dx <= 0 {
		return 0
	}
	gdx := (1 - p.FeeFrac) * float64(dx)
	dy := p.USD * gdx / (float64(p.Tokens) + gdx)
	p.Tokens += dx
	p.USD -= dy
	return dy
}

// Buy swaps usd dollars into the pool and returns the micro-tokens paid out
// (rounded down, so the pool never pays more than the invariant allows).
func (p *Pool) Buy(usd float64) int64 {
	if !(usd > 0) {
		return 0
	}
	gu := (1 - p.FeeFrac) * usd
	dx := int64(float64(p.Tokens) * gu / (p.USD + gu))
	dx = min(dx, p.Tokens-1)
	p.Tokens -= dx
	p.USD += usd
	return dx
}

// TokensToRaise is the micro-tokens to sell for usd dollars out of the pool:
// dx = usd·X/(g·(Y−usd)) with g = 1−fee, rounded up; math.MaxInt64 when the
// pool does not hold usd.
func (p *Pool) TokensToRaise(usd float64) int64 {
	if usd >= p.USD {
		return math.MaxInt64
	}
	return int64(math.Ceil(usd * float64(p.Tokens) / ((1 - p.FeeFrac) * (p.USD - usd))))
}

// CostToBuy is the USD needed to take dx micro-tokens out of the pool:
// Y*dx / (g*(X-dx)) with g = 1-fee (Y*dx/(X-dx) without fee). Buying the
// whole reserve or more is impossible: +Inf and ErrPoolDrained.
func (p *Pool) CostToBuy(dx int64) (float64, error) {
	if dx >= p.Tokens {
		return math.Inf(1), ErrPoolDrained
	}
	if dx <= 0 {
		return 0, nil
	}
	return p.USD * float64(dx) / ((1 - p.FeeFrac) * float64(p.Tokens-dx)), nil
}

// TradeToPrice returns the trade that moves the marginal price to target:
// USD to pay in when target is above the price (buy), or micro-tokens to sell
// when below. Exact for the constant product including the fee on input.
func (p *Pool) TradeToPrice(target float64) (buyUSD float64, sellTokens int64) {
	price := p.Price()
	k := float64(p.Tokens) * p.USD
	g := 1 - p.FeeFrac
	switch {
	case target > price:
		// After a buy with fee the reserves are X' = k/(Y+g*u), Y' = Y+u.
		// Marginal price Y'/X' = (Y+u)(Y+g*u)/k (with X in micro units, times
		// Micro). Solve g*u^2 + (1+g)Y*u + Y^2 - target*k/Micro = 0.
		c := p.USD*p.USD - target*k/Micro
		b := (1 + g) * p.USD
		u := (-b + math.Sqrt(b*b-4*g*c)) / (2 * g)
		return max(u, 0), 0
	case target < price && target > 0:
		// After a sell of dx: X' = X+dx, Y' = k/(X+g*dx); price Y'/X'.
		// Solve g*dx^2 + (1+g)X*dx + X^2 - k*Micro/target = 0.
		X := float64(p.Tokens)
		c := X*X - k*Micro/target
		b := (1 + g) * X
		dx := (-b + math.Sqrt(b*b-4*g*c)) / (2 * g)
		return 0, int64(max(dx, 0))
	}
	return 0, 0
}

// AddLiquidity deposits tokens (micro-tokens) with the USD that matches
// them at the marginal price, so the price does not move, and returns the
// share units minted and the USD deposited. Units measure a claim on the
// reserves: a pool's first units are its seeding USD (NewPool), and a
// deposit of a fraction f of the token reserve mints f times the units
// outstanding (Uniswap v2's rule).
func (p *Pool) AddLiquidity(tokens int64) (units, usd float64) {
	if tokens <= 0 {
		return 0, 0
	}
	f := float64(tokens) / float64(p.Tokens)
	units, usd = f*p.units(), f*p.USD
	p.Tokens += tokens
	p.USD += usd
	p.Units = p.units() + units
	return units, usd
}

// RemoveLiquidity burns units and pays out their share of both reserves
// (tokens rounded down, so the pool never pays more than it holds). The
// price does not move. At least one micro-token stays in the pool.
func (p *Pool) RemoveLiquidity(units float64) (tokens int64, usd float64) {
	total := p.units()
	if !(units > 0) {
		return 0, 0
	}
	units = min(units, total)
	f := units / total
	tokens = min(int64(f*float64(p.Tokens)), p.Tokens-1)
	usd = f * p.USD
	p.Tokens -= tokens
	p.USD -= usd
	p.Units = total - units
	return tokens, usd
}

// units is the share units outstanding: a pool built as a literal, without
// NewPool, starts with its USD reserve as units.
func (p *Pool) units() float64 {
	if p.Units > 0 {
		return p.Units
	}
	return p.USD
}
