package agents

import (
	"math"
	"testing"
)

// The rule of effective governance on a worked example (window 180 days,
// at least 3 closed, at least half decided): closes on days 10 (stalled),
// 40 (decided) and 70 (stalled) are 1 of 3 decided; the one on day 100
// (decided) makes 2 of 4, and governance is effective from day 100. Later
// closes change nothing. In a second run, decisions on days 10 and 20 have
// left the window by day 250, so days 250 and 260 make only 1 and 2
// closes, and day 270 the third: effective from day 270.
func TestEffectiveGovernanceRule(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	quietGovernance(&p)
	w := newWorld(t, &p)
	closeOn := func(day int, decided bool) {
		w.day = day
		w.recordClose(decided)
	}
	closeOn(10, false)
	closeOn(40, true)
	closeOn(70, false)
	if w.eff.day != -1 {
		t.Fatalf("effective on day %d with 1 of 3 decided", w.eff.day)
	}
	closeOn(100, true)
	closeOn(130, false)
	if w.eff.day != 100 {
		t.Fatalf("effective on day %d, want 100 (2 of 4 decided)", w.eff.day)
	}
	w = newWorld(t, &p)
	for _, d := range []int{10, 20, 250, 260} {
		closeOn(d, true)
	}
	if w.eff.day != -1 || len(w.eff.closes) != 2 {
		t.Fatalf("effective on day %d with %d closes in the window, want none and 2", w.eff.day, len(w.eff.closes))
	}
	closeOn(270, true)
	if w.eff.day != 270 {
		t.Fatalf("effective on day %d, want 270", w.eff.day)
	}
}

// A foundation that decides every proposal (a gatekeeper council) is
// effective on the day the third ordinary proposal closes, when they close
// within the window; token voting whose quorum no vote can reach (the whole
// votable supply, with turnout below 1) never is.
func TestEffectiveGovernanceModels(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Simulation.HorizonDays = 400
	p.Attacker.Enabled = false
	p.Governance.Council.GatekeeperDays = 36500
	w := newWorld(t, &p)
	third := -1
	for range p.Simulation.HorizonDays {
		w.Step()
		if third < 0 && w.gov.closed >= 3 {
			third = w.day
		}
	}
	if third < 0 || third > 180 || w.eff.day != third {
		t.Fatalf("gatekeeper: effective on day %d, third close on day %d", w.eff.day, third)
	}

	p = DefaultParams()
	p.Simulation.HorizonDays = 400
	p.Attacker.Enabled = false
	p.Governance.Council = Council{}
	p.Governance.Quorum = 1
	sum, _, err := runOnce(&p, 3)
	if err != nil {
		t.Fatal(err)
	}
	w = newWorld(t, &p)
	if got := sum[w.col.oTimeToEffectiveGovernance]; !math.IsNaN(got) {
		t.Fatalf("quorum of the whole supply: effective on day %v", got)
	}
	if got := sum[w.col.oFirstExecuted]; !math.IsNaN(got) {
		t.Fatalf("quorum of the whole supply: a proposal executed on day %v", got)
	}
}
