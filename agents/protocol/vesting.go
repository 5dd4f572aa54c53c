package protocol

import (
	"errors"
	"fmt"
	"math"
)

// VestingSchedule releases an allocation: a share at launch (TGE), a share at
// the cliff, and the rest in equal steps over a linear period after the cliff.
//
// The seed guide's example (1,000,000 tokens, 1-year cliff, 3-year linear,
// nothing at the cliff) is {CliffDays: 365, LinearDays: 1080, StepDays: 30}:
// 0 for the first year, then 27,777.78 every 30 days for 36 steps. Arbitrum's
// team and investor schedule (1-year cliff releasing the accrued quarter, then
// monthly for 3 years) is {CliffDays: 365, CliffFrac: 0.25, LinearDays: 1080,
// StepDays: 30}.
type VestingSchedule struct {
	TGEFrac    float64 // share released at day 0, in [0, 1]
	CliffDays  int     // day of the cliff, >= 0
	CliffFrac  float64 // share released at the cliff, in [0, 1-TGEFrac]
	LinearDays int     // length of the linear period after the cliff, days, >= 0
	StepDays   int     // days between linear releases (1 = daily, 30 = monthly), >= 1
}

// Validate reports a schedule whose shares or days make no sense.
func (v VestingSchedule) Validate() error {
	var errs []error
	for _, f := range []struct {
		name string
		x    float64
	}{{"tge_frac", v.TGEFrac}, {"cliff_frac", v.CliffFrac}} {
		if !(f.x >= 0 && f.x <= 1) {
			errs = append(errs, fmt.Errorf("protocol: vesting %s must be in [0, 1], got %v", f.name, f.x))
		}
	}
	if v.TGEFrac+v.CliffFrac > 1+1e-12 {
		errs = append(errs, fmt.Errorf("protocol: vesting tge_frac + cliff_frac = %v exceeds 1", v.TGEFrac+v.CliffFrac))
	}
	if v.CliffDays < 0 || v.LinearDays < 0 {
		errs = append(errs, errors.New("protocol: vesting days must not be negative"))
	}
	if v.StepDays < 1 {
		errs = append(errs, fmt.Errorf("protocol: vesting step_days must be at least 1, got %d", v.StepDays))
	}
	return errors.Join(errs...)
}

// EndDay is the day of the last release.
func (v VestingSchedule) EndDay() int {
	if v.linearFrac() <= 0 || v.LinearDays == 0 {
		return v.CliffDays
	}
	return v.CliffDays + v.LinearDays
}

func (v VestingSchedule) linearFrac() float64 { return max(0, 1-v.TGEFrac-v.CliffFrac) }

// ReleasedFracAt is the cumulative share released by the end of day.
func (v VestingSchedule) ReleasedFracAt(day int) float64 {
	if day < 0 {
		return 0
	}
	f := v.TGEFrac
	if day < v.CliffDays {
		return f
	}
	if day >= v.EndDay() {
		return 1
	}
	// Linear steps at CliffDays + k*StepDays while inside the period; the
	// last step, at EndDay, may be shorter than StepDays.
	steps := (day - v.CliffDays) / v.StepDays
	return f + v.CliffFrac + v.linearFrac()*float64(steps*v.StepDays)/float64(v.LinearDays)
}

// ReleasedAt is the cumulative amount of an allocation of total micro-tokens
// released by the end of day: floor(total * ReleasedFracAt(day)), and exactly
// total once the schedule has ended. Monotone in day, so daily differences
// are never negative.
func (v VestingSchedule) ReleasedAt(total int64, day int) int64 {
	return ReleasedAtFrac(total, v.ReleasedFracAt(day))
}

// ReleasedAtFrac is ReleasedAt given the day's cumulative share f: the
// per-agent step of a release, after computing f once per allocation.
func ReleasedAtFrac(total int64, f float64) int64 {
	if f >= 1 {
		return total
	}
	x := float64(total) * f
	if x < 0 {
		return int64(math.Floor(x))
	}
	return min(total, int64(x)) // truncation is the floor of x >= 0
}

// ReleasesOn reports whether anything is released on day (an event day), so
// that the model visits holders only on those days.
func (v VestingSchedule) ReleasesOn(day int) bool {
	switch {
	case day == 0:
		return v.TGEFrac > 0 || (v.CliffDays == 0 && v.ReleasedFracAt(0) > 0)
	case day < v.CliffDays:
		return false
	case day == v.CliffDays:
		return v.ReleasedFracAt(day) > v.ReleasedFracAt(day-1)
	case day > v.EndDay():
		return false
	}
	return (day-v.CliffDays)%v.StepDays == 0 || day == v.EndDay()
}
