package protocol

import (
	"math"

	"github.com/seqsim/seqsim/internal/enum"
)

// EmissionKind selects how new tokens are minted.
type EmissionKind uint8

// The emission schedules.
const (
	EmissionNone     EmissionKind = iota // fixed supply
	EmissionConstant                     // a constant annual rate of the current supply
	EmissionDecay                        // an annual rate that halves every HalfLifeYears
	EmissionHalving                      // daily amount halving every HalvingDays, converging to Cap
)

var emissionNames = enum.Table[EmissionKind]{"none", "constant", "decay", "halving"}

// String is the kind's TOML name.
func (k EmissionKind) String() string { return emissionNames.String(k) }

// MarshalText writes the TOML name.
func (k EmissionKind) MarshalText() ([]byte, error) { return emissionNames.MarshalText(k) }

// UnmarshalText reads a TOML name; an unknown one lists the allowed names.
func (k *EmissionKind) UnmarshalText(b []byte) error { return emissionNames.UnmarshalText(k, b) }

// EnumNames lists the allowed names (the parameter table's unit).
func (EmissionKind) EnumNames() []string { return emissionNames.Names() }

// EmissionSchedule mints new tokens each day.
type EmissionSchedule struct {
	Kind EmissionKind
	// AnnualRate is the yearly inflation as a fraction of the current supply
	// (constant) or its initial value (decay), e.g. 0.02.
	AnnualRate    float64
	HalfLifeYears float64 // decay: years for the rate to halve, > 0
	HalvingDays   int     // halving: days per halving period, >= 1
	// Cap is the maximum total supply in micro-tokens; 0 means no cap.
	// Required for halving; optional for the others.
	Cap int64
	// InitialSupply is the supply at day 0 in micro-tokens (halving sizes its
	// first period from Cap - InitialSupply).
	InitialSupply int64
}

// MintedOn returns the micro-tokens minted on day (day >= 1) given the total
// supply at the end of the previous day. Never takes supply above Cap.
//
// Halving: the first period mints (Cap-InitialSupply)/(2*HalvingDays) per day
// and each later period half as much, so the total emitted is the geometric
// series HalvingDays*d0*(1+1/2+1/4+...) = Cap-InitialSupply in the limit.
func (e EmissionSchedule) MintedOn(day int, supply int64) int64 {
	var m float64
	years := float64(day-1) / 365
	switch e.Kind {
	case EmissionNone:
		return 0
	case EmissionConstant:
		m = float64(supply) * (math.Pow(1+e.AnnualRate, 1.0/365) - 1)
	case EmissionDecay:
		rate := e.AnnualRate * math.Exp2(-years/e.HalfLifeYears)
		m = float64(supply) * (math.Pow(1+rate, 1.0/365) - 1)
	case EmissionHalving:
		period := (day - 1) / e.HalvingDays
		if period > 62 {
			return 0
		}
		d0 := float64(e.Cap-e.InitialSupply) / (2 * float64(e.HalvingDays))
		m = d0 / float64(uint64(1)<<period)
	}
	minted := int64(m)
	if e.Cap > 0 {
		minted = max(0, min(minted, e.Cap-supply))
	}
	return minted
}
