package agents

import (
	"math"
	"slices"
	"testing"

	"github.com/seqsim/seqsim/agents/protocol"
)

// buyOverDays is the cost of buying x micro-tokens in daily slices of at
// most h from a constant-product pool of X micro-tokens and Y USD with fee
// f, restored between days: n = ceil(x/h) days of floor(x/n), the last day
// the rest, each costing Y*dx/((1-f)(X-dx)) (docs/model.md §15.2, written
// here from the formula, not from protocol.CostToBuyOverDays).
func buyOverDays(X int64, Y, f float64, x, h int64) float64 {
	if x <= 0 {
		return 0
	}
	n := (x + h - 1) / h
	slice := x / n
	last := x - slice*(n-1)
	c := func(dx int64) float64 { return Y * float64(dx) / ((1 - f) * float64(X-dx)) }
	return float64(n-1)*c(slice) + c(last)
}

// TestCaptureRoutesWorkedExample prices every capture route by hand on day
// 120 of a baseline run, when staking has settled (the baseline's
// positions_settled_day is 38-117 in 90% of runs), from the day's pool,
// active stake, votes and voters, and holds the measured routes to them.
// In the baseline the lending market is too shallow to lend the votes and
// too few voters take bribes (both routes infeasible); a second world with
// a deep market and no voter refusing prices them.
func TestCaptureRoutesWorkedExample(t *testing.T) {
	t.Parallel()
	t.Run("baseline", func(t *testing.T) {
		t.Parallel()
		checkCaptureRoutes(t, DefaultParams(), false)
	})
	t.Run("deep lending, bribable voters", func(t *testing.T) {
		t.Parallel()
		p := DefaultParams()
		p.Lending.Depth, p.Governance.BribeRefusal = 0.5, 0
		checkCaptureRoutes(t, p, true)
	})
}

