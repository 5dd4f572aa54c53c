package experiments

import (
	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/internal/params"
)

// A Change is a parameter the experiment sets to other than seqsim's
// default for a design of its size (agents.ScaledDefaults): its dotted path, its value and the default, both as TOML
// inline values (Default "" when the defaults have no such key, as in an
// allocation past the default list's length).
type Change struct {
	Path, Value, Default string
}

// changes are e's keys that differ from the defaults of a design of its
// size (agents.ScaledDefaults), with e's sections on in both.
func (e *Experiment) changes() ([]params.Change, error) {
	d := Default()
	d.mechs = e.mechs
	scaled, err := agents.ScaledDefaults(&e.Params)
	if err != nil {
		return nil, err
	}
	for _, x := range agents.Proportionals() {
		x.Copy(&d.Params, &scaled)
	}
	on := e.sectionsOn()
	if len(on) == 0 {
		return params.Diff(e, &d)
	}
	return params.Diff(e.sectioned(on).Interface(), d.sectioned(on).Interface())
}

// Changes lists the parameters e sets to other than their defaults, in
// the order of the resolved file: what the report's parameter section
// and the manifest list as set, every other value being inherited.
func (e *Experiment) Changes() ([]Change, error) {
	cs, err := e.changes()
	out := make([]Change, len(cs))
	for i, c := range cs {
		out[i] = Change(c)
	}
	return out, err
}

// Annotated is Resolved with every value that differs from its default
// marked "# set (default: …)" at the end of its line, under a header
// saying so: experiment.toml shows which values the experiment set and
// which it inherited. The marks are comments, so loading it gives the
// experiment Resolved gives, and its hash.
func (e *Experiment) Annotated() ([]byte, error) {
	cs, err := e.changes()
	if err != nil {
		return nil, err
	}
	var b []byte
	err = e.view(func(root any) (err error) {
		b, err = params.EncodeMarked(root, cs)
		return err
	})
	head := "# The resolved experiment: every parameter, with its default filled in.\n" +
		"# A value marked \"# set\" differs from seqsim's default, which the mark gives;\n" +
		"# every other value is the default (`seqsim params` lists them with their sources).\n\n"
	return append([]byte(head), b...), err
}
