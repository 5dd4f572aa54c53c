package main

import (
	"io"
	"math"
	"path/filepath"
	"testing"

	"github.com/seqsim/seqsim/internal/stats"
	"github.com/seqsim/seqsim/study/folder"
)

// TestUnlockSellReference runs experiments/bench-unlock-sell.toml at 1,000
// runs and compares the means with the reference results of
// shared/bench/unlock-sell.md (hand-written Go, 1,000 runs): final price
// 0.4420 ± 0.0007 and max drawdown 0.9408 ± 0.0001 (mean ± standard
// error). The difference must be within 3 combined standard errors.
func TestUnlockSellReference(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	if _, _, err := runCLI(t, "run", filepath.Join("..", "..", "experiments", "bench-unlock-sell.toml"), "--quiet", "--out", dir); err != nil {
		t.Fatal(err)
	}
	f, rows, err := folder.OpenRuns(filepath.Join(dir, folder.Runs), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var price, mdd []float64
	for {
		row, err := rows.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		price, mdd = append(price, row.Summary[0]), append(mdd, row.Summary[1]) // final_price, max_drawdown
	}
	if len(price) != 1000 {
		t.Fatalf("%d runs", len(price))
	}
	for _, c := range []struct {
		name           string
		xs             []float64
		refMean, refSE float64
	}{{"final price", price, 0.4420, 0.0007}, {"max drawdown", mdd, 0.9408, 0.0001}} {
		mean, half := stats.MeanCI(c.xs)
		se := half / stats.Z95
		tol := 3 * math.Hypot(se, c.refSE)
		t.Logf("%s: %.4f ± %.4f (reference %.4f ± %.4f)", c.name, mean, se, c.refMean, c.refSE)
		if math.Abs(mean-c.refMean) > tol {
			t.Errorf("%s: mean %.4f differs from the reference %.4f by more than 3 standard errors (%.4f)", c.name, mean, c.refMean, tol)
		}
	}
}
