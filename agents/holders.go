package agents

import (
	"fmt"
	"strings"

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

// resetHolders creates the agents of every allocation (the vesting sets
// the allocations, resetVesting) and draws their behaviour from the
// initialisation stream, allocation by allocation.
func (w *World) resetHolders() error {
	p := w.p
	n := w.resetVesting()
	w.h.reset(n, max(p.Staking.Positions, 1))
	w.h.presellDays = 0
	for _, b := range p.Holders.All() {
		w.h.presellDays = max(w.h.presellDays, b.PresellDays)
	}
	w.totLiquid, w.totStaked, w.totUnbonding = 0, 0, 0
	for ai, a := range p.Allocations {
		start, end, total, treasury := w.allocationAt(ai)
		if treasury {
			continue
		}
		k := p.Holders.Index(string(a.Holder))
		if k < 0 {
			return fmt.Errorf("agents: allocation %q: no holder type %q (defined: %s)", a.Name, a.Holder, strings.Join(p.Holders.Keys(), ", "))
		}
		if err := w.drawAgents(start, end, total, int32(k), a.Weight); err != nil {
			return fmt.Errorf("agents: allocation %q: %w", a.Name, err)
		}
	}
	return nil
}

// drawAgents splits an allocation of total micro-tokens over its agents,
// start to end-1, by drawn weights (the remainder goes to the last agent,
// so the grants sum exactly) and draws each agent's behaviour from that of
// holder type kind.
func (w *World) drawAgents(start, end int, total int64, kind int32, weight dist.Dist) error {
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
	for i := start; i < end; i++ {
		x := max(ws.Rand(r), 0)
		h.sellFrac[i] = x // weights parked here until the split below
		sum += x
	}
	if !(sum > 0) {
		return fmt.Errorf("weights sum to %v", sum)
	}
	var given int64
	for i := start; i < end; i++ {
		g := int64(float64(total) * (h.sellFrac[i] / sum))
		if i == end-1 {
			g = total - given
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
