package field_test

import (
	"fmt"

	"github.com/seqsim/seqsim/experiments/field"
)

// LiquidityMining is a mechanism's parameter section. Its range rules are
// tags beside the fields (the parameter walker applies them); Validate
// holds what a tag cannot say.
type LiquidityMining struct {
	EmissionShare float64 `toml:"emission_share" unit:"fraction" range:"[0,1]" doc:"share of emission paid to liquidity providers"`
	MinAPR        float64 `toml:"min_apr" unit:"1/year" range:"[0,)" doc:"APR below which providers leave"`
	MaxAPR        float64 `toml:"max_apr" unit:"1/year" range:"[0,)" doc:"APR above which no more providers come"`
}

// Validate names the section's fields by their own keys: the checker it is
// given puts them under the section's key.
func (l *LiquidityMining) Validate(c *field.Checker) {
	if !c.Reported("min_apr") && !c.Reported("max_apr") && l.MaxAPR < l.MinAPR {
		c.Errorf("max_apr", "must be at least %s (%g), got %g", c.Key("min_apr"), l.MinAPR, l.MaxAPR)
	}
}

// A section checks itself through a Sub of the experiment's checker; here
// the tag rule of emission_share is applied by hand, as the parameter
// walker would.
func ExampleValidator() {
	var _ field.Validator = (*LiquidityMining)(nil)
	c := field.NewChecker("my.toml", nil)
	l := LiquidityMining{EmissionShare: 1.5, MinAPR: 0.2, MaxAPR: 0.1}
	section := c.Sub("liquidity_mining")
	section.Range("emission_share", l.EmissionShare, 0, 1)
	l.Validate(section)
	fmt.Println(c.Err())
	// Output:
	// my.toml: liquidity_mining.emission_share: must be in [0, 1], got 1.5
	// my.toml: liquidity_mining.max_apr: must be at least liquidity_mining.min_apr (0.2), got 0.1
}
