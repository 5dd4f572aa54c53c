package scaffold

import (
	"fmt"
	"slices"
	"strings"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/tomlnum"
)

// Write returns the experiment file of design d: every section it writes
// explains its keys (their unit and meaning, from `seqsim params`). The
// figures whose defaults are in proportion to the design's size
// (agents.Proportionals, docs/model.md §23) are shown as comments with
// the value seqsim gives them and what they are in proportion to, to
// uncomment and change. The file validates and runs as written, and
// `seqsim validate` finds nothing out of proportion in it.
func Write(d Design) ([]byte, error) {
	if err := d.check(); err != nil {
		return nil, fmt.Errorf("scaffold: %w", err)
	}
	w := &writer{docs: map[string]experiments.ParamDoc{}}
	for _, pd := range experiments.Describe() {
		w.docs[pd.Path] = pd
	}
	allocs := d.allocations()
	// The design's size, as the model reads it, gives the defaults of the
	// parameters in proportion to it (agents.Proportionals).
	p := agents.DefaultParams()
	p.Supply.InitialTokens, p.Supply.LaunchPriceUSD = d.SupplyTokens, d.LaunchPriceUSD
	p.Fees.AnnualRevenueUSD, p.Allocations = d.AnnualRevenueUSD, allocs
	scaled, err := agents.ScaledDefaults(&p)
	if err != nil {
		return nil, fmt.Errorf("scaffold: %w", err)
	}

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

	w.printf("\n# Figures in proportion to this design's size. seqsim computes each from\n")
	w.printf("# the design when the file does not set it: the baseline's figure times\n")
	w.printf("# the ratio of this design's size to the baseline's on the measure named\n")
	w.printf("# (docs/model.md §23). Uncomment a line to set the figure yourself.\n")
	section := ""
	for _, x := range agents.Proportionals() {
		if t := x.Path[:strings.IndexByte(x.Path, '.')]; t != section {
			section = t
			w.section(t)
		}
		w.proportional(x, x.Value(&scaled))
	}

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

// proportional writes a parameter in proportion to the design as a
// comment: its meaning, its measure and the value seqsim gives it.
func (w *writer) proportional(x agents.Proportional, v any) {
	if pd, ok := w.docs[x.Path]; ok {
		w.printf("# %s — %s\n", pd.Unit, pd.Doc)
	}
	w.printf("# (in proportion to %s: %s)\n", x.Measure, x.Why)
	value := ""
	switch v := v.(type) {
	case float64:
		value = num(v)
	case dist.Dist:
		value = v.String()
	}
	w.printf("# %s = %s\n", x.Path[strings.LastIndexByte(x.Path, '.')+1:], value)
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
