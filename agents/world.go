package agents

import (
	"math/rand/v2"

	"github.com/seqsim/seqsim/agents/protocol"
)

// World is the whole state of one run. A worker keeps one World and resets
// it for each run, so buffers are allocated once.
type World struct {
	p       *Params
	day     int
	streams streams

	h      holders
	cliffs []int // the vesting's cliff days within the horizon, increasing (a view handed over at reset: resetVesting)

	// challengerTokens is the challenger share of slashed stake, held by the
	// challengers and whistleblowers who proved offences.
	challengerTokens int64
	rewardPool       int64
	slashSplit       protocol.SlashSplit

	parts // the parts that are components (model.go)

	tradeOps opColumns // the operators' columns for today's holder pass (trade), read only

	supply0, minted, burned            int64
	totLiquid, totStaked, totUnbonding int64
	unbondQueue                        [][]int32 // ring of agents whose cooldown ends on a day
	circulating0                       float64
	logValue, fairValue                float64  // the log demand-side value (the demand side steps it, arbitrage moves it) and the fair value
	aprSignal                          float64  // the demand side's staking APR signal, published once a day for the holder pass (wire_demand.go)
	plainStaking                       bool     // no sequencer operators: holders stake directly (reviewPlain)
	trace                              *[]Event // events of a replayed run (nil: not traced)
	valuation                          protocol.Valuation

	// The model's mechanisms and ledger (model.go), built by the first
	// Reset and again when the parameters turn on other mechanisms.
	built           bool
	slot            Slot // the slot of the day being run
	exts            []*extension
	extKeys         []string
	phases          [numSlots][]func(day int)
	accounts        []namedAccount // every token balance: the conservation check sums them
	usd             usdLedger      // every USD balance and every flow in or out (usd.go)
	width, outcomes int            // columns of a recorded step and of a summary
	col             columns        // the built-in metrics' columns (columns.go)
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
	verifierPopPCG                                             rand.PCG
	verifierPop                                                *rand.Rand // the verifier population: node costs, bridge shares, candidates
}

func (s *streams) seed(r *rand.Rand) {
	if s.init == nil {
		s.init, s.demand, s.market = rand.New(&s.initPCG), rand.New(&s.demandPCG), rand.New(&s.marketPCG)
		s.network, s.verification = rand.New(&s.networkPCG), rand.New(&s.verificationPCG)
		s.governance = rand.New(&s.governancePCG)
		s.verifierPop = rand.New(&s.verifierPopPCG)
	}
	s.initPCG.Seed(r.Uint64(), r.Uint64())
	s.demandPCG.Seed(r.Uint64(), r.Uint64())
	s.marketPCG.Seed(r.Uint64(), r.Uint64())
	s.networkPCG.Seed(r.Uint64(), r.Uint64()) // operators: draws at entry, offences
	s.verificationPCG.Seed(r.Uint64(), r.Uint64())
	s.governancePCG.Seed(r.Uint64(), r.Uint64()) // voters, proposals, the attacker
	s.verifierPopPCG.Seed(r.Uint64(), r.Uint64())
}

// Reset prepares the world for one run of p with generator r.
func (w *World) Reset(p *Params, r *rand.Rand) error {
	w.p = p
	w.day = 0
	w.resetPrices() // first: it only binds p's sections, which any later reset may price with
	if err := w.buildMechanisms(p); err != nil {
		return err
	}
	w.streams.seed(r)
	w.usd.reset()
	w.supply0 = protocol.ToMicro(p.Supply.InitialTokens)
	w.minted, w.burned = 0, 0
	w.resetTreasury()
	w.rewardPool = 0
	w.slashSplit = protocol.SlashSplit{Burn: p.Slashing.Split[0], Treasury: p.Slashing.Split[1], Challenger: p.Slashing.Split[2]}
	w.resetSchedules()
	if err := w.resetHolders(); err != nil {
		return err
	}
	w.resetQueue()
	if err := w.resetMarket(); err != nil {
		return err
	}
	w.releaseAtLaunch()
	if err := w.resetPool(); err != nil {
		return err
	}
	w.resetDemand()
	w.plainStaking = p.Sequencers.Operators == 0 && p.Sequencers.MaxOperators == 0
	w.resetGoverned()
	if err := w.resetNetwork(); err != nil {
		return err
	}
	if p.Staking.APRModel == APRBudget {
		// The signal of day 1 comes from the launch stake, the operators'
		// self-stake included: after resetNetwork, or it would read the
		// operators of this worker's previous run (TestResetLeavesNoTrace).
		w.updateAPR()
	}
	if err := w.resetVerification(); err != nil {
		return err
	}
	w.circulating0 = w.circulating()
	m := &p.Market
	w.valuation = protocol.NewValuation(p.Supply.LaunchPriceUSD, w.circulating0, m.DilutionElasticity,
		m.RequiredReturn, m.CashFlowGrowth, w.holderCashFlow())
	w.fairValue = w.valuation.FairValue(0, w.circulating0, w.holderCashFlow())
	if err := w.resetGovernance(); err != nil {
		return err
	}
	return w.resetMechanisms(r)
}

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

// circulating is the supply outside vesting, the treasury and the reward
// pool, in tokens.
func (w *World) circulating() float64 {
	return protocol.Tokens(w.supply0 + w.minted - w.burned - w.lockedTokens() - w.treasuryTokens() - w.rewardPool)
}
