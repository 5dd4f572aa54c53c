package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/seqsim/seqsim/experiments/scaffold"
	"github.com/seqsim/seqsim/study"
)

// initCmd is `seqsim init`: scaffold.Init with the answers given as
// flags, or asked on a terminal when none is.
func initCmd(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var o scaffold.Options
	var noPrompt bool
	fs := initFlags(&o, &noPrompt)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("init takes no positional arguments, got %q", pos)
	}
	answers := 0 // answers given as flags, the name apart
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "name" && f.Name != "from" && f.Name != "out" && f.Name != "force" && f.Name != "no-prompt" {
			answers++
		}
	})
	if o.From != "" && answers > 0 {
		return usagef("--from copies an embedded experiment: give only --name, --out and --force with it")
	}
	if f, ok := stdin.(*os.File); ok && answers == 0 && o.From == "" && !noPrompt {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			o.Ask, o.Prompt = stdin, stderr // a terminal: ask
		}
	}
	path, err := scaffold.Init(o)
	if err != nil {
		return &study.InputError{Err: err}
	}
	fmt.Fprintf(stdout, "wrote %s\ncheck it with: seqsim validate %s\nrun it with:   seqsim run %s\n", path, path, path)
	return nil
}

// initFlags defines the flags of `seqsim init`; their defaults are the
// baseline's answers (scaffold.Defaults).
func initFlags(o *scaffold.Options, noPrompt *bool) *flag.FlagSet {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	o.Design = scaffold.Defaults()
	d := &o.Design
	fs.StringVar(&d.Name, "name", d.Name, "the design's name: the file's name and the output folder's (letters, digits, - and _)")
	fs.Float64Var(&d.SupplyTokens, "supply", d.SupplyTokens, "tokens minted at launch")
	fs.Float64Var(&d.LaunchPriceUSD, "price", d.LaunchPriceUSD, "launch price, USD per token")
	fs.Float64Var(&d.AnnualRevenueUSD, "revenue", d.AnnualRevenueUSD, "the sequencers' net fee revenue, USD a year")
	fs.Func("split", "fee split `stakers,treasury,burn` (default the baseline's 0.4,0.4,0.2)", func(s string) (err error) {
		d.FeeSplit, err = scaffold.ParseSplit(s)
		return err
	})
	own := false // the first --alloc replaces the baseline's list
	fs.Func("alloc", "an allocation `NAME:SHARE[:HOLDER[:CLIFF_DAYS[:VESTING_DAYS[:TGE_UNLOCK]]]]` (repeatable; default the baseline's)", func(s string) error {
		a, err := scaffold.ParseAllocation(s)
		if !own {
			d.Allocations, own = nil, true
		}
		d.Allocations = append(d.Allocations, a)
		return err
	})
	fs.StringVar(&d.Governance, "governance", d.Governance, "governance model, a scenario of experiments/governance-models.toml or a word of its name: centralized, progressive or decentralized")
	fs.IntVar(&d.Runs, "runs", d.Runs, "Monte Carlo runs")
	fs.StringVar(&o.From, "from", "", "start from an embedded experiment `NAME` (e.g. baseline) instead")
	fs.StringVar(&o.Out, "out", "", "the file to write (default NAME.toml)")
	fs.BoolVar(&o.Force, "force", false, "replace the file if it exists")
	fs.BoolVar(noPrompt, "no-prompt", false, "never ask on a terminal: the flags and defaults only")
	return fs
}
