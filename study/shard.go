package study

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/seqsim/seqsim/engine"
)

// ResolveShard returns the shard to run: from flagValue ("I/N", the
// --shard flag), else from the environment of an array job read through
// getenv (Slurm, Kubernetes Indexed Jobs with shards = N, AWS Batch), else
// the whole plan (a zero Shard). source names where it came from ("" for
// none). A malformed or inconsistent value is an [*InputError].
func ResolveShard(flagValue string, shards int, getenv func(string) string) (engine.Shard, string, error) {
	if flagValue != "" {
		i, n, ok := strings.Cut(flagValue, "/")
		idx, err1 := strconv.Atoi(i)
		cnt, err2 := strconv.Atoi(n)
		if !ok || err1 != nil || err2 != nil || cnt < 1 || idx < 0 || idx >= cnt {
			return engine.Shard{}, "", inputf("--shard wants I/N with 0 <= I < N, got %q", flagValue)
		}
		return engine.Shard{Index: idx, Count: cnt}, "--shard", nil
	}
	envs := []struct{ index, count, name string }{
		{"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "Slurm"},
		{"AWS_BATCH_JOB_ARRAY_INDEX", "AWS_BATCH_JOB_ARRAY_SIZE", "AWS Batch"},
		{"JOB_COMPLETION_INDEX", "", "Kubernetes"},
	}
	for _, e := range envs {
		is := getenv(e.index)
		if is == "" {
			continue
		}
		idx, err := strconv.Atoi(is)
		cnt := shards
		if e.count != "" && getenv(e.count) != "" {
			cnt, err = strconv.Atoi(getenv(e.count))
		}
		if err != nil || cnt < 1 || idx < 0 || idx >= cnt {
			return engine.Shard{}, "", inputf("%s sets %s=%q but the shard count is %d (for Kubernetes, pass --shards N)", e.name, e.index, is, cnt)
		}
		return engine.Shard{Index: idx, Count: cnt}, fmt.Sprintf("%s: %s=%d", e.name, e.index, idx), nil
	}
	if shards > 1 {
		return engine.Shard{}, "", inputf("--shards %d needs a shard index (--shard or JOB_COMPLETION_INDEX)", shards)
	}
	return engine.Shard{}, "", nil
}
