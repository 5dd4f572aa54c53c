package dist

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/seqsim/seqsim/internal/tomlnum"
)

// Kind names a family of distributions. The zero value is KindConst.
type Kind uint8

// The distribution families. Parameters, in the order kept in Dist.Params:
//
//	const       value
//	uniform     lo, hi            lo <= hi
//	normal      mu, sigma         sigma >= 0
//	lognormal   mu, sigma         sigma >= 0 (of the underlying normal)
//	beta        a, b              a > 0, b > 0
//	gamma       k, theta          k > 0, theta > 0 (shape, scale)
//	triangular  lo, mode, hi      lo <= mode <= hi
//
// Every parameter must be finite.
const (
	KindConst Kind = iota
	KindUniform
	KindNormal
	KindLogNormal
	KindBeta
	KindGamma
	KindTriangular
	numKinds
)

type kindSpec struct {
	name   string
	params []string
}

// specs is a read-only table indexed by Kind.
var specs = [numKinds]kindSpec{
	KindConst:      {"const", []string{"value"}},
	KindUniform:    {"uniform", []string{"lo", "hi"}},
	KindNormal:     {"normal", []string{"mu", "sigma"}},
	KindLogNormal:  {"lognormal", []string{"mu", "sigma"}},
	KindBeta:       {"beta", []string{"a", "b"}},
	KindGamma:      {"gamma", []string{"k", "theta"}},
	KindTriangular: {"triangular", []string{"lo", "mode", "hi"}},
}

