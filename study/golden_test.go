package study

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/filetest"
)

// Goldens in testdata/ pin the bytes of a small baseline run. Do not change
// them casually: regenerate with -update only when the model or its random
// streams changed on purpose, and say why in the commit.
var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// TestRunGolden pins the bytes of small runs of the baseline and of the
// unlock-sell workload (what `seqsim run --runs 24 --set
// simulation.horizon_days=400` and `seqsim run
// experiments/bench-unlock-sell.toml --runs 16` write): an optimisation
// must not move a single byte.
func TestRunGolden(t *testing.T) {
	t.Parallel()
	cases := []struct {
		golden, file string
		sets         []string
	}{
		{"baseline-small.golden", "", []string{"simulation.horizon_days=400", "experiment.runs=24"}},
		// One delegation position per holder agent: the bytes of the model
		// before staking.positions (issue 15).
		{"baseline-positions1-small.golden", "", []string{"simulation.horizon_days=400", "experiment.runs=24", "staking.positions=1"}},
		{"unlock-sell-small.golden", filepath.Join("..", "experiments", "bench-unlock-sell.toml"), []string{"experiment.runs=16"}},
		{"liquidity-mining-small.golden", filepath.Join("..", "experiments", "liquidity-mining.toml"), []string{"simulation.horizon_days=400", "experiment.runs=8"}},
	}
	for _, c := range cases {
		exp, err := experiments.LoadFile(c.file, c.sets)
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(t.TempDir(), "out")
		if _, err := Run(context.Background(), exp, Options{Dir: dir}); err != nil {
			t.Fatal(err)
		}
		runs, _ := os.ReadFile(filepath.Join(dir, "runs.csv"))
		lines := strings.SplitN(string(runs), "\n", 4)
		got := "runs.csv sha256 " + filetest.Hash(t, filepath.Join(dir, "runs.csv")) + "\nseries.csv sha256 " +
			filetest.Hash(t, filepath.Join(dir, "series.csv")) + "\n" + strings.Join(lines[:3], "\n") + "\n"
		filetest.Golden(t, filepath.Join("testdata", c.golden), []byte(got), *update)
	}
}
