package scaffold_test

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/experiments/scaffold"
	"github.com/seqsim/seqsim/study"
)

func load(t *testing.T, d scaffold.Design, sets ...string) *experiments.Experiment {
	t.Helper()
	src, err := scaffold.Write(d)
	if err != nil {
		t.Fatal(err)
	}
	e, err := experiments.Load(d.Name+".toml", src, sets)
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	return e
}

// TestWriteDefaultsIsTheBaseline: at the baseline's size every figure
// written in proportion is the baseline's own (to the four significant
// digits written).
func TestWriteDefaultsIsTheBaseline(t *testing.T) {
	t.Parallel()
	p, base := load(t, scaffold.Defaults()).Params, agents.DefaultParams()
	near := func(name string, got, want float64) {
		if math.Abs(got-want) > 5e-4*math.Abs(want) {
			t.Errorf("%s: %g, want the baseline's %g", name, got, want)
		}
	}
	near("treasury.monthly_budget_tokens", p.Treasury.MonthlyBudgetTokens, base.Treasury.MonthlyBudgetTokens)
	near("treasury.monthly_budget_usd", p.Treasury.MonthlyBudgetUSD, base.Treasury.MonthlyBudgetUSD)
	near("fraud.tvl_usd", p.Fraud.TVLUSD, base.Fraud.TVLUSD)
	near("fraud.slash", p.Fraud.Slash, base.Fraud.Slash)
	near("sequencers.min_stake", p.Sequencers.MinStake, base.Sequencers.MinStake)
	near("attacker.sequencer_value_usd", p.Attacker.SequencerValueUSD, base.Attacker.SequencerValueUSD)
	near("attacker.budget_usd mean", p.Attacker.BudgetUSD.Mean(), base.Attacker.BudgetUSD.Mean())
	near("market.outside_capital_usd_per_day", p.Market.OutsideCapitalUSDPerDay, base.Market.OutsideCapitalUSDPerDay)
	if ws, err := load(t, scaffold.Defaults()).Warnings(); err != nil || len(ws) != 0 {
		t.Errorf("warnings %q, %v", ws, err)
	}
}

// small is issue 18's new user's design.
func small() scaffold.Design {
	d := scaffold.Defaults()
	d.Name, d.SupplyTokens, d.LaunchPriceUSD, d.AnnualRevenueUSD = "small", 1e9, 0.5, 5e6
	d.FeeSplit = []float64{0.5, 0.3, 0.2}
	d.Allocations = nil
	for _, s := range []string{"team:0.2:team:365:1080", "investors:0.15:investor:365:1080", "public_sale:0.1",
		"airdrop:0.1", "ecosystem:0.25:grants:0:1440:0.1", "treasury:0.2"} {
		a, err := scaffold.ParseAllocation(s)
		if err != nil {
			panic(err)
		}
		d.Allocations = append(d.Allocations, a)
	}
	return d
}

