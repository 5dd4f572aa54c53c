package experiments

import (
	"strconv"
	"strings"
	"testing"
)

// TestUnknownNameOfAClosedSet: a name outside a closed set (emission kind,
// APR model, sequencing mode, reward mode, attacker goal) is
// refused while the file is read, with the file, the line, the key and the
// allowed names, and so is the same value given by --set.
func TestUnknownNameOfAClosedSet(t *testing.T) {
	t.Parallel()
	cases := []struct{ table, key, want string }{
		{"[emission]", "kind", `"none", "constant", "decay", "halving", "starknet", "espresso", "ethereum"`},
		{"[staking]", "apr_model", `"realized", "budget"`},
		{"[sequencers]", "mode", `"rotation", "auction"`},
		{"[verification]", "reward_mode", `"each", "shared"`},
		{"[attacker]", "goal", `"treasury", "sequencer", "any"`},
	}
	for _, c := range cases {
		src := "# a comment\n" + c.table + "\n" + c.key + " = \"bogus\"\n"
		line := strings.Count(src, "\n")
		path := strings.Trim(strings.SplitN(c.table, "\n", 2)[0], "[]") + "."
		want := "x.toml:" + strconv.Itoa(line) + ": " + path + c.key + ": must be one of " + c.want + `, got "bogus"`
		_, err := Load("x.toml", []byte(src), nil)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want it to contain %s", path+c.key, err, want)
		}
		_, err = Load("y.toml", nil, []string{path + c.key + `="bogus"`})
		if err == nil || !strings.Contains(err.Error(), path+c.key+": must be one of "+c.want) {
			t.Errorf("--set %s: error %v, want the allowed names", path+c.key, err)
		}
	}
}
