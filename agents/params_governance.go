package agents

import (
	"strconv"

	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
	"github.com/seqsim/seqsim/internal/enum"
	"github.com/seqsim/seqsim/ordered"
)

// AttackGoal is what an attack is for.
type AttackGoal uint8

// Attacker goals.
const (
	GoalTreasury  AttackGoal = iota // drain the treasury by a malicious proposal
	GoalSequencer                   // control the sequencer set (by vote or by stake)
	GoalAny                         // whichever pays more
)

var goalNames = enum.Table[AttackGoal]{"treasury", "sequencer", "any"}

// String is the goal's TOML name.
func (g AttackGoal) String() string { return goalNames.String(g) }

// MarshalText writes the TOML name.
func (g AttackGoal) MarshalText() ([]byte, error) { return goalNames.MarshalText(g) }

// UnmarshalText reads a TOML name; an unknown one lists the allowed names.
func (g *AttackGoal) UnmarshalText(b []byte) error { return goalNames.UnmarshalText(g, b) }

// EnumNames lists the allowed names (the parameter table's unit).
func (AttackGoal) EnumNames() []string { return goalNames.Names() }

// Governance is token voting over the running model's parameters (the
// seed's governance models are presets of it, see
// experiments/governance-models.toml).
//
// Voting power comes from the holders' own tokens (liquid, staked and
// unbonding; locked and treasury tokens do not vote). Each holder, at a
// random time after launch (exponential with mean lag_days of its type),
// delegates to delegate_split of the delegates in equal parts (each picked
// in proportion to the delegates' drawn popularity; a holder agent stands
// for many wallets), registers to vote its own tokens, or neither: its tokens
// then never vote, like most tokens in large DAOs. With operators_vote each
// sequencer operator votes its bonded self-stake. The votable supply also
// counts the outside traders' inventory and the attacker's tokens.
//
// Proposals arrive at random (Poisson), each made by a delegate or
// self-voting holder drawn by power among those holding proposal_threshold
// of the votable supply (none: no proposal), who locks
// proposal_deposit_tokens until the vote closes (burned when a majority
// votes against). Each voter with power votes on a
// proposal with probability logistic(logit(propensity) + turnout_stakes *
// (stakes - 1/2) + turnout_contest * (contested - 1/2)), where stakes
// (0-1) is what is at stake and contested = 1 - |2 support - 1| is how
// evenly the voters are split: apathy when little is at stake, more votes
// when the outcome is in doubt. A voter who votes is for an ordinary
// proposal with probability support; against a malicious one unless
// deceived; on an ordinary proposal its support moves by interest_weight
// times what the proposal changes in the yearly cash value of the tokens
// it votes, and an operator's also by what it changes in its business
// (agents/interest.go). Malicious proposals (from the attacker) count as
// stakes 1 and contested 1.
//
// A proposal passes with at least quorum of the votable supply for and
// more for than against; it executes after the timelock unless the council
// vetoes it. A passed parameter proposal multiplies its parameter (the
// stakers' fee share, the emission rate, the minimum self-stake, the fraud
// bond, the invalid-root and liveness penalties, the quorum, the proposal
// threshold, the treasury's budgets, the commission cap or the active
// set's size) by exp(change_sd * Z), kept within 1/4 and 4 times its
// launch value, from its execution day on (an emission proposal changes
// nothing under halving emission); a grant pays grant_share of the
// treasury's tokens to a grantee holder (or sells them on the pool when
// there are no grantees).
type Governance struct {
	ProposalsPerYear  float64   `toml:"proposals_per_year" unit:"1/year" range:"[0,10000]" doc:"rate of ordinary proposals (parameter changes and grants), Poisson; 0 = none"`
	KindWeights       []float64 `toml:"kind_weights" unit:"weights [fee_split, emission, min_stake, bond, grant, invalid_root_penalty, liveness_penalty, quorum, proposal_threshold, budget, commission_cap, active_set]" doc:"relative frequency of each kind of ordinary proposal; a list of the first 5 (before issue 15) gives the later kinds weight 0"`
	FreezeParameters  bool      `toml:"freeze_parameters" doc:"no parameter proposals (every kind but grants): the governed parameters stay as the experiment sets them, for sensitivity studies of governed parameters; grants and the attacker's proposals go on"`
	ProposalThreshold float64   `toml:"proposal_threshold" unit:"fraction of votable supply" range:"[0,1]" doc:"voting power (own or delegated) a voter needs to make a proposal; ordinary proposals come from a voter drawn by power among those above it (none: no proposal that day); the attacker must reach it too"`
	ProposalDeposit   float64   `toml:"proposal_deposit_tokens" unit:"tokens" range:"[0,)" doc:"tokens a proposer locks while its proposal is open: burned when the vote rejects it by a majority against, returned otherwise"`
	OperatorsVote     bool      `toml:"operators_vote" doc:"sequencer operators vote their bonded self-stake, weighing proposals by their own business as well as their stake"`
	OperatorTurnout   dist.Dist `toml:"operator_turnout" unit:"probability" range:"[0,1]" doc:"each operator's propensity to vote (on a proposal of middling stakes and contest)"`
	FeeBurnSide       float64   `toml:"fee_burn_side" unit:"probability" range:"[0,1]" doc:"chance that a fee-split proposal moves the stakers' share against the burn's rather than the treasury's"`
	InterestWeight    float64   `toml:"interest_weight" unit:"logit per unit of yearly yield" range:"[0,100000]" doc:"how much a voter's support moves with what a fee-split proposal changes in the yearly cash yield of the tokens it votes (0: support alone)"`
	ChangeSD          float64   `toml:"change_sd" unit:"log-sd" range:"[0,5]" doc:"a parameter proposal multiplies its parameter by exp(change_sd*Z), Z standard normal"`
	GrantShare        dist.Dist `toml:"grant_share" unit:"fraction of treasury tokens" range:"[0,1]" doc:"size of a treasury grant, drawn per grant proposal"`
	Support           dist.Dist `toml:"support" unit:"probability" range:"[0,1]" doc:"share of voters in favour of an ordinary proposal, drawn per proposal"`
	Stakes            dist.Dist `toml:"stakes" unit:"0-1" range:"[0,1]" doc:"what an ordinary proposal puts at stake, drawn per proposal (low stakes, low turnout)"`
	Quorum            float64   `toml:"quorum" unit:"fraction of votable supply" range:"[0,1]" doc:"votes for a proposal needs, as a share of the votable supply at the snapshot"`
	SnapshotDelayDays int       `toml:"snapshot_delay_days" unit:"days" range:"[0,3650]" doc:"days from proposal to the voting-power snapshot (0 = votes counted when cast, so flash-loaned tokens vote)"`
	VotingDays        int       `toml:"voting_days" unit:"days" range:"[0,3650]" doc:"length of the vote after the snapshot"`
	TimelockDays      int       `toml:"timelock_days" unit:"days" range:"[0,3650]" doc:"delay between a passed vote and execution, in which the council may veto"`
	TurnoutStakes     float64   `toml:"turnout_stakes" unit:"logit per unit of stakes" range:"[-50,50]" doc:"how much more likely a voter votes when more is at stake"`
	TurnoutContest    float64   `toml:"turnout_contest" unit:"logit per unit of contest" range:"[-50,50]" doc:"how much more likely a voter votes when the outcome is in doubt"`
	Deception         float64   `toml:"deception" unit:"probability" range:"[0,1]" doc:"chance that an honest voter voting on a malicious proposal is deceived and votes for it"`
	Delegates         int       `toml:"delegates" unit:"count" range:"[0,100000]" doc:"delegates holders can delegate their votes to"`
	DelegateSplit     int       `toml:"delegate_split" unit:"count" range:"[1,64]" doc:"delegates a delegating holder spreads its votes over, in equal parts (a holder agent stands for many wallets)"`
	DelegateWeight    dist.Dist `toml:"delegate_weight" unit:"relative" range:"[0,)" doc:"popularity of each delegate: a delegating holder picks a delegate with probability proportional to it"`
	DelegateTurnout   dist.Dist `toml:"delegate_turnout" unit:"probability" range:"[0,1]" doc:"each delegate's propensity to vote (on a proposal of middling stakes and contest)"`
	BribeRefusal      float64   `toml:"bribe_refusal" unit:"probability" range:"[0,1]" doc:"chance that a voter refuses every bribe (legal or reputational limits), drawn per voter"`
	// When governance is effective (agents/effective.go).
	EffectiveWindowDays int     `toml:"effective_window_days" unit:"days" range:"[1,3650]" doc:"governance is effective from the first day on which, over this many days back, enough ordinary proposals closed and enough of them were decided"`
	EffectiveShare      float64 `toml:"effective_share" unit:"fraction" range:"[0,1]" doc:"share of the window's closed ordinary proposals that must have been decided (votes cast reached the quorum, or a gatekeeper council decided)"`
	EffectiveMin        int     `toml:"effective_min_proposals" unit:"count" range:"[1,1000]" doc:"ordinary proposals that must have closed within the window"`
	MeasureEveryDays    int     `toml:"measure_every_days" unit:"days" range:"[1,3650]" doc:"days between measurements of voting-power concentration and of the cost to capture"`
	Voters              Voters  `toml:"voters" doc:"how each holder type takes part in governance"`
	Council             Council `toml:"council" doc:"the security council (or foundation multisig) and how its powers fade"`
}

