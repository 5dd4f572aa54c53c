package agents

// The vesting of the launch allocations, part of the schedules component
// (emission.go): each allocation's schedule, what it has released, the
// cliffs, and the release of vested tokens to the holders (their balance
// columns, handed over once a release) or to the treasury.

import "github.com/seqsim/seqsim/agents/protocol"

// allocation is the run-time form of an Allocation.
type allocation struct {
	name       string // Allocation.Name, for the replay's events
	start, end int    // agent index range; empty for the treasury
	treasury   bool
	total      int64 // micro-tokens
	released   int64 // treasury allocation only: released so far
	schedule   protocol.VestingSchedule
}

// resetVesting sets the run's allocations from the parameters: each one's
// share of the initial supply (initialTokens, supply0 in micro-tokens;
// the rounding goes to the last), the agents it spreads over (in order, from index 0) and its
// vesting schedule; all of it is locked. It returns the number of holder
// agents. The cliffs are listed up to horizon days.
func (s *schedules) resetVesting(as []Allocation, initialTokens float64, supply0 int64, horizon int) (agents int) {
	s.allocs = s.allocs[:0]
	s.locked = 0
	var assigned int64
	for ai, a := range as {
		total := protocol.ToMicro(a.Share * initialTokens)
		if ai == len(as)-1 {
			total = supply0 - assigned // rounding goes to the last allocation
		}
		assigned += total
		al := allocation{name: a.Name, total: total, treasury: a.Holder == HolderTreasury, schedule: protocol.VestingSchedule{
			TGEFrac: a.TGEUnlock, CliffDays: a.CliffDays, CliffFrac: a.CliffUnlock,
			LinearDays: a.VestingDays, StepDays: max(a.VestingStepDays, 1),
		}}
		s.locked += total
		if !al.treasury {
			al.start, al.end = agents, agents+a.Agents
			agents = al.end
		}
		s.allocs = append(s.allocs, al)
	}
	s.resetCliffs(horizon)
	return agents
}

// resetCliffs lists the cliff days of holder allocations inside the
// horizon, and so the windows in which pre-sellers sell ahead of them.
func (s *schedules) resetCliffs(horizon int) {
	s.cliffs = s.cliffs[:0]
	for _, a := range s.allocs {
		c := a.schedule.CliffDays
		if a.treasury || c <= 0 || c > horizon {
			continue
		}
		dup := false
		for _, x := range s.cliffs {
			dup = dup || x == c
		}
		if !dup {
			s.cliffs = append(s.cliffs, c)
		}
	}
	sortInts(s.cliffs)
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// release moves vested tokens from locked to the holders' liquid balances
// (or to the treasury) on the days a schedule releases something: an
// event, not a daily poll.
func (s *schedules) release(day int) {
	for ai := range s.allocs {
		a := &s.allocs[ai]
		if !a.schedule.ReleasesOn(day) {
			continue
		}
		if a.treasury {
			rel := a.schedule.ReleasedAt(a.total, day) - a.released
			a.released += rel
			s.locked -= rel
			s.env.toTreasury(rel)
			continue
		}
		granted, locked, liquid := s.env.vestingColumns() // whole columns, once a release
		f := a.schedule.ReleasedFracAt(day)               // once per allocation, not per agent
		// Local slices and total: one bounds check per slice, and no
		// store through s per agent.
		g, lk, lq := granted[a.start:a.end], locked[a.start:a.end], liquid[a.start:a.end]
		lk, lq = lk[:len(g)], lq[:len(g)]
		var released int64
		for i, gi := range g {
			rel := protocol.ReleasedAtFrac(gi, f) - (gi - lk[i])
			lk[i] -= rel
			lq[i] += rel
			released += rel
		}
		s.locked -= released
		s.env.vested(released)
		if s.env.tracing() {
			s.env.event("unlock", a.name, protocol.Tokens(released), "tokens", "")
		}
	}
}

// allocation returns allocation ai's agents, its total and whether it is
// the treasury's.
func (s *schedules) allocation(ai int) (start, end int, total int64, treasury bool) {
	a := &s.allocs[ai]
	return a.start, a.end, a.total, a.treasury
}

// treasuryLocked is what the treasury's allocations have still to
// release (the holders' part is in their locked column).
func (s *schedules) treasuryLocked() int64 {
	var n int64
	for _, a := range s.allocs {
		if a.treasury {
			n += a.total - a.released
		}
	}
	return n
}

// lockedAccount is the vesting's ledger account; lockedTotal its balance.
func (s *schedules) lockedAccount() *int64 { return &s.locked }
func (s *schedules) lockedTotal() int64    { return s.locked }

// cliffDays are the run's cliff days, increasing (read only).
func (s *schedules) cliffDays() []int { return s.cliffs }
