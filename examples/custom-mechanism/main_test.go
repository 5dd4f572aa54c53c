package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/experiments"
)

// The example writes the whole output folder of `seqsim run`, with the
// mechanism's columns, and the buyback spends exactly its revenue: $22,000
// a day over the baseline's 1,460 days in every run.
func TestExampleStudy(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mev")
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"-out", dir, "-runs", "50"}, &stdout, &stderr); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	for _, f := range []string{"report.html", "summary.md", "manifest.json", "series.csv", "runs.parquet", "experiment.toml", "plots/fan_mev_burned.svg"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: missing or empty (%v)", f, err)
		}
	}
	fh, err := os.Open(filepath.Join(dir, "runs.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	rows, err := csv.NewReader(fh).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 51 {
		t.Fatalf("runs.csv has %d rows, want a header and 50 runs", len(rows))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, r := range rows[1:] {
		spent, _ := strconv.ParseFloat(r[col["mev_spent_usd"]], 64)
		burned, _ := strconv.ParseFloat(r[col["mev_burned_tokens"]], 64)
		if spent != 22_000*1460 || !(burned > 0) {
			t.Fatalf("a run spent $%v and burned %v tokens, want $%v and some tokens", spent, burned, 22_000*1460)
		}
	}
}

// The section's range tags are checked when the experiment is loaded, with
// the section's key in the message.
func TestSectionRules(t *testing.T) {
	_, err := experiments.Load("x.toml", []byte("[experiment]\nname = \"x\"\n[mev_buyback]\nburn_share = 2\n"), nil, newMEVBuyback)
	if err == nil || !strings.Contains(err.Error(), "x.toml:4: mev_buyback.burn_share: must be in [0, 1], got 2") {
		t.Fatalf("error %v", err)
	}
}
