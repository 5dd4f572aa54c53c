package agents

import "math"

// churnWindowDays is the trailing window of the operator_churn series: a
// quarter, long enough that one event does not make a spike of a whole
// year's rate, short enough to show when churn happens.
const churnWindowDays = 90

// churn counts the operators' comings and goings over a run (the seed
// guide's "operator churn rate"): voluntary exits (smoothed profit below
// zero, §13.2), forced removals (tombstoned after a slash, §7.3) and
// entries after launch (§13.3, and the attacker's operator, §15). The
// launch operators are not entries: they are the network the churn is
// measured against. It is a component of the built-in model (model.go
// wires it): the operators book their events and their count in it
// through the wiring, and it reads nothing of the rest of the model.
type churn struct {
	exits, removals, entries int
	// events and eventDay are a ring over the trailing window: events[j]
	// happened on day eventDay[j] (a slot whose day is older than the
	// window counts nothing, so no daily clearing is needed).
	events, eventDay [churnWindowDays]int32
	// bonded is the number of operators in the network (bonded: active,
	// jailed or below the minimum stake) after today's exits and entries
	// (operatorsDayEnd; the attacker's operator, entering at governance,
	// counts from the next day). bondedDays sums it over days 1..t: the
	// denominator of the run's mean rate.
	bonded     int
	bondedDays int64
}

func (c *churn) reset() { *c = churn{} }

// add books one event of the given kind on day d.
func (c *churn) add(d int, status opStatus) {
	switch status {
	case opExited:
		c.exits++
	case opRemoved:
		c.removals++
	default:
		c.entries++
	}
	j := d % churnWindowDays
	if int(c.eventDay[j]) != d {
		c.events[j], c.eventDay[j] = 0, int32(d)
	}
	c.events[j]++
}

// inWindow is the number of events on days t-W+1..t.
func (c *churn) inWindow(t int) int {
	var n int32
	for j, e := range c.events {
		if d := int(c.eventDay[j]); e > 0 && d > t-churnWindowDays && d <= t {
			n += e
		}
	}
	return int(n)
}

// bookBonded books n operators in the network at the day's end.
func (c *churn) bookBonded(n int) {
	c.bonded = n
	c.bondedDays += int64(n)
}

// churnRate is today's operator_churn: the exits, removals and entries of
// the trailing churnWindowDays days over the operators in the network at
// the day's end (at least 1), annualised (times 365/churnWindowDays).
// Before day churnWindowDays the window holds fewer days but the divisor
// is the same, so early values count only what happened so far.
func (c *churn) rate(day int) float64 {
	return float64(c.inWindow(day)) / float64(max(c.bonded, 1)) * 365 / churnWindowDays
}

// record writes the day's operator_churn.
func (c *churn) record(row []float64, col *columns, day int) {
	row[col.sOperatorChurn] = c.rate(day)
}

// summariseChurn fills the churn outcomes. The mean rate is the run's
// events over its mean number of operators in the network, per year:
// (exits + removals + entries) / (Σ_t bonded_t / H) × 365/H = events ×
// 365 / Σ_t bonded_t over days 1..H; empty when no operator was ever in
// the network after launch.
func (c *churn) summarise(out []float64, col *columns) {
	out[col.oOperatorExits] = float64(c.exits)
	out[col.oOperatorRemovals] = float64(c.removals)
	out[col.oOperatorEntries] = float64(c.entries)
	out[col.oMeanOperatorChurn] = math.NaN()
	if c.bondedDays > 0 {
		out[col.oMeanOperatorChurn] = float64(c.exits+c.removals+c.entries) * 365 / float64(c.bondedDays)
	}
}

// declareChurnMetrics declares the operator churn metrics.
func declareChurnMetrics(d *coreDecls, c *columns) {
	d.Series(&c.sOperatorChurn, Metric{Name: "operator_churn", Unit: "1/year", Doc: "operator exits, removals and entries in the trailing 90 days over the operators in the network today, annualised (x 365/90)", Chart: true, Section: "health"})
	d.Outcome(&c.oOperatorExits, Metric{Name: "operator_exits", Unit: "count", Doc: "operators that left the network voluntarily (smoothed profit below zero)", Section: "health"})
	d.Outcome(&c.oOperatorRemovals, Metric{Name: "operator_removals", Unit: "count", Doc: "operators removed for good (tombstoned) after a slash: double signing or a caught invalid root", Section: "health"})
	d.Outcome(&c.oOperatorEntries, Metric{Name: "operator_entries", Unit: "count", Doc: "operators that joined after launch (entrants and the attacker's operator)", Section: "health"})
	d.Outcome(&c.oMeanOperatorChurn, Metric{Name: "mean_operator_churn", Unit: "1/year", Doc: "exits, removals and entries over the run per operator in the network per year: events x 365 / operator-days in the network (empty when there were none)", MayBeEmpty: true, Chart: true, Section: "health"})
}
