package protocol

import (
	"math"
	"testing"

	"pgregory.net/rapid"
)

func TestVestingSeedExample(t *testing.T) {
	t.Parallel()
	// Seed guide, "emission and vesting": 1,000,000 tokens, 1-year cliff,
	// 3-year linear: 0 in the first year, then about 27,777.78 per month
	// (1e6/36) for 36 months.
	v := VestingSchedule{CliffDays: 365, LinearDays: 1080, StepDays: 30}
	total := ToMicro(1_000_000)
	cases := []struct {
		day  int
		want float64 // tokens released by the end of day
	}{
		{0, 0}, {364, 0}, {365, 0}, {394, 0},
		{395, 1e6 / 36.0}, {425, 2e6 / 36.0}, {365 + 18*30, 0.5e6},
		{1444, 35e6 / 36.0}, {1445, 1e6}, {5000, 1e6},
	}
	for _, c := range cases {
		got := Tokens(v.ReleasedAt(total, c.day))
		if math.Abs(got-c.want) > 1e-6 {
			t.Errorf("day %d: released %.6f, want %.6f", c.day, got, c.want)
		}
	}
	monthly := Tokens(v.ReleasedAt(total, 425) - v.ReleasedAt(total, 395))
	if math.Abs(monthly-27777.78) > 0.01 {
		t.Errorf("monthly release %.2f, want 27777.78", monthly)
	}
}

func TestVestingBenchSchedule(t *testing.T) {
	t.Parallel()
	// shared/bench/unlock-sell.md: v_365 = 365/1460 at the cliff, then
	// 1/1460 per day through day 1460, fully released on day 1460.
	v := VestingSchedule{CliffDays: 365, CliffFrac: 0.25, LinearDays: 1095, StepDays: 1}
	if got := v.ReleasedFracAt(364); got != 0 {
		t.Errorf("before cliff %v", got)
	}
	if got := v.ReleasedFracAt(365); math.Abs(got-365.0/1460) > 1e-15 {
		t.Errorf("cliff %v", got)
	}
	if got := v.ReleasedFracAt(366) - v.ReleasedFracAt(365); math.Abs(got-1.0/1460) > 1e-15 {
		t.Errorf("daily %v", got)
	}
	if v.ReleasedFracAt(1460) != 1 || v.ReleasedFracAt(1459) >= 1 {
		t.Errorf("end %v %v", v.ReleasedFracAt(1459), v.ReleasedFracAt(1460))
	}
	if !v.ReleasesOn(365) || v.ReleasesOn(364) || !v.ReleasesOn(1000) || v.ReleasesOn(1461) {
		t.Error("ReleasesOn wrong")
	}
}

func TestVestingMonotoneAndEvents(t *testing.T) {
	t.Parallel()
	scheds := []VestingSchedule{
		{TGEFrac: 0.1, CliffDays: 180, CliffFrac: 0.2, LinearDays: 700, StepDays: 30},
		{CliffDays: 365, CliffFrac: 0.25, LinearDays: 1080, StepDays: 30},
		{TGEFrac: 1, StepDays: 1},
		{CliffDays: 90, LinearDays: 100, StepDays: 7}, // last step short
	}
	const total = 123_456_789_012
	for i, v := range scheds {
		if err := v.Validate(); err != nil {
			t.Fatal(err)
		}
		prev := int64(0)
		for d := 0; d <= 2000; d++ {
			r := v.ReleasedAt(total, d)
			if r < prev {
				t.Fatalf("schedule %d: day %d released %d < %d", i, d, r, prev)
			}
			if (r > prev) != v.ReleasesOn(d) {
				t.Fatalf("schedule %d: day %d ReleasesOn=%v but released %d", i, d, v.ReleasesOn(d), r-prev)
			}
			prev = r
		}
		if prev != total {
			t.Errorf("schedule %d: released %d of %d", i, prev, total)
		}
	}
}

func TestVestingValidate(t *testing.T) {
	t.Parallel()
	bad := []VestingSchedule{
		{TGEFrac: -0.1, StepDays: 1},
		{TGEFrac: 0.7, CliffFrac: 0.5, StepDays: 1},
		{CliffDays: -1, StepDays: 1},
		{StepDays: 0},
		{TGEFrac: math.NaN(), StepDays: 1},
	}
	for i, v := range bad {
		if v.Validate() == nil {
			t.Errorf("case %d: %+v accepted", i, v)
		}
	}
}

