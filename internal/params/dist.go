package params

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// DistKind names a family of distributions. The zero value is KindConst.
type DistKind uint8

// The distribution families. Parameters, in the order kept in Dist.Params:
//
//	const       value
//	uniform     lo, hi            lo <= hi
//	normal      mu, sigma         sigma >= 0
//	lognormal   mu, sigma         sigma >= 0 (of the underlying normal)
//	beta        a, b              a > 0, b > 0
//	gamma       k, theta          k > 0, theta > 0 (shape, scale)
//	triangular  lo, mode, hi      lo <= mode <= hi
const (
	KindConst DistKind = iota
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

// distSpecs is a read-only table indexed by DistKind.
var distSpecs = [numKinds]kindSpec{
	KindConst:      {"const", []string{"value"}},
	KindUniform:    {"uniform", []string{"lo", "hi"}},
	KindNormal:     {"normal", []string{"mu", "sigma"}},
	KindLogNormal:  {"lognormal", []string{"mu", "sigma"}},
	KindBeta:       {"beta", []string{"a", "b"}},
	KindGamma:      {"gamma", []string{"k", "theta"}},
	KindTriangular: {"triangular", []string{"lo", "mode", "hi"}},
}

// String returns the TOML name of k ("beta"), or "DistKind(N)" if k is not
// a known kind.
func (k DistKind) String() string {
	if k < numKinds {
		return distSpecs[k].name
	}
	return "DistKind(" + strconv.Itoa(int(k)) + ")"
}

// ParamNames returns the parameter names of k in Params order (nil if k is
// unknown).
func (k DistKind) ParamNames() []string {
	if k < numKinds {
		return slices.Clone(distSpecs[k].params)
	}
	return nil
}

// DistKinds returns the TOML names of all kinds.
func DistKinds() []string {
	out := make([]string, numKinds)
	for k := range numKinds {
		out[k] = distSpecs[k].name
	}
	return out
}

func parseDistKind(name string) (DistKind, bool) {
	for k := range numKinds {
		if distSpecs[k].name == name {
			return k, true
		}
	}
	return 0, false
}

// Dist is a distribution-valued parameter. In TOML it is either a plain
// number (a constant) or an inline table naming the family and giving every
// parameter:
//
//	price     = 3
//	growth    = { dist = "lognormal", mu = 0, sigma = 1 }
//	sell      = { dist = "beta", a = 2, b = 5 }
//	fee       = { dist = "uniform", lo = 0, hi = 0.2 }
//	shock     = { dist = "normal", mu = 0, sigma = 0.1 }
//	fixed     = { dist = "const", value = 3 }
//	wait_days = { dist = "gamma", k = 2, theta = 10 }
//	haircut   = { dist = "triangular", lo = 0, mode = 0.1, hi = 0.5 }
//
// The zero Dist is the constant 0. Dist is comparable with ==; parameter
// slots the kind does not use must stay zero (Validate checks). Build one
// with the constructors (Beta, Uniform, ...) or as a literal.
type Dist struct {
	Kind   DistKind
	Params [3]float64 // in the order of Kind.ParamNames(); unused slots 0
}

// Const returns the constant distribution at v.
func Const(v float64) Dist { return Dist{KindConst, [3]float64{v}} }

// Uniform returns the uniform distribution on [lo, hi).
func Uniform(lo, hi float64) Dist { return Dist{KindUniform, [3]float64{lo, hi}} }

// Normal returns the normal distribution with mean mu and s.d. sigma.
func Normal(mu, sigma float64) Dist { return Dist{KindNormal, [3]float64{mu, sigma}} }

// LogNormal returns exp(N(mu, sigma)).
func LogNormal(mu, sigma float64) Dist { return Dist{KindLogNormal, [3]float64{mu, sigma}} }

// Beta returns the beta distribution with shapes a and b.
func Beta(a, b float64) Dist { return Dist{KindBeta, [3]float64{a, b}} }

// Gamma returns the gamma distribution with shape k and scale theta
// (mean k*theta).
func Gamma(k, theta float64) Dist { return Dist{KindGamma, [3]float64{k, theta}} }

// Triangular returns the triangular distribution on [lo, hi] peaking at mode.
func Triangular(lo, mode, hi float64) Dist { return Dist{KindTriangular, [3]float64{lo, mode, hi}} }

// Param returns the parameter called name, and whether d's kind has it.
func (d Dist) Param(name string) (float64, bool) {
	if i := d.paramIndex(name); i >= 0 {
		return d.Params[i], true
	}
	return 0, false
}

func (d Dist) paramIndex(name string) int {
	if d.Kind >= numKinds {
		return -1
	}
	return slices.Index(distSpecs[d.Kind].params, name)
}

// keyedErr is a problem at a key relative to some base path ("" = the base).
type keyedErr struct {
	sub string
	err error
}

// problems lists everything wrong with d; keys are parameter names.
func (d Dist) problems() []keyedErr {
	if d.Kind >= numKinds {
		return []keyedErr{{"dist", fmt.Errorf("unknown distribution %v (valid: %s)", d.Kind, strings.Join(DistKinds(), ", "))}}
	}
	var out []keyedErr
	bad := func(i int, format string, args ...any) {
		out = append(out, keyedErr{distSpecs[d.Kind].params[i], fmt.Errorf(format, args...)})
	}
	n := len(distSpecs[d.Kind].params)
	for i, p := range d.Params {
		switch {
		case i >= n && p != 0:
			out = append(out, keyedErr{"", fmt.Errorf("%v distribution: unused parameter slot %d must be 0, got %v", d.Kind, i, p)})
		case i < n && (math.IsNaN(p) || math.IsInf(p, 0)):
			bad(i, "must be finite, got %v", p)
		}
	}
	if len(out) > 0 {
		return out
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
	return out
}

// Validate reports invalid parameters (NaN, ±Inf, out of the family's
// domain), an unknown kind, or non-zero unused slots.
func (d Dist) Validate() error {
	ps := d.problems()
	if len(ps) == 0 {
		return nil
	}
	errs := make([]error, len(ps))
	for i, p := range ps {
		if p.sub == "" || d.Kind >= numKinds {
			errs[i] = fmt.Errorf("params: %w", p.err)
		} else {
			errs[i] = fmt.Errorf("params: %v distribution: %s: %w", d.Kind, p.sub, p.err)
		}
	}
	return errors.Join(errs...)
}

// Mean returns the expected value of d.
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
		return formatDistNum(d.Params[0])
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
		b.WriteString(formatDistNum(p))
	}
	b.WriteString(" }")
	return b.String()
}

