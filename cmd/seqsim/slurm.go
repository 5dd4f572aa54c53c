package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"

	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/atomicfile"
)

// clusterOptions are the flags of `seqsim slurm` and `seqsim k8s`.
type clusterOptions struct {
	shards                           int
	out, time, mem, partition, image string
	cpus                             int
	sets                             setFlags
	seqsim                           string
}

// clusterJob parses the flags of `seqsim slurm` or `seqsim k8s`, loads the
// experiment and returns the data the job templates need.
func clusterJob(name string, args []string) (*clusterTemplate, error) {
	o, file, err := parseClusterFlags(name, args)
	if err != nil {
		return nil, err
	}
	exp, err := experiments.LoadFile(file, o.sets)
	if err != nil {
		return nil, err
	}
	return clusterData(o, file, exp)
}

// writeTemplate renders tmpl with d into path (atomically), executable.
func writeTemplate(path, tmpl string, d *clusterTemplate) error {
	var b bytes.Buffer
	if err := template.Must(template.New(filepath.Base(path)).Parse(tmpl)).Execute(&b, d); err != nil {
		return err
	}
	if err := atomicfile.Write(path, b.Bytes()); err != nil {
		return err
	}
	return os.Chmod(path, 0o755)
}

func parseClusterFlags(name string, args []string) (*clusterOptions, string, error) {
	var o clusterOptions
	fs := clusterFlags(name, &o)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return nil, "", err
	}
	if len(pos) != 1 || o.shards < 1 {
		return nil, "", usagef("usage: seqsim %s EXPERIMENT.toml --shards N [--out DIR] ...", name)
	}
	return &o, pos[0], nil
}

// clusterFlags defines the flags of `seqsim slurm` and `seqsim k8s`.
func clusterFlags(name string, o *clusterOptions) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.IntVar(&o.shards, "shards", 0, "number of shards (array tasks)")
	fs.StringVar(&o.out, "out", "", "result folder (shards go to OUT/shards/)")
	fs.StringVar(&o.time, "time", "01:00:00", "Slurm time limit per task")
	fs.StringVar(&o.mem, "mem", "2G", "memory per task")
	fs.StringVar(&o.partition, "partition", "", "Slurm partition (default: the cluster's)")
	fs.IntVar(&o.cpus, "cpus", 2, "CPUs per task (seqsim runs one worker per CPU)")
	fs.StringVar(&o.image, "image", "seqsim:latest", "k8s: container image with seqsim and the experiment")
	fs.StringVar(&o.seqsim, "seqsim", "", "path of the seqsim binary on the cluster (default: this one)")
	fs.Var(&o.sets, "set", "override a parameter: path=value (repeatable)")
	return fs
}

// slurmCmd writes an sbatch array script (one task per shard), a merge
// script, and submit.sh, which submits the array and the merge with
// --dependency=afterok on it.
func slurmCmd(args []string, stdout io.Writer) error {
	d, err := clusterJob("slurm", args)
	if err != nil {
		return err
	}
	dir := filepath.Join(d.Out, "slurm")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, tmpl := range map[string]string{"array.sbatch": slurmArray, "merge.sbatch": slurmMerge, "submit.sh": slurmSubmit} {
		if err := writeTemplate(filepath.Join(dir, name), tmpl, d); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "wrote %s/{array.sbatch,merge.sbatch,submit.sh}\nsubmit with: bash %s\n", dir, filepath.Join(dir, "submit.sh"))
	return nil
}

// k8sCmd writes a Kubernetes Indexed Job manifest: one pod per shard, each
// reading JOB_COMPLETION_INDEX, writing to a shared volume; merge afterwards
// with `seqsim merge`.
func k8sCmd(args []string, stdout io.Writer) error {
	d, err := clusterJob("k8s", args)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(d.Out, 0o755); err != nil {
		return err
	}
	path := filepath.Join(d.Out, "k8s-job.yaml")
	if err := writeTemplate(path, k8sJob, d); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\napply with: kubectl apply -f %s; when it completes, merge with:\n  seqsim merge --out %s %s/shards/shard-*\n", path, path, d.Out, d.Out)
	return nil
}

type clusterTemplate struct {
	Name, Seqsim, File, Out, Time, Mem, Partition, Image string
	Shards, Last, CPUs                                   int
	Sets                                                 string
}

