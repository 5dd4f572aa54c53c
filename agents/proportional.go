package agents

import (
	"fmt"
	"math"
	"sync"

	"github.com/seqsim/seqsim/dist"
)

// Measure is a design's size on one axis, to which a proportional
// default is scaled.
type Measure uint8

// The measures of a design's size, each read from its parameters.
const (
	MeasureSupply   Measure = iota // tokens minted at launch (supply.initial_tokens)
	MeasureFDV                     // fully diluted value at launch: supply × launch price
	MeasureFloat                   // market cap of the launch float: what the holders' allocations release on day 0, at the launch price
	MeasureRevenue                 // yearly fee revenue (fees.annual_revenue_usd; the FDV's ratio when it is 0)
	MeasureTreasury                // the treasury allocation's tokens
	numMeasures
)

// String names the measure as the docs do.
func (m Measure) String() string {
	return [...]string{"the supply", "the fully diluted value", "the market cap of the launch float",
		"the fee revenue", "the treasury's tokens"}[m]
}

// Size is p's size on measure m (for the revenue, the revenue itself; a
// zero revenue is scaled by the FDV instead, see Ratio).
func (p *Params) Size(m Measure) float64 {
	s, price := p.Supply.InitialTokens, p.Supply.LaunchPriceUSD
	switch m {
	case MeasureSupply:
		return s
	case MeasureFDV:
		return s * price
	case MeasureFloat:
		f := 0.0
		for _, a := range p.Allocations {
			if a.Holder != HolderTreasury {
				f += a.Share * a.TGEUnlock
			}
		}
		return f * s * price
	case MeasureRevenue:
		return p.Fees.AnnualRevenueUSD
	case MeasureTreasury:
		t := 0.0
		for _, a := range p.Allocations {
			if a.Holder == HolderTreasury {
				t += a.Share
			}
		}
		return t * s
	}
	panic(fmt.Sprintf("agents: unknown measure %d", m))
}

// Ratio is p's size on m over the baseline's (DefaultParams). A design
// with no revenue, no launch float or no treasury scales what those
// measure by its fully diluted value instead.
func (p *Params) Ratio(m Measure) float64 {
	if p.Size(m) == 0 && m != MeasureSupply && m != MeasureFDV {
		m = MeasureFDV
	}
	return p.Size(m) / baseSizes()[m]
}

// baseSizes are the baseline's sizes, the denominators of every Ratio,
// read once.
var baseSizes = sync.OnceValue(func() (s [numMeasures]float64) {
	base := DefaultParams()
	for m := range numMeasures {
		s[m] = base.Size(m)
	}
	return s
})

// A Proportional is a parameter whose default is in proportion to the
// design's size: its baseline value (DefaultParams, with its source there)
// times the ratio of the design's size to the baseline's on its measure.
// A file or --set that gives it a value gives it absolutely.
type Proportional struct {
	Path    string  // dotted path
	Measure Measure // what it is in proportion to
	Why     string  // why that measure
	field   func(p *Params) any
}

