package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/seqsim/seqsim/experiments/scaffold"
)

// command is one subcommand: its synopsis and description for help, its
// flags (bound to throwaway values, for help and the README check), and
// what it runs.
type command struct {
	name     string
	synopsis string // the arguments after `seqsim NAME`
	short    string // a few words for the list of commands
	about    string // what it does
	flags    func() *flag.FlagSet
	run      func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// commands in the order `seqsim help` lists them.
func commands() []command {
	noFlags := func(name string) func() *flag.FlagSet {
		return func() *flag.FlagSet { return flag.NewFlagSet(name, flag.ContinueOnError) }
	}
	return []command{
		{"run", "[EXPERIMENT.toml] [flags]", "run an experiment (none: the embedded baseline)",
			"Runs an experiment (with no file, the embedded baseline) and writes its output folder: runs.csv,\n" +
				"series.csv, summary.md, the charts, report.html and manifest.json. An interrupted run saves a\n" +
				"checkpoint; --resume completes it. While it runs, the folder is locked: a second run, merge,\n" +
				"resume or plot of it is refused (exit 2) naming the process that holds it.",
			func() *flag.FlagSet { return runFlags(new(runOptions)) },
			runCmd},
		{"merge", "--out DIR SHARD_DIR...", "join shard folders into one result",
			"Joins the shard folders of a study run with --shard into one output folder, byte-identical to\n" +
				"a one-machine run. Shards that do not belong together are refused.",
			func() *flag.FlagSet { fs, _, _, _ := mergeFlags(); return fs },
			func(_ context.Context, args []string, stdout, _ io.Writer) error { return mergeCmd(args, stdout) }},
		{"replay", "DIR --point P --run R", "rerun one run alone with its trace",
			"Reruns one run of a finished output folder alone, writes its per-day trace and its events,\n" +
				"and checks its outcomes against its row in runs.csv. A folder a run is writing is refused (exit 2).",
			func() *flag.FlagSet { fs, _, _, _ := replayFlags(); return fs },
			func(_ context.Context, args []string, stdout, _ io.Writer) error { return replayCmd(args, stdout) }},
		{"plot", "DIR", "rebuild the charts and report of a folder",
			"Rebuilds every chart (DIR/plots/*.svg, .png, .pdf) and DIR/report.html\nfrom the files of the output folder DIR, without running anything.",
			func() *flag.FlagSet { fs, _ := plotFlags(); return fs },
			func(_ context.Context, args []string, stdout, _ io.Writer) error { return plotCmd(args, stdout) }},
		{"compare", "DIR DIR... [--out DIR]", "compare finished experiments",
			"Builds a comparison report of finished experiments: each one's key\noutcomes side by side with 95% intervals, best and worst marked, overlaid\n" +
				"fan charts of the series they share, and the parameters that differ.\nWrites OUT/report.html and OUT/plots/. Folders a run is writing are refused (exit 2).",
			func() *flag.FlagSet { fs, _, _ := compareFlags(); return fs },
			func(_ context.Context, args []string, stdout, _ io.Writer) error { return compareCmd(args, stdout) }},
		{"slurm", "EXPERIMENT.toml --shards N [flags]", "write a Slurm array job",
			"Writes a Slurm array job (one task per shard), its merge job and submit.sh into OUT/slurm/.",
			func() *flag.FlagSet { return clusterFlags("slurm", new(clusterOptions)) },
			func(_ context.Context, args []string, stdout, _ io.Writer) error { return slurmCmd(args, stdout) }},
		{"k8s", "EXPERIMENT.toml --shards N [flags]", "write a Kubernetes Indexed Job",
			"Writes a Kubernetes Indexed Job (one pod per shard) to OUT/k8s-job.yaml; merge afterwards.",
			func() *flag.FlagSet { return clusterFlags("k8s", new(clusterOptions)) },
			func(_ context.Context, args []string, stdout, _ io.Writer) error { return k8sCmd(args, stdout) }},
		{"init", "[flags]", "write a commented experiment for a new design",
			"Writes NAME.toml for a new token design from a few answers (flags, or asked on a terminal when\n" +
				"none is given), every key explained; the figures that scale with the design's size are shown with\n" +
				"their values for it (docs/model.md §23). --from copies an embedded experiment instead.",
			func() *flag.FlagSet { return initFlags(new(scaffold.Options), new(bool)) },
			func(_ context.Context, args []string, stdout, stderr io.Writer) error {
				return initCmd(args, os.Stdin, stdout, stderr)
			}},
		{"validate", "EXPERIMENT.toml [--set path=value]...", "check a file and estimate its cost",
			"Checks an experiment without running it, prints it with every default filled in, and\nestimates its run time and memory.",
			func() *flag.FlagSet { return validateFlags(new(setFlags)) },
			func(_ context.Context, args []string, stdout, stderr io.Writer) error {
				return validateCmd(args, stdout, stderr)
			}},
		{"params", "", "list every parameter",
			"Lists every parameter with its type, default, unit and meaning.",
			noFlags("params"),
			func(_ context.Context, args []string, stdout, _ io.Writer) error { return paramsCmd(args, stdout) }},
		{"version", "", "print the version", "Prints seqsim's version.", noFlags("version"), nil},
		{"help", "[COMMAND]", "list the commands, or one command's flags", "Lists the commands, or prints one command's usage and flags.", noFlags("help"), nil},
	}
}

// lookup returns the command named name, or nil.
func lookup(name string) *command {
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return &c
		}
	}
	return nil
}

// overview is `seqsim help`: every command with its synopsis.
func overview() string {
	var b strings.Builder
	b.WriteString("seqsim: Monte Carlo stress tests for sequencer-network token designs.\n\nUsage:\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	for _, c := range commands() {
		fmt.Fprintf(tw, "  seqsim %s %s\t%s\n", c.name, c.synopsis, c.short)
	}
	tw.Flush()
	b.WriteString("\nRun `seqsim help COMMAND` (or `seqsim COMMAND -h`) for a command's flags.\n" +
		"With no file, run uses the embedded baseline experiment. See README.md.\n")
	return b.String()
}

// usage is a command's help: synopsis, description and every flag with
// its default and meaning.
func (c *command) usage() string {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: seqsim %s %s\n\n%s\n", c.name, c.synopsis, c.about)
	fs := c.flags()
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n == 0 {
		return b.String()
	}
	b.WriteString("\nflags:\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fs.VisitAll(func(f *flag.Flag) {
		arg, meaning := flag.UnquoteUsage(f)
		name := "--" + f.Name
		switch {
		case strings.Contains(f.Usage, "`"): // the usage names the value
			name += " " + arg
		case arg != "": // the value's type
			name += " " + strings.ToUpper(arg)
		}
		if def := f.DefValue; def != "" && def != "0" && def != "false" && def != "-1" && !strings.Contains(meaning, "default") {
			meaning += " (default " + def + ")"
		}
		fmt.Fprintf(tw, "  %s\t%s\n", name, meaning)
	})
	tw.Flush()
	return b.String()
}

// help prints the usage of the command named name.
func help(w io.Writer, name string) error {
	for _, c := range commands() {
		if c.name == name {
			fmt.Fprint(w, c.usage())
			return nil
		}
	}
	return usagef("help: unknown command %q (seqsim help lists them)", name)
}
