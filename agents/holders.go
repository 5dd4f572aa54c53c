package agents

import (
	"fmt"
	"strings"

	"github.com/seqsim/seqsim/agents/protocol"
	"github.com/seqsim/seqsim/dist"
)

// holders is the state of every holder agent as a struct of slices: index i
// is one agent (STYLE.md, "Hot loop"). Balances are micro-tokens.
//
// An agent stands for many wallets, so its stake is held in npos delegation
// positions (staking.positions), like a Cosmos account with several
// delegations: position p of agent i is index i*npos+j, j < npos, of the
// position slices (op to unbondEnd). staked and unbonding stay the agent's
// totals, the sums over its positions, for everything that reads balances
// per agent (the hot loop, voters, capture, records).
type holders struct {
	kind      []int32 // holder type: index into Params.Holders
	granted   []int64 // allocation granted at launch
	locked    []int64 // not yet vested
	liquid    []int64
	staked    []int64 // delegated: the sum of posStaked over the agent's positions
	unbonding []int64 // in cooldown: the sum of posUnbond over the agent's positions
	// Per position.
	npos       int      // positions per agent
	op         []int16  // operator of the position's stake (-1: none)
	posStaked  []int64  // delegated to operator op
	rewardSnap []uint64 // the operator's reward index when the position last settled
	posUnbond  []int64  // in cooldown, still slashable for operator unbondOp
	unbondOp   []int16  // operator the unbonding tokens left (-1: none)
	unbondEnd  []int32  // day the cooldown ends
	sellProb   []float64
	sellFrac   []float64
	resYield   []float64
	presell    []bool
	sells      []int64 // scratch: one round's sells in agent order (actHolders)
	// presellDays is the largest presell_days of any holder type: the
	// run's one pre-sell window length (set at reset, read every round).
	presellDays int
}

func (h *holders) len() int { return len(h.kind) }

// reset sizes the table for n agents of npos delegation positions each.
func (h *holders) reset(n, npos int) {
	h.kind = resize(h.kind, n)
	h.granted = resize(h.granted, n)
	h.locked = resize(h.locked, n)
	h.liquid = resize(h.liquid, n)
	h.staked = resize(h.staked, n)
	h.unbonding = resize(h.unbonding, n)
	h.npos = npos
	m := n * npos
	h.op = resize(h.op, m)
	h.posStaked = resize(h.posStaked, m)
	h.rewardSnap = resize(h.rewardSnap, m)
	h.posUnbond = resize(h.posUnbond, m)
	h.unbondOp = resize(h.unbondOp, m)
	h.unbondEnd = resize(h.unbondEnd, m)
	for p := range m {
		h.op[p], h.unbondOp[p] = -1, -1
	}
	h.sellProb = resize(h.sellProb, n)
	h.sellFrac = resize(h.sellFrac, n)
	h.resYield = resize(h.resYield, n)
	h.presell = resize(h.presell, n)
	h.sells = resize(h.sells, n)
}

// resize returns s with length n and zeroed elements, reusing its memory
// when it is large enough (one World per worker, reused across runs).
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// allocation is the run-time form of an Allocation.
type allocation struct {
	start, end int // agent index range; empty for the treasury
	treasury   bool
	total      int64 // micro-tokens
	released   int64 // treasury allocation only: released so far
	schedule   protocol.VestingSchedule
}

// resetHolders creates the agents of every allocation and draws their
// behaviour from the initialisation stream.
func (w *World) resetHolders() error {
	p := w.p
	n := 0
	for _, a := range p.Allocations {
		if a.Holder != HolderTreasury {
			n += a.Agents
		}
	}
	w.h.reset(n, max(p.Staking.Positions, 1))
	w.h.presellDays = 0
	for _, b := range p.Holders.All() {
		w.h.presellDays = max(w.h.presellDays, b.PresellDays)
	}
	w.allocs = w.allocs[:0]
	w.totLocked, w.totLiquid, w.totStaked, w.totUnbonding = 0, 0, 0, 0
	var assigned int64
	i := 0
	for ai, a := range p.Allocations {
		total := protocol.ToMicro(a.Share * p.Supply.InitialTokens)
		if ai == len(p.Allocations)-1 {
			total = w.supply0 - assigned // rounding goes to the last allocation
		}
		assigned += total
		al := allocation{total: total, treasury: a.Holder == HolderTreasury, schedule: protocol.VestingSchedule{
			TGEFrac: a.TGEUnlock, CliffDays: a.CliffDays, CliffFrac: a.CliffUnlock,
			LinearDays: a.VestingDays, StepDays: max(a.VestingStepDays, 1),
		}}
		w.totLocked += total
		if !al.treasury {
			al.start, al.end = i, i+a.Agents
			k := p.Holders.Index(string(a.Holder))
			if k < 0 {
				return fmt.Errorf("agents: allocation %q: no holder type %q (defined: %s)", a.Name, a.Holder, strings.Join(p.Holders.Keys(), ", "))
			}
			if err := w.drawAgents(al, int32(k), a.Weight); err != nil {
				return fmt.Errorf("agents: allocation %q: %w", a.Name, err)
			}
			i = al.end
		}
		w.allocs = append(w.allocs, al)
	}
	return nil
}

// drawAgents splits an allocation over its agents by drawn weights (the
// remainder goes to the last agent, so the grants sum exactly) and draws
// each agent's behaviour from that of holder type kind.
func (w *World) drawAgents(al allocation, kind int32, weight dist.Dist) error {
	b := w.p.Holders.At(int(kind))
	ws, err := newSampler(weight)
	if err != nil {
		return err
	}
	sp, err := newSampler(b.SellProbability)
	if err != nil {
		return err
	}
	sf, err := newSampler(b.SellFraction)
	if err != nil {
		return err
	}
	ry, err := newSampler(b.ReservationYield)
	if err != nil {
		return err
	}
	r := w.streams.init
	h := &w.h
	var sum float64
	for i := al.start; i < al.end; i++ {
		x := max(ws.Rand(r), 0)
		h.sellFrac[i] = x // weights parked here until the split below
		sum += x
	}
	if !(sum > 0) {
		return fmt.Errorf("weights sum to %v", sum)
	}
	var given int64
	for i := al.start; i < al.end; i++ {
		g := int64(float64(al.total) * (h.sellFrac[i] / sum))
		if i == al.end-1 {
			g = al.total - given
		}
		given += g
		h.kind[i], h.granted[i], h.locked[i] = kind, g, g
		h.sellProb[i] = clamp01(sp.Rand(r))
		h.sellFrac[i] = clamp01(sf.Rand(r))
		h.resYield[i] = ry.Rand(r)
		h.presell[i] = r.Float64() < b.PresellShare
	}
	return nil
}

func clamp01(x float64) float64 { return min(max(x, 0), 1) }

// resetCliffs lists the cliff days of holder allocations inside the horizon,
// and the windows in which pre-sellers sell ahead of them.
func (w *World) resetCliffs() {
	w.cliffs = w.cliffs[:0]
	for _, a := range w.allocs {
		c := a.schedule.CliffDays
		if a.treasury || c <= 0 || c > w.p.Simulation.HorizonDays {
			continue
		}
		dup := false
		for _, x := range w.cliffs {
			dup = dup || x == c
		}
		if !dup {
			w.cliffs = append(w.cliffs, c)
		}
	}
	sortInts(w.cliffs)
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}
