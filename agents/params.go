package agents

import (
	"math"
	"slices"
	"strconv"
	"sync"

	"github.com/seqsim/seqsim/agents/protocol"
	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
	"github.com/seqsim/seqsim/internal/enum"
	"github.com/seqsim/seqsim/ordered"
)

// Params is every parameter of one scenario of the model. The TOML key of a
// field is in its toml tag; its unit, range and meaning are in the unit,
// range and doc tags, which `seqsim params` prints. Defaults are in
// DefaultParams. The rules a range tag cannot say are in the Validate
// method of the section they belong to, and those that span sections in
// Params.Validate; experiments.ValidateParams applies them all.
//
// A dist.Dist field is a per-agent behaviour parameter: each agent draws
// its own value at the start of a run from the initialisation stream,
// unless the field's doc says when else it is drawn (each day, per
// proposal, per run).
type Params struct {
	Simulation  Simulation   `toml:"simulation" doc:"time horizon and recording"`
	Supply      Supply       `toml:"supply" doc:"token supply and launch price"`
	Allocations []Allocation `toml:"allocations" doc:"initial distribution: who gets what share, under which vesting"`
	Holders     Holders      `toml:"holders" doc:"sell and stake behaviour of each holder type"`
	Emission    Emission     `toml:"emission" doc:"minting of new tokens into the staking reward pool"`
	Market      Market       `toml:"market" doc:"the AMM pool and outside demand for the token"`
	Fees        Fees         `toml:"fees" doc:"sequencer fee revenue and its split"`
	Staking     Staking      `toml:"staking" doc:"how holders stake, delegate and unstake"`
	Treasury    Treasury     `toml:"treasury" doc:"the DAO treasury and its spending"`
	Metrics     Metrics      `toml:"metrics" doc:"how outcome metrics are measured"`

	Sequencers   Sequencers   `toml:"sequencers" doc:"sequencer operators: stake, costs, the active set and who posts each batch"`
	Slashing     Slashing     `toml:"slashing" doc:"offences, their penalties and where slashed tokens go"`
	Verification Verification `toml:"verification" doc:"verifiers who check batches, and how they learn (the verifier's dilemma)"`
	Fraud        Fraud        `toml:"fraud" doc:"what an invalid state root gains and risks, and how sequencers learn"`

	Governance Governance `toml:"governance" doc:"token voting: delegates, turnout, proposals, quorum, timelock and the security council"`
	Attacker   Attacker   `toml:"attacker" doc:"an attacker or cartel with a budget that may buy, borrow or bribe votes, or stake, to capture the protocol"`
	Lending    Lending    `toml:"lending" doc:"the money market in which the token can be borrowed (term and flash loans)"`

	// Sections are the optional mechanisms' sections the experiment turns
	// on; experiments reads and writes them as further top-level tables.
	Sections Sections `toml:"-"`
}

// Simulation sets the clock.
type Simulation struct {
	HorizonDays int `toml:"horizon_days" unit:"days" range:"[1,36500]" doc:"length of a run; one step is one day"`
	// RecordEveryDays thins the per-step bands kept across runs (the fan
	// charts and series.csv); the model still steps daily.
	RecordEveryDays int `toml:"record_every_days" unit:"days" doc:"keep every k-th day in series.csv and fan charts (1 = daily)"`
}

// Validate checks that the recording step lies within the horizon.
func (s *Simulation) Validate(c *field.Checker) {
	c.IntRange("record_every_days", s.RecordEveryDays, 1, max(s.HorizonDays, 1))
}

// Supply fixes the token's size and launch price.
type Supply struct {
	InitialTokens  float64 `toml:"initial_tokens" unit:"tokens" range:"(0,)" doc:"total supply minted at launch (day 0)"`
	LaunchPriceUSD float64 `toml:"launch_price_usd" unit:"USD/token" range:"(0,)" doc:"price at which the AMM pool is seeded"`
}

// Validate bounds the supply by what int64 micro-token balances hold.
func (s *Supply) Validate(c *field.Checker) {
	if s.InitialTokens > 1e12 {
		c.Errorf("initial_tokens", "at most 1e12 tokens (balances are int64 micro-tokens), got %g", s.InitialTokens)
	}
}

// HolderType names the holder type of an allocation: a key of the holders
// table ([holders.<type>], whose behaviour its agents follow), or
// HolderTreasury. It is a name in the file; World.Reset resolves it to the
// type's index once per run, so the daily loop never compares names.
type HolderType string

