package agents

import "slices"

// Metric describes one output column: its name, unit and meaning travel
// into manifest.json so that charts and reports label themselves.
type Metric struct {
	Name, Unit, Doc string
	// MayBeEmpty marks outcomes that have no value in some runs (NaN in
	// the summary slice, an empty CSV field).
	MayBeEmpty bool `json:",omitempty"`
	// Chart asks for a chart: a fan chart for a series metric, a
	// distribution and an ECDF for an outcome.
	Chart bool `json:",omitempty"`
	// LowerTail marks outcomes where low values are the risk (price,
	// security budget), for tail markers.
	LowerTail bool `json:",omitempty"`
	// RiskAbove lists thresholds whose exceedance probability the summary
	// reports, e.g. P(max_drawdown > 0.5).
	RiskAbove []float64 `json:",omitempty"`
	// Section is the report section: "dump", "verification", "capture"
	// or "health".
	Section string `json:",omitempty"`
}

// SeriesMetrics returns the per-step metrics in column order: the layout
// of each recorded step of a run. The slice is a copy; changing it changes
// nothing in the model.
func SeriesMetrics() []Metric { return cloneMetrics(core().series) }

// OutcomeMetrics returns the per-run outcomes in column order: the layout
// of a run's summary. The slice is a copy; changing it changes nothing in
// the model.
func OutcomeMetrics() []Metric { return cloneMetrics(core().outcomes) }

// SeriesNames returns the series metric names in column order.
func SeriesNames() []string { return names(core().series) }

// OutcomeNames returns the outcome metric names in column order.
func OutcomeNames() []string { return names(core().outcomes) }

// cloneMetrics copies ms deeply (RiskAbove too), so that no caller can
// write the tables.
func cloneMetrics(ms []Metric) []Metric {
	out := slices.Clone(ms)
	for i := range out {
		out[i].RiskAbove = slices.Clone(out[i].RiskAbove)
	}
	return out
}

func names(ms []Metric) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Name
	}
	return out
}
