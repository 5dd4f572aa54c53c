package agents

import (
	"slices"
	"strings"
	"testing"
)

// TestCoreOrder: the built-in columns follow the order columns.go writes,
// and each field of columns gets the index of its name there.
func TestCoreOrder(t *testing.T) {
	if got := SeriesNames(); !slices.Equal(got, seriesOrder) {
		t.Errorf("series = %v, want seriesOrder", got)
	}
	if got := OutcomeNames(); !slices.Equal(got, outcomeOrder) {
		t.Errorf("outcomes = %v, want outcomeOrder", got)
	}
	c := core().cols
	for _, tc := range []struct {
		col   Column
		order []string
		name  string
	}{
		{c.sPrice, seriesOrder, "price"},
		{c.sFeeRevenue, seriesOrder, "fee_revenue_usd"}, // declared in demand.go, after the market's
		{c.sInflation, seriesOrder, "inflation"},        // emission.go
		{c.sCaptureRoute[numRoutes-1], seriesOrder, "capture_cost_vote_council_usd"},
		{c.oTreasuryShortfallDays, outcomeOrder, "treasury_shortfall_days"}, // treasury.go
		{c.oDepositsBurned, outcomeOrder, "deposits_burned_tokens"},         // proposals.go, before governed.go's last
		{c.oFinalMaxActive, outcomeOrder, "final_max_active"},
	} {
		if want := Column(slices.Index(tc.order, tc.name)); tc.col != want {
			t.Errorf("%s: column %d, want %d", tc.name, tc.col, want)
		}
	}
}

// TestCoreOrderMismatch plants each mismatch between the declarations and
// the column order: the model is not built, and the error names the metric.
func TestCoreOrderMismatch(t *testing.T) {
	extra := func(name string) func(*coreDecls, *columns) {
		return func(d *coreDecls, c *columns) { d.Outcome(new(Column), Metric{Name: name}) }
	}
	withExtra := func(name string) []func(*coreDecls, *columns) {
		return append(slices.Clone(builtInDeclarers), extra(name))
	}
	for _, tc := range []struct {
		name             string
		series, outcomes []string
		declarers        []func(*coreDecls, *columns)
		want             string
	}{
		{"declared, not listed", seriesOrder, outcomeOrder, withExtra("planted"),
			`outcome metrics declared but not in the column order (columns.go): planted`},
		{"listed, not declared", seriesOrder, append(slices.Clone(outcomeOrder), "planted"), builtInDeclarers,
			`outcome metric "planted" is in the column order (columns.go) but no part declares it`},
		{"declared twice", seriesOrder, outcomeOrder, withExtra("final_price"),
			`outcome metric "final_price" is declared twice`},
		{"listed twice", append(slices.Clone(seriesOrder), "price"), outcomeOrder, builtInDeclarers,
			`series metric "price" is listed twice in the column order (columns.go)`},
		{"a series listed as an outcome", seriesOrder[1:], append(slices.Clone(outcomeOrder), seriesOrder[0]), builtInDeclarers,
			`series metrics declared but not in the column order (columns.go): price`},
	} {
		_, err := buildCore(tc.series, tc.outcomes, tc.declarers)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
	if _, err := buildCore(seriesOrder, outcomeOrder, builtInDeclarers); err != nil {
		t.Errorf("the built-in declarations: %v", err)
	}
}
