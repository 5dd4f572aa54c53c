package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/experiments/scaffold"
	"github.com/seqsim/seqsim/study"
)

// initOptions are the answers of `seqsim init` given as flags.
type initOptions struct {
	d                scaffold.Design
	split, from, out string
	allocs           setFlags
	force, noPrompt  bool
	supply, price    float64
	revenue          float64
	runs             int
	governance, name string
}

// initCmd writes a commented experiment for a new design, from flags, or
// from prompts when stdin is a terminal and no answer was given as a flag.
func initCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o initOptions
	fs := initFlags(&o)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("init takes no positional arguments, got %q", pos)
	}
	d := &o.d
	given := 0 // answers given as flags
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "out" && f.Name != "force" && f.Name != "no-prompt" {
			given++
		}
	})
	named := wasSet(fs, "name")
	if o.split != "" {
		if d.FeeSplit, err = scaffold.ParseSplit(o.split); err != nil {
			return usagef("%v", err)
		}
	}
	if len(o.allocs) > 0 {
		d.Allocations = nil
		for _, s := range o.allocs {
			a, err := scaffold.ParseAllocation(s)
			if err != nil {
				return usagef("%v", err)
			}
			d.Allocations = append(d.Allocations, a)
		}
	}
	var src []byte
	switch {
	case o.from != "":
		if given > 1+btoi(named) {
			return usagef("--from copies an embedded experiment: give only --name with it")
		}
		if src, err = scaffold.FromEmbedded(o.from, d.Name); err != nil {
			return &study.InputError{Err: err}
		}
	default:
		if given == 0 && !o.noPrompt && isTerminal(stdin) {
			if err := scaffold.Ask(stdin, stderr, d); err != nil {
				return err
			}
		}
		if src, err = scaffold.Write(*d); err != nil {
			return &study.InputError{Err: err}
		}
	}
	out := o.out
	if out == "" {
		out = d.Name + ".toml"
	}
	if _, err := experiments.Load(out, src, nil); err != nil {
		return fmt.Errorf("seqsim init wrote an experiment that does not load (a bug): %w", err)
	}
	if _, err := os.Stat(out); err == nil && !o.force {
		return &study.InputError{Err: fmt.Errorf("%s exists: choose another --out, or --force to replace it", out)}
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.WriteFile(out, src, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\ncheck it with: seqsim validate %s\nrun it with:   seqsim run %s\n", out, out, out)
	return nil
}

// initFlags defines the flags of `seqsim init`.
func initFlags(o *initOptions) *flag.FlagSet {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	o.d = scaffold.Defaults() // the flags' defaults are the baseline's answers
	d := &o.d
	fs.StringVar(&d.Name, "name", d.Name, "the design's name: the file's name and the output folder's (letters, digits, - and _)")
	fs.Float64Var(&d.SupplyTokens, "supply", d.SupplyTokens, "tokens minted at launch")
	fs.Float64Var(&d.LaunchPriceUSD, "price", d.LaunchPriceUSD, "launch price, USD per token")
	fs.Float64Var(&d.AnnualRevenueUSD, "revenue", d.AnnualRevenueUSD, "the sequencers' net fee revenue, USD a year")
	fs.StringVar(&o.split, "split", "", "fee split `stakers,treasury,burn` (default the baseline's 0.4,0.4,0.2)")
	fs.Var(&o.allocs, "alloc", "an allocation `NAME:SHARE[:HOLDER[:CLIFF_DAYS[:VESTING_DAYS[:TGE_UNLOCK]]]]` (repeatable; default the baseline's)")
	fs.StringVar(&d.Governance, "governance", d.Governance, "governance model, a scenario of experiments/governance-models.toml or a word of its name: centralized, progressive or decentralized")
	fs.IntVar(&d.Runs, "runs", d.Runs, "Monte Carlo runs")
	fs.StringVar(&o.from, "from", "", "start from an embedded experiment `NAME` (e.g. baseline) instead")
	fs.StringVar(&o.out, "out", "", "the file to write (default NAME.toml)")
	fs.BoolVar(&o.force, "force", false, "replace the file if it exists")
	fs.BoolVar(&o.noPrompt, "no-prompt", false, "never ask on a terminal: the flags and defaults only")
	return fs
}

// isTerminal reports whether r is a character device (a terminal).
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// wasSet reports whether flag name was given.
func wasSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
