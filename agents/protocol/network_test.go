package protocol

import (
	"math"
	"testing"
)

func TestFracOfExact(t *testing.T) {
	t.Parallel()
	cases := []struct {
		amount int64
		frac   float64
		want   int64
	}{
		{100_000_000_000, 0.02, 2_000_000_000},            // 2% of 100,000 tokens
		{333_333_333_333, 0.02, 6_666_666_666},            // floor(6,666,666,666.66)
		{333_333_333_333, 1, 333_333_333_333},             // 100%
		{1_000_000_000_000_000, 0.3, 300_000_000_000_000}, // 1e9 tokens, 0.3 not exact in binary
		{7, 0.5, 3},
		{5, 0, 0},
		{5, -1, 0},
		{5, 2, 5},
	}
	for _, c := range cases {
		if got := FracOf(c.amount, c.frac); got != c.want {
			t.Errorf("FracOf(%d, %v) = %d, want %d", c.amount, c.frac, got, c.want)
		}
	}
	// 1e16 micro-tokens (the whole 10B supply) times 0.999999999 stays exact.
	if got := FracOf(1e16, 0.999999999); got != 9_999_999_990_000_000 {
		t.Errorf("FracOf(1e16, 0.999999999) = %d", got)
	}
}

func TestSlashSplitConserves(t *testing.T) {
	t.Parallel()
	s := SlashSplit{Burn: 0.5, Treasury: 0.3, Challenger: 0.2}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, amount := range []int64{0, 1, 9_666_666_666, 473_666_666_667, 1e16} {
		b, tr, c := s.Split(amount)
		if b+tr+c != amount || b < 0 || tr < 0 || c < 0 {
			t.Errorf("Split(%d) = %d %d %d", amount, b, tr, c)
		}
	}
	// Worked example: 9,666,666,666 -> treasury floor(0.3x) 2,899,999,999,
	// challenger floor(0.2x) 1,933,333,333, burn the rest.
	if b, tr, c := s.Split(9_666_666_666); b != 4_833_333_334 || tr != 2_899_999_999 || c != 1_933_333_333 {
		t.Errorf("worked example: %d %d %d", b, tr, c)
	}
	if (SlashSplit{0.5, 0.5, 0.5}).Validate() == nil || (SlashSplit{1.5, -0.5, 0}).Validate() == nil {
		t.Error("bad splits accepted")
	}
}

// TestNextProposerProportional checks CometBFT's weighted round robin:
// over 1,000 rounds each candidate proposes within one round of its share.
func TestNextProposerProportional(t *testing.T) {
	t.Parallel()
	weight := []float64{0.5, 0.3, 0.15, 0.05}
	prio := make([]float64, len(weight))
	count := make([]int, len(weight))
	const rounds = 1000
	for range rounds {
		count[NextProposer(prio, weight)]++
	}
	for i, w := range weight {
		if math.Abs(float64(count[i])-w*rounds) > 1 {
			t.Errorf("candidate %d proposed %d times, want %.0f", i, count[i], w*rounds)
		}
	}
	if NextProposer(nil, nil) != -1 || NextProposer([]float64{0}, []float64{0}) != -1 {
		t.Error("no candidate should give -1")
	}
}

func TestNakamotoAndHHI(t *testing.T) {
	t.Parallel()
	// 40/30/20/10: one holder has 40% > 1/3; two have 70% > 1/2.
	s := []int64{40, 30, 20, 10}
	if n := NakamotoCoefficient(s, 1.0/3); n != 1 {
		t.Errorf("1/3: %d", n)
	}
	if n := NakamotoCoefficient(s, 0.5); n != 2 {
		t.Errorf("1/2: %d", n)
	}
	// Ten equal holders: 4 are needed for more than 1/3 (3 hold exactly 30%),
	// 6 for more than 1/2 (5 hold exactly half); HHI = 10 * 0.1^2 = 0.1.
	eq := []int64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}
	if NakamotoCoefficient(eq, 1.0/3) != 4 || NakamotoCoefficient(eq, 0.5) != 6 {
		t.Errorf("equal: %d %d", NakamotoCoefficient(eq, 1.0/3), NakamotoCoefficient(eq, 0.5))
	}
	if h := HHI(s); math.Abs(h-0.30) > 1e-12 { // .16+.09+.04+.01
		t.Errorf("HHI %v, want 0.30", h)
	}
	if h := HHI(eq); math.Abs(h-0.1) > 1e-12 {
		t.Errorf("HHI %v, want 0.1", h)
	}
	if NakamotoCoefficient(nil, 0.5) != 0 || HHI([]int64{0, 0}) != 0 {
		t.Error("empty stake")
	}
}

// TestInspectionGameWorkedCases checks the closed form against the worked
// cases of issue 4.
func TestInspectionGameWorkedCases(t *testing.T) {
	t.Parallel()
	g := InspectionGame{Gain: 5, Bond: 45, CheckCost: 0.01, Reward: 1, Verifiers: 1}
	p, q := g.Equilibrium()
	if math.Abs(p-0.10) > 1e-12 || math.Abs(q-0.01) > 1e-12 || math.Abs(g.UndetectedRate()-0.009) > 1e-12 {
		t.Errorf("c=0.01 R=1 L=0 G=5 S=45: p*=%v q*=%v undetected %v, want 0.1 0.01 0.009", p, q, g.UndetectedRate())
	}
	g.MissPenalty = 10
	if _, q = g.Equilibrium(); math.Abs(q-0.000909) > 5e-7 { // 0.01/11
		t.Errorf("L=10: q*=%v, want 0.0909%%", q)
	}
	g.Verifiers = 10
	if p, q = g.Equilibrium(); math.Abs(p-0.01048) > 5e-6 || math.Abs(q-0.000991) > 5e-7 {
		t.Errorf("N=10 L=10: p*=%v q*=%v, want 1.048%% 0.0991%%", p, q)
	}
	// Shared reward: each checker expects R(1-(1-p)^N)/(Np), a bit less
	// than R, so q* rises slightly.
	g.Shared = true
	if _, qs := g.Equilibrium(); !(qs > q && qs < 1.01*q) {
		t.Errorf("shared q*=%v, each %v", qs, q)
	}
	// A bigger bond lowers p*, not q* (L = 0).
	a := InspectionGame{Gain: 5, Bond: 45, CheckCost: 0.01, Reward: 1, Verifiers: 1}
	b := a
	b.Bond = 95
	pa, qa := a.Equilibrium()
	pb, qb := b.Equilibrium()
	if !(pb < pa) || qa != qb {
		t.Errorf("bond 45 -> 95: p* %v -> %v, q* %v -> %v", pa, pb, qa, qb)
	}
}

func TestLogistic(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ x, want float64 }{{0, 0.5}, {math.Log(3), 0.75}, {-math.Log(3), 0.25}, {1000, 1}, {-1000, 0}} {
		if got := Logistic(c.x); math.Abs(got-c.want) > 1e-15 {
			t.Errorf("Logistic(%v) = %v, want %v", c.x, got, c.want)
		}
	}
}
