package agents

import (
	"math"

	"github.com/seqsim/seqsim/ordered"
)

// defaultGovernance is the baseline's governance: Arbitrum-like token
// voting under a 9-of-12 security council whose powers fade (progressive
// decentralisation, the middle column of the seed's risk matrix).
// Figures from shared/data/calibration.md unless said otherwise.
func defaultGovernance() Governance {
	type voter = ordered.Entry[VoterBehaviour]
	return Governance{
		// Compound reached proposal 289 in 2024, about four years after
		// GovernorBravo launched (about 70 a year); younger DAOs vote less
		// often: two a month (assumption). Most DAO proposals spend the
		// treasury (grants, incentive programmes): half of the first five
		// kinds here. The kinds added with issue 15 are assumptions: budget
		// changes as common as any parameter change (they spend the
		// treasury too), commission caps and the active set's size (Cosmos
		// Hub raised its active set several times, 125 to 180 by 2023, and
		// voted a minimum commission) half as common, and the slashing
		// penalties and the rules of the vote rarer still (Arbitrum changed
		// its constitutional quorum once, to 4.5%, in its first two years).
		ProposalsPerYear: 24,
		KindWeights:      []float64{1, 1, 1, 1, 4, 0.25, 0.25, 0.25, 0.25, 1, 0.5, 0.5},
		// Arbitrum: a proposal needs an address with 1M ARB of votes
		// delegated, 0.01% of the 10B supply (Arbitrum constitution); here
		// a share of the votable supply. Arbitrum asks no deposit (Cosmos
		// Hub: 250 ATOM, burned when vetoed; an option).
		ProposalThreshold: 0.0001, ProposalDeposit: 0,
		// Operators vote their own bonded stake, as Cosmos validators vote
		// theirs (and, by default, their delegators'); like active
		// delegates they vote on most proposals (mean propensity 0.8,
		// assumption).
		OperatorsVote: true, OperatorTurnout: betaDist(8, 2),
		// A parameter proposal moves its parameter by about 25% (assumption).
		ChangeSD: 0.25,
		// Half the fee-split proposals trade the stakers' share against the
		// burn, half against the treasury; a voter's logit of support moves
		// by 100 per unit of yearly cash yield on what it votes (a change of
		// 1% a year moves it by 1, as much as the stakes or the contest of
		// the turnout rule). Assumptions; agents/interest.go.
		FeeBurnSide: 0.5, InterestWeight: 100,
		// Arbitrum's largest programme (STIP, 50M ARB) was 1.4% of its
		// treasury; most grants are far smaller: mean 0.05% of the
		// treasury's tokens (Beta(1, 1999); about 1.75M tokens, so a
		// dozen grants a year add about half the operating budget).
		GrantShare: betaDist(1, 1999),
		// Most proposals are popular (mean support 2/3); stakes spread over
		// 0-1 (assumptions).
		Support: betaDist(4, 2),
		Stakes:  betaDist(2, 2),
		// Arbitrum: quorum 3% of votable supply for non-constitutional
		// proposals (5% constitutional). Arbitrum's governor: a 3-day voting
		// delay (the snapshot), 14 days of voting and a 3-day L2 timelock
		// (Arbitrum constitution).
		Quorum: 0.03, SnapshotDelayDays: 3, VotingDays: 14, TimelockDays: 3,
		// Effective governance (agents/effective.go): over the last 180
		// days at least 3 ordinary proposals closed and at least half of
		// them were decided. The seed's risk matrix counts time to
		// effective governance in months (under 3, 6-18, 24); a window of
		// half a year and a majority of decisions are assumptions.
		EffectiveWindowDays: 180, EffectiveShare: 0.5, EffectiveMin: 3,
		// Turnout: from the bottom to the top of the stakes scale the odds of
		// voting rise e-fold, and from a one-sided to an even split e-fold
		// again (logit +1 each; assumptions for the qualitative rule:
		// apathy when little is at stake, mobilisation when contested).
		TurnoutStakes: 1, TurnoutContest: 1,
		// Beanstalk's BIP-18 was disguised as a donation; 5% of voters
		// misread a malicious proposal (assumption).
		Deception: 0.05,
		// Optimism: the top 20% of delegates hold about 82% of delegated
		// power. A hundred delegates of lognormal popularity (sigma 1.2),
		// each delegating holder spreading its votes over eight of them
		// (a holder agent stands for many wallets), give 80%-85% with the
		// baseline's holders (measured, TestGovernanceCalibration; the
		// popularity alone would give Phi(1.2 - 0.842) = 64%, the holders'
		// own concentration does the rest). Active delegates vote on most
		// proposals (mean propensity 0.8, assumption).
		Delegates: 100, DelegateSplit: 8, DelegateWeight: lognormalDist(0, 1.2), DelegateTurnout: betaDist(8, 2),
		// Most known delegates would refuse a bribe to drain the treasury:
		// 80% refuse outright (assumption; Buterin's rule applies to the
		// rest).
		BribeRefusal:     0.8,
		MeasureEveryDays: 7,
		// Who votes (assumptions, tuned so that about 5%-8% of the votable
		// supply is delegated, Arbitrum 8.3%, and about 5%-6% of it votes,
		// calibration.md "typically about 5%"): airdrop users were asked to
		// delegate at the claim; a few investors vote their own tokens
		// (a16z in Compound and Uniswap); grantee DAOs vote themselves; one
		// foundation wallet in five delegates (a delegate programme, as the
		// Arbitrum and Optimism foundations ran). With these the ten
		// largest voters cast about 65%-70% of the votes, against 45%-58%
		// in Compound and Uniswap: the model's few hundred holders are more
		// concentrated than a large DAO's thousands.
		Voters: ordered.New( // the holder types of builtinHolders, in their order
			voter{Key: "team", Doc: "team and advisors", Value: VoterBehaviour{Delegate: 0.1, SelfVote: 0.03, LagDays: 180, Turnout: betaDist(2, 3)}},
			voter{Key: "investor", Doc: "private-round investors", Value: VoterBehaviour{Delegate: 0.1, SelfVote: 0.05, LagDays: 90, Turnout: betaDist(2, 2)}},
			voter{Key: "airdrop", Doc: "airdrop recipients", Value: VoterBehaviour{Delegate: 0.15, SelfVote: 0.05, LagDays: 60, Turnout: betaDist(1, 4)}},
			voter{Key: "public_sale", Doc: "public-sale (IDO/LBP) buyers", Value: VoterBehaviour{Delegate: 0.1, SelfVote: 0.05, LagDays: 60, Turnout: betaDist(1, 4)}},
			voter{Key: string(HolderGrants), Doc: "ecosystem grantees", Value: VoterBehaviour{Delegate: 0.15, SelfVote: 0.2, LagDays: 30, Turnout: betaDist(2, 3)}},
			voter{Key: "foundation", Doc: "the foundation's operating wallet", Value: VoterBehaviour{Delegate: 0.2, SelfVote: 0, LagDays: 0, Turnout: betaDist(2, 2)}},
		),
		// Arbitrum's Security Council: 9 of 12. Its veto is kept for a
		// year, then fades to nothing by the end of year 3 (progressive
		// decentralisation; the schedule is an assumption). Each member
		// spots a malicious proposal within the timelock with probability
		// 0.9 (assumption). Key compromises: Ronin (2022, 5 of 9 keys) and
		// Harmony (2022, 2 of 5) among a few hundred multisig-run
		// protocols: one event per 20 protocol-years, reaching each key of
		// an independent council with probability 0.15 (assumptions).
		Council: Council{
			Members: 12, Threshold: 9, Detection: 0.9,
			GatekeeperDays: 0, FadeStartDays: 365, VetoDays: 1095,
			CompromiseRatePerYear: 0.05, CompromiseReach: 0.15,
		},
	}
}

