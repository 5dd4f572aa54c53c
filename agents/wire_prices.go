package agents

// The wiring of the route prices: the World hands the component the run's
// parameters and itself (pricesEnv) at reset, and the attacker, the
// capture meter and governance's bribes reach it through these methods
// (internal/archtest allows calls of a component's methods only from
// model.go and wire_*.go).

import "github.com/seqsim/seqsim/agents/protocol"

// The capture meter prices its routes on the component itself (its
// capturePrices); the attacker through the World.
var _ capturePrices = (*routePrices)(nil)

func (w *World) resetPrices() { w.prices.reset(w, w.p) }

func (w *World) priceVote(s strategy, kind propKind, own int64, budget float64) quote {
	return w.prices.priceVote(s, kind, own, budget)
}
func (w *World) priceStake(share float64, fresh bool) quote { return w.prices.priceStake(share, fresh) }
func (w *World) payoff(kind propKind) float64               { return w.prices.payoff(kind) }
func (w *World) dailySlice() int64                          { return w.prices.dailySlice() }
func (w *World) lossPerToken(kind propKind) float64         { return w.prices.lossPerToken(kind) }
func (w *World) lending() protocol.LendingMarket            { return w.prices.market() }
