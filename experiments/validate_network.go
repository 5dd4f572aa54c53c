package experiments

import (
	"fmt"
	"math"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
	"github.com/seqsim/seqsim/internal/params"
)

// validateNetwork checks the sequencer-network parameters (sequencers,
// slashing, verification, fraud) and the staking keys that drive
// delegation. After it passes the model may assume its input is valid.
func validateNetwork(c *field.Checker, p *agents.Params) {
	validateDelegation(c, p)
	validateSequencers(c, p)
	validateSlashing(c, p)
	validateVerification(c, p)
	validateFraud(c, p)
}

func validateDelegation(c *field.Checker, p *agents.Params) {
	s := p.Staking
	c.NonNegative("staking.choice_noise", s.ChoiceNoise)
	c.Range("staking.record_days", s.RecordDays, 1, 3650)
	c.NonNegative("staking.slash_weight", s.SlashWeight)
	c.Range("staking.redelegate_gap", s.RedelegateGap, 0, 1)
}

// maxOperators bounds the operator slots (they index an int16 per holder).
const maxOperators = 10_000

func validateSequencers(c *field.Checker, p *agents.Params) {
	s := p.Sequencers
	okOps := c.IntRange("sequencers.operators", s.Operators, 0, maxOperators)
	if c.IntRange("sequencers.max_operators", s.MaxOperators, 0, maxOperators) && okOps && s.MaxOperators < s.Operators {
		c.Errorf("sequencers.max_operators", "must be at least sequencers.operators (%d), got %d", s.Operators, s.MaxOperators)
	}
	c.IntRange("sequencers.max_active", s.MaxActive, 1, maxOperators)
	if c.NonNegative("sequencers.min_stake", s.MinStake) && s.MinStake > p.Supply.InitialTokens {
		c.Errorf("sequencers.min_stake", "%g tokens exceeds the initial supply %g", s.MinStake, p.Supply.InitialTokens)
	}
	nonNegativeDist(c, "sequencers.self_stake", s.SelfStake)
	nonNegativeDist(c, "sequencers.commission", s.Commission)
	nonNegativeDist(c, "sequencers.operating_cost_usd", s.OperatingCostUSD)
	nonNegativeDist(c, "sequencers.auction_edge", s.AuctionEdge)
	c.IntRange("sequencers.batches_per_day", s.BatchesPerDay, 1, 1_000_000)
	c.IntRange("sequencers.exit_loss_days", s.ExitLossDays, 0, 3650)
	c.IntRange("sequencers.entry_review_days", s.EntryReviewDays, 0, 3650)
}

// nonNegativeDist checks a distribution and that its mean is finite and not
// negative (draws are clamped at 0; a negative mean is a typo).
func nonNegativeDist(c *field.Checker, path string, d dist.Dist) {
	if !params.CheckDist(c, path, d) {
		return
	}
	if m := d.Mean(); !(m >= 0) || math.IsInf(m, 0) {
		c.Errorf(path, "mean must be finite and >= 0, got %v", m)
	}
}

func validateSlashing(c *field.Checker, p *agents.Params) {
	s := p.Slashing
	if len(s.Split) != 3 {
		c.Errorf("slashing.split", "want 3 shares [burn, treasury, challenger], got %d", len(s.Split))
	} else {
		ok := true
		for i, x := range s.Split {
			ok = c.Range(fmt.Sprintf("slashing.split.%d", i), x, 0, 1) && ok
		}
		if ok {
			c.SumsTo("slashing.split", s.Split, 1, 1e-9)
		}
	}
	for _, o := range []struct {
		name string
		off  agents.Offence
	}{{"liveness", s.Liveness}, {"double_sign", s.DoubleSign}, {"withholding", s.Withholding}} {
		k := "slashing." + o.name + "."
		nonNegativeDist(c, k+"rate_per_year", o.off.RatePerYear)
		c.Range(k+"penalty", o.off.Penalty, 0, 1)
		c.Range(k+"detection", o.off.Detection, 0, 1)
		c.IntRange(k+"jail_days", o.off.JailDays, 0, 3650)
	}
	c.Range("slashing.invalid_root.penalty", s.InvalidRoot.Penalty, 0, 1)
	c.IntRange("slashing.invalid_root.jail_days", s.InvalidRoot.JailDays, 0, 3650)
}

func validateVerification(c *field.Checker, p *agents.Params) {
	v := p.Verification
	c.IntRange("verification.verifiers", v.Verifiers, 0, 100_000)
	c.NonNegative("verification.check_cost", v.CheckCost)
	c.Range("verification.check_cost_spread", v.CheckCostSpread, 0, 5)
	c.NonNegative("verification.reward", v.Reward)
	c.NonNegative("verification.miss_penalty", v.MissPenalty)
	c.Range("verification.attention_rate", v.AttentionRate, 0, 1)
	c.NonNegative("verification.attention_payment", v.AttentionPayment)
	c.NonNegative("verification.subsidy_per_check", v.SubsidyPerCheck)
	c.IntRange("verification.challenge_window_days", v.ChallengeWindowDays, 0, 3650)
	c.IntRange("verification.revise_every_batches", v.ReviseEveryBatches, 1, 1_000_000)
	c.Range("verification.noise", v.Noise, 0, 10)
	c.NonNegative("verification.memory_days", v.MemoryDays)
	c.Range("verification.prior_cheat_rate", v.PriorCheatRate, 0, 1)
}

func validateFraud(c *field.Checker, p *agents.Params) {
	f := p.Fraud
	c.NonNegative("fraud.gain", f.Gain)
	c.NonNegative("fraud.slash", f.Slash)
	c.Range("fraud.noise", f.Noise, 0, 10)
	c.Range("fraud.prior_check_rate", f.PriorCheckRate, 0, 1)
}
