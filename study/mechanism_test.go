package study_test

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/engine"
	"github.com/seqsim/seqsim/experiments"
	"github.com/seqsim/seqsim/study"
	"github.com/seqsim/seqsim/study/folder"
)

// counter is a mechanism outside the model: it counts the days of a run.
type counter struct{ days int }

type counterParams struct {
	Step int `toml:"step" unit:"days" doc:"days counted per day"`
}

func (c *counter) Declare(m *agents.Model) error {
	p := agents.Section(m, "day_counter", "counts days", counterParams{Step: 1})
	col := m.Outcome(agents.Metric{Name: "days_counted", Unit: "days", Doc: "days counted"})
	m.Reset(func(*rand.Rand) error { c.days = 0; return nil })
	m.Phase(agents.SlotSignals, "count", func(int) { c.days += p.Value().Step })
	m.Summarise(func(out []float64) { out[col] = float64(c.days) })
	return nil
}

func newCounter() agents.Mechanism { return &counter{} }

// Shards of a study with a mechanism outside the model merge and replay
// when given the mechanism, and are refused with the section's key when
// not. The merged runs.csv has its column.
func TestMergeAndReplayWithExtraMechanism(t *testing.T) {
	t.Parallel()
	exp, err := experiments.Load("c.toml", []byte("[experiment]\nname = \"c\"\nruns = 4\n[simulation]\nhorizon_days = 400\n[day_counter]\nstep = 2\n"), nil, newCounter)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	var shards []string
	for i := range 2 {
		dir := filepath.Join(tmp, "shard", string(rune('a'+i)))
		if _, err := study.Run(context.Background(), exp, study.Options{Dir: dir, Shard: engine.Shard{Index: i, Count: 2}}); err != nil {
			t.Fatal(err)
		}
		shards = append(shards, dir)
	}
	if _, err := study.Merge(shards, study.Options{Dir: filepath.Join(tmp, "without")}); err == nil || !strings.Contains(err.Error(), "day_counter") {
		t.Fatalf("merge without the mechanism: %v", err)
	}
	out := filepath.Join(tmp, "merged")
	if _, err := study.Merge(shards, study.Options{Dir: out, Mechanisms: []agents.NewMechanism{newCounter}}); err != nil {
		t.Fatal(err)
	}
	runs, err := os.ReadFile(filepath.Join(out, folder.Runs))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(runs)), "\n")
	if len(lines) != 5 || !strings.HasSuffix(lines[0], ",days_counted") || !strings.HasSuffix(lines[1], ",800") {
		t.Fatalf("merged runs.csv:\n%s", runs)
	}
	if _, err := study.Replay(out, 0, 1, "", nil, newCounter); err != nil {
		t.Fatalf("replay: %v", err)
	}
}
