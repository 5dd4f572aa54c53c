package agents

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestDefensiveValidatorsDeter is inspector leadership (Maschler 1966;
// Avenhaus, von Stengel and Zamir 2002, sec. 4): when m defensive
// validators each check a batch with probability a whatever checking pays,
// the sequencer's detection is D = 1 - (1-a)^m, known, not learned, and it
// posts an invalid root on every batch when G(1-D) > S·D, on none when
// G(1-D) < S·D: the threshold is D* = G/(G+S) = 5/50 = 10% in the
// inspection game's worked case (no learning verifiers). When it cheats,
// a share D of its frauds is caught.
//
// The sequencer best-responds (fraud.noise = 0), so q is exactly 0 or 1.
// Tolerance on the caught share: 100 days of 1,000 batches, 100,000
// frauds: four standard errors sqrt(D(1-D)/1e5) <= 0.0038.
func TestDefensiveValidatorsDeter(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		m     int
		a     float64
		cheat bool
	}{
		{1, 0.09, true},  // D = 0.09 < 0.1
		{1, 0.11, false}, // D = 0.11
		{2, 0.05, true},  // D = 1 - 0.95² = 0.0975
		{3, 0.05, false}, // D = 0.142625
		{1, 1, false},    // the baseline's defensive validator
		{0, 0, true},     // nobody checks at all
	} {
		d := 1 - math.Pow(1-tc.a, float64(tc.m))
		want := d < 0.1
		if want != tc.cheat {
			t.Fatalf("case %+v: D = %g, the table is wrong", tc, d)
		}
		p := inspectionParams(0)
		p.Simulation.HorizonDays = 100
		p.Verification.Defensive, p.Verification.DefensiveCheckRate = tc.m, tc.a
		p.Fraud.Noise = 0
		var w World
		if err := w.Reset(&p, rand.New(rand.NewPCG(7, uint64(tc.m)))); err != nil {
			t.Fatal(err)
		}
		for range p.Simulation.HorizonDays {
			w.Step()
		}
		g := &w.verif.g
		if !want {
			if g.frauds != 0 {
				t.Errorf("m = %d, a = %g (D = %.4f > 0.1): %d frauds, want none", tc.m, tc.a, d, g.frauds)
			}
			continue
		}
		if g.frauds != g.batches {
			t.Errorf("m = %d, a = %g (D = %.4f < 0.1): %d frauds in %d batches, want one a batch", tc.m, tc.a, d, g.frauds, g.batches)
			continue
		}
		caught := float64(g.caught) / float64(g.frauds)
		tol := 4 * math.Sqrt(d*(1-d)/float64(g.frauds))
		if math.Abs(caught-d) > tol+1e-12 {
			t.Errorf("m = %d, a = %g: caught share %.5f, want D = %.5f ± %.5f", tc.m, tc.a, caught, d, tol)
		}
	}
}