// checkCaptureRoutes is TestCaptureRoutesWorkedExample for p; feasible
// asks that every route be feasible.
func checkCaptureRoutes(t *testing.T, p Params, feasible bool) {
	p.Attacker.Enabled = false // nobody trades against the pool but the model's own agents
	w := newWorld(t, &p)
	for w.day < 120 {
		w.Step()
	}
	w.gov.at(w.day).measure()
	c, g := &w.capt, &w.gov
	if len(w.seq.net.act) < 2 || w.council.compromised != 0 {
		t.Fatalf("day 120: %d active operators, %d compromised keys: pick another seed", len(w.seq.net.act), w.council.compromised)
	}
	X, Y, f := w.mk.pool.Tokens, w.mk.pool.USD, w.mk.pool.FeeFrac
	h := max(int64(p.Attacker.MaxDailyTrade*float64(X)), 1)
	const tol = 1e-12 // the same sums in another order: rounding only
	check := func(name string, got, want float64) {
		t.Helper()
		if feasible && math.IsInf(want, 0) {
			t.Errorf("%s: infeasible", name)
		}
		if got != want && !(math.Abs(got-want) <= tol*math.Abs(want)) {
			t.Errorf("%s: measured %.10g, by hand %.10g", name, got, want)
		}
	}

	// Stake: more than share s of the stake O of tomorrow's active set
	// (stake bonded today counts from tomorrow): a = floor(sO/(1-s))+1
	// tokens (at least the minimum self-stake), bought over days. With at
	// most max_active (10) operators, all eligible ones are in it.
	var O int64
	o := &w.seq.ops
	for k := range o.n {
		if o.status[k] == opBonded && int(o.jailUntil[k]) <= w.day+1 && o.self[k] >= w.live.minStake {
			O += o.stake(k)
		}
	}
	stake := func(s float64) float64 {
		a := max(int64(math.Floor(s*float64(O)/(1-s)))+1, w.live.minStake)
		return buyOverDays(X, Y, f, a, h)
	}
	check("stake above 1/3", c.route[routeStakeThird], stake(1.0/3))
	check("stake above 1/2", c.route[routeStakeHalf], stake(0.5))
	if r := c.route[routeStakeHalf] / c.route[routeStakeThird]; !(r > 1.9) {
		// a half needs O+1 tokens, a third O/2+1: about twice as many, and
		// more than twice the USD as purchases walk the pool
		t.Errorf("half/third = %v, want about 2 or more", r)
	}

	// Votes: the quorum ceil(qV) and the expected margin against, each
	// times 1+margin, bought over days.
	mu := p.Attacker.Margin
	need := int64(math.Ceil(max((g.expAgainst-g.expFor)*(1+mu), math.Ceil(p.Governance.Quorum*float64(g.votable))*(1+mu), 0)))
	check("buy votes", c.route[routeVoteBuy], buyOverDays(X, Y, f, need, h))

	// Borrow and bribe first buy the proposal threshold, ceil(tV) tokens
	// (the attacker holds none), over days: an attacker must hold it to
	// propose.
	pre := buyOverDays(X, Y, f, int64(math.Ceil(p.Governance.ProposalThreshold*float64(g.votable))), h)

	// Borrow: with a snapshot delay, a one-day term loan at rate_annual,
	// if the market (depth times circulating supply) lends that much.
	price := float64(Y) / protocol.Tokens(X)
	depth := int64(p.Lending.Depth * w.circulating() * protocol.Micro)
	borrow := math.Inf(1)
	if need <= depth {
		borrow = pre + protocol.Tokens(need)*price*p.Lending.RateAnnual/365
	}
	check("borrow votes", c.route[routeVoteBorrow], borrow)

	// Bribe: voters who take bribes, smallest first, each asking its loss
	// per token times its pivot probability min(x/(2T), 1), until the
	// swing (power plus the net vote against it would cast) covers the
	// margin needed and the power the quorum needed; all paid the last
	// one's price. The loss per token is the treasury over the tokens
	// with a claim.
	claim := protocol.Tokens(w.supply0 + w.minted - w.burned - w.tr.tokens - w.rewardPool)
	loss := p.Attacker.DrainShare * (protocol.Tokens(w.tr.tokens)*price + w.tr.usd) / claim
	vs := &g.vs
	var voters []int
	for v := range vs.n {
		if vs.power[v] > 0 && !vs.refuse[v] {
			voters = append(voters, v)
		}
	}
	slices.SortStableFunc(voters, func(a, b int) int { return int(vs.power[a] - vs.power[b]) })
	needSwing := ((g.expAgainst-g.expFor)*(1+mu) - 0) / protocol.Micro
	needPower := float64(g.gov.QuorumVotes(g.votable)) * (1 + mu) / protocol.Micro
	bribe := math.Inf(1)
	var swing, power float64
	for _, v := range voters {
		x := float64(vs.power[v])
		swing += x * (1 + vs.pMal[v]*(1-2*p.Governance.Deception)) / protocol.Micro
		power += x / protocol.Micro
		if swing >= needSwing && power >= needPower {
			bribe = pre + loss*min(x/(2*g.expTurnout), 1)*power
			break
		}
	}
	check("bribe voters", c.route[routeVoteBribe], bribe)

	// The council: 9 of 12 members, each spotting the proposal with
	// probability 0.9, veto it with probability P(Bin(12, 0.9) >= 9) at
	// full authority (day 120 is before its fade starts on day 365).
	var veto float64
	for k := 9; k <= 12; k++ {
		veto += binomial(12, k) * math.Pow(0.9, float64(k)) * math.Pow(0.1, float64(12-k))
	}
	success := 1 - veto // about 0.026
	council := min(c.route[routeVoteBuy], c.route[routeVoteBorrow], c.route[routeVoteBribe]) / success
	check("votes with the council", c.route[routeVoteCouncil], council)

	// The cost to capture is the cheaper of the council's vote route and
	// the stake route at the attacker's own target share (0.5): one
	// threshold.
	check("cost to capture", c.cost, min(council, stake(p.Attacker.SequencerShare)))
	p.Attacker.SequencerShare = 0.4
	check("cost to capture at a 0.4 target", w.capt.costToCapture(), min(council, stake(0.4)))
}

// binomial is n choose k.
func binomial(n, k int) float64 {
	r := 1.0
	for i := 1; i <= k; i++ {
		r = r * float64(n-k+i) / float64(i)
	}
	return r
}

// TestSettleDay works settleDay through small series: the first day whose
// window of values all lie within band times their mean of it.
func TestSettleDay(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		x      []float64
		window int
		band   float64
		want   int
	}{
		// d=2: [0 1 2] mean 1, 0 is 1 away > 0.1; d=3: [1 2 2] mean 5/3,
		// 1 is 2/3 away > 1/6; d=4: [2 2 2.1] mean 2.0333, the farthest
		// 0.0667 away <= 0.2033.
		{"ramp then flat", []float64{0, 1, 2, 2, 2.1, 2}, 3, 0.1, 4},
		{"never within the band", []float64{1, 2, 1, 2, 1, 2}, 3, 0.1, -1},
		{"nothing staked is settled", []float64{0, 0, 0, 0}, 3, 0.1, 2},
		{"shorter than the window", []float64{1, 1}, 3, 0.1, -1},
		{"a window of one day", []float64{5, 0}, 1, 0, 0},
	} {
		// two columns, the ratio in the second
		series := make([]float64, 2*len(tc.x))
		for d, x := range tc.x {
			series[2*d+1] = x
		}
		if got := settleDay(series, 2, 1, tc.window, tc.band); got != tc.want {
			t.Errorf("%s: settled on day %d, want %d", tc.name, got, tc.want)
		}
	}
}

