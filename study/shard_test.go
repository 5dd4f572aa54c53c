package study

import (
	"strconv"
	"strings"
	"testing"
)

func TestShardFromEnvironment(t *testing.T) {
	t.Parallel()
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		flag   string
		shards int
		env    map[string]string
		want   string // "I/N from" or an error substring
	}{
		{"2/5", 0, nil, "2/5 --shard"},
		{"", 0, map[string]string{"SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "4"}, "3/4 Slurm"},
		{"", 0, map[string]string{"AWS_BATCH_JOB_ARRAY_INDEX": "0", "AWS_BATCH_JOB_ARRAY_SIZE": "2"}, "0/2 AWS Batch"},
		{"", 6, map[string]string{"JOB_COMPLETION_INDEX": "5"}, "5/6 Kubernetes"},
		{"", 0, map[string]string{"JOB_COMPLETION_INDEX": "5"}, "pass --shards N"},
		{"5/5", 0, nil, "0 <= I < N"},
		{"", 0, nil, "0/0 "},
	}
	for _, c := range cases {
		s, src, err := ResolveShard(c.flag, c.shards, env(c.env))
		got := strconv.Itoa(s.Index) + "/" + strconv.Itoa(s.Count) + " " + src
		if err != nil {
			got = err.Error()
		}
		if !strings.Contains(got, c.want) {
			t.Errorf("%q %v: got %q, want %q", c.flag, c.env, got, c.want)
		}
	}
}
