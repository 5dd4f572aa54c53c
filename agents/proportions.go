package agents

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/seqsim/seqsim/agents/protocol"
)

// A Proportion is one ratio of a design's parameters to its own size at
// launch: a yearly treasury budget against the treasury's value, an
// attacker's budget against the market cap, a bond against the gain from
// fraud. Most USD defaults are absolute figures sized for the baseline's
// 10B-token, Arbitrum-like network; a design of another size that keeps
// them is out of proportion, and nothing else would tell its author. A
// Proportion outside its bounds is a warning, not an error: a designer may
// mean it (docs/model.md §23 lists the checks and their sources).
type Proportion struct {
	Keys   []string // the parameters weighed, as dotted paths
	What   string   // what the ratio is, in words
	Ratio  float64
	Lo, Hi float64 // the ratio is in proportion within [Lo, Hi]
	Why    string  // the reference figure behind the bounds, with its source
}

// Out reports whether the ratio is outside its bounds.
func (p Proportion) Out() bool { return p.Ratio < p.Lo || p.Ratio > p.Hi }

// String is the warning: the keys, the ratio and its bounds, and why.
func (p Proportion) String() string {
	bound := fmt.Sprintf("above %.3g", p.Hi)
	if p.Ratio < p.Lo {
		bound = fmt.Sprintf("below %.3g", p.Lo)
	}
	return fmt.Sprintf("%s: %s is %.3g, %s: %s", strings.Join(p.Keys, ", "), p.What, p.Ratio, bound, p.Why)
}

// Proportions returns the design's ratios of budgets, bonds and values to
// its size at launch (after the launch releases and the pool's seeding,
// as the first day of a run sees them), each with its bounds; OutOfProportion
// keeps the ones outside them. The launch state does not depend on the
// seed but through the agents' holdings, which the ratios do not use.
func Proportions(p *Params) ([]Proportion, error) {
	var w World
	if err := w.Reset(p, rand.New(rand.NewPCG(1, 2))); err != nil {
		return nil, err
	}
	price := p.Supply.LaunchPriceUSD
	circCap := w.circulating0 * price
	fdv := p.Supply.InitialTokens * price
	treasury := w.treasuryUSD() + protocol.Tokens(w.treasuryTokens())*price
	var out []Proportion
	t := &p.Treasury
	if budget := 12 * (t.MonthlyBudgetUSD + t.MonthlyBudgetTokens*price); budget > 0 {
		out = append(out, Proportion{
			Keys:  []string{"treasury.monthly_budget_usd", "treasury.monthly_budget_tokens"},
			What:  "the yearly budget over the treasury's value at launch",
			Ratio: budget / treasury, Lo: 0, Hi: 0.2,
			Why: "a runway under five years at the launch price; the Arbitrum DAO spent about 7.4M of its 3.53B ARB a month, 2.5% a year " +
				"(r3gen Finance, Aug 2024), and 4.7% in its peak quarter",
		})
	}
	if a := &p.Attacker; a.Enabled {
		out = append(out, Proportion{
			Keys:  []string{"attacker.budget_usd"},
			What:  "the attacker's mean budget over the market cap of the launch circulating supply",
			Ratio: a.BudgetUSD.Mean() / circCap, Lo: 0, Hi: 0.1,
			Why: "an attacker able to buy a tenth of the float is not the baseline's, whose mean of USD 33M is 2.4% of USD 1.35B; " +
				"set the budget from this design's market cap",
		})
		if rev := p.Fees.AnnualRevenueUSD; rev > 0 && a.SequencerValueUSD > 0 {
			out = append(out, Proportion{
				Keys:  []string{"attacker.sequencer_value_usd", "fees.annual_revenue_usd"},
				What:  "the sequencer set's value to the attacker over a year of fee revenue",
				Ratio: a.SequencerValueUSD / rev, Lo: 1.0 / 3, Hi: 3,
				Why: "the default prices ordering at a year of the baseline's sequencer profit, USD 30M (Arbitrum's 7k-12k ETH a year)",
			})
		}
	}
	f := &p.Fraud
	if fraudPossible := !w.plainStaking; fraudPossible && f.TVLUSD > 0 {
		out = append(out, Proportion{
			Keys:  []string{"fraud.tvl_usd"},
			What:  "the bridged value (TVL) over the fully diluted value at launch",
			Ratio: f.TVLUSD / fdv, Lo: 0.1, Hi: 10,
			Why: "the baseline's USD 15B bridge is 1.5 times its USD 10B fully diluted value, as Arbitrum's bridge and ARB were; an order of magnitude away needs a reason",
		})
	}
	if g := f.Gain + f.TVLShare*f.TVLUSD; !w.plainStaking && g > 0 {
		deter := g / (g + f.Slash) // the inspection game's check rate that deters fraud, G/(G+S)
		if v := &p.Verification; v.Defensive == 0 || v.DefensiveCheckRate < deter {
			out = append(out, Proportion{
				Keys:  []string{"fraud.slash", "fraud.gain", "fraud.tvl_share"},
				What:  "the bond over the gain from a finalised fraud, S/G",
				Ratio: f.Slash / g, Lo: 1, Hi: math.Inf(1),
				Why: fmt.Sprintf("a bond below the gain needs verifiers to check more than half of the batches to deter fraud (G/(G+S) = %.3g), "+
					"and no defensive validator checks that often", deter),
			})
		}
	}
	if rev := p.Fees.AnnualRevenueUSD; rev > 0 && circCap > 0 {
		out = append(out, Proportion{
			Keys:  []string{"fees.annual_revenue_usd", "fees.split"},
			What:  "the stakers' yearly fee share over the market cap of the launch circulating supply (the fee yield if all of it staked)",
			Ratio: p.Fees.Split[0] * rev / circCap, Lo: 0, Hi: 0.25,
			Why: "fees alone would pay a staking yield above 25% a year, more than any live staking token's (Ethereum about 3%, Cosmos Hub's inflation 7-20%, calibration.md)",
		})
	}
	return out, nil
}

// OutOfProportion returns the design's proportions outside their bounds.
func OutOfProportion(p *Params) ([]Proportion, error) {
	all, err := Proportions(p)
	var out []Proportion
	for _, x := range all {
		if x.Out() {
			out = append(out, x)
		}
	}
	return out, err
}
