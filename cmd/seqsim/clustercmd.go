package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/shell"
	"github.com/seqsim/seqsim/study"
)

// clusterOptions are the flags of `seqsim slurm` and `seqsim k8s`.
type clusterOptions struct {
	c    study.Cluster
	sets setFlags
}

// clusterJob parses the flags of `seqsim slurm` or `seqsim k8s` and loads
// the experiment.
func clusterJob(name string, args []string) (*experiments.Experiment, study.Cluster, error) {
	var o clusterOptions
	pos, err := parseInterspersed(clusterFlags(name, &o), args)
	if err != nil {
		return nil, o.c, err
	}
	if len(pos) != 1 || o.c.Shards < 1 {
		return nil, o.c, usagef("%s takes one experiment file and --shards N (at least 1)", name)
	}
	o.c.File, o.c.Sets = pos[0], o.sets
	if o.c.Seqsim == "" {
		if o.c.Seqsim, err = os.Executable(); err != nil {
			return nil, o.c, err
		}
	}
	exp, err := experiments.LoadFile(o.c.File, o.sets)
	return exp, o.c, err
}

// clusterFlags defines the flags of `seqsim slurm` and `seqsim k8s`.
func clusterFlags(name string, o *clusterOptions) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.IntVar(&o.c.Shards, "shards", 0, "`N` shards (array tasks or pods)")
	fs.StringVar(&o.c.Out, "out", "", "result folder `DIR` (shards go to OUT/shards/; default: out/<experiment name>)")
	fs.StringVar(&o.c.Time, "time", "01:00:00", "Slurm time limit per task (`HH:MM:SS`)")
	fs.StringVar(&o.c.Mem, "mem", "2G", "memory per task")
	fs.StringVar(&o.c.Partition, "partition", "", "Slurm partition (default: the cluster's)")
	fs.IntVar(&o.c.CPUs, "cpus", 2, "CPUs per task (seqsim runs one worker per CPU)")
	fs.StringVar(&o.c.Image, "image", "seqsim:latest", "k8s: container `image` with seqsim and the experiment")
	fs.StringVar(&o.c.Seqsim, "seqsim", "", "`path` of the seqsim binary on the cluster (default: this one)")
	fs.Var(&o.sets, "set", "override a parameter: `path=value` (repeatable)")
	return fs
}

// slurmCmd is `seqsim slurm`.
func slurmCmd(args []string, stdout io.Writer) error {
	exp, c, err := clusterJob("slurm", args)
	if err != nil {
		return err
	}
	submit, err := study.WriteSlurm(exp, c)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote array.sbatch, merge.sbatch and submit.sh in %s\nsubmit with: bash %s\n", shell.Quote(filepath.Dir(submit)), shell.Quote(submit))
	return nil
}

// k8sCmd is `seqsim k8s`.
func k8sCmd(args []string, stdout io.Writer) error {
	exp, c, err := clusterJob("k8s", args)
	if err != nil {
		return err
	}
	path, out, err := study.WriteK8s(exp, c)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\napply with: kubectl apply -f %s; when it completes, merge with:\n  seqsim merge --out %s %s/shards/shard-*\n",
		path, shell.Quote(path), shell.Quote(out), shell.Quote(out))
	return nil
}