// Holder type names the model gives a role beyond their behaviour.
const (
	// HolderTreasury is not a type of the holders table but a reserved
	// name: an allocation held by it is released to the DAO treasury, not
	// to agents, so it has no behaviour, no agents and no votes.
	HolderTreasury HolderType = "treasury"
	// HolderGrants is the built-in type whose agents receive the treasury
	// grants that governance passes (without one, grants are sold on the
	// pool).
	HolderGrants HolderType = "grants"
)

// EnumNames lists the built-in holder types, then treasury: the unit that
// `seqsim params` and resolved files show. A file may define more types.
func (HolderType) EnumNames() []string { return slices.Clone(holderTypeNames()) }

// holderTypeNames are EnumNames, found once: internal/params asks for a
// field's unit each time it walks the struct that holds it.
var holderTypeNames = sync.OnceValue(func() []string {
	return append(builtinHolders().Keys(), string(HolderTreasury))
})

// APRModel is how the staking APR signal is formed.
type APRModel uint8

// APR models.
const (
	APRRealized APRModel = iota // realised yield: fee share plus emission
	// APRBudget is the unlock-sell benchmark's signal
	// (shared/bench/unlock-sell.md): a fixed yearly budget over the stake,
	// min(max_apr_signal, budget / max(staked, floor)), nothing minted.
	APRBudget
)

var aprModelNames = enum.Table[APRModel]{"realized", "budget"}

// String is the model's TOML name.
func (m APRModel) String() string { return aprModelNames.String(m) }

// MarshalText writes the TOML name.
func (m APRModel) MarshalText() ([]byte, error) { return aprModelNames.MarshalText(m) }

// UnmarshalText reads a TOML name; an unknown one lists the allowed names.
func (m *APRModel) UnmarshalText(b []byte) error { return aprModelNames.UnmarshalText(m, b) }

// EnumNames lists the allowed names (the parameter table's unit).
func (APRModel) EnumNames() []string { return aprModelNames.Names() }

// Allocation is one slice of the initial supply and its vesting schedule.
type Allocation struct {
	Name   string     `toml:"name" doc:"label used in charts and tables"`
	Share  float64    `toml:"share" unit:"fraction of initial supply" range:"[0,1]" doc:"share of the initial supply; all shares sum to 1"`
	Holder HolderType `toml:"holder" doc:"holder type whose behaviour applies (treasury: held by the DAO treasury, not by agents)"`
	Agents int        `toml:"agents" unit:"count" doc:"number of holder agents sharing the allocation (ignored for treasury)"`
	// Weight spreads the allocation unevenly over its agents: agent i gets
	// a share proportional to its own draw.
	Weight          dist.Dist `toml:"weight" unit:"relative" doc:"distribution of each agent's relative holding size"`
	TGEUnlock       float64   `toml:"tge_unlock" unit:"fraction" range:"[0,1]" doc:"share released at launch (day 0)"`
	CliffDays       int       `toml:"cliff_days" unit:"days" range:"[0,2147483647]" doc:"day of the cliff; nothing more is released before it"`
	CliffUnlock     float64   `toml:"cliff_unlock" unit:"fraction" range:"[0,1]" doc:"share released at the cliff"`
	VestingDays     int       `toml:"vesting_days" unit:"days" range:"[0,2147483647]" doc:"length of linear vesting after the cliff"`
	VestingStepDays int       `toml:"vesting_step_days" unit:"days" range:"[1,2147483647]" doc:"days between linear releases (1 daily, 30 monthly)"`
}

// Validate checks the agent count of an allocation held by agents, and that
// what it releases at launch and at the cliff is at most all of it. The
// cliff's day against the horizon is in Params.Validate.
func (a *Allocation) Validate(c *field.Checker) {
	if a.Holder != HolderTreasury {
		c.IntRange("agents", a.Agents, 1, 1_000_000)
	}
	if a.TGEUnlock+a.CliffUnlock > 1+1e-12 {
		c.Errorf("cliff_unlock", "tge_unlock + cliff_unlock = %g exceeds 1", a.TGEUnlock+a.CliffUnlock)
	}
}

// Holders is the table of holder types: each entry's key is a type's name
// and its value the type's behaviour (see Behaviour).
type Holders = ordered.Table[Behaviour]

