package scaffold

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/tomlnum"
)

// Write returns the experiment file of design d: every section it writes
// explains its keys (their unit and meaning, from `seqsim params`) and,
// for a value taken in proportion, what it is in proportion to. Each USD
// or token figure whose source is a share of something is the baseline's
// figure times the ratio of this design's size to the baseline's on that
// measure (docs/model.md §23), so a design of another size is in
// proportion from the start: the file validates and runs as written, and
// `seqsim validate` finds nothing out of proportion in it.
func Write(d Design) ([]byte, error) {
	if err := d.check(); err != nil {
		return nil, fmt.Errorf("scaffold: %w", err)
	}
	w := &writer{docs: map[string]experiments.ParamDoc{}}
	for _, pd := range experiments.Describe() {
		w.docs[pd.Path] = pd
	}
	base := agents.DefaultParams()
	allocs := d.allocations()
	baseFDV := base.Supply.InitialTokens * base.Supply.LaunchPriceUSD
	fdv := d.SupplyTokens * d.LaunchPriceUSD
	kFDV := fdv / baseFDV
	kSupply := d.SupplyTokens / base.Supply.InitialTokens
	kFloat := floatShare(allocs) * fdv / (floatShare(base.Allocations) * baseFDV)
	kRev := d.AnnualRevenueUSD / base.Fees.AnnualRevenueUSD
	if kRev == 0 {
		kRev = kFDV // no revenue: costs in proportion to the design's value instead
	}
	if kFloat == 0 {
		kFloat = kFDV
	}
	kTreasury := treasuryShare(allocs) / treasuryShare(base.Allocations) * kSupply

	w.printf("# %s: a token design, written by `seqsim init`.\n", d.Name)
	w.printf("# Run it with `seqsim run %s.toml`; `seqsim validate %s.toml` checks it and\n", d.Name, d.Name)
	w.printf("# prints every parameter with its default. Keys not written here keep\n")
	w.printf("# seqsim's defaults (`seqsim params` lists them with their units and sources).\n")
	w.printf("# USD and token figures marked \"in proportion\" are the baseline's (an\n")
	w.printf("# Arbitrum-like 10B-token network) scaled to this design's size.\n")

	w.section("experiment")
	w.key("experiment.name", quote(d.Name), "")
	w.key("experiment.description", quote(fmt.Sprintf("%s: %.4g tokens at USD %.4g, USD %.4g of yearly revenue", d.Name, d.SupplyTokens, d.LaunchPriceUSD, d.AnnualRevenueUSD)), "")
	w.key("experiment.runs", fmt.Sprint(d.Runs), "")
	w.key("experiment.seed", "1", "")

	w.section("simulation")
	w.key("simulation.horizon_days", "1460", "four years, one step a day")

	w.section("supply")
	w.key("supply.initial_tokens", num(d.SupplyTokens), "")
	w.key("supply.launch_price_usd", num(d.LaunchPriceUSD), "")

	w.section("fees")
	w.key("fees.annual_revenue_usd", num(d.AnnualRevenueUSD), "")
	w.key("fees.split", floats(d.FeeSplit), "")

	for _, a := range allocs {
		w.printf("\n[[allocations]]\n")
		w.key("allocations.N.name", quote(a.Name), "")
		w.key("allocations.N.share", num(a.Share), "")
		w.key("allocations.N.holder", quote(string(a.Holder)), "")
		if a.Holder != agents.HolderTreasury {
			w.key("allocations.N.agents", fmt.Sprint(a.Agents), "")
		}
		if a.TGEUnlock > 0 {
			w.key("allocations.N.tge_unlock", num(a.TGEUnlock), "")
		}
		if a.CliffDays > 0 {
			w.key("allocations.N.cliff_days", fmt.Sprint(a.CliffDays), "")
			w.key("allocations.N.cliff_unlock", num(a.CliffUnlock), "the linear share accrued by the cliff: cliff/(cliff + vesting) of what launch left")
		}
		if a.VestingDays > 0 {
			w.key("allocations.N.vesting_days", fmt.Sprint(a.VestingDays), "")
			w.key("allocations.N.vesting_step_days", fmt.Sprint(a.VestingStepDays), "monthly releases")
		}
	}

	w.section("treasury")
	w.key("treasury.monthly_budget_tokens", num(round(base.Treasury.MonthlyBudgetTokens*kTreasury)),
		fmt.Sprintf("in proportion to the treasury's tokens: the baseline's %.3g a year of them (the Arbitrum DAO's)", 12*base.Treasury.MonthlyBudgetTokens/(treasuryShare(base.Allocations)*base.Supply.InitialTokens)))
	w.key("treasury.monthly_budget_usd", num(round(base.Treasury.MonthlyBudgetUSD*kRev)), "in proportion to the fee revenue the treasury's share is paid from")

	w.section("market")
	w.key("market.outside_capital_usd_per_day", num(round(base.Market.OutsideCapitalUSDPerDay*kFloat)), "in proportion to the market cap of the launch float")

	w.section("sequencers")
	w.key("sequencers.min_stake", num(round(base.Sequencers.MinStake*kSupply)), "in proportion to the supply")
	if err := w.dist("sequencers.self_stake", base.Sequencers.SelfStake, kSupply, "in proportion to the supply"); err != nil {
		return nil, err
	}
	if err := w.dist("sequencers.operating_cost_usd", base.Sequencers.OperatingCostUSD, kRev, "in proportion to the fee revenue that pays for it"); err != nil {
		return nil, err
	}

	w.section("verification")
	for _, k := range []struct {
		path string
		v    float64
	}{{"verification.check_cost", base.Verification.CheckCost}, {"verification.reward", base.Verification.Reward}, {"verification.miss_penalty", base.Verification.MissPenalty}} {
		w.key(k.path, num(round(k.v*kFDV)), "in proportion to the bridged value verifiers protect (fraud.tvl_usd)")
	}
	if err := w.dist("verification.operating_cost_usd", base.Verification.OperatingCostUSD, kFDV, "in proportion to the bridged value verifiers protect"); err != nil {
		return nil, err
	}

	w.section("fraud")
	w.key("fraud.tvl_usd", num(round(base.Fraud.TVLUSD*kFDV)), fmt.Sprintf("in proportion to the fully diluted value: the baseline's bridge is %.3g times its", base.Fraud.TVLUSD/baseFDV))
	w.key("fraud.gain", num(round(base.Fraud.Gain*kFDV)), "in proportion to the bridged value")
	w.key("fraud.slash", num(round(base.Fraud.Slash*kFDV)), "the bond: Arbitrum BoLD's 3,600 ETH against its bridge, in proportion to the bridged value")

	w.section("attacker")
	if err := w.dist("attacker.budget_usd", base.Attacker.BudgetUSD, kFloat, "in proportion to the market cap of the launch float"); err != nil {
		return nil, err
	}
	w.key("attacker.sequencer_value_usd", num(round(base.Attacker.SequencerValueUSD*kRev)), "in proportion to the fee revenue: a year of it, as in the baseline")

	sets, err := governance(d.Governance)
	if err != nil {
		return nil, err
	}
	w.governance(d.Governance, sets)
	return []byte(w.b.String()), nil
}

