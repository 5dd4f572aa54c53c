package agents

import (
	"github.com/seqsim/seqsim/agents/protocol"
	"github.com/seqsim/seqsim/ordered"
)

// DefaultParams returns the baseline design: an Arbitrum-like token. Every
// figure cites its source (shared/data/calibration.md unless said otherwise).
func DefaultParams() Params {
	return Params{
		Simulation: Simulation{HorizonDays: 4 * 365, RecordEveryDays: 1},
		// ARB: supply 10,000,000,000; launched near $1.2 (we use $1).
		Supply: Supply{InitialTokens: 10e9, LaunchPriceUSD: 1},
		// ARB split: DAO treasury 35.28%, team and advisors 26.94%, investors
		// 17.53%, airdrop to users 11.62%, to DAOs 1.13%, Foundation 7.5%.
		// Team and investors: 1-year cliff releasing the accrued quarter, then
		// monthly for 3 years (the first cliff released about 1.11B ARB).
		Allocations: []Allocation{
			{Name: "dao_treasury", Share: 0.3528, Holder: HolderTreasury, Agents: 1, Weight: constDist(1), TGEUnlock: 1, VestingStepDays: 1},
			{Name: "team", Share: 0.2694, Holder: "team", Agents: 40, Weight: lognormalDist(0, 1), CliffDays: 365, CliffUnlock: 0.25, VestingDays: 1080, VestingStepDays: 30},
			{Name: "investors", Share: 0.1753, Holder: "investor", Agents: 60, Weight: lognormalDist(0, 1.2), CliffDays: 365, CliffUnlock: 0.25, VestingDays: 1080, VestingStepDays: 30},
			{Name: "airdrop_users", Share: 0.1162, Holder: "airdrop", Agents: 300, Weight: lognormalDist(0, 1.5), TGEUnlock: 1, VestingStepDays: 1},
			{Name: "airdrop_daos", Share: 0.0113, Holder: HolderGrants, Agents: 20, Weight: lognormalDist(0, 1), TGEUnlock: 1, VestingStepDays: 1},
			// Foundation: a small part at launch, the rest monthly over 4 years.
			{Name: "foundation", Share: 0.075, Holder: "foundation", Agents: 5, Weight: constDist(1), TGEUnlock: 0.0667, VestingDays: 1440, VestingStepDays: 30},
		},
		Holders: builtinHolders(),
		// Arbitrum pays no staking yield; the L2 that does, Starknet, mints
		// M = (C/10)·sqrt(S) % of supply a year with S the staked share in %
		// and C = 1.6 (Starknet docs, calibration.md): 6.7% a year to stake
		// at STRK's 5.7% of supply staked (docs/validation.md §2). The
		// baseline pays that to stakers. ARB's own cap, 2% of supply a year
		// (AnnualRate, for kind = "constant"), would pay 20%-40% to the
		// ~13% of supply that circulates in year 1.
		// The staking targets' constants are the published ones
		// (calibration.md): Starknet's C = 1.6 (Starknet docs, STRK
		// staking), Espresso's R(p) = 0.03/sqrt(2p) (Espresso docs),
		// Ethereum's yield 166.3/sqrt(S) for S ETH staked (the consensus
		// base-reward formula; calibration.md writes it with a % sign, but
		// it is a fraction: 166.3/sqrt(34e6) = 0.0285, Ethereum's ~2.9%
		// staking yield, and 166.3·sqrt(34e6) = 0.97M ETH a year of
		// issuance, as observed).
		Emission: Emission{Kind: protocol.EmissionStarknet, AnnualRate: 0.02, HalfLifeYears: 2, HalvingDays: 4 * 365,
			StarknetC: 1.6, EspressoR0: 0.03, EthereumK: 166.3},
		// DEX depth for large L2 tokens: 0.1%-2% of market cap; 2% here, as
		// the pool stands for all venues (CEX books too).
		// Volatility 80%/yr and a crash a year are typical of L2 tokens; a
		// drift of sigma^2/2 keeps the median market cap flat before shocks.
		// Fair value adds the holders' cash flows discounted at 21.9% a
		// year (21Shares, Ethereum valuation update, Oct 2023; VanEck's
		// 12% for ETH is a less risky asset's) growing at 4% (VanEck, "A
		// Potential Valuation Methodology for Ethereum", May 2023, terminal
		// growth): 5.6 years of holder cash flow, about 7% of the launch
		// circulating cap here; cash flows explain a similar small share
		// of live L2 valuations (ARB traded at ~138x a year's fees fully
		// diluted in mid-2025; docs/validation.md). Outside traders can
		// put $20M a day into buying: about a fifth of ARB's two-way
		// daily volume of ~$111M in Aug-Sep 2023 (CoinMarketCap, as
		// reported by cryptotale). The fifth, as net buying capacity, is
		// an assumption, chosen against the launch: with it the median
		// price is 35% below launch on day 1 and 46% on day 2, against
		// ARB's and STRK's ~50% first-day falls ($10M: 70%, 81%; $30M:
		// 22% and 22%, as with the unlimited arbitrage of before).
		Market: Market{
			PoolDepth: 0.02, SwapFee: 0.003,
			ValueDriftAnnual: 0.3, ValueVolAnnual: 0.8,
			ShockRatePerYear: 1, ShockMean: -0.2, ShockSD: 0.1,
			DilutionElasticity: 0.5, ArbSpeed: 0.5, TradingRounds: 8, PermanentImpact: 0.3,
			OutsideBuyUSDPerDay: constDist(0),
			RequiredReturn:      0.219, CashFlowGrowth: 0.04, OutsideCapitalUSDPerDay: 20e6,
		},
		// Arbitrum sequencer net margin: about 7k-12k ETH/yr; 10k ETH at
		// $3,000. Seed guide split: 40% stakers, 40% treasury, 20% burn.
		Fees: Fees{AnnualRevenueUSD: 30e6, GrowthAnnual: 0.1, VolAnnual: 0.5, Split: []float64{0.4, 0.4, 0.2}},
		// Seed guide: unstaking cooldown 7-14 days. Delegation is sticky:
		// new stake favours cheap, reliable operators (a 10-point commission
		// gap is two temperatures, a 7x preference) but a delegator moves only
		// when its operator is 20% worse than the best; a record remembers a
		// quarter, and a 5% slash counts as 25 offline days (assumptions).
		Staking: Staking{
			CooldownDays: 14, ReviewDays: 7, APRSmoothingDays: 30, MaxAPRSignal: 1, APRModel: APRRealized,
			ChoiceNoise: 0.05, RecordDays: 90, SlashWeight: 500, RedelegateGap: 0.2,
			MaxOperatorShare: 1, // no cap, as on Arbitrum-like designs; docs/model.md §10.4
			Positions:        4, // an assumption, measured in docs/model.md §10.4
		},
		// Arbitrum DAO, genesis to July 2024 (r3gen Finance's token flow
		// report for the DAO, Aug 2024): 125M ARB and USD 1.3M in
		// stablecoins over 17 months, 7.4M ARB and USD 76k a month. Its
		// spending was set in ARB (docs/validation.md §3), so it fell in
		// USD as the price fell; the peak quarter was 13.8M ARB a month.
		Treasury: Treasury{MonthlyBudgetTokens: 7.4e6, MonthlyBudgetUSD: 76e3},
		// Capture is read a quarter and a year after launch, and its
		// minimum from when staking has settled (docs/model.md §15.6; the
		// days and the band are assumptions).
		Metrics: Metrics{UnlockWindowDays: 30, CaptureDays: []int{90, 365}, SettleWindowDays: 30, SettleBand: 0.1},
		// Metis: at most about 10 sequencers at launch, each locking 20k-100k
		// METIS; the seed guide: a mainnet sequencer stakes 50k-250k tokens.
		// Commissions of 5%-15% and a cost of about $200k a year (servers and
		// an on-call team) are assumptions, as is one state-root assertion an
		// hour (Arbitrum posts assertions about hourly). No commission cap at
		// launch (1; governance may set one; Cosmos Hub sets a floor, not a
		// cap). Up to 60 operators
		// over a run leaves room for entrants after exits and removals.
		Sequencers: Sequencers{
			Operators: 10, MaxOperators: 60, MaxActive: 10,
			MinStake: 50_000, SelfStake: uniformDist(50_000, 250_000),
			Commission: uniformDist(0.05, 0.15), CommissionCap: 1, OperatingCostUSD: lognormalDist(12.2, 0.5), // e^12.2 ≈ $200k
			Mode: ModeRotation, BatchesPerDay: 24, AuctionEdge: uniformDist(0, 0.2),
			ExitLossDays: 90, EntryReviewDays: 30,
		},
		// Seed guide: liveness 1%-5% (start conservative, 1%), malice up to
		// 100%; Cosmos Hub: double-sign 5% and tombstone. Metis and Arbitrum
		// BoLD bond only the sequencer's own tokens, so delegations are not
		// slashed here (Cosmos-style slash_delegators is an option). BoLD
		// sends confiscated bonds to the DAO treasury and Cosmos burns slashed
		// stake: half and half here, nothing to the challenger (a scenario in
		// verifier-dilemma.toml turns it on). Offence rates are assumptions:
		// a few outages per operator per year, key incidents rarer.
		Slashing: Slashing{
			Split: []float64{0.5, 0.5, 0}, SlashDelegators: false,
			Liveness:    Offence{RatePerYear: uniformDist(0.5, 4), Penalty: 0.01, Detection: 1, JailDays: 1},
			DoubleSign:  Offence{RatePerYear: constDist(0.02), Penalty: 0.05, Detection: 1, Remove: true},
			Withholding: Offence{RatePerYear: constDist(0.05), Penalty: 0.1, Detection: 0.8, JailDays: 30},
			InvalidRoot: FraudPenalty{Penalty: 1, Remove: true},
		},
		// Arbitrum BoLD: challenge period about 6.4 days (7 here). A dozen
		// watchtowers at launch, at most 30 (assumption); checking an hourly
		// assertion costs about $20 of staff attention (about $15k a month
		// over 720 assertions; assumption, spread by a lognormal). The node
		// itself is an operating cost: Arbitrum's docs ask 8 cores and 64 GB
		// for a full node (an AWS i4i.2xlarge, about $0.69 an hour, $6k a
		// year on demand), and a watchtower also needs an Ethereum node:
		// about $12k a year (median, spread by a lognormal; the doubling is
		// an assumption). Each verifier or its users hold a median 0.2% of
		// the bridged value (exchanges, bridges and large holders; an
		// assumption), which is what it protects. Verifiers review
		// membership monthly (assumption). One shared $100k challenger
		// reward and $50k at risk per verifier when fraud passes, on top of
		// its share of the theft, are assumptions.
		Verification: Verification{
			Verifiers: 12, CheckCost: 20, CheckCostSpread: 0.75,
			Reward: 100_000, RewardMode: RewardShared, MissPenalty: 50_000,
			ChallengeWindowDays: 7, ReviseEveryBatches: 24,
			Noise: 0.003, MemoryDays: 90, PriorCheatRate: 0.001,
			MaxVerifiers: 30, ReviewDays: 30,
			OperatingCostUSD: lognormalDist(9.39, 0.5), // e^9.39 ≈ $12k a year
			BridgeShare:      lognormalDist(-6.21, 1),  // e^-6.21 ≈ 0.2%
			Defensive:        1, DefensiveCheckRate: 1, // see Fraud below
		},
		// Arbitrum BoLD: assertion bond 3,600 ETH, $10.8M at $3,000. An
		// invalid root that drains $2M before anyone notices is an
		// assumption (the fixed part of the gain). What a finalised
		// invalid root could steal is bridged value: Arbitrum One held
		// about $15B (TVL over $14.75B at its third anniversary, Aug 2024,
		// TechFlow; about $19B on L2BEAT in 2025), about 28% of it
		// canonically bridged from Ethereum (L2BEAT's breakdown of value
		// secured, as reported in 2025), the part a finalised root can
		// withdraw: tvl_share = 0.28 makes G = $4.2B. After a finalised
		// fraud 40% of the users leave (liquidity on Hyperbridge fell
		// about 40% in the days after its 2025 exploit, as reported) and
		// the token's value falls 15% (EXA fell over 15% on the day of the
		// Exactly Protocol bridge exploit, Aug 2023, as reported); both are
		// secondary sources. A sequencer weighs the income a caught fraud
		// takes from it (far_sighted). One defensive validator checks
		// every batch: Arbitrum One ran with about 12 permissioned
		// validators, Offchain Labs' among them, and saw no fraud proof
		// from August 2021 to September 2023 (Ed Felten to Cointelegraph,
		// Sep 2023); Nitro's Defensive strategy challenges any assertion
		// that disagrees with the node's own state (Arbitrum docs, "How to
		// run a validator"). A node that is up at some time in the 7-day
		// window checks the batch, so its check rate is 1 (assumption).
		// Without it the baseline attempts about 25 invalid roots a run
		// and finalises 16 (200 runs; docs/model.md §8.6):
		// experiments/verifier-dilemma.toml studies that world.
		Fraud: Fraud{Gain: 2e6, Slash: 10.8e6, Noise: 0.003, PriorCheckRate: 0.5,
			TVLUSD: 15e9, TVLShare: 0.28, Exodus: 0.4, PriceShock: 0.15, FarSighted: true},
		// Governance, the attacker and lending: governance_defaults.go.
		Governance: defaultGovernance(),
		Attacker:   defaultAttacker(),
		Lending:    defaultLending(),
	}
}