// String returns the TOML name of k ("beta"), or "Kind(N)" if k is not a
// known kind.
func (k Kind) String() string {
	if k < numKinds {
		return specs[k].name
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// ParamNames returns the parameter names of k in Params order (nil if k is
// unknown).
func (k Kind) ParamNames() []string {
	if k < numKinds {
		return slices.Clone(specs[k].params)
	}
	return nil
}

// Kinds returns the TOML names of all kinds, in Kind order.
func Kinds() []string {
	out := make([]string, numKinds)
	for k := range numKinds {
		out[k] = specs[k].name
	}
	return out
}

// ParseKind returns the kind whose TOML name is name, and whether there is
// one.
func ParseKind(name string) (Kind, bool) {
	for k := range numKinds {
		if specs[k].name == name {
			return k, true
		}
	}
	return 0, false
}

// Dist is a distribution-valued parameter.
//
// The zero Dist is the constant 0. Dist is comparable with ==. Build one
// with a constructor (Beta, Uniform, ...), which validates; a Dist written as
// a literal is checked by Validate, by Sampler and by the experiment's
// validation, and parameter slots its kind does not use must stay zero.
type Dist struct {
	Kind   Kind
	Params [3]float64 // in the order of Kind.ParamNames(); unused slots 0
}

// New returns the distribution of kind k with the given parameters, in the
// order of k.ParamNames(). The error joins a *ParamError for each bad
// parameter (see Kind for the domains), or reports a wrong count.
func New(k Kind, params ...float64) (Dist, error) {
	if k >= numKinds {
		return Dist{}, Dist{Kind: k}.Validate()
	}
	if n := len(specs[k].params); len(params) != n {
		return Dist{}, fmt.Errorf("dist: %v distribution takes %d parameters (%s), got %d", k, n, strings.Join(specs[k].params, ", "), len(params))
	}
	d := Dist{Kind: k}
	copy(d.Params[:], params)
	if err := d.Validate(); err != nil {
		return Dist{}, err
	}
	return d, nil
}

// Const returns the constant distribution at value, which must be finite.
func Const(value float64) (Dist, error) { return New(KindConst, value) }

// Uniform returns the uniform distribution on [lo, hi); lo <= hi, both
// finite (lo == hi is the constant lo).
func Uniform(lo, hi float64) (Dist, error) { return New(KindUniform, lo, hi) }

// Normal returns the normal distribution with mean mu and standard
// deviation sigma >= 0.
func Normal(mu, sigma float64) (Dist, error) { return New(KindNormal, mu, sigma) }

// LogNormal returns exp(N(mu, sigma)): mu and sigma >= 0 are the mean and
// standard deviation of the logarithm, so the median is exp(mu).
func LogNormal(mu, sigma float64) (Dist, error) { return New(KindLogNormal, mu, sigma) }

// Beta returns the beta distribution on [0, 1] with shapes a > 0 and b > 0
// (mean a/(a+b)).
func Beta(a, b float64) (Dist, error) { return New(KindBeta, a, b) }

// Gamma returns the gamma distribution with shape k > 0 and scale
// theta > 0 (mean k*theta).
func Gamma(k, theta float64) (Dist, error) { return New(KindGamma, k, theta) }

// Triangular returns the triangular distribution on [lo, hi] peaking at
// mode; lo <= mode <= hi.
func Triangular(lo, mode, hi float64) (Dist, error) {
	return New(KindTriangular, lo, mode, hi)
}

// Param returns the parameter called name, and whether d's kind has it.
func (d Dist) Param(name string) (float64, bool) {
	if d.Kind < numKinds {
		if i := slices.Index(specs[d.Kind].params, name); i >= 0 {
			return d.Params[i], true
		}
	}
	return 0, false
}

// ParamError is one invalid parameter of a distribution.
type ParamError struct {
	Kind  Kind   // the distribution's family
	Param string // parameter name ("a"), "dist" for an unknown kind, "" for the distribution as a whole
	Err   error  // the problem, e.g. "must be > 0, got -1"
}

// Error reads "dist: beta distribution: a: must be > 0, got -1".
func (e *ParamError) Error() string {
	switch e.Param {
	case "":
		return "dist: " + e.Err.Error()
	case "dist":
		return "dist: dist: " + e.Err.Error()
	}
	return "dist: " + e.Kind.String() + " distribution: " + e.Param + ": " + e.Err.Error()
}

// Unwrap returns Err.
func (e *ParamError) Unwrap() error { return e.Err }

// Validate reports invalid parameters (NaN, ±Inf, out of the family's
// domain), an unknown kind, or non-zero unused slots: nil, or an
// errors.Join of *ParamError (test with errors.As).
func (d Dist) Validate() error {
	if d.Kind >= numKinds {
		return errors.Join(&ParamError{d.Kind, "dist", fmt.Errorf("unknown distribution %v (valid: %s)", d.Kind, strings.Join(Kinds(), ", "))})
	}
	var errs []error
	bad := func(i int, format string, args ...any) {
		errs = append(errs, &ParamError{d.Kind, specs[d.Kind].params[i], fmt.Errorf(format, args...)})
	}
	n := len(specs[d.Kind].params)
	for i, p := range d.Params {
		switch {
		case i >= n && p != 0:
			errs = append(errs, &ParamError{d.Kind, "", fmt.Errorf("%v distribution: unused parameter slot %d must be 0, got %v", d.Kind, i, p)})
		case i < n && (math.IsNaN(p) || math.IsInf(p, 0)):
			bad(i, "must be finite, got %v", p)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	p := d.Params
	switch d.Kind {
	case KindUniform:
		if p[0] > p[1] {
			bad(1, "must be >= lo (%v), got %v", p[0], p[1])
		}
	case KindNormal, KindLogNormal:
		if p[1] < 0 {
			bad(1, "must be >= 0, got %v", p[1])
		}
	case KindBeta, KindGamma:
		for i := range 2 {
			if p[i] <= 0 {
				bad(i, "must be > 0, got %v", p[i])
			}
		}
	case KindTriangular:
		if p[1] < p[0] {
			bad(1, "must be >= lo (%v), got %v", p[0], p[1])
		}
		if p[2] < p[1] {
			bad(2, "must be >= mode (%v), got %v", p[1], p[2])
		}
	}
	return errors.Join(errs...)
}

// Mean returns the expected value of d (NaN for an unknown kind).
func (d Dist) Mean() float64 {
	p := d.Params
	switch d.Kind {
	case KindConst:
		return p[0]
	case KindUniform:
		return p[0] + (p[1]-p[0])/2
	case KindNormal:
		return p[0]
	case KindLogNormal:
		return math.Exp(p[0] + p[1]*p[1]/2)
	case KindBeta:
		return p[0] / (p[0] + p[1])
	case KindGamma:
		return p[0] * p[1]
	case KindTriangular:
		return (p[0] + p[1] + p[2]) / 3
	}
	return math.NaN()
}

// String returns d in its TOML form: a plain number for a constant, else an
// inline table such as { dist = "beta", a = 2, b = 5 }.
func (d Dist) String() string {
	if d.Kind == KindConst && d.Params[1] == 0 && d.Params[2] == 0 {
		return formatNum(d.Params[0])
	}
	var b strings.Builder
	b.WriteString(`{ dist = "`)
	b.WriteString(d.Kind.String())
	b.WriteString(`"`)
	names := d.Kind.ParamNames()
	for i, p := range d.Params {
		name := "p" + strconv.Itoa(i)
		if i < len(names) {
			name = names[i]
		} else if p == 0 {
			continue
		}
		b.WriteString(", ")
		b.WriteString(name)
		b.WriteString(" = ")
		b.WriteString(formatNum(p))
	}
	b.WriteString(" }")
	return b.String()
}

// formatNum writes integral values without a fraction (2, not 2.0), which
// the TOML form accepts; everything else as a TOML float.
func formatNum(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 && !(f == 0 && math.Signbit(f)) {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return tomlnum.Float(f)
}
