package field

import (
	"math"
	"strings"
	"testing"
)

// fileLines is the Lines of a small file: the line of each key written in
// it, else of its nearest table (as internal/params.Lines does).
type fileLines map[string]int

func (l fileLines) Line(key string) int {
	for {
		if n, ok := l[key]; ok {
			return n
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			return 0
		}
		key = key[:i]
	}
}

func TestChecker(t *testing.T) {
	// [fees]                     line 1
	// burn = 1.5                 line 2
	// split = [0.5, 0.4]         line 3
	// [[allocations]]            line 4
	// share = -1                 line 5
	lines := fileLines{"fees": 1, "fees.burn": 2, "fees.split": 3, "fees.split.0": 3, "fees.split.1": 3,
		"allocations": 4, "allocations.0": 4, "allocations.0.share": 5}
	c := NewChecker("b.toml", lines)
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
		c.Add("fees.burn", nil),
	}
	c.Errorf("allocations.0.vesting.cliff_days", "cliff after end (%d > %d)", 10, 5)
	wantOK := []bool{false, false, false, true, false, false, true, false, false, true, false, true, false, false, true, false, true, true}
	for i := range checks {
		if checks[i] != wantOK[i] {
			t.Errorf("check %d returned %v", i, checks[i])
		}
	}
	// runs is absent from the file and has no table: no line. fees.mode is
	// absent but [fees] is on line 1: it gets line 1.
	want := `b.toml:2: fees.burn: must be in [0, 1], got 1.5
b.toml:2: fees.burn: must be in [0, 1], got NaN
b.toml:2: fees.burn: must be in [0, +Inf], got +Inf
b.toml:3: fees.split: must sum to 1 (±1e-09), got 0.9
b.toml:3: fees.split.1: must be finite, got NaN
b.toml:5: allocations.0.share: must be > 0, got -1
b.toml:5: allocations.0.share: must be > 0, got +Inf
b.toml:5: allocations.0.share: must be >= 0, got NaN
b.toml:5: allocations.0.share: must be finite, got -Inf
b.toml: runs: must be in [1, 10], got 0
b.toml:1: fees.mode: must be one of "flat", "decay", got "fast"
b.toml:4: allocations.0.vesting.cliff_days: cliff after end (10 > 5)`
	if got := c.Err().Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if len(Errors(c.Err())) != 12 {
		t.Error("Errors count")
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

// TestSub: a Sub reports its keys under its prefix, with their lines, into
// its parent's list, in the order recorded; a Sub of a Sub nests; the key ""
// is the prefix itself; Reported sees only problems at exactly that key.
func TestSub(t *testing.T) {
	lines := fileLines{"fees": 1, "fees.burn": 2, "governance.council.members": 9}
	c := NewChecker("b.toml", lines)
	c.Errorf("experiment.name", "first")
	fees := c.Sub("fees")
	if fees.Reported("burn") {
		t.Error("burn reported before any problem")
	}
	fees.Range("burn", 2, 0, 1)
	fees.SumsTo("split", []float64{0.5}, 1, 1e-9)
	fees.Errorf("", "the section itself")
	council := c.Sub("governance").Sub("council")
	council.IntRange("members", -1, 0, 1000)
	c.Errorf("last", "after the subs")
	want := `b.toml: experiment.name: first
b.toml:2: fees.burn: must be in [0, 1], got 2
b.toml:1: fees.split: must sum to 1 (±1e-09), got 0.5
b.toml:1: fees: the section itself
b.toml:9: governance.council.members: must be in [0, 1000], got -1
b.toml: last: after the subs`
	for name, ch := range map[string]*Checker{"parent": c, "fees": fees, "council": council} {
		if got := ch.Err().Error(); got != want {
			t.Errorf("%s.Err():\n%s\nwant:\n%s", name, got, want)
		}
	}
	if !fees.Reported("burn") || fees.Reported("split.0") || !c.Reported("fees.burn") || !council.Reported("members") || c.Reported("members") {
		t.Error("Reported")
	}
	if council.Key("members") != "governance.council.members" || fees.Key("") != "fees" || c.Key("runs") != "runs" {
		t.Error("Key")
	}
	// The zero Checker's Sub shares its list too.
	var zero Checker
	zero.Sub("a").Errorf("b", "c")
	if zero.Err() == nil || zero.Err().Error() != "a.b: c" || zero.Reported("a") || !zero.Reported("a.b") {
		t.Errorf("zero checker's Sub: %v", zero.Err())
	}
}