// defaultAttacker is a well-funded attacker or cartel that looks for an
// opening four times a year (assumptions).
func defaultAttacker() Attacker {
	return Attacker{
		Enabled: true,
		// Median $20M, 90% between about $4M and $100M (lognormal, sigma 1).
		BudgetUSD:      lognormalDist(math.Log(20e6), 1),
		ReviewsPerYear: 4, Goal: GoalAny,
		Buy: true, Borrow: true, Bribe: true, Stake: true,
		// A malicious proposal takes the whole treasury (Beanstalk: about
		// $182M drained at once).
		DrainShare: 1,
		// Controlling ordering is worth a year of the baseline's sequencer
		// profit, $30M (fees.annual_revenue_usd); ordering needs half the
		// active stake.
		SequencerValueUSD: 30e6, SequencerShare: 0.5,
		// Daily slices of 5% of the pool's tokens move the price by about
		// 10% each (calibration.md: selling 5% moves it -9.3%); the attacker
		// values a year of such sales, and wants 10% more votes than it
		// expects against it.
		MaxDailyTrade: 0.05, PlanningDays: 365, Margin: 0.1,
	}
}

// defaultLending is an Aave-like market for the token: 1% of the
// circulating supply can be borrowed (a mid-cap L2 token's money markets;
// assumption), at 5% a year against 150% collateral (a 67% loan-to-value,
// within Aave's 50%-75% for such tokens), or by flash loan at Aave v3's
// 0.05% fee.
func defaultLending() Lending {
	return Lending{Depth: 0.01, RateAnnual: 0.05, FlashFee: 0.0005, CollateralRatio: 1.5}
}
