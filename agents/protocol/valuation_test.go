package protocol

import (
	"fmt"
	"math"
	"testing"
)

// A worked example: launch price $1 on 1B circulating tokens; holders
// receive $100,000 a day, discounted at r = 20% and growing at g = 5%, so
// the cash flows are worth 365·100,000/0.15 = $243.3M and the demand side
// the other $756.7M. When the circulating supply quadruples and the cash
// flow doubles, with ε = 1/2 the demand side grows by sqrt(4) = 2 to
// $1,513.3M, the cash flows are worth $486.7M, and a token $2,000M/4B =
// $0.50.
func TestValuationWorkedExample(t *testing.T) {
	t.Parallel()
	v := NewValuation(1, 1e9, 0.5, 0.2, 0.05, 1e5)
	if got, want := v.CashFlowCap(1e5), 365*1e5/0.15; math.Abs(got-want) > 1e-6 {
		t.Fatalf("cash-flow cap %v, want %v", got, want)
	}
	if got := v.FairValue(0, 1e9, 1e5); math.Abs(got-1) > 1e-15 {
		t.Fatalf("fair value at launch %v, want the launch price 1", got)
	}
	if got := v.FairValue(0, 4e9, 2e5); math.Abs(got-0.5) > 1e-12 {
		t.Fatalf("fair value %v, want 0.5", got)
	}
	// A share of fees moved to holders raises fair value by 365·Δy/((r−g)·C),
	// whatever the demand side does.
	for _, l := range []float64{-2, 0, 1} {
		d := v.FairValue(l, 3e9, 1.5e5) - v.FairValue(l, 3e9, 1e5)
		if want := 365 * 0.5e5 / (0.15 * 3e9); math.Abs(d-want) > 1e-12 {
			t.Fatalf("log value %v: Δ fair value %v, want %v", l, d, want)
		}
	}
}

// Without cash flows the valuation is the demand-side one:
// P0·e^L·(C0/C)^ε.
func TestValuationWithoutCashFlows(t *testing.T) {
	t.Parallel()
	for _, eps := range []float64{0, 0.3, 1} {
		v := NewValuation(2, 5e8, eps, 0.2, 0.05, 0)
		for _, c := range []float64{5e8, 1e9, 7.3e9} {
			for _, l := range []float64{-1, 0, 0.4} {
				want := 2 * math.Exp(l) * math.Pow(5e8/c, eps)
				if got := v.FairValue(l, c, 0); math.Abs(got-want) > 1e-12*want {
					t.Fatalf("ε %v, C %v, L %v: %v, want %v", eps, c, l, got, want)
				}
			}
		}
	}
	// Cash flows worth more than the launch cap leave no demand side.
	v := NewValuation(1, 1e6, 0.5, 0.2, 0.05, 1e5)
	if got, want := v.FairValue(0, 1e6, 1e5), 365*1e5/0.15/1e6; math.Abs(got-want) > 1e-9 {
		t.Fatalf("fair value %v, want the cash flows' %v", got, want)
	}
}

func ExampleValuation() {
	// $30M a year of fees, 60% to holders (stakers' share and burn),
	// discounted at 21.9% and growing at 4%, on 1.33B circulating tokens
	// launched at $1.
	v := NewValuation(1, 1.33e9, 0.5, 0.219, 0.04, 0.6*30e6/365)
	fmt.Printf("cash flows $%.0fM, %.1f%% of the launch cap\n", v.CashFlowCap(0.6*30e6/365)/1e6, 100*v.CashFlowCap(0.6*30e6/365)/1.33e9)
	fmt.Printf("all fees to holders: $%.3f a token\n", v.FairValue(0, 1.33e9, 30e6/365))
	// Output:
	// cash flows $101M, 7.6% of the launch cap
	// all fees to holders: $1.050 a token
}