// TestScaleInvariance is issue 18's acceptance: a design ten times the
// supply at ten times the price, its revenue a hundred times, written in
// proportion, leaves every dimensionless outcome (drawdowns,
// probabilities, ratios, counts, days) within its sampling interval. Each
// mean is compared by Welch's z against the Bonferroni bound for the
// number of outcomes compared at 5% (z ≈ 3.3 for about 50); the runs share
// their seeds, so the two samples are close and the bound is loose.
func TestScaleInvariance(t *testing.T) {
	t.Parallel()
	one := small()
	ten := small()
	ten.Name, ten.SupplyTokens, ten.LaunchPriceUSD, ten.AnnualRevenueUSD = "ten", 1e10, 5, 5e8
	const runs = 40
	sets := []string{fmt.Sprintf("experiment.runs=%d", runs), "simulation.horizon_days=730"}
	var res [2]*study.Result
	for i, d := range []scaffold.Design{one, ten} {
		r, err := study.Run(context.Background(), load(t, d, sets...), study.Options{Dir: filepath.Join(t.TempDir(), d.Name)})
		if err != nil {
			t.Fatal(err)
		}
		res[i] = r
	}
	outs := res[0].Outcomes()
	var compared []string
	maxZ := 0.0
	for i, m := range outs {
		if strings.Contains(m.Unit, "USD") || strings.Contains(m.Unit, "tokens") {
			continue
		}
		a, b := withValue(res[0].Values(0, i)), withValue(res[1].Values(0, i))
		if len(a) < 2 || len(b) < 2 {
			continue // e.g. the day of a first undetected fraud, in runs with none
		}
		ma, va := meanVar(a)
		mb, vb := meanVar(b)
		compared = append(compared, m.Name)
		se := math.Sqrt(va/float64(len(a)) + vb/float64(len(b)))
		if se == 0 {
			if ma != mb {
				t.Errorf("%s: constant %g at 1x, %g at 10x", m.Name, ma, mb)
			}
			continue
		}
		z := (ma - mb) / se
		maxZ = max(maxZ, math.Abs(z))
		if math.Abs(z) > 3.5 {
			t.Errorf("%s (%s): mean %g at 1x, %g at 10x, z = %.2f", m.Name, m.Unit, ma, mb, z)
		}
	}
	t.Logf("%d dimensionless outcomes compared, largest |z| %.2f", len(compared), maxZ)
	if len(compared) < 30 {
		t.Errorf("compared only %d outcomes: %v", len(compared), compared)
	}
}

// withValue drops the runs without a value (NaN).
func withValue(x []float64) []float64 {
	var v []float64
	for _, y := range x {
		if !math.IsNaN(y) {
			v = append(v, y)
		}
	}
	return v
}

func meanVar(v []float64) (mean, variance float64) {
	for _, y := range v {
		mean += y
	}
	mean /= float64(len(v))
	for _, y := range v {
		variance += (y - mean) * (y - mean)
	}
	return mean, variance / float64(len(v)-1)
}

// TestAsk answers the prompts from a reader: an empty line keeps the
// value shown, a bad number is asked again.
func TestAsk(t *testing.T) {
	t.Parallel()
	d := scaffold.Defaults()
	in := strings.NewReader("mine\nlots\n1e9\n0.5\n\n0.5,0.3,0.2\nteam:0.3:team:365:1080\ntreasury:0.7\n\ndecentralized\n")
	var out strings.Builder
	if err := scaffold.Ask(in, &out, &d); err != nil {
		t.Fatal(err)
	}
	if d.Name != "mine" || d.SupplyTokens != 1e9 || d.LaunchPriceUSD != 0.5 || d.AnnualRevenueUSD != 30e6 ||
		d.FeeSplit[0] != 0.5 || len(d.Allocations) != 2 || d.Allocations[1].Share != 0.7 || d.Governance != "decentralized" {
		t.Errorf("answers: %+v", d)
	}
	if !strings.Contains(out.String(), `"lots" is not a number`) {
		t.Errorf("a bad number was not asked again:\n%s", out.String())
	}
	if _, err := scaffold.Write(d); err != nil {
		t.Error(err)
	}
}

// ExampleWrite shows a 1B-token design's treasury budget and bridged
// value, which seqsim gives it in proportion to its size: the Arbitrum
// DAO's 2.5% a year of the treasury's tokens, and 1.5 times its FDV.
func ExampleWrite() {
	d := scaffold.Defaults()
	d.Name, d.SupplyTokens, d.LaunchPriceUSD = "my-token", 1e9, 0.5
	src, err := scaffold.Write(d)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(line, "# monthly_budget_tokens") || strings.HasPrefix(line, "# tvl_usd") {
			fmt.Println(line)
		}
	}
	// Output:
	// # monthly_budget_tokens = 740000.0
	// # tvl_usd = 750000000.0
}
