package agents

import (
	"testing"

	"github.com/seqsim/seqsim/agents/protocol"
)

// fakeSchedulesEnv is the rest of the model as the schedules reach it
// (schedulesEnv), for tests of the component alone: the holders' three
// columns, their liquid total, a treasury and the events.
type fakeSchedulesEnv struct {
	granted, locked, liquid []int64
	liquidTotal, treasury   int64
	events                  []string
}

func (e *fakeSchedulesEnv) tracing() bool { return true }
func (e *fakeSchedulesEnv) event(kind, subject string, _ float64, _, _ string) {
	e.events = append(e.events, kind+" "+subject)
}
func (e *fakeSchedulesEnv) vestingColumns() (granted, locked, liquid []int64) {
	return e.granted, e.locked, e.liquid
}
func (e *fakeSchedulesEnv) vested(n int64)     { e.liquidTotal += n }
func (e *fakeSchedulesEnv) toTreasury(n int64) { e.treasury += n }

// The vesting alone, on a worked example: 1,000 tokens, 60% to two team
// agents (a quarter at launch, a quarter at the day-10 cliff, the rest in
// 5-day steps over 20 days) and 40% to the treasury (half at launch, the
// rest daily over 30 days). Every day the tokens are in exactly one place,
// the vesting's account equals the holders' locked column plus the
// treasury's unreleased part, a holder's balance moves only on a day the
// trace shows an unlock, and by day 30 everything is released.
func TestSchedulesVestingAlone(t *testing.T) {
	t.Parallel()
	as := []Allocation{
		{Name: "team", Share: 0.6, Holder: "team", Agents: 2, TGEUnlock: 0.25, CliffDays: 10, CliffUnlock: 0.25, VestingDays: 20, VestingStepDays: 5},
		{Name: "treasury", Share: 0.4, Holder: HolderTreasury, TGEUnlock: 0.5, VestingDays: 30, VestingStepDays: 1},
	}
	supply := protocol.ToMicro(1000)
	var s schedules
	env := &fakeSchedulesEnv{}
	s.reset(env, protocol.EmissionSchedule{})
	if n := s.resetVesting(as, 1000, supply, 100); n != 2 {
		t.Fatalf("%d holder agents, want 2", n)
	}
	start, end, total, treasury := s.allocation(0)
	if start != 0 || end != 2 || total != protocol.ToMicro(600) || treasury {
		t.Fatalf("team allocation: agents %d-%d, %d micro-tokens, treasury %v", start, end, total, treasury)
	}
	if _, _, total, treasury := s.allocation(1); total != protocol.ToMicro(400) || !treasury {
		t.Fatalf("treasury allocation: %d micro-tokens, treasury %v", total, treasury)
	}
	if c := s.cliffDays(); len(c) != 1 || c[0] != 10 {
		t.Fatalf("cliffs %v, want [10] (the treasury's schedule has no holder cliff)", c)
	}
	// The holders' side of the reset (drawAgents): a quarter and three
	// quarters of the team's allocation, all locked.
	g := []int64{total / 4, total - total/4}
	env.granted, env.locked, env.liquid = g, append([]int64(nil), g...), make([]int64, 2)
	for day := 0; day <= 40; day++ {
		before := env.liquid[0] + env.liquid[1]
		events := len(env.events)
		s.release(day)
		liquid := env.liquid[0] + env.liquid[1]
		if liquid != before && len(env.events) == events {
			t.Errorf("day %d: the holders received %d micro-tokens without an unlock event", day, liquid-before)
		}
		if got := s.lockedTotal() + liquid + env.treasury; got != supply {
			t.Fatalf("day %d: locked %d + liquid %d + treasury %d = %d, want the supply %d", day, s.lockedTotal(), liquid, env.treasury, got, supply)
		}
		if got := env.locked[0] + env.locked[1] + s.treasuryLocked(); got != s.lockedTotal() {
			t.Fatalf("day %d: holders' locked column plus the treasury's unreleased part %d, the vesting's account %d", day, got, s.lockedTotal())
		}
		if env.liquidTotal != liquid {
			t.Fatalf("day %d: vested %d, liquid column %d", day, env.liquidTotal, liquid)
		}
		switch day {
		case 0: // the launch shares
			checkEq(t, "team liquid at launch", liquid, total/4)
			checkEq(t, "treasury at launch", env.treasury, protocol.ToMicro(200))
		case 9: // the team's launch share; the treasury's half and 9/30 of the rest
			checkEq(t, "team liquid before the cliff", liquid, total/4)
			checkEq(t, "treasury on day 9", env.treasury, protocol.ToMicro(260))
		case 10: // launch and cliff
			checkEq(t, "team liquid at the cliff", liquid, total/2)
		}
	}
	checkEq(t, "vesting account at the end", s.lockedTotal(), 0)
	checkEq(t, "treasury at the end", env.treasury, protocol.ToMicro(400))
	for i := range g {
		checkEq(t, "agent's liquid at the end", env.liquid[i], g[i])
	}
	for _, e := range env.events {
		if e != "unlock team" {
			t.Errorf("event %q, want only the team's unlocks (the treasury's releases are not holders')", e)
		}
	}
}

// The emission alone: a halving schedule of 730 tokens over a 1,000-token
// supply mints 1 token a day in its first year and half that in the
// second (d0 = 730/(2*365)); Take's shares come out of the stakers' part,
// at most what the reward pool holds.
func TestSchedulesEmissionAlone(t *testing.T) {
	t.Parallel()
	supply := protocol.ToMicro(1000)
	var s schedules
	s.reset(&fakeSchedulesEnv{}, protocol.EmissionSchedule{
		Kind: protocol.EmissionHalving, HalvingDays: 365, Cap: supply + protocol.ToMicro(730), InitialSupply: supply,
	})
	checkEq(t, "minted on day 1", s.emit(1, supply, 0), protocol.ToMicro(1))
	checkEq(t, "today", s.today(), protocol.ToMicro(1))
	checkEq(t, "a quarter taken", s.take(0.25, protocol.ToMicro(10)), protocol.ToMicro(0.25))
	checkEq(t, "half the rest, capped by the pool", s.take(0.5, 100), 100)
	checkEq(t, "left for stakers", s.forStakers(), protocol.ToMicro(0.75)-100)
	checkEq(t, "nothing taken", s.take(0, protocol.ToMicro(10)), 0)
	checkEq(t, "minted on day 366", s.emit(366, supply+protocol.ToMicro(365), 0), protocol.ToMicro(0.5))
	checkEq(t, "a new day's stakers' part", s.forStakers(), protocol.ToMicro(0.5))
}
