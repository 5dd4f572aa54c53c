package design

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mathext"
)

// Quantiler maps a probability p in [0, 1] to a parameter value: it is the
// inverse cumulative distribution function of a marginal. Designs are built in
// the unit cube and each coordinate is passed through the Quantiler of its
// factor (gonum's stat/samplemv split between "where to sample" and "what the
// distribution is"). gonum's distuv distributions satisfy it.
type Quantiler interface {
	Quantile(p float64) float64
}

// Marginal is a Quantiler that can describe itself for reports, as returned
// by the constructors of this package ([Uniform], [LogUniform], [Normal],
// [TruncatedNormal], [Discrete], [IntRange]).
//
// Every Marginal accepts the closed interval p in [0, 1], including the
// endpoints that Morris grids and unscrambled Sobol points reach, and returns
// a finite value for it.
type Marginal interface {
	Quantiler
	fmt.Stringer
}

// normalTailP is the smallest and 1-normalTailP the largest probability that
// the Normal marginal evaluates: p is clamped into [2^-53, 1-2^-53] so that
// the grid endpoints 0 and 1 (Morris, unscrambled Sobol point 0) map to finite
// values, about ±8.21σ, instead of ±Inf. 2^-53 is half the spacing of float64
// values just below 1, so 1-2^-53 is the largest float64 below 1.
const normalTailP = 0x1p-53

