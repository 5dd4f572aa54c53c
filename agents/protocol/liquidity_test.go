package protocol

import (
	"math"
	"testing"
)

// A worked example: a pool of 1,000 tokens and $2,000 (price $2). A
// deposit of 100 tokens (10% of the reserve) brings $200 and mints 10% of
// the 2,000 units; the price stays $2. A trade then moves the reserves, and
// removing the deposit's units pays out its share of the new reserves.
func TestPoolLiquidityWorkedExample(t *testing.T) {
	p, err := NewPool(ToMicro(1000), 2000, 0)
	if err != nil {
		t.Fatal(err)
	}
	units, usd := p.AddLiquidity(ToMicro(100))
	if units != 200 || usd != 200 {
		t.Fatalf("AddLiquidity(100 tokens) = %v units, $%v; want 200 units, $200", units, usd)
	}
	if p.Tokens != ToMicro(1100) || p.USD != 2200 || p.Price() != 2 || p.Units != 2200 {
		t.Fatalf("after the deposit: %+v, price %v", p, p.Price())
	}
	// Sell 110 tokens (10% of the reserve) without fee: the USD reserve
	// falls to 2200/1.1 = 2000 and the tokens rise to 1210.
	p.Sell(ToMicro(110))
	if math.Abs(p.USD-2000) > 1e-9 || p.Tokens != ToMicro(1210) {
		t.Fatalf("after the sale: %+v", p)
	}
	// The deposit's 200 of 2,200 units claim 1/11 of each reserve.
	tok, out := p.RemoveLiquidity(units)
	if tok != ToMicro(110) || math.Abs(out-2000.0/11) > 1e-9 {
		t.Fatalf("RemoveLiquidity = %d micro-tokens, $%v; want %d, $%v", tok, out, ToMicro(110), 2000.0/11)
	}
	if p.Units != 2000 || p.Tokens != ToMicro(1100) {
		t.Fatalf("after the withdrawal: %+v", p)
	}
}

// Removing every unit leaves one micro-token: the pool is never drained.
func TestPoolRemoveAllKeepsOneToken(t *testing.T) {
	p, _ := NewPool(ToMicro(10), 20, 0.003)
	tok, usd := p.RemoveLiquidity(1e9)
	if p.Tokens != 1 || tok != ToMicro(10)-1 || usd != 20 || p.Units != 0 {
		t.Fatalf("after removing everything: %+v (paid %d tokens, $%v)", p, tok, usd)
	}
	if u, d := p.AddLiquidity(0); u != 0 || d != 0 {
		t.Fatal("a zero deposit minted units")
	}
}
