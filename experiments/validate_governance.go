package experiments

import (
	"fmt"
	"math"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
	"github.com/seqsim/seqsim/internal/params"
)

// validateGovernance checks the governance, attacker and lending
// parameters. After it passes the model may assume its input is valid.
func validateGovernance(c *field.Checker, p *agents.Params) {
	g := p.Governance
	c.Range("governance.proposals_per_year", g.ProposalsPerYear, 0, 10_000)
	if len(g.KindWeights) != 5 {
		c.Errorf("governance.kind_weights", "want 5 weights [fee_split, emission, min_stake, bond, grant], got %d", len(g.KindWeights))
	} else {
		var sum float64
		ok := true
		for i, x := range g.KindWeights {
			ok = c.Range(fmt.Sprintf("governance.kind_weights.%d", i), x, 0, 1e9) && ok
			sum += x
		}
		if ok && g.ProposalsPerYear > 0 && !(sum > 0) {
			c.Errorf("governance.kind_weights", "all weights are 0 but proposals_per_year is %g", g.ProposalsPerYear)
		}
	}
	c.Range("governance.change_sd", g.ChangeSD, 0, 5)
	unitDist(c, "governance.grant_share", g.GrantShare)
	unitDist(c, "governance.support", g.Support)
	unitDist(c, "governance.stakes", g.Stakes)
	c.Range("governance.quorum", g.Quorum, 0, 1)
	c.IntRange("governance.snapshot_delay_days", g.SnapshotDelayDays, 0, 3650)
	c.IntRange("governance.voting_days", g.VotingDays, 0, 3650)
	c.IntRange("governance.timelock_days", g.TimelockDays, 0, 3650)
	c.Range("governance.turnout_stakes", g.TurnoutStakes, -50, 50)
	c.Range("governance.turnout_contest", g.TurnoutContest, -50, 50)
	c.Range("governance.deception", g.Deception, 0, 1)
	c.IntRange("governance.delegates", g.Delegates, 0, 100_000)
	c.IntRange("governance.delegate_split", g.DelegateSplit, 1, 64)
	nonNegativeDist(c, "governance.delegate_weight", g.DelegateWeight)
	unitDist(c, "governance.delegate_turnout", g.DelegateTurnout)
	c.Range("governance.bribe_refusal", g.BribeRefusal, 0, 1)
	c.IntRange("governance.measure_every_days", g.MeasureEveryDays, 1, 3650)
	for _, v := range []struct {
		name string
		b    agents.VoterBehaviour
	}{
		{"team", g.Voters.Team}, {"investor", g.Voters.Investor}, {"airdrop", g.Voters.Airdrop},
		{"public_sale", g.Voters.PublicSale}, {"grants", g.Voters.Grants}, {"foundation", g.Voters.Foundation},
	} {
		k := "governance.voters." + v.name + "."
		okD := c.Range(k+"delegate", v.b.Delegate, 0, 1)
		okS := c.Range(k+"self_vote", v.b.SelfVote, 0, 1)
		if okD && okS && v.b.Delegate+v.b.SelfVote > 1+1e-12 {
			c.Errorf(k+"self_vote", "delegate + self_vote = %g exceeds 1", v.b.Delegate+v.b.SelfVote)
		}
		c.Range(k+"lag_days", v.b.LagDays, 0, 36_500)
		unitDist(c, k+"turnout", v.b.Turnout)
	}
	validateCouncil(c, p)
	validateAttacker(c, p)
	l := p.Lending
	c.Range("lending.depth", l.Depth, 0, 1)
	c.Range("lending.rate_annual", l.RateAnnual, 0, 10)
	c.Range("lending.flash_fee", l.FlashFee, 0, 1)
	c.Range("lending.collateral_ratio", l.CollateralRatio, 0, 100)
}

func validateCouncil(c *field.Checker, p *agents.Params) {
	k := p.Governance.Council
	if c.IntRange("governance.council.members", k.Members, 0, 1000) && k.Members > 0 {
		c.IntRange("governance.council.threshold", k.Threshold, 1, k.Members)
	}
	c.Range("governance.council.detection", k.Detection, 0, 1)
	c.IntRange("governance.council.gatekeeper_days", k.GatekeeperDays, 0, math.MaxInt32)
	okF := c.IntRange("governance.council.fade_start_days", k.FadeStartDays, 0, math.MaxInt32)
	if c.IntRange("governance.council.veto_days", k.VetoDays, 0, math.MaxInt32) && okF && k.VetoDays > 0 && k.VetoDays < k.FadeStartDays {
		c.Errorf("governance.council.veto_days", "veto ends on day %d, before its fade starts on day %d (fade_start_days)", k.VetoDays, k.FadeStartDays)
	}
	c.Range("governance.council.compromise_rate_per_year", k.CompromiseRatePerYear, 0, 365)
	c.Range("governance.council.compromise_reach", k.CompromiseReach, 0, 1)
}

func validateAttacker(c *field.Checker, p *agents.Params) {
	a := p.Attacker
	nonNegativeDist(c, "attacker.budget_usd", a.BudgetUSD)
	c.Range("attacker.reviews_per_year", a.ReviewsPerYear, 0, 365)
	c.Range("attacker.drain_share", a.DrainShare, 0, 1)
	c.Range("attacker.sequencer_value_usd", a.SequencerValueUSD, 0, 1e15)
	c.Range("attacker.sequencer_share", a.SequencerShare, 0.01, 0.99)
	c.Range("attacker.max_daily_trade", a.MaxDailyTrade, 1e-6, 0.99)
	c.IntRange("attacker.planning_days", a.PlanningDays, 1, 36_500)
	c.Range("attacker.margin", a.Margin, 0, 10)
}

// unitDist checks a distribution whose draws are probabilities or shares
// (clamped to [0, 1] when drawn): its mean must lie in [0, 1].
func unitDist(c *field.Checker, path string, d dist.Dist) {
	if !params.CheckDist(c, path, d) {
		return
	}
	if m := d.Mean(); !(m >= 0 && m <= 1) {
		c.Errorf(path, "mean must be in [0, 1], got %v", m)
	}
}