// Behaviour is how the agents of one holder type sell and stake. Per-agent
// values are drawn from the distributions at the start of each run.
//
// The holder types are the entries of Params.Holders, [holders.<type>] in
// a file: the built-in ones (builtinHolders) and any a file adds. A file
// that sets one key of a type keeps the type's other keys and every other
// type. A new type starts as a copy of a defined one named by like, then
// sets what differs:
//
//	[holders.market_maker]
//	like = "investor"
//	sell_probability = 0
//
// or, without like, sets every key. It also needs its voting behaviour,
// [governance.voters.<type>], by the same rules. No type has a switch for
// staking or voting: a type that never stakes has a reservation yield
// above staking.max_apr_signal (the foundation's is 10), and one that
// never votes has delegate = self_vote = 0.
type Behaviour struct {
	SellProbability  dist.Dist `toml:"sell_probability" unit:"1/day" doc:"daily probability that an agent sells part of its liquid tokens"`
	SellFraction     dist.Dist `toml:"sell_fraction" unit:"fraction" doc:"share of its liquid tokens an agent sells when it sells"`
	ReservationYield dist.Dist `toml:"reservation_yield" unit:"1/year" doc:"opportunity cost: an agent stakes when the staking APR is at least this"`
	PresellShare     float64   `toml:"presell_share" unit:"fraction" range:"[0,1]" doc:"share of agents that sell ahead of a known cliff of their allocation"`
	PresellDays      int       `toml:"presell_days" unit:"days" range:"[0,3650]" doc:"how many days before a cliff the pre-sellers start selling daily"`
}

// Emission mints new tokens into the staking reward pool.
type Emission struct {
	Kind          protocol.EmissionKind `toml:"kind" doc:"emission schedule"`
	AnnualRate    float64               `toml:"annual_rate" unit:"1/year" range:"[0,1]" doc:"inflation rate of current supply (constant), or its initial value (decay)"`
	HalfLifeYears float64               `toml:"half_life_years" unit:"years" range:"(0,)" doc:"decay: years for the rate to halve"`
	HalvingDays   int                   `toml:"halving_days" unit:"days" range:"[1,2147483647]" doc:"halving: days per halving period"`
	CapTokens     float64               `toml:"cap_tokens" unit:"tokens" range:"[0,)" doc:"maximum total supply (0 = no cap; required for halving)"`
	// The staking targets (kinds starknet, espresso, ethereum): minting
	// follows the staked share of the total supply (operators' self-stake
	// included) at the end of the previous day.
	StarknetC  float64 `toml:"starknet_c" unit:"1" range:"[0,100]" doc:"starknet: C of the yearly minting M = (C/10)·sqrt(S) % of supply, S the staked share in %"`
	EspressoR0 float64 `toml:"espresso_r0" unit:"1/year" range:"[0,10]" doc:"espresso: the yield R0/sqrt(2p) on stake at staked share p; R0 is the yield at half the supply staked"`
	EthereumK  float64 `toml:"ethereum_k" unit:"sqrt(tokens)/year" range:"[0,1e6]" doc:"ethereum: the yield K/sqrt(S) a year on S staked tokens (ETH: 166.3, i.e. 2.85% at 34M ETH staked)"`
}

