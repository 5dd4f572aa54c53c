package params

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/seqsim/seqsim/dist"
	"github.com/seqsim/seqsim/experiments/field"
)

// The TOML form of a distribution is documented on dist.Dist; this file
// reads it with the key of each bad parameter, so that Decode and Set report
// "file:line: holders.team.sell_fraction.a: must be > 0, got -1".

// keyedErr is a problem at a key relative to some base path ("" = the base).
type keyedErr struct {
	sub string
	err error
}

// problems lists everything wrong with d, keyed by parameter name: the
// *dist.ParamErrors of d.Validate without their "dist: beta distribution:"
// prefix, which the key path replaces.
func problems(d dist.Dist) []keyedErr {
	err := d.Validate()
	if err == nil {
		return nil
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	out := make([]keyedErr, len(errs))
	for i, e := range errs {
		var pe *dist.ParamError
		if errors.As(e, &pe) {
			out[i] = keyedErr{pe.Param, pe.Err}
		} else {
			out[i] = keyedErr{"", e}
		}
	}
	return out
}

// decodeDist converts a decoded TOML value to a valid dist.Dist.
func decodeDist(data any) (dist.Dist, []keyedErr) {
	switch v := data.(type) {
	case int64:
		return checkDist(dist.Dist{Kind: dist.KindConst, Params: [3]float64{float64(v)}})
	case float64:
		return checkDist(dist.Dist{Kind: dist.KindConst, Params: [3]float64{v}})
	case map[string]any:
		name, ok := v["dist"]
		if !ok {
			return dist.Dist{}, []keyedErr{{"", errors.New(`distribution table needs a "dist" key naming one of: ` + strings.Join(dist.Kinds(), ", "))}}
		}
		s, ok := name.(string)
		if !ok {
			return dist.Dist{}, []keyedErr{{"dist", fmt.Errorf("%w: expected string, got %s", field.ErrWrongType, describeValue(name))}}
		}
		k, ok := dist.ParseKind(s)
		if !ok {
			return dist.Dist{}, []keyedErr{{"dist", fmt.Errorf("unknown distribution %q (valid: %s)", s, strings.Join(dist.Kinds(), ", "))}}
		}
		d := dist.Dist{Kind: k}
		names := k.ParamNames()
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
			return dist.Dist{}, errs
		}
		return checkDist(d)
	default:
		return dist.Dist{}, []keyedErr{{"", fmt.Errorf("%w: expected a number or a distribution table like { dist = \"beta\", a = 2, b = 5 }, got %s", field.ErrWrongType, describeValue(data))}}
	}
}

func checkDist(d dist.Dist) (dist.Dist, []keyedErr) {
	if ps := problems(d); len(ps) > 0 {
		return dist.Dist{}, ps
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
	return 0, fmt.Errorf("%w: expected float, got %s", field.ErrWrongType, describeValue(data))
}

// CheckDist records each bad parameter of d with c, at path.param ("a" of
// a beta distribution at "holders.team.sell_fraction.a"), and reports
// whether d is valid. It is what a dist.Dist field gets from CheckTags; the
// checker cannot do it itself, because package field stays a leaf below
// package dist.
func CheckDist(c *field.Checker, path string, d dist.Dist) bool {
	ps := problems(d)
	for _, p := range ps {
		c.Add(joinSub(path, p.sub), p.err)
	}
	return len(ps) == 0
}