// MarshalTOML implements toml.Marshaler: the inline form of String, so that
// BurntSushi/toml's own encoder writes `key = { dist = "beta", a = 2, b = 5 }`.
func (d Dist) MarshalTOML() ([]byte, error) {
	return []byte(d.String()), nil
}

// UnmarshalTOML implements toml.Unmarshaler. It accepts a number (a
// constant) or an inline table as described on Dist, and rejects unknown
// keys, missing parameters and invalid values. Decode reports the same
// problems with full key paths and lines.
func (d *Dist) UnmarshalTOML(data any) error {
	v, errs := decodeDist(data)
	if len(errs) > 0 {
		es := make([]error, len(errs))
		for i, e := range errs {
			if e.sub == "" {
				es[i] = fmt.Errorf("params: %w", e.err)
			} else {
				es[i] = fmt.Errorf("params: %s: %w", e.sub, e.err)
			}
		}
		return errors.Join(es...)
	}
	*d = v
	return nil
}

// decodeDist converts a decoded TOML value to a valid Dist.
func decodeDist(data any) (Dist, []keyedErr) {
	switch v := data.(type) {
	case int64:
		return checkDist(Const(float64(v)))
	case float64:
		return checkDist(Const(v))
	case map[string]any:
		name, ok := v["dist"]
		if !ok {
			return Dist{}, []keyedErr{{"", errors.New(`distribution table needs a "dist" key naming one of: ` + strings.Join(DistKinds(), ", "))}}
		}
		s, ok := name.(string)
		if !ok {
			return Dist{}, []keyedErr{{"dist", fmt.Errorf("%w: expected string, got %s", ErrWrongType, describeValue(name))}}
		}
		k, ok := parseDistKind(s)
		if !ok {
			return Dist{}, []keyedErr{{"dist", fmt.Errorf("unknown distribution %q (valid: %s)", s, strings.Join(DistKinds(), ", "))}}
		}
		d := Dist{Kind: k}
		names := distSpecs[k].params
		var errs []keyedErr
		keys := make([]string, 0, len(v))
		for key := range v {
			keys = append(keys, key)
		}
		slices.Sort(keys)
		for _, key := range keys {
			if key == "dist" {
				continue
			}
			i := slices.Index(names, key)
			if i < 0 {
				errs = append(errs, keyedErr{key, unknownKeyError(key, append([]string{"dist"}, names...))})
				continue
			}
			f, err := toFloat(v[key])
			if err != nil {
				errs = append(errs, keyedErr{key, err})
				continue
			}
			d.Params[i] = f
		}
		for _, n := range names {
			if _, ok := v[n]; !ok {
				errs = append(errs, keyedErr{"", fmt.Errorf("%s distribution needs %q (parameters: %s)", s, n, strings.Join(names, ", "))})
			}
		}
		if len(errs) > 0 {
			return Dist{}, errs
		}
		return checkDist(d)
	default:
		return Dist{}, []keyedErr{{"", fmt.Errorf("%w: expected a number or a distribution table like { dist = \"beta\", a = 2, b = 5 }, got %s", ErrWrongType, describeValue(data))}}
	}
}

func checkDist(d Dist) (Dist, []keyedErr) {
	if ps := d.problems(); len(ps) > 0 {
		return Dist{}, ps
	}
	return d, nil
}

// toFloat converts a decoded TOML number to float64.
func toFloat(data any) (float64, error) {
	switch v := data.(type) {
	case float64:
		return v, nil
	case int64:
		f := float64(v)
		if f >= 1<<63 || int64(f) != v {
			return 0, fmt.Errorf("integer %d cannot be represented exactly as a float", v)
		}
		return f, nil
	}
	return 0, fmt.Errorf("%w: expected float, got %s", ErrWrongType, describeValue(data))
}

// formatDistNum writes integral values without a fraction (2, not 2.0),
// which Dist accepts; everything else as formatFloat.
func formatDistNum(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 && !(f == 0 && math.Signbit(f)) {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return formatFloat(f)
}
