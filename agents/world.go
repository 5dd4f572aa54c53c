package agents

import (
	"fmt"
	"math/rand/v2"

	"github.com/seqsim/seqsim/agents/protocol"
)

// behaviour returns the selling and staking behaviour of holder type k.
func (p *Params) behaviour(k HolderType) *Behaviour {
	switch k {
	case HolderTeam:
		return &p.Holders.Team
	case HolderInvestor:
		return &p.Holders.Investor
	case HolderAirdrop:
		return &p.Holders.Airdrop
	case HolderPublicSale:
		return &p.Holders.PublicSale
	case HolderGrants:
		return &p.Holders.Grants
	case HolderFoundation:
		return &p.Holders.Foundation
	}
	return nil
}

// holders is the state of every holder agent as a struct of slices: index i
// is one agent (STYLE.md, "Hot loop"). Balances are micro-tokens.
type holders struct {
	kind       []HolderType
	granted    []int64 // allocation granted at launch
	locked     []int64 // not yet vested
	liquid     []int64
	staked     []int64  // delegated to operator op
	unbonding  []int64  // in cooldown, still slashable for operator unbondOp
	op         []int16  // operator of the staked tokens (-1: none)
	unbondOp   []int16  // operator the unbonding tokens left (-1: none)
	unbondEnd  []int32  // day the cooldown ends
	rewardSnap []uint64 // the operator's reward index when the agent last settled
	sellProb   []float64
	sellFrac   []float64
	resYield   []float64
	presell    []bool
	sells      []int64 // scratch: one round's sells in agent order (actHolders)
}

func (h *holders) len() int { return len(h.kind) }