// Market is the AMM and the outside demand that prices the token.
//
// Fair value (protocol.Valuation): outside capital values the circulating
// supply C_t at a demand-side market cap D_t, a geometric Brownian motion
// with jumps diluted by e (D_t = D_0 e^{L_t} (C_t/C_0)^{1-e}), plus the
// holders' cash flows capitalised at the return it requires,
// V_t = 365 y_t/(r - g), with y_t the stakers' fee share and the burn
// buyback in USD a day: P*_t = (D_t + V_t)/C_t, the launch price at launch.
// Arbitrageurs close a share of the gap between the pool price and P*_t
// after each trading round, buying with a finite daily capital and
// selling only tokens they hold. Net selling by holders and the treasury
// also lowers D_t for good (permanent impact), so sell pressure is not
// simply arbitraged away.
type Market struct {
	PoolDepth           float64   `toml:"pool_depth" unit:"fraction of launch market cap" range:"[0,1]" doc:"USD reserve of the AMM pool at launch over the circulating market cap (realistic 0.001-0.02)"`
	PoolUSD             float64   `toml:"pool_usd" unit:"USD" range:"[0,)" doc:"USD reserve of the pool at launch, when set (> 0) instead of pool_depth (e.g. when nothing circulates at launch)"`
	SwapFee             float64   `toml:"swap_fee" unit:"fraction" range:"[0,0.5]" doc:"AMM fee on the input amount (stays in the pool)"`
	ValueDriftAnnual    float64   `toml:"value_drift_annual" unit:"1/year" range:"(,)" doc:"drift of the demand-side market cap (GBM mu)"`
	ValueVolAnnual      float64   `toml:"value_vol_annual" unit:"1/sqrt(year)" range:"[0,10]" doc:"volatility of the demand-side market cap (GBM sigma)"`
	ShockRatePerYear    float64   `toml:"shock_rate_per_year" unit:"1/year" range:"[0,365]" doc:"rate of market-wide shocks (Poisson)"`
	ShockMean           float64   `toml:"shock_mean" unit:"log return" range:"(,)" doc:"mean log jump of a shock (negative: crashes)"`
	ShockSD             float64   `toml:"shock_sd" unit:"log return" range:"[0,)" doc:"standard deviation of a shock's log jump"`
	DilutionElasticity  float64   `toml:"dilution_elasticity" unit:"0-1" range:"[0,1]" doc:"how much a larger circulating supply lowers fair value per token (1: market cap fixed)"`
	ArbSpeed            float64   `toml:"arb_speed" unit:"fraction/round" range:"[0,1]" doc:"share of the log gap between pool price and fair value closed by arbitrage after each trading round (0 = no arbitrage)"`
	TradingRounds       int       `toml:"trading_rounds" unit:"count/day" range:"[1,1000]" doc:"holders trade in this many interleaved rounds a day, with arbitrage after each"`
	PermanentImpact     float64   `toml:"permanent_impact" unit:"USD/USD" range:"[0,10]" doc:"fall of the demand-side market cap per USD of net selling by holders and the treasury (buys and burns raise it)"`
	OutsideBuyUSDPerDay dist.Dist `toml:"outside_buy_usd_per_day" unit:"USD/day" doc:"organic daily buying on top of arbitrage, drawn each day"`
	// The cash-flow value and the outside capital (protocol.Valuation).
	RequiredReturn          float64 `toml:"required_return" unit:"1/year" range:"(0,)" doc:"return outside capital requires of the holders' cash flows (the discount rate r of fair value)"`
	CashFlowGrowth          float64 `toml:"cash_flow_growth" unit:"1/year" range:"(,)" doc:"growth outside capital expects of the holders' cash flows (g of fair value, below required_return)"`
	OutsideCapitalUSDPerDay float64 `toml:"outside_capital_usd_per_day" unit:"USD/day" range:"[0,)" doc:"USD outside traders can spend buying from the pool each day (arbitrage toward fair value)"`
}

// Validate checks that the pool has a depth, one way or the other.
func (m *Market) Validate(c *field.Checker) {
	if m.PoolDepth == 0 && m.PoolUSD == 0 {
		c.Errorf("pool_depth", "the pool needs a depth: set %s or %s", c.Key("pool_depth"), c.Key("pool_usd"))
	}
	// (A value out of its own range is reported by its range alone.)
	if m.RequiredReturn > 0 && !math.IsNaN(m.CashFlowGrowth) && m.CashFlowGrowth >= m.RequiredReturn {
		c.Errorf("cash_flow_growth", "%s = %v must be below %s = %v: cash flows growing as fast as the discount rate have no finite value",
			c.Key("cash_flow_growth"), m.CashFlowGrowth, c.Key("required_return"), m.RequiredReturn)
	}
}

// Fees is the sequencer's fee revenue and how it is shared.
type Fees struct {
	AnnualRevenueUSD float64   `toml:"annual_revenue_usd" unit:"USD/year" range:"[0,)" doc:"net sequencer profit at launch, annualised"`
	GrowthAnnual     float64   `toml:"growth_annual" unit:"1/year" range:"(,)" doc:"drift of fee revenue (GBM mu)"`
	VolAnnual        float64   `toml:"vol_annual" unit:"1/sqrt(year)" range:"[0,10]" doc:"volatility of fee revenue (GBM sigma)"`
	Split            []float64 `toml:"split" unit:"fractions [stakers, treasury, burn]" doc:"split of net profit; sums to 1 (burn buys tokens on the AMM and destroys them)"`
}

// Validate checks the split: three shares in [0, 1] that sum to 1.
func (f *Fees) Validate(c *field.Checker) {
	validateShares(c, "split", f.Split, "[stakers, treasury, burn]")
}

