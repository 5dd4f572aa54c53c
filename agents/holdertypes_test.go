package agents

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestHolderTypeIndexes: a holder type added to the table in Go gets the
// next index; each agent of its allocation keeps that index and draws its
// behaviour from it, and the grants type's agents are still the grantees.
func TestHolderTypeIndexes(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	mm := Behaviour{SellProbability: constDist(0.25), SellFraction: constDist(0.5), ReservationYield: constDist(10)}
	p.Holders = p.Holders.With("market_maker", mm)
	v, _ := p.Governance.Voters.Get("investor")
	p.Governance.Voters = p.Governance.Voters.With("market_maker", v)
	p.Allocations[5].Holder = "market_maker" // the foundation's 5 agents, the last ones
	var w World
	if err := w.Reset(&p, rand.New(rand.NewPCG(1, 2))); err != nil {
		t.Fatal(err)
	}
	n := w.h.len()
	const want = 6 // after the six built-in types
	for i := n - 5; i < n; i++ {
		if w.h.kind[i] != want || w.h.sellProb[i] != 0.25 || w.h.sellFrac[i] != 0.5 || w.h.resYield[i] != 10 {
			t.Errorf("agent %d: type %d, sells %g of its tokens with probability %g, reservation yield %g; want type %d, 0.5, 0.25, 10",
				i, w.h.kind[i], w.h.sellFrac[i], w.h.sellProb[i], w.h.resYield[i], want)
		}
	}
	// airdrop_daos (20 agents of type grants) follow 40 team, 60 investor
	// and 300 airdrop agents.
	if g := w.gov.grantees; len(g) != 20 || g[0] != 400 || g[19] != 419 {
		t.Errorf("grantees %v, want agents 400-419", g)
	}
}

// TestHolderTypeResetErrors: parameters built in Go without validation
// that name an undefined type, or a type without its voting behaviour, are
// refused by Reset with the names at fault.
func TestHolderTypeResetErrors(t *testing.T) {
	t.Parallel()
	p := DefaultParams()
	p.Allocations[1].Holder = "nosuch"
	var w World
	err := w.Reset(&p, rand.New(rand.NewPCG(1, 2)))
	if err == nil || !strings.Contains(err.Error(), `allocation "team": no holder type "nosuch" (defined: team, investor, airdrop, public_sale, grants, foundation)`) {
		t.Errorf("undefined type: %v", err)
	}
	p = DefaultParams()
	b, _ := p.Holders.Get("team")
	p.Holders = p.Holders.With("mm", b)
	err = w.Reset(&p, rand.New(rand.NewPCG(1, 2)))
	if err == nil || !strings.Contains(err.Error(), `holder type "mm" has no voting behaviour (governance.voters.mm)`) {
		t.Errorf("type without voters: %v", err)
	}
}