func clampUnit(p float64) float64 {
	return math.Min(math.Max(p, 0), 1)
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// Uniform returns the uniform marginal on [lo, hi]: Quantile(p) = lo + p(hi-lo).
// lo and hi must be finite with lo < hi.
func Uniform(lo, hi float64) (Marginal, error) {
	if !finite(lo) {
		return nil, &ParamError{Op: "Uniform", Param: "lo", Value: lo, Want: "finite"}
	}
	if !finite(hi) || hi <= lo {
		return nil, &ParamError{Op: "Uniform", Param: "hi", Value: hi, Want: fmt.Sprintf("finite and > lo = %g", lo)}
	}
	return uniform{lo: lo, hi: hi}, nil
}

type uniform struct{ lo, hi float64 }

func (u uniform) Quantile(p float64) float64 {
	// The Min keeps rounding in lo + p*(hi-lo) from stepping past hi.
	return math.Min(u.lo+clampUnit(p)*(u.hi-u.lo), u.hi)
}

func (u uniform) String() string { return fmt.Sprintf("Uniform(%g, %g)", u.lo, u.hi) }

// LogUniform returns the log-uniform (reciprocal) marginal on [lo, hi]: its
// logarithm is uniform on [ln lo, ln hi], so every decade gets the same share
// of the points. lo must be > 0 and hi > lo, both finite.
func LogUniform(lo, hi float64) (Marginal, error) {
	if !finite(lo) || lo <= 0 {
		return nil, &ParamError{Op: "LogUniform", Param: "lo", Value: lo, Want: "finite and > 0"}
	}
	if !finite(hi) || hi <= lo {
		return nil, &ParamError{Op: "LogUniform", Param: "hi", Value: hi, Want: fmt.Sprintf("finite and > lo = %g", lo)}
	}
	return logUniform{lo: lo, hi: hi, loLog: math.Log(lo), span: math.Log(hi) - math.Log(lo)}, nil
}

type logUniform struct{ lo, hi, loLog, span float64 }

func (u logUniform) Quantile(p float64) float64 {
	// The endpoints are returned exactly: exp(log(lo)) can be off by an ulp.
	if p <= 0 {
		return u.lo
	}
	if p >= 1 {
		return u.hi
	}
	return math.Min(math.Max(math.Exp(u.loLog+clampUnit(p)*u.span), u.lo), u.hi)
}

func (u logUniform) String() string { return fmt.Sprintf("LogUniform(%g, %g)", u.lo, u.hi) }

// Normal returns the normal marginal with mean mu and standard deviation
// sigma > 0. Its quantile is gonum's mathext.NormalQuantile, the function
// behind distuv.Normal.Quantile; it is called directly so that no distuv value
// with a nil Src exists in seqsim (STYLE.md, "Randomness"). p is clamped into
// [2^-53, 1-2^-53], so Quantile(0) and Quantile(1) are about mu ∓ 8.21 sigma.
func Normal(mu, sigma float64) (Marginal, error) {
	if !finite(mu) {
		return nil, &ParamError{Op: "Normal", Param: "mu", Value: mu, Want: "finite"}
	}
	if !finite(sigma) || sigma <= 0 {
		return nil, &ParamError{Op: "Normal", Param: "sigma", Value: sigma, Want: "finite and > 0"}
	}
	return normal{mu: mu, sigma: sigma}, nil
}

type normal struct{ mu, sigma float64 }

func (n normal) Quantile(p float64) float64 {
	p = math.Min(math.Max(p, normalTailP), 1-normalTailP)
	return n.mu + n.sigma*mathext.NormalQuantile(p)
}

func (n normal) String() string { return fmt.Sprintf("Normal(%g, %g)", n.mu, n.sigma) }

// TruncatedNormal returns the normal marginal with mean mu and standard
// deviation sigma > 0 conditioned on [lo, hi]. lo may be -Inf and hi +Inf;
// lo < hi, and the interval must hold enough probability mass to be computed
// in float64 (an interval 40 standard deviations out is rejected).
//
// Quantile(p) = Φ⁻¹(Φ(a) + p(Φ(b) − Φ(a))) in standard units a = (lo−mu)/sigma,
// b = (hi−mu)/sigma. When the interval lies above the mean the mirrored form
// is used, so that Φ is always evaluated in its accurate lower tail.
func TruncatedNormal(mu, sigma, lo, hi float64) (Marginal, error) {
	const op = "TruncatedNormal"
	if !finite(mu) {
		return nil, &ParamError{Op: op, Param: "mu", Value: mu, Want: "finite"}
	}
	if !finite(sigma) || sigma <= 0 {
		return nil, &ParamError{Op: op, Param: "sigma", Value: sigma, Want: "finite and > 0"}
	}
	if math.IsNaN(lo) || math.IsInf(lo, 1) {
		return nil, &ParamError{Op: op, Param: "lo", Value: lo, Want: "a number or -Inf"}
	}
	if math.IsNaN(hi) || math.IsInf(hi, -1) || hi <= lo {
		return nil, &ParamError{Op: op, Param: "hi", Value: hi, Want: fmt.Sprintf("a number or +Inf, > lo = %g", lo)}
	}
	t := truncNormal{mu: mu, sigma: sigma, lo: lo, hi: hi}
	a, b := (lo-mu)/sigma, (hi-mu)/sigma
	if a > 0 {
		// Mirror into the lower tail: X = mu - sigma*Z' with Z' on [-b, -a].
		t.mirror = true
		a, b = -b, -a
	}
	t.cdfA, t.cdfB = stdNormalCDF(a), stdNormalCDF(b)
	if !(t.cdfB > t.cdfA) {
		return nil, &ParamError{Op: op, Param: "[lo, hi]", Value: fmt.Sprintf("[%g, %g]", lo, hi),
			Want: "an interval with probability mass representable in float64"}
	}
	t.a, t.b = a, b
	return t, nil
}

type truncNormal struct {
	mu, sigma, lo, hi float64
	a, b              float64 // standardised bounds, mirrored when mirror is set
	cdfA, cdfB        float64
	mirror            bool
}

// stdNormalCDF is Φ(z) = erfc(−z/√2)/2, accurate in the lower tail.
func stdNormalCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

func (t truncNormal) Quantile(p float64) float64 {
	p = clampUnit(p)
	if t.mirror {
		p = 1 - p
	}
	q := t.cdfA + p*(t.cdfB-t.cdfA)
	var z float64
	switch {
	case q <= 0:
		z = t.a
	case q >= 1:
		z = t.b
	default:
		z = mathext.NormalQuantile(q)
	}
	z = math.Min(math.Max(z, t.a), t.b)
	if t.mirror {
		z = -z
	}
	return math.Min(math.Max(t.mu+t.sigma*z, t.lo), t.hi)
}

func (t truncNormal) String() string {
	return fmt.Sprintf("TruncatedNormal(%g, %g, %g, %g)", t.mu, t.sigma, t.lo, t.hi)
}

// Discrete returns the marginal that takes each of values with equal
// probability: Quantile(p) = values[floor(p·len(values))] for p in [0, 1),
// and the last value at p = 1. The values keep the caller's order (they are
// not sorted), so an ordinal factor should be given in increasing order for
// Morris effects to read as "higher level". At least one value is needed and
// all must be finite. The values are copied.
func Discrete(values ...float64) (Marginal, error) {
	if len(values) == 0 {
		return nil, &ParamError{Op: "Discrete", Param: "values", Value: "[]", Want: "at least one value"}
	}
	for i, v := range values {
		if !finite(v) {
			return nil, &ParamError{Op: "Discrete", Param: fmt.Sprintf("values[%d]", i), Value: v, Want: "finite"}
		}
	}
	return discrete{values: append([]float64(nil), values...)}, nil
}

type discrete struct{ values []float64 }

func (d discrete) Quantile(p float64) float64 {
	n := len(d.values)
	k := int(clampUnit(p) * float64(n))
	return d.values[min(k, n-1)]
}

func (d discrete) String() string {
	var sb strings.Builder
	sb.WriteString("Discrete(")
	for i, v := range d.values {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
	}
	sb.WriteString(")")
	return sb.String()
}

// maxIntRange bounds hi-lo+1 for IntRange so every integer in the range is
// exactly representable as a float64 (2^53, IEEE 754 binary64 significand).
const maxIntRange = 1 << 53

// IntRange returns the marginal that takes each integer in [lo, hi]
// (inclusive) with equal probability: Quantile(p) = lo + floor(p·(hi−lo+1)),
// and hi at p = 1. hi ≥ lo and hi − lo < 2^53.
func IntRange(lo, hi int) (Marginal, error) {
	if hi < lo {
		return nil, &ParamError{Op: "IntRange", Param: "hi", Value: hi, Want: fmt.Sprintf(">= lo = %d", lo)}
	}
	if uint64(hi)-uint64(lo) >= maxIntRange {
		return nil, &ParamError{Op: "IntRange", Param: "hi-lo", Value: uint64(hi) - uint64(lo), Want: "< 2^53"}
	}
	return intRange{lo: lo, hi: hi}, nil
}

type intRange struct{ lo, hi int }

func (r intRange) Quantile(p float64) float64 {
	n := uint64(r.hi) - uint64(r.lo) + 1
	k := uint64(clampUnit(p) * float64(n))
	return float64(r.lo + int(min(k, n-1)))
}

func (r intRange) String() string { return fmt.Sprintf("IntRange(%d, %d)", r.lo, r.hi) }
