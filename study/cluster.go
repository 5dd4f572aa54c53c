package study

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
	"unicode"

	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/internal/atomicfile"
	"github.com/seqsim/seqsim/internal/shell"
)

// Cluster describes an array job that runs a study as Shards shards, one
// task (or pod) each, on a cluster whose nodes share the folder Out; the
// shards go to Out/shards/shard-I, and a merge of them to Out.
type Cluster struct {
	File      string   // the experiment file, as the nodes see it
	Sets      []string // --set overrides of the experiment (path=value)
	Shards    int      // number of shards: array tasks or pods
	Out       string   // result folder (made absolute)
	Seqsim    string   // the seqsim binary on the nodes (Slurm; the image's for Kubernetes)
	CPUs      int      // CPUs per task; seqsim runs one worker per CPU
	Mem       string   // memory per task, as Slurm or Kubernetes spell it (2G)
	Time      string   // Slurm: time limit per task (01:00:00)
	Partition string   // Slurm: partition ("": the cluster's default)
	Image     string   // Kubernetes: container image with seqsim and the experiment
}

// clusterTemplate is the data of the job templates. Paths are raw: the
// templates quote them (q for the shell, yq for YAML).
type clusterTemplate struct {
	Name, Seqsim, File, Out, Time, Mem, Partition, Image string
	Shards, Last, CPUs                                   int
	Sets                                                 string // --set flags, each quoted
	Script                                               string // k8s: each pod's shell command
	Search                                               bool   // a design search: the tasks must run at once
}

// data checks c and returns the templates' data for the study exp.
func (c Cluster) data(exp *experiments.Experiment) (*clusterTemplate, error) {
	if c.Shards < 1 {
		return nil, inputf("cluster job: %d shards, want at least 1", c.Shards)
	}
	// These go unquoted into #SBATCH lines and YAML: one plain token each.
	for _, f := range []struct{ flag, v string }{{"time", c.Time}, {"mem", c.Mem}, {"partition", c.Partition}} {
		if strings.ContainsFunc(f.v, func(r rune) bool {
			return !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(":.,_-", r))
		}) {
			return nil, inputf("--%s %q: only letters, digits and : . , _ - are allowed", f.flag, f.v)
		}
	}
	absFile, err := filepath.Abs(c.File)
	if err != nil {
		return nil, err
	}
	out := c.Out
	if out == "" {
		out = filepath.Join("out", exp.Experiment.Name)
	}
	if out, err = filepath.Abs(out); err != nil {
		return nil, err
	}
	var sets []string
	for _, s := range c.Sets {
		sets = append(sets, "--set "+shell.Quote(s))
	}
	d := &clusterTemplate{Name: exp.Experiment.Name, Seqsim: c.Seqsim, File: absFile, Out: out, Time: c.Time, Mem: c.Mem,
		Partition: c.Partition, Image: c.Image, Shards: c.Shards, Last: c.Shards - 1, CPUs: c.CPUs, Sets: strings.Join(sets, " "),
		Search: exp.Search.Method != experiments.SearchNone}
	d.Script = fmt.Sprintf(`d=%s/shards/shard-$JOB_COMPLETION_INDEX; if [ -f "$d/checkpoint.json" ]; then r=--resume; else r=--force; fi; `+
		`exec seqsim run %s %s --quiet --shards %d --workers %d --out "$d" $r`, shell.Quote(d.Out), shell.Quote(d.File), d.Sets, d.Shards, d.CPUs)
	return d, nil
}

// WriteSlurm writes, into OUT/slurm/, an sbatch array script (one task per
// shard), a merge script, and submit.sh, which submits the array and the
// merge with --dependency=afterok on it. It returns OUT/slurm/submit.sh.
// Every path in the scripts is quoted for the shell.
func WriteSlurm(exp *experiments.Experiment, c Cluster) (submit string, err error) {
	d, err := c.data(exp)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(d.Out, "slurm")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	for name, tmpl := range map[string]string{"array.sbatch": slurmArray, "merge.sbatch": slurmMerge, "submit.sh": slurmSubmit} {
		if err := writeTemplate(filepath.Join(dir, name), tmpl, d); err != nil {
			return "", err
		}
	}
	return filepath.Join(dir, "submit.sh"), nil
}

// WriteK8s writes OUT/k8s-job.yaml, a Kubernetes Indexed Job: one pod per
// shard, each reading JOB_COMPLETION_INDEX and writing to a shared volume
// mounted at OUT; merge the shards afterwards with [Merge]. It returns the
// file's path and OUT.
func WriteK8s(exp *experiments.Experiment, c Cluster) (path, out string, err error) {
	d, err := c.data(exp)
	if err != nil {
		return "", "", err
	}
	if err := os.MkdirAll(d.Out, 0o755); err != nil {
		return "", "", err
	}
	path = filepath.Join(d.Out, "k8s-job.yaml")
	return path, d.Out, writeTemplate(path, k8sJob, d)
}

