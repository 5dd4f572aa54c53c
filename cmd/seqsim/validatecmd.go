package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/seqsim/seqsim/engine/design"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/study"
)

// validateCmd checks a file without running it and prints the resolved
// experiment and an estimate of run time and memory.
func validateCmd(args []string, stdout, stderr io.Writer) error {
	var sets setFlags
	fs := validateFlags(&sets)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("validate takes one experiment file")
	}
	exp, err := experiments.LoadFile(pos[0], sets)
	if err != nil {
		return err
	}
	resolved, err := exp.Resolved()
	if err != nil {
		return err
	}
	stdout.Write(resolved)
	pl, err := exp.Plan()
	if err != nil {
		return &study.InputError{Err: err}
	}
	if pl.Notice != "" {
		fmt.Fprintf(stderr, "note: %s\n", pl.Notice)
	}
	most := map[bool]string{true: "at most "}[exp.Experiment.TargetCI.On()] // target_ci stops points early
	fmt.Fprintf(stderr, "\nstudy: %s, %d points x %s%d runs = %s%d model runs\n", pl.Kind, pl.Points, most, pl.Runs, most, pl.Points*pl.Runs)
	if pl.Kind == experiments.KindSensitivity {
		d := len(pl.SweepPaths)
		fmt.Fprintf(stderr, "sensitivity: %d inputs; sobol needs N(D+2) = %d points (N(2D+2) = %d with second order) at N = %d; morris r(D+1) = %d at r = %d; oat 2D+1 = %d\n",
			d, design.SaltelliRuns(exp.Sensitivity.N, d, false), design.SaltelliRuns(exp.Sensitivity.N, d, true), exp.Sensitivity.N,
			design.MorrisRuns(exp.Sensitivity.Trajectories, d), exp.Sensitivity.Trajectories, 2*d+1)
		if d > 10 && exp.Sensitivity.Method == experiments.SensitivitySobol {
			fmt.Fprintln(stderr, "hint: with more than 10 inputs, screen them with method = \"morris\" first, then run Sobol on the few that matter")
		}
	}
	if err := exp.PrintWarnings(stderr); err != nil {
		return err
	}
	c, ok := study.EstimateCost(exp, pl)
	if !ok {
		return nil
	}
	fmt.Fprintf(stderr, "\nok: %s is valid.\nestimate: %d runs x %d agents x %d days = %.3g agent-steps, about %.0f s on one core; about %.1f MB of sketches plus %.1f MB per worker.\n",
		exp.File, c.Runs, c.Agents, c.Days, c.AgentSteps, c.Seconds, c.SketchMB, c.WorkerMB)
	return nil
}

// validateFlags defines the flags of `seqsim validate`.
func validateFlags(sets *setFlags) *flag.FlagSet {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.Var(sets, "set", "override a parameter: `path=value` (repeatable)")
	return fs
}
