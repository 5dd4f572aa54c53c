package agents

import (
	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
	"github.com/seqsim/seqsim/internal/enum"
)

// SequencingMode is how the batches of a day are assigned.
type SequencingMode uint8

// Sequencing modes.
const (
	ModeRotation SequencingMode = iota // stake-weighted round robin over the active set
	ModeAuction                        // the day's slot is sold in a second-price auction
)

var modeNames = enum.Table[SequencingMode]{"rotation", "auction"}

// String is the mode's TOML name.
func (m SequencingMode) String() string { return modeNames.String(m) }

// MarshalText writes the TOML name.
func (m SequencingMode) MarshalText() ([]byte, error) { return modeNames.MarshalText(m) }

// UnmarshalText reads a TOML name; an unknown one lists the allowed names.
func (m *SequencingMode) UnmarshalText(b []byte) error { return modeNames.UnmarshalText(m, b) }

// EnumNames lists the allowed names (the parameter table's unit).
func (SequencingMode) EnumNames() []string { return modeNames.Names() }

// Sequencers are the operators who order transactions and post state-root
// batches. Each operator bonds its own stake (bought on the AMM when it
// enters), charges a commission on its delegators' rewards and pays an
// operating cost. The active set is the max_active eligible operators
// (self-stake at least min_stake, not jailed) with the most total stake.
//
// In rotation mode the batches of a day go to the active operators by
// stake-weighted round robin (CometBFT's proposer priority) and rewards
// follow the batches posted, so an offline operator loses its share. In
// auction mode each day's slot is sold in a second-price (Vickrey) auction
// among the active operators, each bidding the extra value it draws from
// sequencing (auction_edge times the day's fees, e.g. MEV; Espresso and
// Arbitrum Timeboost sell ordering rights this way); the price goes to the
// treasury and rewards follow stake.
//
// Entry and exit: every entry_review_days days a prospective operator (with
// freshly drawn commission, cost and self-stake) enters when the active set
// has a free seat and its commission on an equal share of the stakers'
// rewards covers its cost; an operator whose profit, smoothed over
// exit_loss_days, turns negative leaves, unbonding its self-stake.
type Sequencers struct {
	Operators        int            `toml:"operators" unit:"count" range:"[0,10000]" doc:"operators at launch"`
	MaxOperators     int            `toml:"max_operators" unit:"count" range:"[0,10000]" doc:"operators that can exist over a run, launch plus entrants; entry stops here"`
	MaxActive        int            `toml:"max_active" unit:"count" range:"[1,10000]" doc:"size of the active set: the eligible operators with the most total stake"`
	MinStake         float64        `toml:"min_stake" unit:"tokens" range:"[0,)" doc:"self-stake an operator needs to be eligible for the active set"`
	SelfStake        dist.Dist      `toml:"self_stake" unit:"tokens" range:"[0,)" doc:"self-stake an operator buys on the AMM and bonds when it enters, drawn per operator"`
	Commission       dist.Dist      `toml:"commission" unit:"fraction" range:"[0,)" doc:"share of its stakers' rewards an operator keeps, drawn per operator (clamped to [0, 1] and to commission_cap)"`
	CommissionCap    float64        `toml:"commission_cap" unit:"fraction" range:"[0,1]" doc:"highest commission an operator may charge (governable; 1 = no cap)"`
	OperatingCostUSD dist.Dist      `toml:"operating_cost_usd" unit:"USD/year" range:"[0,)" doc:"cost of running a sequencer, drawn per operator"`
	Mode             SequencingMode `toml:"mode" doc:"how batches are assigned: stake-weighted rotation, or a daily second-price slot auction"`
	BatchesPerDay    int            `toml:"batches_per_day" unit:"count/day" range:"[1,1000000]" doc:"state-root batches (assertions) posted per day, each by one active operator"`
	AuctionEdge      dist.Dist      `toml:"auction_edge" unit:"fraction of daily fees" range:"[0,)" doc:"auction mode: value an operator draws from a day of sequencing (MEV, ordering) over the day's fee revenue; its bid"`
	ExitLossDays     int            `toml:"exit_loss_days" unit:"days" range:"[0,3650]" doc:"an operator exits when its profit smoothed over this many days is negative (0 = never exits)"`
	EntryReviewDays  int            `toml:"entry_review_days" unit:"days" range:"[0,3650]" doc:"how often a prospective operator considers entering (0 = no entry)"`
}

