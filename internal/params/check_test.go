package params

import (
	"math"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
)

func TestChecker(t *testing.T) {
	src := "[fees]\nburn = 1.5\nsplit = [0.5, 0.4]\n[[allocations]]\nshare = -1\n"
	c := NewChecker("b.toml", KeyLines([]byte(src)))
	nan, inf := math.NaN(), math.Inf(1)
	checks := []bool{
		c.Range("fees.burn", 1.5, 0, 1),
		c.Range("fees.burn", nan, 0, 1),
		c.Range("fees.burn", inf, 0, inf),
		c.Range("fees.burn", 0.5, 0, 1),
		c.SumsTo("fees.split", []float64{0.5, 0.4}, 1, 1e-9),
		c.SumsTo("fees.split", []float64{0.5, nan}, 1, 1e-9),
		c.SumsTo("fees.split", []float64{0.5, 0.5}, 1, 1e-9),
		c.Positive("allocations.0.share", -1),
		c.Positive("allocations.0.share", inf),
		c.Positive("allocations.0.share", 1),
		c.NonNegative("allocations.0.share", nan),
		c.NonNegative("allocations.0.share", 0),
		c.Finite("allocations.0.share", -inf),
		c.IntRange("runs", 0, 1, 10),
		c.IntRange("runs", 5, 1, 10),
		c.OneOf("fees.mode", "fast", "flat", "decay"),
		c.OneOf("fees.mode", "flat", "flat", "decay"),
		c.Dist("fees.growth", dist.Dist{Kind: dist.KindBeta, Params: [3]float64{-1, 2}}),
		c.Dist("fees.growth", mustDist(dist.Beta(1, 2))),
		c.Add("fees.burn", nil),
	}
	c.Errorf("allocations.0.vesting.cliff_days", "cliff after end (%d > %d)", 10, 5)
	wantOK := []bool{false, false, false, true, false, false, true, false, false, true, false, true, false, false, true, false, true, false, true, true}
	for i := range checks {
		if checks[i] != wantOK[i] {
			t.Errorf("check %d returned %v", i, checks[i])
		}
	}
	want := `b.toml:2: fees.burn: must be in [0, 1], got 1.5
b.toml:2: fees.burn: must be in [0, 1], got NaN
b.toml:2: fees.burn: must be in [0, +Inf], got +Inf
b.toml:3: fees.split: must sum to 1 (±1e-09), got 0.9
b.toml:3: fees.split.1: must be finite, got NaN
b.toml:5: allocations.0.share: must be > 0, got -1
b.toml:5: allocations.0.share: must be > 0, got +Inf
b.toml:5: allocations.0.share: must be >= 0, got NaN
b.toml:5: allocations.0.share: must be finite, got -Inf
runs: must be in [1, 10], got 0
b.toml: fees.mode: must be one of "flat", "decay", got "fast"
b.toml:1: fees.growth.a: must be > 0, got -1
b.toml:4: allocations.0.vesting.cliff_days: cliff after end (10 > 5)`
	// runs is absent from the file and has no table: no line. fees.mode is
	// absent but [fees] is on line 1: it gets line 1.
	want = strings.Replace(want, "runs: must", "b.toml: runs: must", 1)
	want = strings.Replace(want, "b.toml: fees.mode", "b.toml:1: fees.mode", 1)
	if got := c.Err().Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if len(field.Errors(c.Err())) != 13 {
		t.Error("FieldErrors count")
	}
	if NewChecker("x", nil).Err() != nil {
		t.Error("empty checker has an error")
	}
	var zero Checker
	zero.Errorf("a", "b")
	if zero.Err().Error() != "a: b" {
		t.Errorf("zero checker: %v", zero.Err())
	}
}
