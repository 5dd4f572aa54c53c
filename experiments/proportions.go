package experiments

import (
	"fmt"
	"io"

	"github.com/seqsim/seqsim/agents"
)

// Warnings are the proportion checks of the token model the design fails
// ([agents.OutOfProportion]): each names the keys, the ratio, its bounds
// and the reference behind them. They are warnings, not errors: a design
// may mean them. The checks read the experiment's own parameters (the file
// with its --set values), not each scenario's or sweep point's. A test
// function model has none.
func (e *Experiment) Warnings() ([]string, error) {
	if e.Experiment.Model != ModelToken {
		return nil, nil
	}
	out, err := agents.OutOfProportion(&e.Params)
	if err != nil {
		return nil, err
	}
	var ws []string
	for _, p := range out {
		ws = append(ws, p.String())
	}
	return ws, nil
}

// PrintWarnings writes the warnings to w, one a line, each as
// "warning: FILE: …" (what `seqsim validate` and `seqsim run` print).
func (e *Experiment) PrintWarnings(w io.Writer) error {
	ws, err := e.Warnings()
	for _, x := range ws {
		fmt.Fprintf(w, "warning: %s: %s\n", e.File, x)
	}
	return err
}