func TestPoolSellPriceImpact(t *testing.T) {
	t.Parallel()
	// calibration.md, "Markets": selling a fraction s of the token reserve
	// without fee moves the price by 1/(1+s)^2: 1% -1.97%, 10% -17.36%, 25% -36%.
	cases := []struct{ s, change float64 }{{0.01, -0.0197}, {0.10, -0.1736}, {0.25, -0.36}, {1, -0.75}}
	for _, c := range cases {
		p, err := NewPool(ToMicro(50e6), 50e6, 0)
		if err != nil {
			t.Fatal(err)
		}
		p0 := p.Price()
		p.Sell(int64(c.s * float64(p.Tokens)))
		got := p.Price()/p0 - 1
		if exact := 1/((1+c.s)*(1+c.s)) - 1; math.Abs(got-exact) > 1e-9 {
			t.Errorf("s=%v: change %v, closed form %v", c.s, got, exact)
		}
		if math.Abs(got-c.change) > 0.00005 {
			t.Errorf("s=%v: change %.4f, want %.4f", c.s, got, c.change)
		}
	}
}

func TestPoolFeeAndInvariant(t *testing.T) {
	t.Parallel()
	p, _ := NewPool(ToMicro(5e7), 5e7, 0.003)
	k0 := float64(p.Tokens) * p.USD
	dy := p.Sell(ToMicro(1e6))
	// With the fee on input: dy = Y*g*dx/(X+g*dx), g = 0.997.
	want := 5e7 * 0.997 * 1e6 / (5e7 + 0.997*1e6)
	if math.Abs(dy-want) > 1e-6 {
		t.Errorf("sell paid %v, want %v", dy, want)
	}
	if k := float64(p.Tokens) * p.USD; k < k0 {
		t.Errorf("invariant fell: %v < %v (the fee must stay in the pool)", k, k0)
	}
	// Round trip loses only the fees: buying back with the USD yields fewer tokens.
	got := p.Buy(dy)
	if got >= ToMicro(1e6) || got < ToMicro(1e6*0.99) {
		t.Errorf("round trip returned %v tokens", Tokens(got))
	}
}

func TestPoolCostToBuy(t *testing.T) {
	t.Parallel()
	p, _ := NewPool(ToMicro(1000), 1000, 0)
	// No fee: cost = Y*D/(X-D): buying 500 of 1000 tokens against $1000 costs $1000.
	c, err := p.CostToBuy(ToMicro(500))
	if err != nil || math.Abs(c-1000) > 1e-9 {
		t.Errorf("cost %v err %v, want 1000", c, err)
	}
	if c, err := p.CostToBuy(ToMicro(1000)); err != ErrPoolDrained || !math.IsInf(c, 1) {
		t.Errorf("draining cost %v err %v", c, err)
	}
	// The cost formula agrees with an actual Buy (with fee).
	q, _ := NewPool(ToMicro(5e7), 2e7, 0.003)
	cost, _ := q.CostToBuy(ToMicro(1e6))
	got := q.Buy(cost)
	if d := math.Abs(Tokens(got) - 1e6); d > 1e-3 {
		t.Errorf("buying with CostToBuy gave %v tokens", Tokens(got))
	}
}

func TestPoolTradeToPrice(t *testing.T) {
	t.Parallel()
	for _, fee := range []float64{0, 0.003} {
		for _, target := range []float64{0.5, 0.9, 1.1, 3} {
			p, _ := NewPool(ToMicro(5e7), 5e7, fee)
			u, dx := p.TradeToPrice(target)
			p.Buy(u)
			p.Sell(dx)
			if math.Abs(p.Price()/target-1) > 1e-6 {
				t.Errorf("fee %v target %v: price %v", fee, target, p.Price())
			}
		}
	}
}

