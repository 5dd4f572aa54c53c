package experiments_test

import (
	"math"
	"testing"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/experiments"
)

// TestProportionalDefaults: a design that writes none of the proportional
// parameters gets the baseline's scaled to its size on each one's measure,
// worked by hand; one it writes (in the file or by --set) keeps its value;
// at the baseline's size nothing moves, bit for bit; and the scaled
// defaults are not marked as set.
func TestProportionalDefaults(t *testing.T) {
	t.Parallel()
	src := []byte(`
[supply]
initial_tokens = 1e9
launch_price_usd = 0.5

[fees]
annual_revenue_usd = 5e6

[fraud]
gain = 1e6
`)
	e, err := experiments.Load("p.toml", src, []string{"sequencers.min_stake=123"})
	if err != nil {
		t.Fatal(err)
	}
	p, base := e.Params, agents.DefaultParams()
	// The allocations are the baseline's: the supply ratio is 0.1, the
	// FDV's and the float's 0.05, the treasury's tokens' 0.1, the
	// revenue's 1/6.
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"treasury.monthly_budget_tokens", p.Treasury.MonthlyBudgetTokens, 0.1 * base.Treasury.MonthlyBudgetTokens},
		{"treasury.monthly_budget_usd", p.Treasury.MonthlyBudgetUSD, base.Treasury.MonthlyBudgetUSD / 6},
		{"fraud.tvl_usd", p.Fraud.TVLUSD, 0.05 * base.Fraud.TVLUSD},
		{"fraud.slash", p.Fraud.Slash, 0.05 * base.Fraud.Slash},
		{"attacker.budget_usd mean", p.Attacker.BudgetUSD.Mean(), 0.05 * base.Attacker.BudgetUSD.Mean()},
		{"attacker.sequencer_value_usd", p.Attacker.SequencerValueUSD, 5e6},
		{"sequencers.self_stake mean", p.Sequencers.SelfStake.Mean(), 0.1 * base.Sequencers.SelfStake.Mean()},
		{"fraud.gain (the file's)", p.Fraud.Gain, 1e6},
		{"sequencers.min_stake (the --set's)", p.Sequencers.MinStake, 123},
	} {
		if math.Abs(c.got-c.want) > 1e-9*c.want {
			t.Errorf("%s = %g, want %g", c.name, c.got, c.want)
		}
	}
	cs, err := e.Changes()
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	for _, c := range cs {
		set[c.Path] = true
	}
	if set["treasury.monthly_budget_tokens"] || set["fraud.tvl_usd"] || !set["fraud.gain"] || !set["sequencers.min_stake"] {
		t.Errorf("changes %v: the scaled defaults are marked, or the given values are not", cs)
	}
	if ws, err := e.Warnings(); err != nil || len(ws) != 0 {
		t.Errorf("warnings %q %v", ws, err)
	}
	// At the baseline's size every proportional value is the default's bits.
	b, err := experiments.Load("empty.toml", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range agents.Proportionals() {
		if got, want := x.Value(&b.Params), x.Value(&base); got != want {
			t.Errorf("%s at the baseline's size: %v, want %v", x.Path, got, want)
		}
	}
}