// TestCaptureDaysRead: the outcomes at metrics.capture_days read the
// latest measurement on or before each day (here days 90 and 365,
// measured every 7 days: days 84 and 364), and are empty beyond the
// horizon.
func TestCaptureDaysRead(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Simulation.HorizonDays = 200
	sum, ser, err := runOnce(&p, 11)
	if err != nil {
		t.Fatal(err)
	}
	cols := core().cols
	if got, want := sum[int(cols.oCaptureCostAt[0])], ser[84*numSeries()+int(cols.sCostToCapture)]; got != want {
		t.Errorf("cost on day 90 %v, the day-84 measurement %v", got, want)
	}
	if got := sum[int(cols.oCaptureCostAt[1])]; !math.IsNaN(got) {
		t.Errorf("cost on day 365 of a 200-day run %v, want empty", got)
	}
	if got := sum[int(cols.oCheapestRouteAt[1])]; !math.IsNaN(got) {
		t.Errorf("route on day 365 of a 200-day run %v, want empty", got)
	}
	if got := sum[int(cols.oCheapestRouteAt[0])]; got < float64(stratBuy) || got > float64(stratStake) {
		t.Errorf("route on day 90 %v", got)
	}
}

// TestStakeRouteLooksAtTomorrowsSet: a one-day liveness jail of the largest
// operator (it is out of today's set and back tomorrow, before stake
// bought today counts) leaves the stake routes as they were; a 30-day
// jail (withholding) takes its stake out of them: the route then costs
// what more than half of the others' stake costs.
func TestStakeRouteLooksAtTomorrowsSet(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Attacker.Enabled = false
	w := newWorld(t, &p)
	for w.day < 120 {
		w.Step()
	}
	o := &w.seq.ops
	big, total := -1, int64(0)
	for k := range o.n { // tomorrow's set (as in TestCaptureRoutesWorkedExample)
		if o.status[k] == opBonded && int(o.jailUntil[k]) <= w.day+1 && o.self[k] >= w.live.minStake {
			total += o.stake(k)
			if big < 0 || o.stake(k) > o.stake(big) {
				big = k
			}
		}
	}
	before := w.priceStake(0.5, true)
	o.jailUntil[big] = int32(w.day + 1)
	w.seq.at(w.day).selectActive()
	if o.active[big] {
		t.Fatalf("operator %d jailed until tomorrow is active today", big)
	}
	var today int64
	for _, x := range w.seq.net.actStake {
		today += x
	}
	if today > total-o.stake(big) {
		t.Fatalf("today's set holds %d without the jailed operator, more than the %d of the others", today, total-o.stake(big))
	}
	if got := w.priceStake(0.5, true); got != before {
		t.Errorf("one-day jail: half the stake costs %v, %v before", got.cost, before.cost)
	}
	o.jailUntil[big] = int32(w.day + 30)
	others := total - o.stake(big)
	want := buyOverDays(w.mk.pool.Tokens, w.mk.pool.USD, w.mk.pool.FeeFrac, others+1, max(int64(p.Attacker.MaxDailyTrade*float64(w.mk.pool.Tokens)), 1))
	if got := w.priceStake(0.5, true); got.tokens != others+1 || got.cost != want {
		t.Errorf("30-day jail: half the stake is %d micro-tokens for %v, want %d for %v", got.tokens, got.cost, others+1, want)
	}
}

// TestGatekeeperBlocksVoteRoutes: under a council that decides every
// proposal for the whole run, no malicious proposal can pass, so the vote
// route with the council is infeasible every day (1e15 in its series),
// while the token's own vote routes are priced as ever, and the cost to
// capture is the stake route at the attacker's target share.
func TestGatekeeperBlocksVoteRoutes(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Simulation.HorizonDays = 200 // long enough for positions to settle
	p.Governance.Council.GatekeeperDays = 1 << 20
	p.Attacker.Enabled = false
	sum, ser, err := runOnce(&p, 3)
	if err != nil {
		t.Fatal(err)
	}
	cols := core().cols
	for d := range Steps(&p) {
		row := ser[d*numSeries():]
		if x := row[cols.sCaptureRoute[routeVoteCouncil]]; x != infeasibleUSD {
			t.Fatalf("day %d: vote route with a gatekeeper council %v", d, x)
		}
		if x := row[cols.sCaptureRoute[routeVoteBuy]]; !(x > 0 && x < infeasibleUSD) {
			t.Fatalf("day %d: buying the votes costs %v", d, x)
		}
		if row[cols.sCostToCapture] != row[cols.sCaptureRoute[routeStakeHalf]] {
			t.Fatalf("day %d: cost to capture %v, stake above half %v", d, row[cols.sCostToCapture], row[cols.sCaptureRoute[routeStakeHalf]])
		}
	}
	if got := sum[int(cols.oMinCostRoute)]; got != float64(stratStake) {
		t.Errorf("route of the minimum %v, want stake", got)
	}
}
