package protocol_test

import (
	"fmt"

	"github.com/seqsim/seqsim/agents/protocol"
)

// Sell a share s of a pool's token reserve: without fee the price moves by
// the factor 1/(1+s)^2, so 1% of the reserve moves it by -1.97%, 10% by
// -17.36% and 25% by -36% (the values TestPoolSellPriceImpact checks).
// Buying back with the USD received restores the price exactly when there
// is no fee.
func ExamplePool() {
	for _, s := range []float64{0.01, 0.10, 0.25} {
		// 50M tokens against $50M: the price is $1.
		pool, err := protocol.NewPool(protocol.ToMicro(50e6), 50e6, 0)
		if err != nil {
			fmt.Println(err)
			return
		}
		p0 := pool.Price()
		usd := pool.Sell(protocol.ToMicro(s * 50e6))
		sold := pool.Price()
		pool.Buy(usd)
		fmt.Printf("sell %2.0f%% of the reserve: $%.0f, price %+.2f%%; buy back: price %+.2f%%\n",
			100*s, usd, 100*(sold/p0-1), 100*(pool.Price()/p0-1))
	}
	// Output:
	// sell  1% of the reserve: $495050, price -1.97%; buy back: price +0.00%
	// sell 10% of the reserve: $4545455, price -17.36%; buy back: price +0.00%
	// sell 25% of the reserve: $10000000, price -36.00%; buy back: price +0.00%
}

// A swap fee stays in the pool: a round trip through a pool with a 0.3%
// fee (Uniswap v2's) returns fewer tokens than were sold. By hand: the sell
// pays Y·g·dx/(X+g·dx) = 50e6·0.997·1e6/(50e6 + 0.997e6) = $977,508.48 with
// g = 1 - fee; the round trip loses 0.59%, about the two fees
// (1 - 0.997² = 0.60%); without a fee it loses nothing (see ExamplePool).
func ExamplePool_fee() {
	pool, err := protocol.NewPool(protocol.ToMicro(50e6), 50e6, 0.003)
	if err != nil {
		fmt.Println(err)
		return
	}
	usd := pool.Sell(protocol.ToMicro(1e6))
	back := pool.Buy(usd)
	fmt.Printf("sold 1000000 tokens for $%.2f, bought back %.2f tokens\n", usd, protocol.Tokens(back))
	// Output:
	// sold 1000000 tokens for $977508.48, bought back 994125.78 tokens
}
