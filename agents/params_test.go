package agents

import (
	"slices"
	"testing"

	"github.com/seqsim/seqsim/internal/params"
)

// TestRangeTagsParse walks every section type of the model (the tables,
// the arrays of tables, the maps) and parses every range tag: a malformed
// tag, or one on a field it cannot bound, is a programming error that
// would make every experiment fail to load.
func TestRangeTagsParse(t *testing.T) {
	t.Parallel()
	if err := params.CheckSchema(&Params{}); err != nil {
		t.Fatal(err)
	}
}

// ruledInValidate are the numeric parameters without a range tag: their
// rule depends on another field, so it is in their section's Validate (or
// in Params.Validate).
var ruledInValidate = []string{
	"simulation.record_every_days",       // within the horizon
	"allocations.N.agents",               // not for the treasury
	"fees.split",                         // three shares that sum to 1
	"staking.apr_budget_tokens_per_year", // only under the budget APR model
	"staking.apr_floor_stake_tokens",     // only under the budget APR model
	"slashing.split",                     // three shares that sum to 1
	"governance.kind_weights",            // five weights, not all 0
	"governance.council.threshold",       // at most the members
	"metrics.capture_days",               // two days, early before late
}

// TestEveryNumberHasARule: each numeric parameter has a range tag or a rule
// in a Validate (listed above), so a new field cannot be left unchecked by
// forgetting its tag. Distributions are checked whatever their tags.
func TestEveryNumberHasARule(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for _, d := range params.Describe(DefaultParams()) {
		switch d.Type {
		case "float", "int", "[]float", "[]int":
		default:
			continue
		}
		listed := slices.Contains(ruledInValidate, d.Path)
		seen[d.Path] = listed
		switch {
		case d.Range == "" && !listed:
			t.Errorf("%s has no range tag and no rule in a Validate", d.Path)
		case d.Range != "" && listed:
			t.Errorf("%s has the range tag %s and is listed as ruled in a Validate", d.Path, d.Range)
		}
	}
	for _, p := range ruledInValidate {
		if _, ok := seen[p]; !ok {
			t.Errorf("%s is listed but is not a numeric parameter", p)
		}
	}
}
