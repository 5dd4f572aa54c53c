package search_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/seqsim/seqsim/engine/search"
)

// The verifier's dilemma as a one-shot inspection game (Avenhaus, von
// Stengel and Zamir 2002, "Inspection games", Handbook of Game Theory 3,
// ch. 51), with one verifier and no miss penalty, as
// agents/protocol.InspectionGame computes it (engine may not import
// agents, so the closed form is written out here): the sequencer gains
// gain from an unchecked fraud and loses its bond when caught; the
// verifier checks at cost checkCost for a reward reward0 + s, where s is
// the verification subsidy. In the mixed equilibrium the verifier checks
// with probability p* = gain/(gain+bond) and the sequencer cheats with
// probability q* = checkCost/(reward0+s), so the share of batches carrying
// an undetected fraud is q*·(1−p*) = checkCost·bond/((reward0+s)(gain+bond)).
// The numbers are issue 4's worked case (protocol's
// TestInspectionGameWorkedCases: undetected rate 0.009 at s = 0).
const (
	gain, bond, checkCost, reward0 = 5.0, 45.0, 0.01, 1.0
	target                         = 0.003  // undetected-fraud rate to stay under
	batches                        = 100000 // batches per simulated run
)

func undetectedRate(s float64) float64 {
	q := min(checkCost/(reward0+s), 1)
	return q * bond / (gain + bond)
}

// smallestSubsidy is the closed-form answer: rate(s*) = target, s* = 2.
func smallestSubsidy() float64 { return checkCost*bond/((gain+bond)*target) - reward0 }

// inspectionRun simulates one run: the undetected-fraud rate is the share
// of batches of the run with an undetected fraud, Binomial(batches,
// rate(s))/batches, drawn from the replicate's seed index alone (common
// random numbers).
func inspectionRun(x []float64, j int, dst []float64) error {
	b := distuv.Binomial{N: batches, P: undetectedRate(x[0]), Src: rand.NewPCG(uint64(j), 7)}
	dst[0] = x[0]
	dst[1] = b.Rand() / batches
	return nil
}

func inspectionProblem() search.Problem {
	return search.Problem{
		Variables: []search.Variable{search.Real("subsidy", 0, 10)},
		Outcomes:  []string{"subsidy", "undetected"},
		Objectives: []search.Objective{
			{Name: "cost", Outcome: 0, Stat: search.Mean()},
		},
		Constraints: []search.Constraint{
			{Name: "undetected", Outcome: 1, Stat: search.Mean(), Op: search.AtMost, Limit: target, Level: 0.95},
		},
	}
}

// confidentSubsidy is the smallest s whose one-sided 95% upper bound on the
// rate is below target when the mean over cap runs equals its expectation:
// rate(s) + t(cap−1)·sd(s)/√cap = target, sd(s)² = rate(1−rate)/batches.
// It is the answer the constraint "at 95% confidence" asks for.
func confidentSubsidy(cap int) float64 {
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(cap - 1)}.Quantile(0.95)
	lo, hi := 0.0, 10.0
	for range 100 {
		s := (lo + hi) / 2
		r := undetectedRate(s)
		if r+t*math.Sqrt(r*(1-r)/batches/float64(cap)) <= target {
			hi = s
		} else {
			lo = s
		}
	}
	return hi
}

var inspectionConfig = search.NSGA2Config{Population: 20, Generations: 40, Replicates: search.Replicates{Start: 4, Cap: 32}}

// TestSmallestSubsidy: NSGA-II with one objective (the subsidy) and the
// constraint "undetected-fraud rate ≤ 0.003 at 95% confidence" finds the
// smallest subsidy of the inspection game's closed form, s* = 2.
//
// The constraint asks for confidence, so the answer is above s*: the
// smallest s whose one-sided 95% bound t(n−1)·sd/√n over n replicates is
// below the target, about s*(16) = 2.078 when racing decides at 16
// replicates (confidentSubsidy). The mean rate of 16 runs has a standard
// error sd/√16 = 4.3e-5 (sd = √(0.003·0.997/1e5)), which moves the
// boundary by |ds/drate|·SE = 0.009/0.003²·4.3e-5 = 0.043 in s: the found
// subsidy must be within two of those (0.09) of s*(16), and its true rate
// must meet the target. Measured (seed 1): s = 2.0658 with 3,428 runs,
// against 20 × 41 × 32 = 26,240 for the same generations at the cap
// without racing.
func TestSmallestSubsidy(t *testing.T) {
	t.Parallel()
	s, err := search.NewNSGA2(inspectionProblem(), inspectionConfig, 1)
	if err != nil {
		t.Fatal(err)
	}
	res, err := search.Run(s, inspectionRun, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Chosen) != 1 || res.Best != res.Chosen[0] {
		t.Fatalf("chosen %v, best %d, want one design, the best", res.Chosen, res.Best)
	}
	c := res.Candidates[res.Chosen[0]]
	got, want := c.X[0], confidentSubsidy(16)
	t.Logf("subsidy %.4f (s* = %v, s*(16) = %.4f), true rate %.5f, %d replicates, %d runs; fresh seeds: rate %.5f [%.5f, %.5f], violation %v",
		got, smallestSubsidy(), want, undetectedRate(got), c.Replicates, res.Runs,
		c.Final.Constraints[0].Value, c.Final.Constraints[0].Lo, c.Final.Constraints[0].Hi, c.Final.Violation)
	if math.Abs(got-want) > 0.09 {
		t.Errorf("subsidy %.4f, want %.4f ± 0.09", got, want)
	}
	if undetectedRate(got) > target {
		t.Errorf("subsidy %.4f has undetected rate %.5f > %v", got, undetectedRate(got), target)
	}
	if !c.Feasible() || c.Final == nil || c.Final.Replicates != 32 {
		t.Errorf("chosen design: feasible %v, final %+v", c.Feasible(), c.Final)
	}
}

// TestSmallestSubsidyCMAES: CMA-ES (32 replicates per candidate, no
// racing) converges to the boundary the 32 common seeds draw, 2.028; the
// fresh seeds of the final re-evaluation then show its bound just above
// the target (the winner's curse the re-evaluation exists to expose), so
// the test asks for the subsidy within 0.09 of s*(32) = 2.052 and that
// the final estimate's interval contains the target.
func TestSmallestSubsidyCMAES(t *testing.T) {
	t.Parallel()
	s, err := search.NewCMAES(inspectionProblem(), search.CMAESConfig{Generations: 100, Replicates: search.Replicates{Start: 32}}, 1)
	if err != nil {
		t.Fatal(err)
	}
	res, err := search.Run(s, inspectionRun, 2)
	if err != nil {
		t.Fatal(err)
	}
	c := res.Candidates[res.Best]
	got, want := c.X[0], confidentSubsidy(32)
	f := c.Final.Constraints[0]
	t.Logf("subsidy %.4f (s*(32) = %.4f), true rate %.5f, %d runs; fresh: %.5f [%.5f, %.5f]", got, want, undetectedRate(got), res.Runs, f.Value, f.Lo, f.Hi)
	if math.Abs(got-want) > 0.09 {
		t.Errorf("subsidy %.4f, want %.4f ± 0.09", got, want)
	}
	if !(f.Lo <= target && target <= f.Hi+1e-4) {
		t.Errorf("fresh estimate %+v far from the target %v", f, target)
	}
}