// Validate checks that entry can reach the operators there are at launch.
// The operator slots index an int16 per holder, hence the tags' bound of
// 10000; the minimum stake against the supply is in Params.Validate.
func (s *Sequencers) Validate(c *field.Checker) {
	if !c.Reported("operators") && !c.Reported("max_operators") && s.MaxOperators < s.Operators {
		c.Errorf("max_operators", "must be at least %s (%d), got %d", c.Key("operators"), s.Operators, s.MaxOperators)
	}
}

// Slashing sets the offences an operator can be slashed for. A slash takes
// the penalty share of the operator's bonded self-stake, of its self-stake
// in unbonding and, with slash_delegators, of every delegation to it,
// including delegations in their cooldown (Cosmos semantics; the seed guide:
// "during this period ... its funds remain slashable").
type Slashing struct {
	Split           []float64    `toml:"split" unit:"fractions [burn, treasury, challenger]" doc:"where slashed tokens go; sums to 1 (the challenger share goes to whoever proved the offence)"`
	SlashDelegators bool         `toml:"slash_delegators" doc:"delegated stake (bonded or in cooldown) is slashed with the operator's"`
	Liveness        Offence      `toml:"liveness" doc:"missing its slots (the seed guide: 1%-5%)"`
	DoubleSign      Offence      `toml:"double_sign" doc:"signing conflicting batches"`
	Withholding     Offence      `toml:"withholding" doc:"not publishing batch data within the timeout"`
	InvalidRoot     FraudPenalty `toml:"invalid_root" doc:"a provably invalid state root, caught by a verifier (up to 100%)"`
}

// Validate checks the split: three shares in [0, 1] that sum to 1.
func (s *Slashing) Validate(c *field.Checker) {
	validateShares(c, "split", s.Split, "[burn, treasury, challenger]")
}

// Offence is a non-strategic fault: it happens to an operator at a rate
// drawn per operator and is detected with a probability.
type Offence struct {
	RatePerYear dist.Dist `toml:"rate_per_year" unit:"1/year" range:"[0,)" doc:"expected offences per operator per year, drawn per operator (heterogeneous reliability)"`
	Penalty     float64   `toml:"penalty" unit:"fraction of stake" range:"[0,1]" doc:"share of the slashable stake taken"`
	Detection   float64   `toml:"detection" unit:"probability" range:"[0,1]" doc:"probability that an offence is proven and slashed"`
	JailDays    int       `toml:"jail_days" unit:"days" range:"[0,3650]" doc:"days out of the active set after a slash"`
	Remove      bool      `toml:"remove" doc:"a slash removes the operator for good (tombstone)"`
}

// FraudPenalty is the slash of an operator whose invalid state root a
// verifier proved. The root itself is a strategic choice (see Fraud).
type FraudPenalty struct {
	Penalty  float64 `toml:"penalty" unit:"fraction of stake" range:"[0,1]" doc:"share of the slashable stake taken"`
	JailDays int     `toml:"jail_days" unit:"days" range:"[0,3650]" doc:"days out of the active set after a slash"`
	Remove   bool    `toml:"remove" doc:"a slash removes the operator for good (tombstone)"`
}

// RewardMode is how verification.reward is paid to the checkers of a
// caught fraud.
type RewardMode uint8

// Reward modes.
const (
	RewardEach   RewardMode = iota // every checker that catches a fraud earns the reward
	RewardShared                   // one reward is split among the checkers
)

var rewardModeNames = enum.Table[RewardMode]{"each", "shared"}

// String is the mode's TOML name.
func (m RewardMode) String() string { return rewardModeNames.String(m) }

