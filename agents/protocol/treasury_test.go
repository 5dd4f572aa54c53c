package protocol

import (
	"math"
	"testing"
)

// A worked example: a treasury of $1M and 500,000 tokens, a fee-less pool
// of 1M tokens and $2M (price $2), a budget of $30,000 a day and an
// income of $10,000. The tokens fetch Y·T/(X+T) = 2M·0.5M/1.5M = $666,667
// in all (not the $1M they are worth at the margin), so the runway is
// floor(1,666,667 / 20,000) = 83 days, against 100 days marked at the
// margin.
func TestRunwayWorkedExample(t *testing.T) {
	t.Parallel()
	p, _ := NewPool(ToMicro(1e6), 2e6, 0)
	days, ok := Runway(1e6, ToMicro(5e5), p, 30_000, 10_000, 10_000)
	want := int(math.Floor((1e6 + 2e6*0.5e6/1.5e6) / 20_000))
	if !ok || days != want || want != 83 {
		t.Fatalf("runway %d days (ok %v), want %d", days, ok, want)
	}
	// A fee makes each sale pay less: the runway is shorter.
	pf, _ := NewPool(ToMicro(1e6), 2e6, 0.003)
	if d, _ := Runway(1e6, ToMicro(5e5), pf, 30_000, 10_000, 10_000); d > days || d < days-1 {
		t.Fatalf("with a 0.3%% fee: %d days, want %d or one fewer", d, days)
	}
	// Income that covers the budget: the treasury outlasts any horizon.
	if d, ok := Runway(0, 0, p, 10_000, 10_000, 500); ok || d != 500 {
		t.Fatalf("income = budget: %d days, ok %v", d, ok)
	}
	// No tokens: USD over the net burn.
	if d, ok := Runway(100_000, 0, p, 30_000, 0, 1000); !ok || d != 3 {
		t.Fatalf("USD only: %d days, ok %v, want 3", d, ok)
	}
}

// Raising $200 from a fee-less pool of 1,000 tokens and $2,000 takes
// 200·1000/1800 = 111.1 tokens, and selling them pays $200; a
// pool cannot pay out its whole USD reserve.
func TestTokensToRaise(t *testing.T) {
	t.Parallel()
	p, _ := NewPool(ToMicro(1000), 2000, 0)
	dx := p.TokensToRaise(200)
	if want := int64(math.Ceil(200 * 1e9 / 1800)); dx != want {
		t.Fatalf("TokensToRaise(200) = %d, want %d", dx, want)
	}
	// Rounded up to the micro-token: at most one micro-token's worth more.
	if got := p.Sell(dx); got < 200 || got > 200+2.5e-6 {
		t.Fatalf("selling them paid %v, want $200 to a micro-token at about $2.2", got)
	}
	if p.TokensToRaise(p.USD) != math.MaxInt64 {
		t.Fatal("raising the whole reserve is possible")
	}
}

// The same treasury when each day's sale meets the pool as it stands (its
// depth prices the sale; outside capital restores it between days): $1M
// pays 50 days of the $20,000 net need, then each day sells the tokens
// that raise $20,000 from 1M tokens and $2M, 20,000·X/(Y − 20,000) =
// 10,101.01 tokens, and 500,000 tokens pay for floor(49.5) = 49 whole
// days: 99 days, between the 83 of a pool nothing refills and the 100
// marked at the margin.
func TestRunwayAtDepthWorkedExample(t *testing.T) {
	t.Parallel()
	p, _ := NewPool(ToMicro(1e6), 2e6, 0)
	perDay := 20_000 * 1e6 / (2e6 - 20_000)
	want := 50 + int(math.Floor(5e5/perDay))
	days, ok := RunwayAtDepth(1e6, ToMicro(5e5), p, 30_000, 10_000, 0, 10_000)
	if !ok || days != want || want != 99 {
		t.Fatalf("runway at depth %d days (ok %v), want %d", days, ok, want)
	}
	if d, ok := RunwayAtDepth(0, ToMicro(5e5), p, 10_000, 10_000, 0, 500); ok || d != 500 {
		t.Fatalf("income = budget: %d days, ok %v", d, ok)
	}
	if d, ok := RunwayAtDepth(100_000, 0, p, 30_000, 0, 0, 1000); !ok || d != 3 {
		t.Fatalf("USD only: %d days, ok %v, want 3", d, ok)
	}
	if d, ok := RunwayAtDepth(0, ToMicro(1e9), p, 30_000, 0, 0, 1000); ok || d != 1000 {
		t.Fatalf("tokens for ever: %d days, ok %v, want the cap", d, ok)
	}
	// A token budget of 5,000 a day on top: 500,000 tokens pay 10,101.01 +
	// 5,000 tokens a day once the USD is spent, and 5,000 a day before. In
	// the first 50 days 250,000 tokens go; the other 250,000 last
	// floor(250,000/15,101.01) = 16 days more.
	want = 50 + int(math.Floor(2.5e5/(perDay+5000)))
	if d, ok := RunwayAtDepth(1e6, ToMicro(5e5), p, 30_000, 10_000, ToMicro(5000), 10_000); !ok || d != want || want != 66 {
		t.Fatalf("with a token budget: %d days (ok %v), want %d", d, ok, want)
	}
	// A token budget alone: T/b days.
	if d, ok := RunwayAtDepth(0, ToMicro(5e5), p, 0, 0, ToMicro(3000), 10_000); !ok || d != 166 {
		t.Fatalf("token budget alone: %d days (ok %v), want floor(500,000/3,000) = 166", d, ok)
	}
}
