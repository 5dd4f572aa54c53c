package agents

import (
	"math"
	"strconv"
)

// A route is one way to capture the protocol, priced at every measurement
// for a fresh attacker (holding nothing, budget aside): the columns of the
// capture_cost_* series, in order.
type route uint8

const (
	routeStakeThird  route = iota // buy and bond more than 1/3 of the active stake (can halt)
	routeStakeHalf                // more than 1/2 (controls ordering)
	routeVoteBuy                  // buy the votes of a malicious drain proposal (the council aside)
	routeVoteBorrow               // borrow them (the council aside)
	routeVoteBribe                // bribe voters for them (the council aside)
	routeVoteCouncil              // the cheapest of the three over its chance of surviving the council
	numRoutes
)

// numCaptureDays is the length of metrics.capture_days: the outcomes'
// columns are fixed when the model is built, so the number of days is too.
const numCaptureDays = 2

// infeasibleUSD stands in the capture_cost_* series for a route that
// cannot be carried out (the lending market or the willing voters too
// few, a gatekeeper council): series must be finite, and a value above
// every feasible cost keeps the quantiles in order (P(cost > x) reads
// true). It is the ceiling of attacker.sequencer_value_usd.
const infeasibleUSD = 1e15

// captureMeter measures the cost to capture the protocol, route by route,
// at every governance measurement, and reports it: a component of the
// built-in model (model.go wires it). It owns what the measurements of a
// run found; the prices of the routes it asks of the rest of the model
// through capturePrices (shared_capture.go), which capture_prices.go implements
// on the World.
type captureMeter struct {
	p      *Params       // this run's parameters (read-only)
	prices capturePrices // the price of each route (the World)

	route    [numRoutes]float64 // the last measurement of each route, USD (+Inf: infeasible)
	cost     float64            // the cheapest expected cost (costToCapture)
	cheapest strategy           // its route
	// at holds, for each of metrics.capture_days, the latest measurement
	// on or before it (day -1: none yet).
	at [numCaptureDays]captureMeasure
	// meas is every measurement of the run in order, for the minimum after
	// positions settle (found in summarise from the staking ratio); its
	// capacity is kept between runs.
	meas []captureMeasure
}

// captureMeasure is one measurement: its day, the cheapest expected cost
// and its route, and the cheapest vote route without the council.
type captureMeasure struct {
	day      int
	cheapest strategy
	cost     float64
	voteOwn  float64
}

// reset starts a run of p, pricing routes with prices.
func (c *captureMeter) reset(p *Params, prices capturePrices) {
	c.p, c.prices = p, prices
	c.meas = c.meas[:0]
	c.cost, c.cheapest = 0, stratNone
	for i := range c.route {
		c.route[i] = 0
	}
	for i := range c.at {
		c.at[i] = captureMeasure{day: -1}
	}
}

// measure prices every route on day (at each governance measurement) and
// keeps what the outcomes need.
func (c *captureMeter) measure(day int) {
	c.cost = c.costToCapture()
	own := min(c.route[routeVoteBuy], c.route[routeVoteBorrow], c.route[routeVoteBribe])
	m := captureMeasure{day: day, cheapest: c.cheapest, cost: c.cost, voteOwn: own}
	c.meas = append(c.meas, m)
	for i, d := range c.p.Metrics.CaptureDays[:numCaptureDays] {
		if day <= d {
			c.at[i] = m
		}
	}
}

// costToCapture prices every route for a fresh attacker (holding
// nothing), budget aside, into c.route, and returns the cheapest
// expected cost of a capture (its route in c.cheapest): buying,
// borrowing or bribing the votes of a malicious drain proposal, each over
// its chance of surviving the council (a blocked route does not count), or
// buying and bonding more than attacker.sequencer_share of the active
// stake, the share the attacker's stake strategy aims at: one threshold
// for the attack and its measure.
func (c *captureMeter) costToCapture() float64 {
	best := math.Inf(1)
	c.cheapest = stratNone
	for i, s := range [...]strategy{stratBuy, stratBorrow, stratBribe} {
		q := c.prices.priceVote(s, propDrain, 0, math.Inf(1))
		c.route[routeVoteBuy+route(i)] = math.Inf(1)
		if !q.ok {
			continue
		}
		c.route[routeVoteBuy+route(i)] = q.cost
		if q.success > 0 {
			if x := q.cost / q.success; x < best {
				best, c.cheapest = x, s
			}
		}
	}
	c.route[routeVoteCouncil] = best
	c.route[routeStakeThird] = c.stakeRouteCost(1.0 / 3)
	c.route[routeStakeHalf] = c.stakeRouteCost(0.5)
	if x := c.stakeRouteCost(c.p.Attacker.SequencerShare); x < best {
		best, c.cheapest = x, stratStake
	}
	return best
}

// stakeRouteCost is the cost for a fresh attacker of holding more than
// share of the active stake (+Inf: the pool cannot supply it).
func (c *captureMeter) stakeRouteCost(share float64) float64 {
	if q := c.prices.priceStake(share, true); q.ok {
		return q.cost
	}
	return math.Inf(1)
}

// record writes today's cost to capture, route by route.
func (c *captureMeter) record(row []float64, col *columns) {
	row[col.sCostToCapture] = min(c.cost, infeasibleUSD)
	for i, x := range c.route {
		row[col.sCaptureRoute[i]] = min(x, infeasibleUSD)
	}
}