// MarshalText writes the TOML name.
func (m RewardMode) MarshalText() ([]byte, error) { return rewardModeNames.MarshalText(m) }

// UnmarshalText reads a TOML name; an unknown one lists the allowed names.
func (m *RewardMode) UnmarshalText(b []byte) error { return rewardModeNames.UnmarshalText(m, b) }

// EnumNames lists the allowed names (the parameter table's unit).
func (RewardMode) EnumNames() []string { return rewardModeNames.Names() }

// Verification is the verifier population and its learning rule.
//
// Each batch, each verifier i checks it with probability p_i at its own cost
// c_i = check_cost * exp(check_cost_spread * Z), Z standard normal, drawn
// per verifier (so check_cost is the median cost, and a plain number that
// sweeps and --set can vary). A checked fraud is challenged: the sequencer
// forfeits its bond (fraud.slash, plus its slashed self-stake), each checker
// earns reward (or its share of one reward), plus its share of the
// challenger part of the slashed tokens; when fraud passes unchecked, every
// verifier loses miss_penalty and the fraud finalises after
// challenge_window_days as a loss of fraud.gain. Attention challenges are
// forced errors the protocol plants in attention_rate of the batches; a
// checker who flags one earns attention_payment (Kalodner et al. 2018,
// "Arbitrum", sec. 4.3). subsidy_per_check is paid from the treasury for
// each check (it assumes checks can be proven, e.g. by attention
// challenges).
//
// Learning (both sides): smooth fictitious play in its mean-field form
// (Fudenberg and Kreps 1993, "Learning mixed equilibria", GEB 5; Fudenberg
// and Levine 1998, The Theory of Learning in Games, ch. 4). Every
// revise_every_batches batches each agent revises its mixed strategy as a
// logit best response to its beliefs: a verifier believes the share of
// fraudulent batches is q̂ and each other verifier j checks with probability
// p̂_j; a sequencer believes each verifier checks with probability p̂_j. The
// beliefs are the averages of the strategies played so far (all history, or
// an exponential memory of memory_days), starting from the priors with a
// weight of one revision. The logit temperature is noise times the stake of
// the decision (a verifier's check cost; a sequencer's gain), so the rule is
// scale-free. Its rest point is the logit equilibrium, which tends to the
// Nash equilibrium of protocol.InspectionGame as noise goes to 0; in 2x2
// games fictitious play converges (Miyasawa 1961) and smooth fictitious
// play converges to the logit equilibrium (Benaïm and Hirsch 1999), so the
// time-averaged check and cheat rates approach the closed form (measured
// within 3% for N = 1 and N = 10 with noise 0.003 over 730,000 batches
// revised one by one; see experiments/inspection-game.toml). Sampling noise
// is kept out of the beliefs: agents observe the average play (the
// mean-field form), not single draws, which at fraud rates of 1e-3 would
// swamp the signal. With memory_days > 0 old play is forgotten, so laxity
// and fraud can come back in waves.
//
// The population (review_days > 0): each verifier also pays an operating
// cost (its node, whether it checks or not) and holds bridge_share of the
// bridged value, so a fraud that passes costs it miss_penalty plus that
// share of what is stolen. Every review_days days each verifier weighs
// staying against leaving: since the last review it has accumulated, per
// batch, the expected payoff of its logit choice to check (the log-sum
// T ln(1 + e^(Gamma/T)), which is at least 0) plus its deterrence value:
// its loss share times the probability that nobody else checks times how
// much more fraud the sequencers would post without it (their logit
// response to the detection belief without it, less their response with
// it). The one verifier whose value falls furthest short of its operating
// cost over the period leaves (one a review, so leavers see each other's
// exits), and then, below max_verifiers, one candidate with freshly drawn
// cost, operating cost and bridge share enters when the same value, a year
// of batches at today's beliefs, exceeds its operating cost. In a mixed
// equilibrium a verifier that checks earns no rent from checking (it is
// indifferent), so what keeps a verifier in is what it protects: a
// verifier that never checks has no deterrence value and leaves when its
// node costs anything.
//
// What the closed form implies: raising the bond lowers the checking rate,
// not the cheating rate, because the sequencer only needs to fear a smaller
// detection probability; only paying the verifiers (reward, attention
// challenges, subsidies, a miss penalty) lowers the cheating rate.
//
// Defensive validators are outside the game: they check every batch with
// defensive_check_rate whatever checking pays, as Nitro's Defensive
// strategy does (a node that follows the chain and challenges any
// assertion that disagrees with its own state), run by a team or
// foundation for its own reasons. They are the inspector's commitment of
// the inspection-game literature (inspector leadership; Maschler 1966,
// Avenhaus, von Stengel and Zamir 2002, sec. 4): a sequencer that knows
// every batch is checked posts no invalid root, so the learning
// verifiers, who then see no fraud, stop checking and leave, free riding
// on them. The verifier's dilemma is what is left once they stop
// (defensive = 0, or after defensive_days).
type Verification struct {
	Verifiers           int        `toml:"verifiers" unit:"count" range:"[0,100000]" doc:"verifiers who may check each batch (N)"`
	CheckCost           float64    `toml:"check_cost" unit:"USD/batch" range:"[0,)" doc:"cost of checking one batch (c): each verifier's cost is this times a lognormal factor of median 1"`
	CheckCostSpread     float64    `toml:"check_cost_spread" unit:"log-sd" range:"[0,5]" doc:"spread of check costs across verifiers: sigma of the lognormal factor (0 = all pay check_cost)"`
	Reward              float64    `toml:"reward" unit:"USD" range:"[0,)" doc:"challenger reward for a caught fraud (R), paid by the treasury from the forfeited bond"`
	RewardMode          RewardMode `toml:"reward_mode" doc:"each checker of a caught fraud earns the reward, or one reward is shared among them"`
	MissPenalty         float64    `toml:"miss_penalty" unit:"USD" range:"[0,)" doc:"loss of each verifier when a fraud passes unchecked (L), e.g. its own funds on the rollup"`
	AttentionRate       float64    `toml:"attention_rate" unit:"fraction of batches" range:"[0,1]" doc:"share of batches carrying a planted error that only a checker finds (attention challenges; 0 = off)"`
	AttentionPayment    float64    `toml:"attention_payment" unit:"USD" range:"[0,)" doc:"treasury payment to each verifier that finds a planted error (J)"`
	SubsidyPerCheck     float64    `toml:"subsidy_per_check" unit:"USD/batch" range:"[0,)" doc:"treasury subsidy paid for each check"`
	ChallengeWindowDays int        `toml:"challenge_window_days" unit:"days" range:"[0,3650]" doc:"days after which an unchallenged fraud finalises and its gain is lost to users"`
	ReviseEveryBatches  int        `toml:"revise_every_batches" unit:"batches" range:"[1,1000000]" doc:"sequencers and verifiers revise beliefs and strategies after this many batches"`
	Noise               float64    `toml:"noise" unit:"fraction of check cost" range:"[0,10]" doc:"logit temperature of a verifier's choice, relative to its check cost (0 = best response)"`
	MemoryDays          float64    `toml:"memory_days" unit:"days" range:"[0,)" doc:"exponential memory of beliefs (0 = all history, classic fictitious play)"`
	PriorCheatRate      float64    `toml:"prior_cheat_rate" unit:"probability" range:"[0,1]" doc:"verifiers' initial belief of the share of batches with fraud"`
	MaxVerifiers        int        `toml:"max_verifiers" unit:"count" range:"[0,100000]" doc:"cap on the verifier population: entry stops here (below verifiers, the launch population is the cap)"`
	ReviewDays          int        `toml:"review_days" unit:"days" range:"[0,3650]" doc:"how often verifiers review membership: the one whose value fell shortest of its operating cost leaves, and one candidate considers entry (0 = fixed population)"`
	OperatingCostUSD    dist.Dist  `toml:"operating_cost_usd" unit:"USD/year" range:"[0,)" doc:"cost of running a verifying (watchtower) node, drawn per verifier"`
	BridgeShare         dist.Dist  `toml:"bridge_share" unit:"fraction of TVL" range:"[0,)" doc:"share of the bridged value (TVL) the verifier or its users hold, drawn per verifier (clamped to [0, 1]); it loses this share of what a finalised fraud steals"`
	Defensive           int        `toml:"defensive" unit:"count" range:"[0,1000]" doc:"defensive validators (Arbitrum Nitro's Defensive strategy, run by the team or foundation): they follow the chain and challenge every assertion that disagrees with their state, whatever checking pays; not part of the learning population"`
	DefensiveCheckRate  float64    `toml:"defensive_check_rate" unit:"probability" range:"[0,1]" doc:"chance that a defensive validator checks a batch within its challenge window (1 = it is never down for a whole window)"`
	DefensiveDays       int        `toml:"defensive_days" unit:"days" range:"[0,2147483647]" doc:"days from launch during which the defensive validators run (0 = the whole run)"`
}