// builtinHolders are the built-in holder types, in the order resolved
// files list them.
func builtinHolders() ordered.Table[Behaviour] {
	type e = ordered.Entry[Behaviour]
	return ordered.New(
		// Teams sell part of each unlock, rarely; they stake at modest yields.
		e{Key: "team", Doc: "team and advisors", Value: Behaviour{SellProbability: constDist(0.02), SellFraction: betaDist(2, 5), ReservationYield: uniformDist(0.02, 0.12)}},
		// Investors sell more of each unlock than the team.
		e{Key: "investor", Doc: "private-round investors", Value: Behaviour{SellProbability: constDist(0.05), SellFraction: betaDist(2, 3), ReservationYield: uniformDist(0.05, 0.20)}},
		// Airdrop farmers sell fast: most of what they get within days.
		// Some sell ahead of the team and investor cliff.
		e{Key: "airdrop", Doc: "airdrop recipients (users, DAOs, farmers)", Value: Behaviour{SellProbability: uniformDist(0.01, 0.15), SellFraction: betaDist(2, 3), ReservationYield: uniformDist(0.05, 0.5), PresellShare: 0.2, PresellDays: 30}},
		e{Key: "public_sale", Doc: "public-sale (IDO/LBP) buyers", Value: Behaviour{SellProbability: constDist(0.05), SellFraction: betaDist(2, 4), ReservationYield: uniformDist(0.03, 0.20)}},
		e{Key: string(HolderGrants), Doc: "ecosystem grantees", Value: Behaviour{SellProbability: constDist(0.1), SellFraction: betaDist(3, 3), ReservationYield: uniformDist(0.10, 0.30)}},
		// The foundation sells a little for operations and does not stake.
		e{Key: "foundation", Doc: "the foundation's operating wallet", Value: Behaviour{SellProbability: constDist(0.03), SellFraction: betaDist(1, 9), ReservationYield: constDist(10)}},
	)
}