// validateShares checks a split of three shares at key (names lists what
// each share is for): each in [0, 1], and their sum 1.
func validateShares(c *field.Checker, key string, xs []float64, names string) {
	if len(xs) != 3 {
		c.Errorf(key, "want 3 shares %s, got %d", names, len(xs))
		return
	}
	ok, each := true, c.Sub(key)
	for i, x := range xs {
		ok = each.Range(strconv.Itoa(i), x, 0, 1) && ok
	}
	if ok {
		c.SumsTo(key, xs, 1, 1e-9)
	}
}

// Staking is how holders stake. Staked tokens are delegated to one
// sequencer operator at a time; an agent compares the network APR after its
// operator's commission with its reservation yield.
//
// Operator choice: each operator has a score (1-commission)(1-record), where
// the record is the recent share of days it was offline or slashed (an
// exponential average over record_days; a slash of penalty f counts as
// f*slash_weight offence days, so a 1% liveness slash is a blip and a 100%
// fraud slash ruins the record). A delegator picks an active operator by a logit of the
// score with temperature choice_noise, so new stake drifts toward cheap,
// reliable operators without all of it landing on one. It leaves (unbonds,
// then stakes again elsewhere once the cooldown ends) when its operator is
// no longer active or its score falls below the best by more than
// redelegate_gap: re-delegation goes through the cooldown, during which the
// stake can still be slashed.
//
// A holder agent stands for many wallets: it holds up to positions
// delegations, each with its own operator, reward snapshot and cooldown,
// deciding by the rules above one by one (docs/model.md §10.4).
//
// max_operator_share is a design's answer to concentration: delegators
// choosing an operator skip those at or above that share of active stake,
// as the Solana Foundation's delegation program and stake pools skip
// validators above a stake limit or in the superminority (the fewest
// validators holding a third of stake).
type Staking struct {
	CooldownDays           int      `toml:"cooldown_days" unit:"days" range:"[0,3650]" doc:"unbonding delay before unstaked tokens are liquid (0 = instant); unbonding stake stays slashable"`
	ReviewDays             int      `toml:"review_days" unit:"days" range:"[1,3650]" doc:"how often each holder reconsiders staking (staggered)"`
	APRSmoothingDays       float64  `toml:"apr_smoothing_days" unit:"days" range:"[0,)" doc:"time constant of the APR signal holders compare with their reservation yield"`
	MaxAPRSignal           float64  `toml:"max_apr_signal" unit:"1/year" range:"(0,)" doc:"cap on the APR signal (when little is staked the realised APR explodes)"`
	APRModel               APRModel `toml:"apr_model" doc:"APR signal: realised yield (fee share plus emission), or a fixed budget over the stake"`
	APRBudgetTokensPerYear float64  `toml:"apr_budget_tokens_per_year" unit:"tokens/year" doc:"budget model: yearly reward budget the signal divides by the stake"`
	APRFloorStakeTokens    float64  `toml:"apr_floor_stake_tokens" unit:"tokens" doc:"budget model: the stake is taken as at least this"`
	ChoiceNoise            float64  `toml:"choice_noise" unit:"score units" range:"[0,)" doc:"logit temperature of a delegator's choice among active operators by score (1-commission)(1-record); 0 = everyone picks the best"`
	RecordDays             float64  `toml:"record_days" unit:"days" range:"[1,3650]" doc:"memory of an operator's record (its recent share of offline or slashed days)"`
	SlashWeight            float64  `toml:"slash_weight" unit:"days per unit penalty" range:"[0,)" doc:"a slash of penalty f counts in the record as f times this many offence days"`
	RedelegateGap          float64  `toml:"redelegate_gap" unit:"fraction" range:"[0,1]" doc:"a delegator leaves an operator whose score is below the best by more than this share"`
	MaxOperatorShare       float64  `toml:"max_operator_share" unit:"fraction of active stake" range:"[0.01,1]" doc:"an active operator holding this share of active stake or more gets no new delegators (its own delegators may still add to their stake); 1 = no cap"`
	Positions              int      `toml:"positions" unit:"count" range:"[1,64]" doc:"delegation positions per holder agent: its stake is split equally over them and each chooses, keeps or leaves its operator on its own (an agent stands for many wallets)"`
}

// Validate checks the keys of the budget APR model, which only it reads.
func (s *Staking) Validate(c *field.Checker) {
	if s.APRModel == APRBudget {
		c.NonNegative("apr_budget_tokens_per_year", s.APRBudgetTokensPerYear)
		c.Positive("apr_floor_stake_tokens", s.APRFloorStakeTokens)
	}
}

