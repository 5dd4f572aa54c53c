package experiments

import (
	"errors"
	"fmt"
	"math"
	"regexp"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/agents/protocol"
	"github.com/seqsim/seqsim/experiments/field"
	"github.com/seqsim/seqsim/internal/params"
)

func joinErrs(es []error) error { return errors.Join(es...) }

var validName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

// Validate checks every value of e, an experiment built or changed in Go,
// and reports all problems at once, with the checks and messages of Load.
// An experiment in Go has no source lines, so each problem reads
// "<e.File>: <dotted.key>: <problem>" ("<dotted.key>: <problem>" when
// e.File is empty). After it passes the model may assume its input is
// valid.
func (e *Experiment) Validate() error { return e.validate(nil) }

// ValidateParams checks token-model parameters built in Go, with the checks
// and messages Load applies to the parameters of a file:
//
//	p := agents.DefaultParams()
//	p.Fees.Split = []float64{0.5, 0.5, 0.5}
//	err := experiments.ValidateParams(&p) // "fees.split: must sum to 1 ..."
func ValidateParams(p *agents.Params) error {
	e := Default()
	e.Params = *p
	return e.Validate()
}

// validate is Validate with the source lines of each key (nil: none).
func (e *Experiment) validate(lines params.Lines) error {
	c := field.NewChecker(e.File, lines)
	s := e.Experiment
	if !validName.MatchString(s.Name) {
		c.Errorf("experiment.name", "must be letters, digits, - and _ (it names the output folder), got %q", s.Name)
	}
	c.IntRange("experiment.runs", s.Runs, 1, 10_000_000)
	if s.Seed < 0 {
		c.Errorf("experiment.seed", "must be >= 0, got %d", s.Seed)
	}
	validateStudy(c, e)
	if s.Model != ModelToken {
		validateTestModel(c, e)
		return c.Err()
	}
	p := &e.Params
	c.IntRange("simulation.horizon_days", p.Simulation.HorizonDays, 1, 100*365)
	c.IntRange("simulation.record_every_days", p.Simulation.RecordEveryDays, 1, max(p.Simulation.HorizonDays, 1))
	c.Positive("supply.initial_tokens", p.Supply.InitialTokens)
	if p.Supply.InitialTokens > 1e12 {
		c.Errorf("supply.initial_tokens", "at most 1e12 tokens (balances are int64 micro-tokens), got %g", p.Supply.InitialTokens)
	}
	c.Positive("supply.launch_price_usd", p.Supply.LaunchPriceUSD)
	validateAllocations(c, p)
	validateHolders(c, p)
	validateEmission(c, p)
	validateMarket(c, p)
	validateFees(c, p)
	c.IntRange("staking.cooldown_days", p.Staking.CooldownDays, 0, 3650)
	c.IntRange("staking.review_days", p.Staking.ReviewDays, 1, 3650)
	c.NonNegative("staking.apr_smoothing_days", p.Staking.APRSmoothingDays)
	c.Positive("staking.max_apr_signal", p.Staking.MaxAPRSignal)
	if p.Staking.APRModel == agents.APRBudget {
		c.NonNegative("staking.apr_budget_tokens_per_year", p.Staking.APRBudgetTokensPerYear)
		c.Positive("staking.apr_floor_stake_tokens", p.Staking.APRFloorStakeTokens)
	}
	c.NonNegative("treasury.monthly_budget_usd", p.Treasury.MonthlyBudgetUSD)
	c.NonNegative("treasury.initial_usd", p.Treasury.InitialUSD)
	c.IntRange("metrics.unlock_window_days", p.Metrics.UnlockWindowDays, 0, 3650)
	validateNetwork(c, p)
	validateGovernance(c, p)
	return c.Err()
}

func validateAllocations(c *field.Checker, p *agents.Params) {
	if len(p.Allocations) == 0 {
		c.Errorf("allocations", "at least one allocation is needed")
		return
	}
	shares := make([]float64, len(p.Allocations))
	var treasuryAtLaunch float64
	for i, a := range p.Allocations {
		k := func(f string) string { return fmt.Sprintf("allocations.%d.%s", i, f) }
		shares[i] = a.Share
		c.Range(k("share"), a.Share, 0, 1)
		if a.Holder != agents.HolderTreasury {
			c.IntRange(k("agents"), a.Agents, 1, 1_000_000)
		}
		params.CheckDist(c, k("weight"), a.Weight)
		c.Range(k("tge_unlock"), a.TGEUnlock, 0, 1)
		c.Range(k("cliff_unlock"), a.CliffUnlock, 0, 1)
		if a.TGEUnlock+a.CliffUnlock > 1+1e-12 {
			c.Errorf(k("cliff_unlock"), "tge_unlock + cliff_unlock = %g exceeds 1", a.TGEUnlock+a.CliffUnlock)
		}
		if c.IntRange(k("cliff_days"), a.CliffDays, 0, math.MaxInt32) && a.CliffDays > p.Simulation.HorizonDays {
			c.Errorf(k("cliff_days"), "cliff on day %d is beyond the horizon of %d days (simulation.horizon_days)", a.CliffDays, p.Simulation.HorizonDays)
		}
		c.IntRange(k("vesting_days"), a.VestingDays, 0, math.MaxInt32)
		c.IntRange(k("vesting_step_days"), a.VestingStepDays, 1, math.MaxInt32)
		if a.Holder == agents.HolderTreasury {
			treasuryAtLaunch += a.Share * a.TGEUnlock
		}
	}
	c.SumsTo("allocations.share", shares, 1, 1e-9)
	// The pool is seeded from the treasury at launch: it must hold enough.
	var circ float64
	for _, a := range p.Allocations {
		if a.Holder != agents.HolderTreasury {
			f := a.TGEUnlock
			if a.CliffDays == 0 {
				f += a.CliffUnlock
			}
			circ += a.Share * f
		}
	}
	need, key := p.Market.PoolDepth*circ, "market.pool_depth"
	if p.Market.PoolUSD > 0 {
		need, key = p.Market.PoolUSD/p.Supply.LaunchPriceUSD/p.Supply.InitialTokens, "market.pool_usd"
	}
	if need > treasuryAtLaunch+1e-12 {
		c.Errorf(key, "the pool needs %.4g of supply from the treasury at launch but treasury allocations release only %.4g at day 0", need, treasuryAtLaunch)
	}
}

