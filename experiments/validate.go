package experiments

import (
	"errors"
	"regexp"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/experiments/field"
	"github.com/seqsim/seqsim/internal/params"
)

func joinErrs(es []error) error { return errors.Join(es...) }

var validName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

// Validate checks every value of e, an experiment built or changed in Go,
// and reports all problems at once, with the checks and messages of Load.
// An experiment in Go has no source lines, so each problem reads
// "<e.File>: <dotted.key>: <problem>" ("<dotted.key>: <problem>" when
// e.File is empty). After it passes the model may assume its input is
// valid.
func (e *Experiment) Validate() error { return e.validate(nil) }

// ValidateParams checks token-model parameters built in Go, with the checks
// and messages Load applies to the parameters of a file:
//
//	p := agents.DefaultParams()
//	p.Fees.Split = []float64{0.5, 0.5, 0.5}
//	err := experiments.ValidateParams(&p) // "fees.split: must sum to 1 ..."
func ValidateParams(p *agents.Params) error {
	e := Default()
	e.Params = *p
	return e.Validate()
}

// validate is Validate with the source lines of each key (nil: none).
func (e *Experiment) validate(lines params.Lines) error {
	c := field.NewChecker(e.File, lines)
	s := e.Experiment
	if !validName.MatchString(s.Name) {
		c.Errorf("experiment.name", "must be letters, digits, - and _ (it names the output folder), got %q", s.Name)
	}
	c.IntRange("experiment.runs", s.Runs, 1, 10_000_000)
	if s.Seed < 0 {
		c.Errorf("experiment.seed", "must be >= 0, got %d", s.Seed)
	}
	validateStudy(c, e)
	validateTargetCI(c, e, e.outcomeNames())
	if s.Model != ModelToken {
		validateTestModel(c, e)
		return c.Err()
	}
	// The token model's rules live beside its fields (agents/params*.go):
	// range tags, each section's Validate, and Params.Validate; the names
	// of the holder types are checked against the allocations here.
	params.CheckTags(c, &e.Params)
	validateHolderNames(c, &e.Params)
	// So do the rules of the optional mechanisms' sections, each under its
	// key.
	for _, in := range e.sectionsOn() {
		params.CheckTags(c.Sub(in.Key), e.Params.Sections.Value(in.Key))
	}
	return c.Err()
}