// writeTemplate renders tmpl with d into path (atomically), executable.
func writeTemplate(path, tmpl string, d *clusterTemplate) error {
	var b bytes.Buffer
	funcs := template.FuncMap{"q": shell.Quote, "yq": strconv.Quote}
	if err := template.Must(template.New(filepath.Base(path)).Funcs(funcs).Parse(tmpl)).Execute(&b, d); err != nil {
		return err
	}
	if err := atomicfile.Write(path, b.Bytes()); err != nil {
		return err
	}
	return os.Chmod(path, 0o755)
}

// The log paths are given on sbatch's command line in submit.sh, where the
// shell quotes them, not in #SBATCH lines, which sbatch tokenises itself.
const slurmArray = `#!/bin/bash
# seqsim array job: one task per shard of {{.Name}}. Written by seqsim slurm;
# submit it with submit.sh, which sets its log files.
#SBATCH --job-name=seqsim-{{.Name}}
#SBATCH --array=0-{{.Last}}
#SBATCH --time={{.Time}}
#SBATCH --mem={{.Mem}}
#SBATCH --cpus-per-task={{.CPUs}}
{{if .Partition}}#SBATCH --partition={{.Partition}}
{{end}}{{if .Search}}# A design search: its shards share every batch of runs while they run, so
# all {{.Shards}} tasks must run at the same time (no % throttle, and no more
# tasks than the cluster can run at once); a task that waits longer than
# search.shard_wait_seconds for the others fails (docs/search.md).
{{end}}set -euo pipefail
# seqsim reads SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT itself; a
# pre-empted or requeued task resumes from its checkpoint.
dir={{q .Out}}/shards/shard-${SLURM_ARRAY_TASK_ID}
if [ -f "$dir/checkpoint.json" ]; then resume=--resume; else resume=--force; fi
exec {{q .Seqsim}} run {{q .File}} {{.Sets}} --quiet --workers ${SLURM_CPUS_PER_TASK:-1} --out "$dir" $resume
`

const slurmMerge = `#!/bin/bash
# Merges the shards of {{.Name}}. Written by seqsim slurm; submitted by
# submit.sh once every array task succeeded.
#SBATCH --job-name=seqsim-{{.Name}}-merge
#SBATCH --time={{.Time}}
#SBATCH --mem={{.Mem}}
{{if .Partition}}#SBATCH --partition={{.Partition}}
{{end}}set -euo pipefail
out={{q .Out}}
shards=()
for i in $(seq 0 {{.Last}}); do shards+=("$out/shards/shard-$i"); done
exec {{q .Seqsim}} merge --quiet --force --out "$out" "${shards[@]}"
`

const slurmSubmit = `#!/bin/bash
# Submits the array and its merge (run only if every task succeeded).
set -euo pipefail
out={{q .Out}}
mkdir -p "$out/slurm" "$out/shards"
array=$(sbatch --parsable --output="$out/slurm/shard-%a.log" "$out/slurm/array.sbatch")
merge=$(sbatch --parsable --output="$out/slurm/merge.log" --dependency=afterok:${array%%;*} "$out/slurm/merge.sbatch")
echo "array job $array, merge job $merge"
echo "$array" > "$out/slurm/array.jobid"
echo "$merge" > "$out/slurm/merge.jobid"
`

const k8sJob = `# Kubernetes Indexed Job for seqsim experiment {{.Name}}: {{.Shards}} pods,
# each running one shard (seqsim reads JOB_COMPLETION_INDEX). Written by
# seqsim k8s; not applied by seqsim. Mount a shared volume at the output
# folder (e.g. a ReadWriteMany PVC named seqsim-out), then merge:
#   seqsim merge --out {{q .Out}} {{q .Out}}/shards/shard-*
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
          image: {{yq .Image}}
          command: ["sh", "-c"]
          args:
            - {{yq .Script}}
          resources:
            requests: {cpu: "{{.CPUs}}", memory: {{yq .Mem}}}
          volumeMounts:
            - {name: out, mountPath: {{yq .Out}}}
      volumes:
        - name: out
          persistentVolumeClaim: {claimName: seqsim-out}
`

// ResumeCommand is the `seqsim run` command line that completes an
// interrupted run of exp (from file, "" for the embedded baseline, with
// the --set values sets) in dir, every path and value quoted for a POSIX
// shell.
func ResumeCommand(file string, sets []string, exp *experiments.Experiment, shard engine.Shard, dir string) string {
	parts := []string{"seqsim", "run"}
	if file != "" {
		parts = append(parts, shell.Quote(file))
	}
	for _, s := range sets {
		parts = append(parts, "--set", shell.Quote(s))
	}
	parts = append(parts, "--seed", strconv.FormatInt(exp.Experiment.Seed, 10), "--runs", strconv.Itoa(exp.Experiment.Runs))
	if shard.Count >= 1 {
		parts = append(parts, "--shard", fmt.Sprintf("%d/%d", shard.Index, shard.Count))
	}
	return strings.Join(append(parts, "--out", shell.Quote(dir), "--resume"), " ")
}
