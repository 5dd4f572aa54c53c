package scaffold

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/seqsim/seqsim/experiments"
)

// Options are what `seqsim init` does: the answers, or an embedded
// experiment to copy, and where to write.
type Options struct {
	Design Design
	From   string    // copy this embedded experiment (named Design.Name) instead of writing Design
	Out    string    // the file; "" is Design.Name + ".toml"
	Force  bool      // replace Out if it exists
	Ask    io.Reader // when not nil, ask for the answers (Ask) reading replies from it…
	Prompt io.Writer // …and writing the questions to it
}

// Init writes the experiment file o asks for and returns its path. The
// file is loaded before it is written: a file that would not load is a
// bug of this package, reported as such, and nothing is written. An
// existing file is kept unless o.Force.
func Init(o Options) (string, error) {
	d := &o.Design
	var src []byte
	var err error
	if o.From != "" {
		src, err = FromEmbedded(o.From, d.Name)
	} else {
		if o.Ask != nil {
			if err := Ask(o.Ask, o.Prompt, d); err != nil {
				return "", err
			}
		}
		src, err = Write(*d)
	}
	if err != nil {
		return "", err
	}
	out := o.Out
	if out == "" {
		out = d.Name + ".toml"
	}
	if _, err := experiments.Load(out, src, nil); err != nil {
		return "", fmt.Errorf("scaffold: the file written does not load (a bug): %w", err)
	}
	if _, err := os.Stat(out); err == nil && !o.Force {
		return "", fmt.Errorf("%s exists: choose another --out, or --force to replace it", out)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	return out, os.WriteFile(out, src, 0o644)
}
