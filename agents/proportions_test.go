package agents_test

import (
	"math"
	"os"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/experiments"
)

// proportions loads an experiment and returns its proportions by the keys
// of each (joined with ", ").
func proportions(t *testing.T, file string, sets ...string) map[string]agents.Proportion {
	t.Helper()
	e, err := experiments.LoadFile(file, sets)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := agents.Proportions(&e.Params)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]agents.Proportion{}
	for _, p := range ps {
		out[strings.Join(p.Keys, ", ")] = p
	}
	return out
}

// TestProportionsOfASmallToken is issue 18's new user: a 1B-token design
// at USD 0.50 that keeps the baseline's USD defaults is warned about its
// treasury budget and its attacker, with the ratios worked by hand; the
// baseline, which the defaults were sized for, is warned about nothing.
func TestProportionsOfASmallToken(t *testing.T) {
	t.Parallel()
	small := proportions(t, "../experiments/testdata/small-token.toml")
	// The budget is 12·(76k + 7.4M tokens · 0.5) = USD 45.312M a year; the
	// treasury holds its 200M tokens (USD 100M) less the pool's tokens, a
	// pool_depth of 2% of the circulating value: 0.4531 to 0.4531/0.95.
	tr := small["treasury.monthly_budget_usd, treasury.monthly_budget_tokens"]
	if !tr.Out() || tr.Ratio < 45.312/100 || tr.Ratio > 45.312/95 {
		t.Errorf("treasury: %v", tr)
	}
	// The attacker's mean is 20M·e^0.5 = USD 32.97M (lognormal, σ = 1)
	// against a float of public sale 100M + airdrop 100M + 2.5M of the
	// ecosystem's launch release, at USD 0.50 (USD 101.25M), and some of
	// the treasury's tokens in the pool: between 0.25 and 32.97/101.25.
	at := small["attacker.budget_usd"]
	if !at.Out() || at.Ratio < 0.25 || at.Ratio > 20e6*math.Exp(0.5)/101.25e6 {
		t.Errorf("attacker: %v", at)
	}
	for _, key := range []string{"attacker.sequencer_value_usd, fees.annual_revenue_usd", "fraud.tvl_usd"} {
		if !small[key].Out() {
			t.Errorf("%s: in proportion, want out: %v", key, small[key])
		}
	}
	// 30M/5M = 6 and 15B/(1B·0.5) = 30, exactly.
	if r := small["attacker.sequencer_value_usd, fees.annual_revenue_usd"].Ratio; r != 6 {
		t.Errorf("sequencer value over revenue %g, want 6", r)
	}
	if r := small["fraud.tvl_usd"].Ratio; r != 30 {
		t.Errorf("TVL over FDV %g, want 30", r)
	}
	for key, p := range proportions(t, "../experiments/baseline.toml") {
		if p.Out() {
			t.Errorf("baseline: %s out of proportion: %v", key, p)
		}
	}
	// A bond below the gain, with no defensive validator, is out.
	weak := proportions(t, "../experiments/baseline.toml", "verification.defensive=0", "fraud.tvl_share=0", "fraud.slash=1e6")
	if b := weak["fraud.slash, fraud.gain, fraud.tvl_share"]; !b.Out() || b.Ratio != 0.5 || !strings.Contains(b.String(), "G/(G+S) = 0.667") {
		t.Errorf("bond: %v", b)
	}
}

// TestProportionsScale: the ratios are dimensionless, so a design ten
// times the supply at ten times the price, with every USD figure a hundred
// times and every token figure ten times, has the same ones.
func TestProportionsScale(t *testing.T) {
	t.Parallel()
	base := proportions(t, "../experiments/testdata/small-token.toml")
	big := proportions(t, "../experiments/testdata/small-token.toml",
		"supply.initial_tokens=1e10", "supply.launch_price_usd=5", "emission.cap_tokens=1.2e10",
		"fees.annual_revenue_usd=5e8", "treasury.monthly_budget_usd=7.6e6", "treasury.monthly_budget_tokens=7.4e7",
		"attacker.budget_usd={dist=\"lognormal\",mu=21.416413017506358,sigma=1}", // ln(100·20M)
		"attacker.sequencer_value_usd=3e9", "fraud.tvl_usd=1.5e12")
	if len(base) != len(big) {
		t.Fatalf("%d proportions against %d", len(base), len(big))
	}
	for key, p := range base {
		if q := big[key]; math.Abs(q.Ratio-p.Ratio) > 1e-9*p.Ratio {
			t.Errorf("%s: %g at 1x, %g at 10x", key, p.Ratio, q.Ratio)
		}
	}
}

// TestProportionalsDocumented: docs/model.md §23.1's table lists every
// parameter whose default is in proportion to the design, with its
// measure, and no other.
func TestProportionalsDocumented(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../docs/model.md")
	if err != nil {
		t.Fatal(err)
	}
	_, sec, _ := strings.Cut(string(b), "### 23.1 ")
	sec, _, _ = strings.Cut(sec, "### 23.2 ")
	rows := 0
	for _, line := range strings.Split(sec, "\n") {
		if strings.HasPrefix(line, "| `") {
			rows++
		}
	}
	xs := agents.Proportionals()
	if rows != len(xs) {
		t.Errorf("§23.1 has %d rows, agents.Proportionals %d", rows, len(xs))
	}
	for _, x := range xs {
		if row := "| `" + x.Path + "` | " + x.Measure.String() + " |"; !strings.Contains(sec, row) {
			t.Errorf("§23.1 lacks %q", row)
		}
	}
}