// Treasury is the DAO treasury.
type Treasury struct {
	MonthlyBudgetUSD    float64 `toml:"monthly_budget_usd" unit:"USD/month" range:"[0,)" doc:"spending set in USD, paid from USD first, then by selling tokens on the AMM"`
	MonthlyBudgetTokens float64 `toml:"monthly_budget_tokens" unit:"tokens/month" range:"[0,)" doc:"spending set in tokens (grants, contributors), paid to the grantees (holders of type grants) in turn, or sold on the AMM when there are none"`
	InitialUSD          float64 `toml:"initial_usd" unit:"USD" range:"[0,)" doc:"USD held at launch"`
}

// Metrics sets how outcomes are measured.
type Metrics struct {
	UnlockWindowDays int     `toml:"unlock_window_days" unit:"days" range:"[0,3650]" doc:"max_drawdown_after_unlock looks this many days before and after each cliff"`
	CaptureDays      []int   `toml:"capture_days" unit:"days [early, late]" doc:"days at which cost_to_capture_early_usd, cheapest_route_early and their late twins read the cost to capture (the latest measurement at or before the day; empty beyond the horizon)"`
	SettleWindowDays int     `toml:"settle_window_days" unit:"days" range:"[1,3650]" doc:"positions have settled on the first day whose staking ratio, over this many days up to it, stayed within settle_band of its mean over them (min_cost_to_capture_usd looks from that day on)"`
	SettleBand       float64 `toml:"settle_band" unit:"fraction of the window's mean" range:"[0,10]" doc:"how far the staking ratio may stray from its mean over the window for positions to count as settled"`
}

// Validate checks the rules that span sections; the walker calls it after
// every section's own rules. A field whose own rule failed is left to that
// message (Reported).
func (p *Params) Validate(c *field.Checker) {
	p.validateAllocations(c)
	em, supply := c.Sub("emission"), p.Supply.InitialTokens
	if cp := p.Emission.CapTokens; cp > 0 && cp < supply {
		em.Errorf("cap_tokens", "cap %g is below the initial supply %g", cp, supply)
	}
	if p.Emission.Kind == protocol.EmissionHalving && !(p.Emission.CapTokens > supply) {
		em.Errorf("cap_tokens", "halving emission needs a cap above the initial supply")
	}
	seq := c.Sub("sequencers")
	if m := p.Sequencers.MinStake; !seq.Reported("min_stake") && m > supply {
		seq.Errorf("min_stake", "%g tokens exceeds the initial supply %g", m, supply)
	}
}

// validateAllocations checks the allocations against the horizon and
// against each other (their shares sum to 1), and that the treasury's
// allocations release at launch what the pool is seeded with.
func (p *Params) validateAllocations(c *field.Checker) {
	all := c.Sub("allocations")
	if len(p.Allocations) == 0 {
		all.Errorf("", "at least one allocation is needed")
		return
	}
	horizon := c.Sub("simulation").Key("horizon_days")
	shares := make([]float64, len(p.Allocations))
	var treasuryAtLaunch, circ float64
	for i, a := range p.Allocations {
		shares[i] = a.Share
		if one := all.Sub(strconv.Itoa(i)); !one.Reported("cliff_days") && a.CliffDays > p.Simulation.HorizonDays {
			one.Errorf("cliff_days", "cliff on day %d is beyond the horizon of %d days (%s)", a.CliffDays, p.Simulation.HorizonDays, horizon)
		}
		if a.Holder == HolderTreasury {
			treasuryAtLaunch += a.Share * a.TGEUnlock
			continue
		}
		f := a.TGEUnlock
		if a.CliffDays == 0 {
			f += a.CliffUnlock
		}
		circ += a.Share * f
	}
	all.SumsTo("share", shares, 1, 1e-9)
	// The pool is seeded from the treasury at launch: it must hold enough.
	m := p.Market
	need, key := m.PoolDepth*circ, "pool_depth"
	if m.PoolUSD > 0 {
		need, key = m.PoolUSD/p.Supply.LaunchPriceUSD/p.Supply.InitialTokens, "pool_usd"
	}
	if need > treasuryAtLaunch+1e-12 {
		c.Sub("market").Errorf(key, "the pool needs %.4g of supply from the treasury at launch but treasury allocations release only %.4g at day 0", need, treasuryAtLaunch)
	}
}
