package design

import (
	"errors"
	"fmt"
)

// Space is the parameter space of a design: one named factor per dimension,
// each with the marginal that maps a unit-cube coordinate to its value.
// Names[k] and Marginals[k] describe factor k.
type Space struct {
	Names     []string    // factor names, non-empty and unique; reports and errors use them
	Marginals []Quantiler // one per name; see the constructors in marginal.go
}

// Dim returns the number of factors, len(s.Names).
func (s Space) Dim() int { return len(s.Names) }

// Validate reports every problem with s at once (errors.Join of *ParamError):
// no factors, a length mismatch between Names and Marginals, an empty or
// repeated name, or a nil marginal.
func (s Space) Validate() error {
	var errs []error
	if len(s.Names) == 0 {
		errs = append(errs, &ParamError{Op: "Space", Param: "Names", Value: "[]", Want: "at least one factor"})
	}
	if len(s.Marginals) != len(s.Names) {
		errs = append(errs, &ParamError{Op: "Space", Param: "len(Marginals)", Value: len(s.Marginals),
			Want: fmt.Sprintf("len(Names) = %d", len(s.Names))})
	}
	seen := make(map[string]int, len(s.Names))
	for k, name := range s.Names {
		if name == "" {
			errs = append(errs, &ParamError{Op: "Space", Param: fmt.Sprintf("Names[%d]", k), Value: `""`, Want: "a non-empty name"})
			continue
		}
		if j, dup := seen[name]; dup {
			errs = append(errs, &ParamError{Op: "Space", Param: fmt.Sprintf("Names[%d]", k), Value: name,
				Want: fmt.Sprintf("a name not already used by Names[%d]", j)})
			continue
		}
		seen[name] = k
	}
	for k, m := range s.Marginals {
		if m == nil {
			errs = append(errs, &ParamError{Op: "Space", Param: fmt.Sprintf("Marginals[%d]", k), Value: nil, Want: "a Quantiler"})
		}
	}
	return errors.Join(errs...)
}

// Map writes into dst the parameter values of the unit-cube point unit:
// dst[k] = s.Marginals[k].Quantile(unit[k]). dst and unit may be the same
// slice. It panics if either length differs from s.Dim().
func (s Space) Map(dst, unit []float64) {
	if len(dst) != len(s.Marginals) || len(unit) != len(s.Marginals) {
		panic(fmt.Sprintf("design: Space.Map: len(dst) = %d, len(unit) = %d, want %d", len(dst), len(unit), len(s.Marginals)))
	}
	for k, q := range s.Marginals {
		dst[k] = q.Quantile(unit[k])
	}
}

// clone validates s and returns a copy whose slices the caller cannot change
// under a design.
func (s Space) clone() (Space, error) {
	if err := s.Validate(); err != nil {
		return Space{}, err
	}
	return Space{
		Names:     append([]string(nil), s.Names...),
		Marginals: append([]Quantiler(nil), s.Marginals...),
	}, nil
}

func checkDst(op string, dst []float64, dim int) {
	if len(dst) != dim {
		panic(fmt.Sprintf("design: %s: len(dst) = %d, want %d", op, len(dst), dim))
	}
}

func checkRow(op string, i, n int) {
	if i < 0 || i >= n {
		panic(fmt.Sprintf("design: %s: row %d out of range [0, %d)", op, i, n))
	}
}