// allocations are d's allocations as the model's.
func (d *Design) allocations() []agents.Allocation {
	var out []agents.Allocation
	for _, a := range d.Allocations {
		m := agents.Allocation{Name: a.Name, Holder: agents.HolderType(a.Holder), Share: a.Share, Agents: agentsOf(a.Holder),
			TGEUnlock: a.TGEUnlock, CliffDays: a.CliffDays, VestingDays: a.VestingDays, VestingStepDays: 1}
		switch {
		case a.CliffDays == 0 && a.VestingDays == 0:
			m.TGEUnlock = 1
		case a.CliffDays > 0 && a.VestingDays > 0:
			// the linear share accrued by the cliff, of what launch left
			m.CliffUnlock = round((1 - a.TGEUnlock) * float64(a.CliffDays) / float64(a.CliffDays+a.VestingDays))
		case a.CliffDays > 0:
			m.CliffUnlock = 1 - a.TGEUnlock
		}
		if m.VestingDays > 0 {
			m.VestingStepDays = 30
		}
		if m.Holder == agents.HolderTreasury {
			m.Agents = 1
		}
		out = append(out, m)
	}
	return out
}

// treasuryShare is the treasury's share of the supply.
func treasuryShare(as []agents.Allocation) float64 {
	s := 0.0
	for _, a := range as {
		if a.Holder == agents.HolderTreasury {
			s += a.Share
		}
	}
	return s
}

type writer struct {
	b    strings.Builder
	docs map[string]experiments.ParamDoc
}

func (w *writer) printf(format string, args ...any) { fmt.Fprintf(&w.b, format, args...) }

func (w *writer) section(name string) { w.printf("\n[%s]\n", name) }

// key writes one key under its unit and meaning, and why it has its value.
func (w *writer) key(path, value, why string) {
	if pd, ok := w.docs[path]; ok {
		line := pd.Doc
		if pd.Unit != "" {
			line = pd.Unit + " — " + line
		}
		w.printf("# %s\n", line)
	}
	if why != "" {
		w.printf("# (%s)\n", why)
	}
	w.printf("%s = %s\n", path[strings.LastIndexByte(path, '.')+1:], value)
}

// dist writes a distribution scaled by k.
func (w *writer) dist(path string, d dist.Dist, k float64, why string) error {
	s, err := d.Scaled(k)
	if err != nil {
		return fmt.Errorf("scaffold: %s: %w", path, err)
	}
	for i := range s.Params {
		if s.Kind == dist.KindLogNormal && i == 0 {
			// mu is a logarithm: four decimals keep the median within 0.005%
			s.Params[0] = math.Round(s.Params[0]*1e4) / 1e4
			continue
		}
		s.Params[i] = round(s.Params[i])
	}
	w.key(path, s.String(), why)
	return nil
}

// governance writes the model's settings, each table under its header.
func (w *writer) governance(name string, sets []string) {
	w.printf("\n# Governance: %q, as in experiments/governance-models.toml.\n", name)
	if len(sets) == 0 {
		w.printf("# It is seqsim's default (`seqsim params`: governance.council).\n")
		return
	}
	var tables []string
	by := map[string][]string{}
	for _, s := range sets {
		path, val, _ := strings.Cut(s, "=")
		i := strings.LastIndexByte(path, '.')
		t := path[:i]
		if !slices.Contains(tables, t) {
			tables = append(tables, t)
		}
		by[t] = append(by[t], path+"="+val)
	}
	for _, t := range tables {
		w.section(t)
		for _, kv := range by[t] {
			path, val, _ := strings.Cut(kv, "=")
			w.key(path, val, "")
		}
	}
}

func quote(s string) string { return fmt.Sprintf("%q", s) }

func num(x float64) string { return tomlnum.Float(x) }

func floats(xs []float64) string {
	var s []string
	for _, x := range xs {
		s = append(s, tomlnum.Float(x))
	}
	return "[" + strings.Join(s, ", ") + "]"
}
