package experiments

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/seqsim/seqsim/internal/params"
)

// TestGovernanceValidation checks that bad governance, attacker and lending
// values are refused with the key named. It calls validateGovernance
// directly, on a loaded experiment with the value set afterwards, so it
// does not depend on Validate calling it.
func TestGovernanceValidation(t *testing.T) {
	t.Parallel()
	cases := []struct{ set, want string }{
		{"governance.quorum=1.5", "governance.quorum"},
		{"governance.quorum=nan", "governance.quorum"},
		{"governance.kind_weights=[1, 1, 1]", "governance.kind_weights"},
		{"governance.kind_weights=[0, 0, 0, 0, 0]", "governance.kind_weights"},
		{"governance.kind_weights=[1, -1, 1, 1, 1]", "governance.kind_weights.1"},
		{"governance.snapshot_delay_days=-1", "governance.snapshot_delay_days"},
		{"governance.delegate_split=0", "governance.delegate_split"},
		{"governance.support={ dist = \"uniform\", lo = 1, hi = 3 }", "governance.support"},
		{"governance.measure_every_days=0", "governance.measure_every_days"},
		{"governance.voters.airdrop.delegate=0.98", "governance.voters.airdrop.self_vote"},
		{"governance.voters.team.lag_days=-3", "governance.voters.team.lag_days"},
		{"governance.council.threshold=13", "governance.council.threshold"},
		{"governance.council.veto_days=100", "governance.council.veto_days"},
		{"governance.council.compromise_reach=2", "governance.council.compromise_reach"},
		{"attacker.budget_usd=-5", "attacker.budget_usd"},
		{"attacker.sequencer_share=1", "attacker.sequencer_share"},
		{"attacker.max_daily_trade=0", "attacker.max_daily_trade"},
		{"attacker.planning_days=0", "attacker.planning_days"},
		{"lending.depth=inf", "lending.depth"},
		{"lending.flash_fee=-0.1", "lending.flash_fee"},
	}
	for _, c := range cases {
		e := Default()
		path, value, _ := strings.Cut(c.set, "=")
		if err := params.Set(&e, path, value); err != nil {
			t.Errorf("--set %s: %v", c.set, err)
			continue
		}
		err := ValidateParams(&e.Params)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("--set %s: error %v, want it to name %q", c.set, err, c.want)
		}
	}
	e := Default()
	if err := ValidateParams(&e.Params); err != nil {
		t.Errorf("defaults refused: %v", err)
	}
}

// TestGovernancePresetsLoad checks experiments/governance-models.toml and
// experiments/distribution-mechanisms.toml: the model part loads, each
// scenario's overrides load and validate (governance included), and the
// scenarios are the seed's three governance models and four distribution
// mechanisms.
func TestGovernancePresetsLoad(t *testing.T) {
	t.Parallel()
	for name, want := range map[string][]string{
		"governance-models":       {"centralized foundation", "progressive decentralization", "fully decentralized"},
		"distribution-mechanisms": {"public sale", "airdrop", "LBP", "ecosystem grants"},
	} {
		src := string(Embedded(name))
		if src == "" {
			t.Fatalf("%s.toml is not embedded", name)
		}
		if _, err := Load(name+".toml", []byte(src), nil); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		base := withoutDesignBlocks(src)
		var design struct {
			Scenarios []struct {
				Name string
				Set  []string
			}
		}
		if _, err := toml.Decode(src, &design); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, sc := range design.Scenarios {
			got = append(got, sc.Name)
			e, err := Load(name+".toml", []byte(base), sc.Set)
			if err != nil {
				t.Errorf("%s: scenario %q: %v", name, sc.Name, err)
				continue
			}
			if err := ValidateParams(&e.Params); err != nil {
				t.Errorf("%s: scenario %q: %v", name, sc.Name, err)
			}
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: scenarios %q, want %q", name, got, want)
		}
	}
}
