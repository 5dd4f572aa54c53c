package agents

import (
	"slices"
	"testing"
)

// TestMetricsAreCopies: a caller who writes the slices it is handed,
// including a RiskAbove threshold, changes nothing the model reports.
func TestMetricsAreCopies(t *testing.T) {
	out := OutcomeMetrics()
	i := slices.IndexFunc(out, func(m Metric) bool { return len(m.RiskAbove) > 0 })
	if i < 0 {
		t.Fatal("no outcome has RiskAbove thresholds")
	}
	want := core().outcomes[i].RiskAbove[0]
	out[i].Name = "changed"
	out[i].RiskAbove[0] = -1
	if again := OutcomeMetrics(); again[i].Name == "changed" || again[i].RiskAbove[0] != want {
		t.Errorf("OutcomeMetrics()[%d] after a caller's write: %+v", i, again[i])
	}
	series := SeriesMetrics()
	series[0].Unit = "changed"
	if SeriesMetrics()[0].Unit == "changed" {
		t.Error("SeriesMetrics shares its table with the caller")
	}
	if len(series) != numSeries() || len(out) != numOutcomes() {
		t.Errorf("got %d series and %d outcomes, want %d and %d", len(series), len(out), numSeries(), numOutcomes())
	}
	if SeriesNames()[int(core().cols.sPrice)] != "price" || OutcomeNames()[int(core().cols.oFinalPrice)] != "final_price" {
		t.Errorf("names out of column order: %s, %s", SeriesNames()[int(core().cols.sPrice)], OutcomeNames()[int(core().cols.oFinalPrice)])
	}
}