// proportionals are the parameters whose defaults scale with the design:
// every USD or token figure of the defaults whose source is a share of
// something (docs/model.md §23). The baseline's own values are the
// calibration; at the baseline's size every ratio is 1.
var proportionals = []Proportional{
	{"treasury.monthly_budget_tokens", MeasureTreasury, "the Arbitrum DAO's spending, 2.5% of its treasury's tokens a year",
		func(p *Params) any { return &p.Treasury.MonthlyBudgetTokens }},
	{"treasury.monthly_budget_usd", MeasureRevenue, "paid from the treasury's share of the fees",
		func(p *Params) any { return &p.Treasury.MonthlyBudgetUSD }},
	{"market.outside_capital_usd_per_day", MeasureFloat, "outside traders' capital follows the market's size",
		func(p *Params) any { return &p.Market.OutsideCapitalUSDPerDay }},
	{"sequencers.min_stake", MeasureSupply, "a stake in tokens is a share of the supply",
		func(p *Params) any { return &p.Sequencers.MinStake }},
	{"sequencers.self_stake", MeasureSupply, "a stake in tokens is a share of the supply",
		func(p *Params) any { return &p.Sequencers.SelfStake }},
	{"sequencers.operating_cost_usd", MeasureRevenue, "an operator's costs against the fees that pay for them",
		func(p *Params) any { return &p.Sequencers.OperatingCostUSD }},
	{"verification.check_cost", MeasureFDV, "verifiers weigh their costs against the bridged value they protect, in proportion to the FDV",
		func(p *Params) any { return &p.Verification.CheckCost }},
	{"verification.reward", MeasureFDV, "as check_cost",
		func(p *Params) any { return &p.Verification.Reward }},
	{"verification.miss_penalty", MeasureFDV, "as check_cost",
		func(p *Params) any { return &p.Verification.MissPenalty }},
	{"verification.operating_cost_usd", MeasureFDV, "as check_cost",
		func(p *Params) any { return &p.Verification.OperatingCostUSD }},
	{"fraud.tvl_usd", MeasureFDV, "the baseline's bridge is 1.5 times its FDV, as Arbitrum's was",
		func(p *Params) any { return &p.Fraud.TVLUSD }},
	{"fraud.gain", MeasureFDV, "a share of the bridged value",
		func(p *Params) any { return &p.Fraud.Gain }},
	{"fraud.slash", MeasureFDV, "the bond against the bridge it guards (Arbitrum BoLD's 3,600 ETH)",
		func(p *Params) any { return &p.Fraud.Slash }},
	{"attacker.budget_usd", MeasureFloat, "an attacker sized to the float it would buy",
		func(p *Params) any { return &p.Attacker.BudgetUSD }},
	{"attacker.sequencer_value_usd", MeasureRevenue, "a year of the sequencers' revenue",
		func(p *Params) any { return &p.Attacker.SequencerValueUSD }},
}

// Proportionals lists the parameters whose defaults are in proportion to
// the design's size, in the order of the experiment file (a copy).
func Proportionals() []Proportional { return append([]Proportional(nil), proportionals...) }

// ScaleDefaults sets every proportional parameter that set reports unset
// to its baseline default times p's ratio on its measure. p must hold the
// defaults there (as a decoded file does for the keys it does not write).
// At the baseline's size every ratio is exactly 1 and nothing changes.
func ScaleDefaults(p *Params, set func(path string) bool) error {
	for _, x := range proportionals {
		if set(x.Path) {
			continue
		}
		if err := x.scale(p, p.Ratio(x.Measure)); err != nil {
			return err
		}
	}
	return nil
}

// ScaledDefaults returns the defaults of a design of p's size: the
// baseline's, each proportional parameter scaled to p (the values a file
// that writes none of them gets).
func ScaledDefaults(p *Params) (Params, error) {
	q := DefaultParams()
	for _, x := range proportionals {
		if err := x.scale(&q, p.Ratio(x.Measure)); err != nil {
			return q, err
		}
	}
	return q, nil
}

// Value is the parameter's value in p: a float64 or a dist.Dist.
func (x Proportional) Value(p *Params) any {
	switch v := x.field(p).(type) {
	case *float64:
		return *v
	case *dist.Dist:
		return *v
	}
	panic("agents: proportional " + x.Path + " is neither a number nor a distribution")
}

// Copy sets the parameter in dst to its value in src.
func (x Proportional) Copy(dst, src *Params) {
	switch v := x.field(dst).(type) {
	case *float64:
		*v = *x.field(src).(*float64)
	case *dist.Dist:
		*v = *x.field(src).(*dist.Dist)
	}
}

func (x Proportional) scale(p *Params, k float64) error {
	if k == 1 || !(k > 0) || math.IsInf(k, 1) {
		// The baseline's size: its values, bit for bit. A size that is
		// not positive and finite leaves the default: validation reports
		// the size's own key.
		return nil
	}
	switch v := x.field(p).(type) {
	case *float64:
		*v *= k
	case *dist.Dist:
		s, err := v.Scaled(k)
		if err != nil {
			return fmt.Errorf("agents: %s: %w", x.Path, err)
		}
		*v = s
	}
	return nil
}