// summarise fills the capture cost's outcomes on the last day, lastDay;
// settled is the day positions settled (settledDay; -1: never), from
// which the minima are taken.
func (c *captureMeter) summarise(out []float64, col *columns, lastDay, settled int) {
	for i, m := range c.at {
		cost, code := math.NaN(), math.NaN()
		if m.day >= 0 && c.p.Metrics.CaptureDays[i] <= lastDay {
			cost, code = finiteOrNaN(m.cost), float64(m.cheapest)
		}
		out[col.oCaptureCostAt[i]], out[col.oCheapestRouteAt[i]] = cost, code
	}
	out[col.oSettledDay], out[col.oMinCostToCapture], out[col.oMinCostRoute], out[col.oMinVoteOwn] = math.NaN(), math.NaN(), math.NaN(), math.NaN()
	if settled >= 0 {
		out[col.oSettledDay] = float64(settled)
		minCost, route, minOwn := math.Inf(1), stratNone, math.Inf(1)
		for _, m := range c.meas {
			if m.day < settled {
				continue
			}
			if m.cost < minCost {
				minCost, route = m.cost, m.cheapest
			}
			minOwn = min(minOwn, m.voteOwn)
		}
		if !math.IsInf(minCost, 1) {
			out[col.oMinCostToCapture], out[col.oMinCostRoute] = minCost, float64(route)
		}
		out[col.oMinVoteOwn] = finiteOrNaN(minOwn)
	}
}

// declareCaptureMetrics declares the capture meter's metrics, which it
// writes (record, summarise).
func declareCaptureMetrics(d *coreDecls, c *columns) {
	d.Series(&c.sCostToCapture, Metric{Name: "cost_to_capture_usd", Unit: "USD", Doc: "executable (purchases walk the pool over the days the attacker trades), for a fresh attacker: cheapest expected cost of a capture: buying, borrowing or bribing the votes of a malicious proposal (over its chance of surviving the council), or buying more than attacker.sequencer_share of the active stake (measured every governance.measure_every_days; 1e15 when no route is feasible)", Chart: true, Section: "capture"})
	for i, r := range [numRoutes]struct{ name, doc string }{
		{"capture_cost_stake_third_usd", "buying and bonding more than 1/3 of the active stake (can halt a BFT set)"},
		{"capture_cost_stake_half_usd", "buying and bonding more than 1/2 of the active stake (controls ordering)"},
		{"capture_cost_vote_buy_usd", "buying the votes that pass a malicious proposal, the council aside: the token's own cost"},
		{"capture_cost_vote_borrow_usd", "borrowing those votes (interest or flash-loan fee), the council aside"},
		{"capture_cost_vote_bribe_usd", "bribing voters for those votes, the council aside"},
		{"capture_cost_vote_council_usd", "the cheapest of the three vote routes over its chance of surviving the council's veto"},
	} {
		d.Series(&c.sCaptureRoute[i], Metric{Name: r.name, Unit: "USD", Doc: "executable, for a fresh attacker: " + r.doc + " (measured every governance.measure_every_days; 1e15 when infeasible)", Chart: true, Section: "capture"})
	}
	for i, when := range [numCaptureDays]string{"early", "late"} {
		d.Outcome(&c.oCaptureCostAt[i], Metric{Name: "cost_to_capture_" + when + "_usd", Unit: "USD", Doc: "executable: cost_to_capture_usd on day metrics.capture_days[" + strconv.Itoa(i) + "] (empty when the run is shorter or no route is feasible)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "capture"})
		d.Outcome(&c.oCheapestRouteAt[i], Metric{Name: "cheapest_route_" + when, Unit: "code", Doc: "the cheapest capture on day metrics.capture_days[" + strconv.Itoa(i) + "]: 1 buy votes, 2 borrow votes, 3 bribe voters, 4 buy more than attacker.sequencer_share of the active stake (0 none feasible; empty when the run is shorter)", MayBeEmpty: true, Section: "capture"})
	}
	d.Outcome(&c.oSettledDay, Metric{Name: "positions_settled_day", Unit: "day", Doc: "first day the staking ratio had stayed within metrics.settle_band of its mean over the metrics.settle_window_days up to it (empty when it never did)", MayBeEmpty: true, Section: "capture"})
	d.Outcome(&c.oMinCostToCapture, Metric{Name: "min_cost_to_capture_usd", Unit: "USD", Doc: "executable: lowest cost_to_capture_usd over the measurements from positions_settled_day on (empty when positions never settled)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "capture"})
	d.Outcome(&c.oMinCostRoute, Metric{Name: "min_cost_route", Unit: "code", Doc: "the route of min_cost_to_capture_usd (codes as cheapest_route_early)", MayBeEmpty: true, Section: "capture"})
	d.Outcome(&c.oMinVoteOwn, Metric{Name: "min_vote_cost_no_council_usd", Unit: "USD", Doc: "executable: lowest cost of passing a malicious proposal by buying, borrowing or bribing its votes, the council aside (the token's own cost), over the measurements from positions_settled_day on (empty when positions never settled or no vote route was feasible)", MayBeEmpty: true, Chart: true, LowerTail: true, Section: "capture"})
}