// Validate checks the weights of the kinds of ordinary proposal: one per
// kind, or the first five (files written before issue 15, whose later
// kinds then have weight 0); each in [0, 1e9], and not all 0 when there
// are proposals.
func (g *Governance) Validate(c *field.Checker) {
	if n := len(g.KindWeights); n != int(numOrdinaryKinds) && n != oldKinds {
		c.Errorf("kind_weights", "want %d weights %v (or the first %d), got %d", numOrdinaryKinds, propKindNames[:numOrdinaryKinds], oldKinds, n)
		return
	}
	var sum float64
	ok, each := true, c.Sub("kind_weights")
	for i, x := range g.KindWeights {
		ok = each.Range(strconv.Itoa(i), x, 0, 1e9) && ok
		sum += x
	}
	if ok && g.ProposalsPerYear > 0 && !(sum > 0) && !g.FreezeParameters {
		c.Errorf("kind_weights", "all weights are 0 but proposals_per_year is %g", g.ProposalsPerYear)
	}
}

// oldKinds is the number of kinds of ordinary proposal before issue 15.
const oldKinds = 5

// Voters is the table of the holder types' governance behaviour: one entry
// per holder type, under the type's name.
type Voters = ordered.Table[VoterBehaviour]

// VoterBehaviour is how the holders of one type take part in governance:
// the entries of Governance.Voters, [governance.voters.<type>] in a file,
// one for each holder type (Behaviour says how a file adds a type).
type VoterBehaviour struct {
	Delegate float64   `toml:"delegate" unit:"probability" range:"[0,1]" doc:"chance that a holder delegates its votes to a delegate"`
	SelfVote float64   `toml:"self_vote" unit:"probability" range:"[0,1]" doc:"chance that a holder registers to vote its own tokens (delegate + self_vote <= 1; the rest never vote)"`
	LagDays  float64   `toml:"lag_days" unit:"days" range:"[0,36500]" doc:"mean delay (exponential) after launch before a holder delegates or registers"`
	Turnout  dist.Dist `toml:"turnout" unit:"probability" range:"[0,1]" doc:"propensity of a self-voting holder to vote"`
}