func validateHolders(c *field.Checker, p *agents.Params) {
	hs := map[string]*agents.Behaviour{ // lookups only; never ranged over
		"team": &p.Holders.Team, "investor": &p.Holders.Investor, "airdrop": &p.Holders.Airdrop,
		"public_sale": &p.Holders.PublicSale, "grants": &p.Holders.Grants, "foundation": &p.Holders.Foundation,
	}
	for _, h := range agents.HolderTypes() {
		name := h.String()
		b := hs[name]
		if b == nil {
			continue
		}
		k := func(f string) string { return "holders." + name + "." + f }
		params.CheckDist(c, k("sell_probability"), b.SellProbability)
		params.CheckDist(c, k("sell_fraction"), b.SellFraction)
		params.CheckDist(c, k("reservation_yield"), b.ReservationYield)
		c.Range(k("presell_share"), b.PresellShare, 0, 1)
		c.IntRange(k("presell_days"), b.PresellDays, 0, 3650)
	}
}

func validateEmission(c *field.Checker, p *agents.Params) {
	em := p.Emission
	c.Range("emission.annual_rate", em.AnnualRate, 0, 1)
	c.Positive("emission.half_life_years", em.HalfLifeYears)
	c.IntRange("emission.halving_days", em.HalvingDays, 1, math.MaxInt32)
	if c.NonNegative("emission.cap_tokens", em.CapTokens) && em.CapTokens > 0 && em.CapTokens < p.Supply.InitialTokens {
		c.Errorf("emission.cap_tokens", "cap %g is below the initial supply %g", em.CapTokens, p.Supply.InitialTokens)
	}
	if em.Kind == protocol.EmissionHalving && !(em.CapTokens > p.Supply.InitialTokens) {
		c.Errorf("emission.cap_tokens", "halving emission needs a cap above the initial supply")
	}
}

func validateMarket(c *field.Checker, p *agents.Params) {
	m := p.Market
	c.Range("market.pool_depth", m.PoolDepth, 0, 1)
	c.NonNegative("market.pool_usd", m.PoolUSD)
	if m.PoolDepth == 0 && m.PoolUSD == 0 {
		c.Errorf("market.pool_depth", "the pool needs a depth: set market.pool_depth or market.pool_usd")
	}
	c.Range("market.swap_fee", m.SwapFee, 0, 0.5)
	c.Finite("market.value_drift_annual", m.ValueDriftAnnual)
	c.Range("market.value_vol_annual", m.ValueVolAnnual, 0, 10)
	c.Range("market.shock_rate_per_year", m.ShockRatePerYear, 0, 365)
	c.Finite("market.shock_mean", m.ShockMean)
	c.NonNegative("market.shock_sd", m.ShockSD)
	c.Range("market.dilution_elasticity", m.DilutionElasticity, 0, 1)
	c.Range("market.arb_speed", m.ArbSpeed, 0, 1)
	c.IntRange("market.trading_rounds", m.TradingRounds, 1, 1000)
	c.Range("market.permanent_impact", m.PermanentImpact, 0, 10)
	params.CheckDist(c, "market.outside_buy_usd_per_day", m.OutsideBuyUSDPerDay)
}

func validateFees(c *field.Checker, p *agents.Params) {
	f := p.Fees
	c.NonNegative("fees.annual_revenue_usd", f.AnnualRevenueUSD)
	c.Finite("fees.growth_annual", f.GrowthAnnual)
	c.Range("fees.vol_annual", f.VolAnnual, 0, 10)
	if len(f.Split) != 3 {
		c.Errorf("fees.split", "want 3 shares [stakers, treasury, burn], got %d", len(f.Split))
		return
	}
	ok := true
	for i, s := range f.Split {
		ok = c.Range(fmt.Sprintf("fees.split.%d", i), s, 0, 1) && ok
	}
	if ok {
		c.SumsTo("fees.split", f.Split, 1, 1e-9)
	}
}