func TestFeeSplitConserves(t *testing.T) {
	t.Parallel()
	f := FeeSplit{Stakers: 0.4, Treasury: 0.4, Burn: 0.2}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, amt := range []int64{0, 1, 7, 999_999_999, 82_191_780_821, 1 << 50} {
		s, tr, b := f.Split(amt)
		if s+tr+b != amt || s < 0 || tr < 0 || b < 0 {
			t.Errorf("split %d -> %d %d %d", amt, s, tr, b)
		}
	}
	// $100,000 of profit at 40/40/20 is 40,000/40,000/20,000.
	s, tr, b := f.Split(100_000 * 1_000_000)
	if s != 40_000e6 || tr != 40_000e6 || b != 20_000e6 {
		t.Errorf("40/40/20 of $100k -> %d %d %d", s, tr, b)
	}
	if (FeeSplit{0.5, 0.3, 0.3}).Validate() == nil {
		t.Error("shares summing to 1.1 accepted")
	}
}

func TestEmissionHalvingConvergesToCap(t *testing.T) {
	t.Parallel()
	s0, cap := ToMicro(1e9), ToMicro(2e9)
	e := EmissionSchedule{Kind: EmissionHalving, HalvingDays: 365, Cap: cap, InitialSupply: s0}
	supply := s0
	gap := float64(cap - s0)
	for day := 1; day <= 365*30; day++ {
		supply += e.MintedOn(day, supply, 0)
		if supply > cap {
			t.Fatalf("day %d: supply %d above cap", day, supply)
		}
		if day%365 == 0 && day <= 365*5 {
			// After n periods the emitted share of the gap is 1 - 2^-n.
			n := day / 365
			want := 1 - math.Exp2(-float64(n))
			if got := float64(supply-s0) / gap; math.Abs(got-want) > 1e-6 {
				t.Errorf("after %d periods emitted %.6f of the gap, want %.6f", n, got, want)
			}
		}
	}
	if rest := float64(cap-supply) / gap; rest > 1e-6 {
		t.Errorf("after 30 periods %.2e of the gap remains", rest)
	}
}

func TestEmissionConstantAndDecay(t *testing.T) {
	t.Parallel()
	s0 := ToMicro(1e10)
	c := EmissionSchedule{Kind: EmissionConstant, AnnualRate: 0.02}
	supply := s0
	for day := 1; day <= 365; day++ {
		supply += c.MintedOn(day, supply, 0)
	}
	if g := float64(supply)/float64(s0) - 1; math.Abs(g-0.02) > 1e-6 {
		t.Errorf("constant 2%%: grew %v in a year", g)
	}
	d := EmissionSchedule{Kind: EmissionDecay, AnnualRate: 0.04, HalfLifeYears: 1}
	// One half-life later the annual rate is 0.04/2 = 2%: the daily mint
	// compounds to 2% over a year.
	m := d.MintedOn(366, s0, 0)
	if r := math.Pow(1+float64(m)/float64(s0), 365) - 1; math.Abs(r-0.02) > 1e-6 {
		t.Errorf("decay: annual rate after one half-life %v, want 0.02", r)
	}
	if (EmissionSchedule{Kind: EmissionNone}).MintedOn(10, s0, 0) != 0 {
		t.Error("none minted")
	}
	capped := EmissionSchedule{Kind: EmissionConstant, AnnualRate: 0.5, Cap: s0 + 10}
	if m := capped.MintedOn(1, s0, 0); m != 10 {
		t.Errorf("cap: minted %d, want 10", m)
	}
}

func TestRewardIndexNeverOverpays(t *testing.T) {
	t.Parallel()
	var idx RewardIndex
	stakes := []int64{ToMicro(1), ToMicro(333.333333), ToMicro(1e6), 7}
	var total int64
	for _, s := range stakes {
		total += s
	}
	snap := idx.Acc
	var credited int64
	for day := range 1000 {
		r := int64(1_000_003 + day*17)
		idx.Credit(r, total)
		credited += r
	}
	var owed int64
	for _, s := range stakes {
		owed += idx.Owed(s, snap)
	}
	if owed > credited || float64(credited-owed) > 1e-6*float64(credited) {
		t.Errorf("owed %d of credited %d", owed, credited)
	}
	// Pro rata: each credit rounds the index down by less than one unit of
	// 2^-48, so a staker of s micro-tokens loses less than s/2^48 + 1 per credit.
	for _, s := range stakes {
		exact := float64(credited) * float64(s) / float64(total)
		lost := exact - float64(idx.Owed(s, snap))
		if bound := 1000 * (float64(s)/(1<<48) + 1); lost < -1e-3 || lost > bound {
			t.Errorf("stake %d: lost %v micro-tokens, bound %v", s, lost, bound)
		}
	}
}