// Validate checks that delegating and self-voting are exclusive choices.
func (v *VoterBehaviour) Validate(c *field.Checker) {
	if !c.Reported("delegate") && !c.Reported("self_vote") && v.Delegate+v.SelfVote > 1+1e-12 {
		c.Errorf("self_vote", "delegate + self_vote = %g exceeds 1", v.Delegate+v.SelfVote)
	}
}

// Council is an M-of-N security council (Arbitrum: 9 of 12) or, with
// gatekeeper powers, a foundation's multisig. While a gatekeeper, it
// decides every proposal: an ordinary one executes when the vote was not
// lost by a majority against (no quorum needed), a malicious one never.
// After gatekeeper_days it keeps a veto in the timelock (and emergency
// powers). From fade_start_days its authority, the chance that it can
// still act, falls linearly to nothing at veto_days (progressive
// decentralisation; veto_days = 0: it never fades). A malicious proposal is vetoed
// when at least threshold of the honest members spot it (each with
// probability detection). Key compromises come at compromise_rate_per_year,
// each taking every member's key with probability compromise_reach; once
// threshold keys are compromised while the council holds any power, its
// holder captures the protocol (Ronin 2022: 5 of 9 keys; Harmony 2022: 2
// of 5).
type Council struct {
	Members               int     `toml:"members" unit:"count" range:"[0,1000]" doc:"council members (0 = no council)"`
	Threshold             int     `toml:"threshold" unit:"count" doc:"signatures needed for any council action, a veto included"`
	Detection             float64 `toml:"detection" unit:"probability" range:"[0,1]" doc:"chance that an honest member spots a malicious proposal and signs its veto within the timelock"`
	GatekeeperDays        int     `toml:"gatekeeper_days" unit:"days" range:"[0,2147483647]" doc:"days from launch during which the council decides every proposal (token votes advise)"`
	FadeStartDays         int     `toml:"fade_start_days" unit:"days" range:"[0,2147483647]" doc:"day from which the council's authority falls linearly, to nothing at veto_days"`
	VetoDays              int     `toml:"veto_days" unit:"days" range:"[0,2147483647]" doc:"day the council loses its veto and every other power (0 = never)"`
	CompromiseRatePerYear float64 `toml:"compromise_rate_per_year" unit:"1/year" range:"[0,365]" doc:"rate of key-compromise events (Poisson)"`
	CompromiseReach       float64 `toml:"compromise_reach" unit:"probability" range:"[0,1]" doc:"chance that an event compromises each member's key (shared infrastructure or organisation)"`
}