// Fraud is the sequencers' side of the verification game. A sequencer posts
// an invalid root with probability q, a logit response to its belief about
// detection: gain G when it passes against the loss of its bond when caught
// (fraud.slash plus slashing.invalid_root.penalty times its self-stake) and,
// when far_sighted, the income a caught fraud takes from it: its smoothed
// net income capitalised (removal) or for the jail days (a jail term). In
// the mixed equilibrium that franchise value, like the bond, lowers the
// check rate the sequencer needs to fear, not the cheat rate; it deters
// for good only against a detection rate fixed from outside (defensive
// validators).
//
// What fraud steals is bridged value: G = gain + tvl_share * TVL, with the
// TVL moving with the fee level (both measure use of the rollup). A
// finalised fraud takes G out of the TVL, drives exodus of the users away
// (the fee level and the TVL jump down for good) and cuts the token's
// demand-side value by price_shock. The logit temperature is noise times
// the smaller of G and the bond: when the gain is a share of a large
// bridge and dwarfs the bond, a temperature scaled by the gain would make
// a sequencer that is sure to be caught still cheat (at G = 400 S and noise
// 0.003 it would cheat with probability 0.3).
type Fraud struct {
	Gain           float64 `toml:"gain" unit:"USD" range:"[0,)" doc:"fixed part of what an invalid root that finalises gains the sequencer, and loses its users (G = gain + tvl_share * TVL)"`
	Slash          float64 `toml:"slash" unit:"USD" range:"[0,)" doc:"bond the sequencer forfeits when its invalid root is caught (S), on top of any token slash"`
	Noise          float64 `toml:"noise" unit:"fraction of min(gain, bond)" range:"[0,10]" doc:"logit temperature of a sequencer's choice, relative to the smaller of its gain and its bond (0 = best response)"`
	PriorCheckRate float64 `toml:"prior_check_rate" unit:"probability" range:"[0,1]" doc:"sequencers' initial belief of each verifier's check rate"`
	TVLUSD         float64 `toml:"tvl_usd" unit:"USD" range:"[0,)" doc:"value the rollup's bridge holds at launch (TVL); it moves with the fee level and falls by what finalised frauds steal"`
	TVLShare       float64 `toml:"tvl_share" unit:"fraction of TVL" range:"[0,1]" doc:"share of the TVL an invalid root that finalises steals (the part of G that scales with the bridge)"`
	Exodus         float64 `toml:"exodus" unit:"fraction" range:"[0,0.99]" doc:"share of users who leave after a finalised fraud: the fee level and the TVL fall by it, for good"`
	PriceShock     float64 `toml:"price_shock" unit:"fraction" range:"[0,0.99]" doc:"fall of the token's demand-side value at a finalised fraud"`
	FarSighted     bool    `toml:"far_sighted" doc:"a sequencer also risks the income a caught fraud takes from it: removal (slashing.invalid_root.remove) costs its smoothed net income capitalised at market.required_return less market.cash_flow_growth, a jail term that income for the jail days (false: it weighs one batch, the one-shot inspection game)"`
}