// TestReleasedAtFracIsTheFloor: the release rounds down, as
// min(total, floor(total*f)), for every share f in [0, 1] (the fast form
// truncates instead of calling math.Floor, which agrees for x >= 0).
func TestReleasedAtFracIsTheFloor(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		total := rapid.Int64Range(0, 1<<53).Draw(t, "total")
		f := rapid.Float64Range(0, 1).Draw(t, "f")
		want := min(total, int64(math.Floor(float64(total)*f)))
		if f >= 1 {
			want = total
		}
		if got := ReleasedAtFrac(total, f); got != want {
			t.Fatalf("ReleasedAtFrac(%d, %v) = %d, want %d", total, f, got, want)
		}
	})
}

// The staking targets against their published closed forms, at several
// staked shares of a 10B supply.
func TestEmissionStakingTargets(t *testing.T) {
	t.Parallel()
	n := ToMicro(10e9)
	e := EmissionSchedule{StarknetC: 1.6, EspressoR0: 0.03, EthereumK: 166.3}
	yearly := func(kind EmissionKind, staked int64) float64 {
		e.Kind = kind
		return Tokens(e.MintedOn(1, n, staked)) * 365
	}
	for _, p := range []float64{0.01, 0.1, 0.25, 0.5, 0.9} {
		staked := ToMicro(10e9 * p)
		// Starknet: M = (C/10)·sqrt(100p) % of supply; 10% staked gives
		// about 0.51% a year (calibration.md).
		if got, want := yearly(EmissionStarknet, staked), 10e9*(1.6/10)*math.Sqrt(100*p)/100; math.Abs(got-want) > 1e-6*want {
			t.Errorf("starknet at p=%v: %v tokens a year, want %v", p, got, want)
		}
		// Espresso: the yield on stake is 0.03/sqrt(2p).
		if got, want := yearly(EmissionEspresso, staked)/(10e9*p), 0.03/math.Sqrt(2*p); math.Abs(got-want) > 1e-6*want {
			t.Errorf("espresso at p=%v: yield %v, want %v", p, got, want)
		}
		// Ethereum: the yield is 166.3/sqrt(S) for S staked tokens.
		if got, want := yearly(EmissionEthereum, staked)/(10e9*p), 166.3/math.Sqrt(10e9*p); math.Abs(got-want) > 1e-6*want {
			t.Errorf("ethereum at S=%v: yield %v, want %v", 10e9*p, got, want)
		}
	}
	// The worked figures: Starknet at 10% staked, 0.506% a year;
	// Espresso's yield at half staked is R0; Ethereum at 34M ETH staked,
	// 2.85% (166.3/sqrt(34e6)), about 0.97M ETH a year.
	if got := yearly(EmissionStarknet, ToMicro(1e9)) / 10e9; math.Abs(got-0.00506) > 1e-5 {
		t.Errorf("starknet at 10%%: %v a year", got)
	}
	if got := yearly(EmissionEspresso, ToMicro(5e9)) / 5e9; math.Abs(got-0.03) > 1e-9 {
		t.Errorf("espresso at 50%%: %v", got)
	}
	if got := Tokens(EmissionSchedule{Kind: EmissionEthereum, EthereumK: 166.3}.MintedOn(1, ToMicro(120e6), ToMicro(34e6))) * 365 / 34e6; math.Abs(got-0.02852) > 1e-4 {
		t.Errorf("ethereum at 34M staked: yield %v", got)
	}
	// No stake, no minting.
	for _, k := range []EmissionKind{EmissionStarknet, EmissionEspresso, EmissionEthereum} {
		if yearly(k, 0) != 0 {
			t.Errorf("%v mints with nothing staked", k)
		}
	}
}
