package agents

import (
	"math"
	"testing"
)

// TestChurnWindow books events by hand: the window counts days t-89..t, an
// old slot of the ring is overwritten, and the rate is events / operators
// x 365/90.
func TestChurnWindow(t *testing.T) {
	t.Parallel()
	var c churn
	events := map[int][]opStatus{5: {opExited, opRemoved}, 50: {opBonded}, 95: {opBonded}} // day 95 takes day 5's slot of the ring
	want := map[int]int{4: 0, 5: 2, 49: 2, 50: 3, 94: 3, 95: 2, 139: 2, 140: 1, 184: 1, 185: 0}
	for d := 1; d <= 185; d++ {
		for _, s := range events[d] {
			c.add(d, s)
		}
		if n, ok := want[d]; ok && c.inWindow(d) != n {
			t.Errorf("day %d: %d events in the window, want %d", d, c.inWindow(d), n)
		}
	}
	if c.exits != 1 || c.removals != 1 || c.entries != 2 {
		t.Fatalf("counts %d exits, %d removals, %d entries, want 1, 1, 2", c.exits, c.removals, c.entries)
	}
	c.bonded = 8
	w := World{parts: parts{churn: c}, day: 95}
	if got, want := w.churn.rate(w.day), 2.0/8*365/90; math.Abs(got-want) > 1e-15 {
		t.Errorf("rate %v, want %v", got, want)
	}
	w.churn.bonded = 0
	if got, want := w.churn.rate(w.day), 2.0*365/90; math.Abs(got-want) > 1e-15 {
		t.Errorf("rate with no operator %v, want %v (over at least one)", got, want)
	}
}

// TestChurnCountsMatchTheNetwork runs baseline years with frequent faults
// and cheap entry, and holds the churn outcomes to the operators' final
// states (a slot leaves at most once and is never reused): exits are the
// slots exited, removals those removed, entries the slots opened after
// launch; each day's series to the events logged by the test; the mean
// rate to the events over the operator-days counted by the test (at the
// end of each day: without the attacker, whose operator enters after the
// operators' day end, that is the model's count).
func TestChurnCountsMatchTheNetwork(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Simulation.HorizonDays = 3 * 365
	p.Slashing.DoubleSign.RatePerYear = constDist(0.5)    // removals
	p.Sequencers.OperatingCostUSD = uniformDist(1e4, 2e6) // exits, and entrants who pay
	p.Sequencers.EntryReviewDays = 7                      // entries
	p.Attacker.Enabled = false                            // its operator enters after the day's count
	w := newWorld(t, &p)
	perDay := make([]int, p.Simulation.HorizonDays+1)
	var bondedDays int64
	prev := 0
	row := make([]float64, w.width)
	for d := 1; d <= p.Simulation.HorizonDays; d++ {
		w.Step()
		now := w.churn.exits + w.churn.removals + w.churn.entries
		perDay[d], prev = now-prev, now
		bonded := 0
		for k := range w.seq.ops.n {
			if w.seq.ops.status[k] == opBonded {
				bonded++
			}
		}
		bondedDays += int64(bonded)
		w.record(row)
		var window int
		for j := max(d-churnWindowDays+1, 1); j <= d; j++ {
			window += perDay[j]
		}
		if got, want := row[w.col.sOperatorChurn], float64(window)/float64(max(bonded, 1))*365/churnWindowDays; math.Abs(got-want) > 1e-12 {
			t.Fatalf("day %d: operator_churn %v, want %v", d, got, want)
		}
	}
	var exited, removed int
	for k := range w.seq.ops.n {
		switch w.seq.ops.status[k] {
		case opExited:
			exited++
		case opRemoved:
			removed++
		}
	}
	c := &w.churn
	if c.exits != exited || c.removals != removed || c.entries != w.seq.ops.n-p.Sequencers.Operators {
		t.Errorf("counted %d exits, %d removals, %d entries; the network has %d exited, %d removed, %d entered", c.exits, c.removals, c.entries, exited, removed, w.seq.ops.n-p.Sequencers.Operators)
	}
	if c.exits == 0 || c.removals == 0 || c.entries == 0 {
		t.Fatalf("the run exercised too little: %d exits, %d removals, %d entries", c.exits, c.removals, c.entries)
	}
	out := make([]float64, w.outcomes)
	w.summariseChurn(out)
	want := float64(c.exits+c.removals+c.entries) * 365 / float64(bondedDays)
	if got := out[w.col.oMeanOperatorChurn]; math.Abs(got-want) > 1e-12*want {
		t.Errorf("mean_operator_churn %v, want %v", got, want)
	}
	if out[w.col.oOperatorExits] != float64(exited) || out[w.col.oOperatorRemovals] != float64(removed) || out[w.col.oOperatorEntries] != float64(c.entries) {
		t.Errorf("outcomes %v %v %v, want %d %d %d", out[w.col.oOperatorExits], out[w.col.oOperatorRemovals], out[w.col.oOperatorEntries], exited, removed, c.entries)
	}
}