// Validate checks the signature threshold against the members, and that
// the veto does not end before its fade starts.
func (k *Council) Validate(c *field.Checker) {
	if !c.Reported("members") && k.Members > 0 {
		c.IntRange("threshold", k.Threshold, 1, k.Members)
	}
	if !c.Reported("fade_start_days") && !c.Reported("veto_days") && k.VetoDays > 0 && k.VetoDays < k.FadeStartDays {
		c.Errorf("veto_days", "veto ends on day %d, before its fade starts on day %d (fade_start_days)", k.VetoDays, k.FadeStartDays)
	}
}

// Attacker is an attacker or cartel with a budget. At random times
// (reviews_per_year) it prices every strategy for its goal and carries out
// the one with the largest expected profit, P(success)*payoff - cost, if
// that is positive and the capital it needs is within its budget:
//
//   - buy: buy the votes a malicious proposal needs on the AMM, in daily
//     slices of at most max_daily_trade of the pool's token reserve (its
//     buying moves the price), then propose;
//   - borrow: borrow them (lending): a flash loan at the vote when there is
//     no snapshot delay, else a one-day collateralised loan over the
//     snapshot;
//   - bribe: buy votes from voters at a uniform price per vote, which a
//     voter accepts when it exceeds its loss if the proposal passes times
//     its chance of being pivotal (Buterin);
//   - stake: buy tokens and bond them as a sequencer operator until it
//     holds more than sequencer_share of the active stake (the same share
//     the stake route of the measured cost to capture prices).
//
// The votes needed are the quorum and the expected votes against a
// malicious proposal times 1+margin. A vote succeeds when the council does
// not veto (probability 1 - its veto probability; 0 under a gatekeeper).
// The payoff of draining the treasury is its USD plus what drain_share of
// its tokens sells for in daily slices over planning_days; of controlling
// the sequencers, sequencer_value_usd. After an attack the attacker sells
// what it holds in daily slices.
type Attacker struct {
	Enabled           bool       `toml:"enabled" doc:"whether an attacker is present"`
	BudgetUSD         dist.Dist  `toml:"budget_usd" unit:"USD" range:"[0,)" doc:"the attacker's capital, drawn per run"`
	ReviewsPerYear    float64    `toml:"reviews_per_year" unit:"1/year" range:"[0,365]" doc:"rate at which the attacker looks for an attack (Poisson)"`
	Goal              AttackGoal `toml:"goal" doc:"what the attacker is after"`
	Buy               bool       `toml:"buy" doc:"may buy votes or stake on the AMM"`
	Borrow            bool       `toml:"borrow" doc:"may borrow votes (lending)"`
	Bribe             bool       `toml:"bribe" doc:"may bribe voters"`
	Stake             bool       `toml:"stake" doc:"may stake to control the sequencer set"`
	DrainShare        float64    `toml:"drain_share" unit:"fraction" range:"[0,1]" doc:"share of the treasury a malicious proposal takes"`
	SequencerValueUSD float64    `toml:"sequencer_value_usd" unit:"USD" range:"[0,1e15]" doc:"what controlling the sequencer set is worth to the attacker (ordering, censorship, extortion)"`
	SequencerShare    float64    `toml:"sequencer_share" unit:"fraction of active stake" range:"[0.01,0.99]" doc:"stake share the stake strategy aims beyond, and the stake route of cost_to_capture_usd prices: one threshold for the attack and its measure (1/3 halts a BFT set, 1/2 controls ordering)"`
	MaxDailyTrade     float64    `toml:"max_daily_trade" unit:"fraction of pool token reserve" range:"[1e-6,0.99]" doc:"largest daily purchase or sale by the attacker"`
	PlanningDays      int        `toml:"planning_days" unit:"days" range:"[1,36500]" doc:"days of sales over which the attacker values drained tokens"`
	Margin            float64    `toml:"margin" unit:"fraction" range:"[0,10]" doc:"safety margin over the expected votes against"`
}

// Lending is the money market in which the token can be borrowed.
type Lending struct {
	Depth           float64 `toml:"depth" unit:"fraction of circulating supply" range:"[0,1]" doc:"tokens that can be borrowed"`
	RateAnnual      float64 `toml:"rate_annual" unit:"1/year" range:"[0,10]" doc:"borrow rate of a term loan"`
	FlashFee        float64 `toml:"flash_fee" unit:"fraction" range:"[0,1]" doc:"fee of a flash loan (same transaction, no collateral)"`
	CollateralRatio float64 `toml:"collateral_ratio" unit:"USD/USD" range:"[0,100]" doc:"collateral a term loan needs per USD borrowed"`
}