func (h *holders) reset(n int) {
	h.kind = resize(h.kind, n)
	h.granted = resize(h.granted, n)
	h.locked = resize(h.locked, n)
	h.liquid = resize(h.liquid, n)
	h.staked = resize(h.staked, n)
	h.unbonding = resize(h.unbonding, n)
	h.op = resize(h.op, n)
	h.unbondOp = resize(h.unbondOp, n)
	h.unbondEnd = resize(h.unbondEnd, n)
	for i := range n {
		h.op[i], h.unbondOp[i] = -1, -1
	}
	h.rewardSnap = resize(h.rewardSnap, n)
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

// World is the whole state of one run. A worker keeps one World and resets
// it for each run, so buffers are allocated once.
type World struct {
	p       *Params
	day     int
	streams streams

	h      holders
	allocs []allocation
	cliffs []int // distinct cliff days within the horizon, increasing

	pool      protocol.Pool
	arbTokens int64 // outside traders' (arbitrageurs') inventory
	// challengerTokens is the challenger share of slashed stake, held by the
	// challengers and whistleblowers who proved offences.
	challengerTokens int64
	treasuryTokens   int64
	treasuryUSD      float64
	rewardPool       int64
	emission         protocol.EmissionSchedule
	feeSplit         protocol.FeeSplit
	slashSplit       protocol.SlashSplit

	ops  operators     // sequencer operators (operators.go)
	net  network       // active set, batches and the day's network state
	v    verifiers     // the verification game (verification.go)
	game gameState     // beliefs and run totals of the game
	tot  networkTotals // run totals of slashing and concentration

	gov  govState      // token governance (governance.go)
	att  attackerState // the attacker's plans and tokens (attacker.go)
	live liveParams    // the parameters governance can change, this run's copy

	supply0, minted, burned                        int64
	totLiquid, totStaked, totUnbonding, totLocked  int64
	unbondQueue                                    [][]int32 // ring of agents whose cooldown ends on a day
	circulating0                                   float64
	logValue, logFee, aprSignal, fairValue, feeUSD float64
	mintedToday                                    int64
	soldUSDToday, soldUSDTotal, stakerUSDToday     float64
	netSellUSD                                     float64 // since the last arbitrage round
	shortfallDays                                  int
	plainStaking                                   bool     // no sequencer operators: holders stake directly (reviewPlain)
	trace                                          *[]Event // events of a replayed run (nil: not traced)
	samplers                                       runSamplers
}

// streams are independent generators per mechanism, split from the run's
// generator, so a new draw in one mechanism does not shift the others
// (DESIGN.md, "Determinism"). New streams are seeded after the existing
// ones, so adding one leaves the earlier streams' seeds unchanged.
type streams struct {
	initPCG, demandPCG, marketPCG, networkPCG, verificationPCG rand.PCG
	init, demand, market, network, verification                *rand.Rand
	governancePCG                                              rand.PCG
	governance                                                 *rand.Rand
}

func (s *streams) seed(r *rand.Rand) {
	if s.init == nil {
		s.init, s.demand, s.market = rand.New(&s.initPCG), rand.New(&s.demandPCG), rand.New(&s.marketPCG)
		s.network, s.verification = rand.New(&s.networkPCG), rand.New(&s.verificationPCG)
		s.governance = rand.New(&s.governancePCG)
	}
	s.initPCG.Seed(r.Uint64(), r.Uint64())
	s.demandPCG.Seed(r.Uint64(), r.Uint64())
	s.marketPCG.Seed(r.Uint64(), r.Uint64())
	s.networkPCG.Seed(r.Uint64(), r.Uint64()) // operators: draws at entry, offences
	s.verificationPCG.Seed(r.Uint64(), r.Uint64())
	s.governancePCG.Seed(r.Uint64(), r.Uint64()) // voters, proposals, the attacker
}

// runSamplers are the per-run draws that are not per-agent.
type runSamplers struct {
	outsideBuy sampler
}

// Reset prepares the world for one run of p with generator r.
func (w *World) Reset(p *Params, r *rand.Rand) error {
	w.p = p
	w.day = 0
	w.streams.seed(r)
	w.supply0 = protocol.ToMicro(p.Supply.InitialTokens)
	w.minted, w.burned, w.mintedToday = 0, 0, 0
	w.treasuryTokens, w.treasuryUSD = 0, p.Treasury.InitialUSD
	w.rewardPool, w.arbTokens = 0, 0
	w.soldUSDToday, w.soldUSDTotal, w.stakerUSDToday, w.netSellUSD = 0, 0, 0, 0
	w.shortfallDays = 0
	w.feeSplit = protocol.FeeSplit{Stakers: p.Fees.Split[0], Treasury: p.Fees.Split[1], Burn: p.Fees.Split[2]}
	w.slashSplit = protocol.SlashSplit{Burn: p.Slashing.Split[0], Treasury: p.Slashing.Split[1], Challenger: p.Slashing.Split[2]}
	if err := w.resetEmission(); err != nil {
		return err
	}
	if err := w.resetHolders(); err != nil {
		return err
	}
	w.resetQueue()
	w.resetCliffs()
	var err error
	if w.samplers.outsideBuy, err = newSampler(p.Market.OutsideBuyUSDPerDay); err != nil {
		return err
	}
	w.release(0)
	if err := w.resetPool(); err != nil {
		return err
	}
	w.logValue, w.logFee = 0, 0
	w.feeUSD = p.Fees.AnnualRevenueUSD / 365
	w.fairValue = p.Supply.LaunchPriceUSD
	w.aprSignal = p.Staking.MaxAPRSignal
	w.plainStaking = p.Sequencers.Operators == 0 && p.Sequencers.MaxOperators == 0
	if p.Staking.APRModel == APRBudget {
		w.updateAPR() // the signal of day 1 comes from the launch stake
	}
	w.resetLive()
	if err := w.resetNetwork(); err != nil {
		return err
	}
	w.resetVerification()
	w.circulating0 = w.circulating()
	return w.resetGovernance()
}

func (w *World) resetEmission() error {
	w.emission = protocol.EmissionSchedule{
		Kind: w.p.Emission.Kind, AnnualRate: w.p.Emission.AnnualRate, HalfLifeYears: w.p.Emission.HalfLifeYears,
		HalvingDays: w.p.Emission.HalvingDays, Cap: protocol.ToMicro(w.p.Emission.CapTokens), InitialSupply: w.supply0,
	}
	return nil
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
	w.h.reset(n)
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
			if err := w.drawAgents(al, a.Holder, a.Weight); err != nil {
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
// each agent's behaviour.
func (w *World) drawAgents(al allocation, kind HolderType, weight Dist) error {
	b := w.p.behaviour(kind)
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

func (w *World) resetQueue() {
	n := w.p.Staking.CooldownDays + 1
	if cap(w.unbondQueue) < n {
		w.unbondQueue = make([][]int32, n)
	}
	w.unbondQueue = w.unbondQueue[:n]
	for i := range w.unbondQueue {
		w.unbondQueue[i] = w.unbondQueue[i][:0]
	}
}

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

// resetPool seeds the AMM with pool_depth times the launch market cap in
// USD, and the matching tokens at the launch price, taken from the treasury.
func (w *World) resetPool() error {
	p := w.p
	circ := protocol.Tokens(w.totLiquid)
	usd := p.Market.PoolDepth * circ * p.Supply.LaunchPriceUSD
	if p.Market.PoolUSD > 0 {
		usd = p.Market.PoolUSD
	}
	tokens := protocol.ToMicro(usd / p.Supply.LaunchPriceUSD)
	if tokens > w.treasuryTokens {
		return fmt.Errorf("agents: the pool needs %.0f tokens at launch but the treasury holds %.0f (market.pool_depth too large, or no treasury allocation unlocked at launch)",
			protocol.Tokens(tokens), protocol.Tokens(w.treasuryTokens))
	}
	pool, err := protocol.NewPool(tokens, usd, p.Market.SwapFee)
	if err != nil {
		return err
	}
	w.treasuryTokens -= tokens
	w.pool = pool
	return nil
}

// circulating is the supply outside vesting, the treasury and the reward
// pool, in tokens.
func (w *World) circulating() float64 {
	return protocol.Tokens(w.supply0 + w.minted - w.burned - w.totLocked - w.treasuryTokens - w.rewardPool)
}

// checkConservation verifies that every token minted is in exactly one
// place or burned: holders (liquid, delegated, unbonding, locked), outside
// traders, the treasury, the pool, the reward pool, operators (bonded
// self-stake, self-stake in cooldown, unsold earnings), challengers and
// the attacker (its operator's stake is with the operators'). Cheap
// (aggregates only) and always on; a full per-agent recount runs at the end
// of each run.
func (w *World) checkConservation() {
	places := w.totLiquid + w.arbTokens + w.totStaked + w.totUnbonding + w.totLocked +
		w.treasuryTokens + w.pool.Tokens + w.rewardPool + w.burned +
		w.ops.totSelf + w.ops.totUnbond + w.ops.totLiquid + w.challengerTokens + w.att.liquid
	if places != w.supply0+w.minted {
		panic(fmt.Sprintf("agents: conservation broken on day %d: places %d, minted %d (diff %d)",
			w.day, places, w.supply0+w.minted, places-w.supply0-w.minted))
	}
	if w.rewardPool < 0 || w.treasuryTokens < 0 || w.arbTokens < 0 || w.pool.Tokens <= 0 ||
		w.ops.totSelf < 0 || w.ops.totUnbond < 0 || w.ops.totLiquid < 0 || w.challengerTokens < 0 || w.att.liquid < 0 {
		panic(fmt.Sprintf("agents: negative balance on day %d", w.day))
	}
}

// recount checks the per-agent balances against the aggregates.
func (w *World) recount() {
	h := &w.h
	var liq, st, ub, lk int64
	deleg := w.ops.scratch[:w.ops.n]
	clear(deleg)
	for i := range h.len() {
		if h.liquid[i] < 0 || h.staked[i] < 0 || h.unbonding[i] < 0 || h.locked[i] < 0 {
			panic(fmt.Sprintf("agents: agent %d has a negative balance on day %d", i, w.day))
		}
		if !w.plainStaking && ((h.staked[i] > 0) != (h.op[i] >= 0) || (h.unbonding[i] > 0) != (h.unbondOp[i] >= 0)) {
			panic(fmt.Sprintf("agents: agent %d has stake without an operator (or an operator without stake) on day %d", i, w.day))
		}
		if h.op[i] >= 0 {
			deleg[h.op[i]] += h.staked[i]
		}
		liq += h.liquid[i]
		st += h.staked[i]
		ub += h.unbonding[i]
		lk += h.locked[i]
	}
	w.recountOperators(deleg)
	var tl int64
	for _, a := range w.allocs {
		if a.treasury {
			tl += a.total - a.released
		}
	}
	if liq != w.totLiquid || st != w.totStaked || ub != w.totUnbonding || lk+tl != w.totLocked {
		panic(fmt.Sprintf("agents: per-agent recount differs from totals on day %d", w.day))
	}
}