// TestFranchise is a worked example of the far-sighted sequencer's stake:
// an operator earning USD 1,000 a day net loses, when removed, that income
// capitalised at r - g = 0.219 - 0.04: 365,000/0.179 = USD 2,039,106.15;
// when jailed for 30 days instead, USD 30,000; nothing when it is not far
// sighted or earns nothing. Against a detection fixed from outside (a
// defensive validator) the franchise lowers the detection rate that deters
// it from G/(G+S) to G/(G+S+V): with G = 5, S = 45 and V = 50, from 10% to
// 5%.
func TestFranchise(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	var w World
	if err := w.Reset(&p, rand.New(rand.NewPCG(1, 2))); err != nil {
		t.Fatal(err)
	}
	w.verif.load() // what the game reads of the operators and the valuation
	w.seq.ops.profit[0] = 1000
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-9*math.Abs(want) {
			t.Errorf("%s: franchise %.6f, want %.6f", name, got, want)
		}
	}
	near("removed", w.verif.franchise(0), 365*1000/(0.219-0.04))
	w.p.Slashing.InvalidRoot.Remove, w.p.Slashing.InvalidRoot.JailDays = false, 30
	near("jailed 30 days", w.verif.franchise(0), 30_000)
	w.seq.ops.profit[0] = -50
	near("losing money", w.verif.franchise(0), 0)
	w.seq.ops.profit[0] = 1000
	w.p.Fraud.FarSighted = false
	near("one batch ahead", w.verif.franchise(0), 0)

	// The threshold: G = 5, S = 45 (no stake slashed), V = 50.
	w.p.Fraud.FarSighted = true
	w.p.Slashing.InvalidRoot = FraudPenalty{Remove: false, JailDays: 1}
	w.live.invalidRootPenalty = 0 // no stake slashed: the bond is S alone
	w.p.Fraud.Noise = 0.003
	w.live.fraudSlash = 45
	w.seq.ops.profit[0] = 50
	w.seq.ops.benched[0] = false
	w.verif.load() // the bond and the penalty as governance left them
	for _, tc := range []struct {
		far     bool
		d, want float64
	}{
		{true, 0.04, 1}, {true, 0.06, 0}, {false, 0.06, 1}, {false, 0.11, 0},
	} {
		w.p.Fraud.FarSighted = tc.far
		if got := w.verif.cheatProb(0, tc.d, 5, 1, w.verif.franchise(0)); math.Abs(got-tc.want) > 1e-6 {
			t.Errorf("far sighted %v, detection %g: cheat probability %g, want %g", tc.far, tc.d, got, tc.want)
		}
	}
}

// TestLearnersFreeRideOnDefensiveValidators: with one defensive validator
// that checks every batch, no invalid root is posted, so the learning
// verifiers, believing fraud ever rarer, stop checking, deter nothing and
// leave, one a review (ten verifiers, a node at USD 1 a day, reviews every
// 10 days: all gone within 100 days of their first review, allowing for
// the days their belief of fraud takes to fall). When the defensive
// validator stops (defensive_days = 300), the sequencer, believing nobody
// checks, cheats; candidates see what they would deter and enter, and the
// game resumes.
func TestLearnersFreeRideOnDefensiveValidators(t *testing.T) {
	t.Parallel()
	p := inspectionParams(10)
	p.Simulation.HorizonDays = 500
	p.Verification.ReviewDays = 10
	p.Verification.MaxVerifiers = 10
	p.Verification.OperatingCostUSD = constDist(365)
	p.Verification.Defensive, p.Verification.DefensiveCheckRate, p.Verification.DefensiveDays = 1, 1, 300
	var w World
	if err := w.Reset(&p, rand.New(rand.NewPCG(3, 4))); err != nil {
		t.Fatal(err)
	}
	g := &w.verif.g
	gone := -1
	var frauds400 int64
	for d := 1; d <= p.Simulation.HorizonDays; d++ {
		w.Step()
		if d == 400 {
			frauds400 = g.frauds
		}
		if d < 300 && g.frauds != 0 {
			t.Fatalf("day %d: %d frauds while the defensive validator checks every batch", d, g.frauds)
		}
		if gone < 0 && w.verif.v.len() == 0 {
			gone = d
		}
		if d == 299 && (gone < 0 || g.entries != 0) {
			t.Fatalf("day 299: %d learning verifiers present (%d entries), want all gone and none entered", w.verif.v.len(), g.entries)
		}
	}
	t.Logf("learners gone on day %d; after day 300: %d entries, %d frauds (%d in days 401-500), %d caught, %d verifiers at the end", gone, g.entries, g.frauds, g.frauds-frauds400, g.caught, w.verif.v.len())
	if g.entries == 0 || g.frauds == 0 {
		t.Fatalf("after the defensive validator stopped: %d entries and %d frauds, want the game to resume", g.entries, g.frauds)
	}
	// Beliefs over all history lag: the sequencer cheats on every batch
	// until the entrants' belief of fraud makes checking pay, then the
	// game settles. By days 401-500 the fraud rate is below 1% of batches.
	if late := g.frauds - frauds400; late*100 > 100*int64(p.Sequencers.BatchesPerDay) {
		t.Errorf("days 401-500: %d frauds in 100,000 batches, want under 1%%", late)
	}
}