func clusterData(o *clusterOptions, file string, exp *experiments.Experiment) (*clusterTemplate, error) {
	bin := o.seqsim
	if bin == "" {
		exe, err := os.Executable()
		if err != nil {
			return nil, err
		}
		bin = exe
	}
	absFile, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	out := o.out
	if out == "" {
		out = filepath.Join("out", exp.Experiment.Name)
	}
	if out, err = filepath.Abs(out); err != nil {
		return nil, err
	}
	var sets []string
	for _, s := range o.sets {
		sets = append(sets, "--set "+strconv.Quote(s))
	}
	return &clusterTemplate{Name: exp.Experiment.Name, Seqsim: bin, File: absFile, Out: out, Time: o.time, Mem: o.mem,
		Partition: o.partition, Image: o.image, Shards: o.shards, Last: o.shards - 1, CPUs: o.cpus, Sets: strings.Join(sets, " ")}, nil
}

const slurmArray = `#!/bin/bash
# seqsim array job: one task per shard of {{.Name}}. Written by seqsim slurm.
#SBATCH --job-name=seqsim-{{.Name}}
#SBATCH --array=0-{{.Last}}
#SBATCH --time={{.Time}}
#SBATCH --mem={{.Mem}}
#SBATCH --cpus-per-task={{.CPUs}}
#SBATCH --output={{.Out}}/slurm/shard-%a.log
{{if .Partition}}#SBATCH --partition={{.Partition}}
{{end}}set -euo pipefail
# seqsim reads SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT itself; a
# pre-empted or requeued task resumes from its checkpoint.
dir={{.Out}}/shards/shard-${SLURM_ARRAY_TASK_ID}
if [ -f "$dir/checkpoint.json" ]; then resume=--resume; else resume=--force; fi
exec {{.Seqsim}} run {{.File}} {{.Sets}} --quiet --workers ${SLURM_CPUS_PER_TASK:-1} --out "$dir" $resume
`

const slurmMerge = `#!/bin/bash
# Merges the shards of {{.Name}} into {{.Out}}. Written by seqsim slurm.
#SBATCH --job-name=seqsim-{{.Name}}-merge
#SBATCH --time={{.Time}}
#SBATCH --mem={{.Mem}}
#SBATCH --output={{.Out}}/slurm/merge.log
{{if .Partition}}#SBATCH --partition={{.Partition}}
{{end}}set -euo pipefail
shards=()
for i in $(seq 0 {{.Last}}); do shards+=("{{.Out}}/shards/shard-$i"); done
exec {{.Seqsim}} merge --quiet --force --out {{.Out}} "${shards[@]}"
`

const slurmSubmit = `#!/bin/bash
# Submits the array and its merge (run only if every task succeeded).
set -euo pipefail
mkdir -p {{.Out}}/slurm {{.Out}}/shards
array=$(sbatch --parsable {{.Out}}/slurm/array.sbatch)
merge=$(sbatch --parsable --dependency=afterok:${array%%;*} {{.Out}}/slurm/merge.sbatch)
echo "array job $array, merge job $merge"
echo "$array" > {{.Out}}/slurm/array.jobid
echo "$merge" > {{.Out}}/slurm/merge.jobid
`

const k8sJob = `# Kubernetes Indexed Job for seqsim experiment {{.Name}}: {{.Shards}} pods,
# each running one shard (seqsim reads JOB_COMPLETION_INDEX). Written by
# seqsim k8s; not applied by seqsim. Mount a shared volume at {{.Out}} (e.g.
# a ReadWriteMany PVC named seqsim-out), then merge:
#   seqsim merge --out {{.Out}} {{.Out}}/shards/shard-*
apiVersion: batch/v1
kind: Job
metadata:
  name: seqsim-{{.Name}}
spec:
  completionMode: Indexed
  completions: {{.Shards}}
  parallelism: {{.Shards}}
  backoffLimit: 4
  template:
    spec:
      restartPolicy: OnFailure
      containers:
        - name: seqsim
          image: {{.Image}}
          command: ["sh", "-c"]
          args:
            - >-
              d={{.Out}}/shards/shard-$JOB_COMPLETION_INDEX;
              if [ -f $d/checkpoint.json ]; then r=--resume; else r=--force; fi;
              seqsim run {{.File}} {{.Sets}} --quiet --shards {{.Shards}} --workers {{.CPUs}} --out $d $r
          resources:
            requests: {cpu: "{{.CPUs}}", memory: "{{.Mem}}"}
          volumeMounts:
            - {name: out, mountPath: {{.Out}}}
      volumes:
        - name: out
          persistentVolumeClaim: {claimName: seqsim-out}
`
