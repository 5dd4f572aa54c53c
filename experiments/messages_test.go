package experiments

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/internal/filetest"
	"github.com/seqsim/seqsim/internal/params"
)

var update = flag.Bool("update", false, "rewrite testdata/messages.golden from the current messages")

// TestEveryRuleMessage pins the exact text and order of the problems that
// validation reports: for every numeric and distribution parameter of the
// token model, a few bad values given with --set (NaN, negative, zero,
// huge; a negative or large mean for a distribution), each alone; the
// cross-field rules with overrides that break them; and a file with ten bad
// values (testdata/ten-bad-values.toml), whose problems carry line
// numbers, and a [search] section with a mistake in most of its keys
// (testdata/bad-search.toml). The golden file was written before the rules moved next to the
// fields (issue 13), so a change to any message, key, line or order shows
// as a diff of testdata/messages.golden. Rewrite it with -update only for a
// deliberate change of a message.
func TestEveryRuleMessage(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	report := func(label string, err error) {
		fmt.Fprintf(&b, "%s\n", label)
		if err == nil {
			b.WriteString("\tok\n")
			return
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintf(&b, "\t%s\n", line)
		}
	}
	e := Default()
	for _, path := range params.Paths(&e) {
		root, _, _ := strings.Cut(path, ".")
		switch root {
		case "experiment", "scenarios", "sweep", "sensitivity", "search", "ishigami", "sobol_g":
			continue // study keys: their own tests
		}
		v, err := params.Get(&e, path)
		if err != nil {
			t.Fatal(err)
		}
		var bad []string
		switch v.(type) {
		case float64:
			bad = []string{"nan", "-1", "0", "1e20"}
		case int, int64:
			bad = []string{"-1", "0", "2147483648"}
		case dist.Dist:
			bad = []string{"-1", `{ dist = "uniform", lo = 2, hi = 3 }`}
		}
		for _, val := range bad {
			set := path + "=" + val
			_, err := Load("x.toml", nil, []string{set})
			report("--set "+set, err)
		}
	}
	for _, sets := range [][]string{
		{`staking.apr_model="budget"`, "staking.apr_budget_tokens_per_year=-1", "staking.apr_floor_stake_tokens=0"},
		{`emission.kind="halving"`},
		{"emission.cap_tokens=1e9"},
		{"fees.split=[1]"},
		{"fees.split=[0.5, 2, 0.5]"},
		{"slashing.split=[0.5, 0.5]"},
		{"slashing.split=[0.5, nan, 0.5]"},
		{"governance.kind_weights=[1, 1]"},
		{"governance.kind_weights=[0, 0, 0, 0, 0]"},
		{"allocations=[]"},
		{"market.pool_depth=0", "market.pool_usd=0"},
		{"market.pool_usd=1e12"},
		{"market.pool_depth=0.9"},
		{"sequencers.min_stake=1e11"},
		{"sequencers.max_operators=2"},
		{"sequencers.operators=-1", "sequencers.max_operators=2"},
		{"governance.council.members=5", "governance.council.threshold=6"},
		{"governance.council.members=-1", "governance.council.threshold=6"},
		{"governance.council.fade_start_days=100", "governance.council.veto_days=10"},
		{"governance.voters.team.delegate=0.8", "governance.voters.team.self_vote=0.5"},
		{"governance.voters.team.delegate=2", "governance.voters.team.self_vote=0.5"},
		{"allocations.1.tge_unlock=0.8", "allocations.1.cliff_unlock=0.5"},
		{"allocations.1.cliff_days=2000"},
		{"allocations.1.share=nan"},
		{"simulation.horizon_days=100", "simulation.record_every_days=200"},
		{"supply.initial_tokens=2e12", "supply.launch_price_usd=0"},
		{"market.pool_depth=2", "market.swap_fee=1", "fees.vol_annual=-1", "staking.review_days=0", "staking.choice_noise=-1", "treasury.initial_usd=-1"},
	} {
		_, err := Load("x.toml", nil, sets)
		report("--set "+strings.Join(sets, " --set "), err)
	}
	for _, file := range []string{"testdata/ten-bad-values.toml", "testdata/bad-search.toml"} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		_, err = Load(filepath.Base(file), src, nil)
		report(file, err)
	}

	filetest.Golden(t, filepath.Join("testdata", "messages.golden"), b.Bytes(), *update)
}
