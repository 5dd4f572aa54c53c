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
	// Staking targets: the rate follows the staked share of the supply.
	EmissionStarknet // STRK: minting M = (C/10)·sqrt(S) % of supply a year, S the staked share in %
	EmissionEspresso // Espresso: yield R(p) = R0/sqrt(2p) on stake, p the staked share
	EmissionEthereum // Ethereum: yield K/sqrt(S) a year on stake, S the staked tokens
)

var emissionNames = enum.Table[EmissionKind]{"none", "constant", "decay", "halving", "starknet", "espresso", "ethereum"}

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
	// StarknetC is C of Starknet's M = (C/10)·sqrt(S): 1.6 on STRK.
	StarknetC float64
	// EspressoR0 is the yield R(1/2) of Espresso's R(p) = R0/sqrt(2p),
	// the yield when half the supply is staked: 0.03.
	EspressoR0 float64
	// EthereumK is K of the yield K/sqrt(S) (a fraction a year) with S
	// the staked tokens: 166.3 for ETH (2.85% at 34M ETH staked).
	EthereumK float64
}

// Level points to the parameter that sets the size of the kind's
// emission, which governance scales, and gives the largest value it may
// take: the annual rate (constant, decay; a rate of the supply, at most
// 1), C (starknet), R0 (espresso) or K (ethereum), unbounded; nil for
// none and halving, whose size is the cap.
func (e *EmissionSchedule) Level() (level *float64, hi float64) {
	switch e.Kind {
	case EmissionConstant, EmissionDecay:
		return &e.AnnualRate, 1
	case EmissionStarknet:
		return &e.StarknetC, math.Inf(1)
	case EmissionEspresso:
		return &e.EspressoR0, math.Inf(1)
	case EmissionEthereum:
		return &e.EthereumK, math.Inf(1)
	}
	return nil, 0
}

// MintedOn returns the micro-tokens minted on day (day >= 1) given the total
// supply and the staked tokens at the end of the previous day (micro-tokens
// both). Never takes supply above Cap.
//
// Halving: the first period mints (Cap-InitialSupply)/(2*HalvingDays) per day
// and each later period half as much, so the total emitted is the geometric
// series HalvingDays*d0*(1+1/2+1/4+...) = Cap-InitialSupply in the limit.
//
// The staking targets mint a yearly amount Y that follows the staked share,
// one 365th a day: Starknet Y = N·C·sqrt(p)/100 (S = 100p percent staked);
// Espresso Y = R(p)·pN = R0·sqrt(N·staked/2), which tends to 0 with the stake
// although the yield grows without bound; Ethereum Y = K·sqrt(S) with S in
// tokens (the yield K/sqrt(S) times S). N is the supply and p = staked/N.
func (e EmissionSchedule) MintedOn(day int, supply, staked int64) int64 {
	var m float64
	years := float64(day-1) / 365
	n, s := float64(supply), float64(staked)
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
	case EmissionStarknet:
		if n > 0 {
			m = n * e.StarknetC * math.Sqrt(s/n) / 100 / 365
		}
	case EmissionEspresso:
		m = e.EspressoR0 * math.Sqrt(n*s/2) / 365
	case EmissionEthereum:
		// K/sqrt(S) is a yield for S in tokens: S·K/sqrt(S) = K·sqrt(S)
		// tokens a year, in micro-tokens.
		m = e.EthereumK * math.Sqrt(s/Micro) * Micro / 365
	}
	minted := int64(m)
	if e.Cap > 0 {
		minted = max(0, min(minted, e.Cap-supply))
	}
	return minted
}
