package scaffold

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/experiments"
)

// A Design is the few answers a new token's experiment starts from. Zero
// fields take the baseline's values (Defaults).
type Design struct {
	Name             string       // the experiment's name (letters, digits, - and _)
	SupplyTokens     float64      // tokens minted at launch
	LaunchPriceUSD   float64      // USD per token at launch
	AnnualRevenueUSD float64      // the sequencers' net fee revenue, USD a year
	FeeSplit         []float64    // stakers, treasury, burn; sums to 1
	Allocations      []Allocation // who gets what share, under which vesting
	Governance       string       // a scenario of governance-models.toml, or a word of its name ("progressive")
	Runs             int          // Monte Carlo runs
}

// An Allocation is one line of the initial distribution.
type Allocation struct {
	Name        string
	Holder      string  // a holder type: team, investor, airdrop, public_sale, grants, foundation or treasury
	Share       float64 // of the supply
	TGEUnlock   float64 // released at launch; with no cliff and no vesting, all of it is
	CliffDays   int     // nothing more is released before it; 0: no cliff
	VestingDays int     // linear monthly vesting after the cliff
}

// Defaults is the baseline's design: its size, revenue, split and
// allocations, and progressive decentralization. Write(Defaults()) gives
// the baseline's figures (its cliffs release the linear share,
// cliff/(cliff + vesting), where the baseline rounds it to 0.25).
func Defaults() Design {
	p := agents.DefaultParams()
	d := Design{
		Name: "my-token", SupplyTokens: p.Supply.InitialTokens, LaunchPriceUSD: p.Supply.LaunchPriceUSD,
		AnnualRevenueUSD: p.Fees.AnnualRevenueUSD, FeeSplit: slices.Clone(p.Fees.Split),
		Governance: "progressive decentralization", Runs: 1000,
	}
	for _, a := range p.Allocations {
		d.Allocations = append(d.Allocations, Allocation{Name: a.Name, Holder: string(a.Holder), Share: a.Share,
			TGEUnlock: a.TGEUnlock, CliffDays: a.CliffDays, VestingDays: a.VestingDays})
	}
	return d
}

// allocationForm is how ParseAllocation reads an allocation.
const allocationForm = "NAME:SHARE[:HOLDER[:CLIFF_DAYS[:VESTING_DAYS[:TGE_UNLOCK]]]]"

// ParseAllocation reads NAME:SHARE[:HOLDER[:CLIFF_DAYS[:VESTING_DAYS[:TGE_UNLOCK]]]],
// e.g. "team:0.2:team:365:1080"; the holder defaults to the name.
func ParseAllocation(s string) (Allocation, error) {
	f := strings.Split(s, ":")
	if len(f) < 2 || len(f) > 6 || f[0] == "" {
		return Allocation{}, fmt.Errorf("allocation %q: want %s", s, allocationForm)
	}
	a := Allocation{Name: f[0], Holder: f[0]}
	var err error
	if a.Share, err = strconv.ParseFloat(f[1], 64); err != nil {
		return Allocation{}, fmt.Errorf("allocation %q: share: %w", s, err)
	}
	if len(f) > 2 && f[2] != "" {
		a.Holder = f[2]
	}
	for i, p := range []*int{&a.CliffDays, &a.VestingDays} {
		if len(f) > 3+i {
			if *p, err = strconv.Atoi(f[3+i]); err != nil {
				return Allocation{}, fmt.Errorf("allocation %q: days: %w", s, err)
			}
		}
	}
	if len(f) > 5 {
		if a.TGEUnlock, err = strconv.ParseFloat(f[5], 64); err != nil {
			return Allocation{}, fmt.Errorf("allocation %q: tge unlock: %w", s, err)
		}
	}
	return a, nil
}

var nameRE = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// check returns the design's problems, all at once.
func (d *Design) check() error {
	var errs []error
	if !nameRE.MatchString(d.Name) {
		errs = append(errs, fmt.Errorf("name %q: use letters, digits, - and _", d.Name))
	}
	if !(d.SupplyTokens > 0) || !(d.LaunchPriceUSD > 0) || d.AnnualRevenueUSD < 0 {
		errs = append(errs, errors.New("supply and launch price must be positive, revenue at least 0"))
	}
	if len(d.Allocations) == 0 {
		errs = append(errs, errors.New("no allocations"))
	}
	holders := append(agents.DefaultParams().Holders.Keys(), string(agents.HolderTreasury))
	for _, a := range d.Allocations {
		if !slices.Contains(holders, a.Holder) {
			errs = append(errs, fmt.Errorf("allocation %q: holder %q is not one of %s", a.Name, a.Holder, strings.Join(holders, ", ")))
		}
	}
	if _, err := governance(d.Governance); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// governance returns the --set values of the governance model named by
// word: a scenario of the embedded governance-models.toml (the one place
// the seed's three models are written), matched by a word of its name.
func governance(word string) ([]string, error) {
	exp, err := experiments.Load("governance-models.toml", experiments.Embedded("governance-models"), nil)
	if err != nil {
		return nil, err
	}
	var names []string
	var found []experiments.Scenario
	for _, s := range exp.Scenarios {
		names = append(names, s.Name)
		if word != "" && (s.Name == word || slices.Contains(strings.Fields(s.Name), strings.ToLower(word))) {
			found = append(found, s)
		}
	}
	if len(found) != 1 {
		return nil, fmt.Errorf("governance %q: want one of %q (or a word of one)", word, names)
	}
	return found[0].Set, nil
}

// agentsOf is the number of agents an allocation of a holder type gets:
// the baseline's for the types it allocates to; public-sale buyers, which
// it has none of, are 200 (an assumption: a sale's many small buyers).
func agentsOf(holder string) int {
	for _, a := range agents.DefaultParams().Allocations {
		if string(a.Holder) == holder {
			return a.Agents
		}
	}
	return 200
}

// round rounds x to four significant digits.
func round(x float64) float64 {
	if x == 0 {
		return 0
	}
	// four significant digits: x rounded to a multiple of 10^e
	e := math.Ceil(math.Log10(math.Abs(x))) - 4
	if e >= 0 {
		q := math.Pow(10, e)
		return math.Round(x/q) * q
	}
	q := math.Pow(10, -e)
	return math.Round(x*q) / q
}

// FromEmbedded returns the embedded experiment name's file with its
// experiment name set to newName, under a line saying where it came from.
func FromEmbedded(name, newName string) ([]byte, error) {
	src := experiments.Embedded(name)
	if src == nil {
		return nil, fmt.Errorf("no embedded experiment %q: want one of %s", name, strings.Join(experiments.EmbeddedNames(), ", "))
	}
	if !nameRE.MatchString(newName) {
		return nil, fmt.Errorf("name %q: use letters, digits, - and _", newName)
	}
	exp, err := experiments.Load(name+".toml", src, nil)
	if err != nil {
		return nil, err
	}
	old := fmt.Sprintf("name = %q", exp.Experiment.Name)
	i := strings.Index(string(src), old)
	if i < 0 {
		return nil, fmt.Errorf("embedded experiment %q: no line %s to rename", name, old)
	}
	head := fmt.Sprintf("# %s: written by `seqsim init --from %s`, a copy of the embedded experiment.\n", newName, name)
	return []byte(head + string(src[:i]) + fmt.Sprintf("name = %q", newName) + string(src[i+len(old):])), nil
}