// TestConcentrationOutcomes is a worked example on a hand-written series
// whose positions settled on day 31: days 0-30 (launch) are left out, a
// day without active stake (Nakamoto 0) too; over days 31, 32 and 34 the
// Nakamoto coefficients are 2, 3, 4 (min 2, mean 3) and 3, 4, 5 (min 3,
// mean 4), the HHI 0.5, 0.3, 0.2 (max 0.5, mean 1/3). Settled on day 0,
// every day counts; never settled, none does.
func TestConcentrationOutcomes(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	w := newWorld(t, &p)
	steps := 35
	series := make([]float64, steps*w.width)
	set := func(d int, n3, n2, h float64) {
		series[d*w.width+int(w.col.sNakamoto)] = n3
		series[d*w.width+int(w.col.sNakamotoHalf)] = n2
		series[d*w.width+int(w.col.sHHIStake)] = h
	}
	for d := range 31 {
		set(d, 1, 1, 0.9) // launch: not counted
	}
	set(31, 2, 3, 0.5)
	set(32, 3, 4, 0.3)
	set(33, 0, 0, 0) // nothing active
	set(34, 4, 5, 0.2)
	out := make([]float64, w.outcomes)
	w.summariseConcentration(series, steps, 31, out)
	want := map[Column]float64{
		w.col.oMinNakamoto: 2, w.col.oMeanNakamoto: 3,
		w.col.oMinNakamotoHalf: 3, w.col.oMeanNakamotoHalf: 4,
		w.col.oMaxHHIStake: 0.5, w.col.oMeanHHIStake: 1.0 / 3,
	}
	for c, v := range want {
		if math.Abs(out[c]-v) > 1e-15 {
			t.Errorf("outcome %s = %v, want %v", core().outcomes[c].Name, out[c], v)
		}
	}
	w.summariseConcentration(series, steps, 0, out) // settled at once: all days count
	if out[w.col.oMinNakamoto] != 1 || out[w.col.oMaxHHIStake] != 0.9 {
		t.Errorf("settled on day 0: min Nakamoto %v, max HHI %v, want 1 and 0.9", out[w.col.oMinNakamoto], out[w.col.oMaxHHIStake])
	}
	w.summariseConcentration(series, steps, -1, out)
	if !math.IsNaN(out[w.col.oMinNakamoto]) || !math.IsNaN(out[w.col.oMeanHHIStake]) {
		t.Errorf("never settled: %v and %v, want empty (NaN)", out[w.col.oMinNakamoto], out[w.col.oMeanHHIStake])
	}
	clear(series)
	w.summariseConcentration(series, steps, 31, out)
	if !math.IsNaN(out[w.col.oMinNakamoto]) || !math.IsNaN(out[w.col.oMeanHHIStake]) {
		t.Errorf("no active stake: %v and %v, want empty (NaN)", out[w.col.oMinNakamoto], out[w.col.oMeanHHIStake])
	}
}
