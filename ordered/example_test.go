package ordered_test

import (
	"fmt"

	"github.com/seqsim/seqsim/ordered"
)

// A table of holder types: the defaults, a changed entry and a new one.
// With returns a new table, so the defaults are not written through.
func ExampleTable() {
	type behaviour struct{ SellProbability float64 }
	defaults := ordered.New(
		ordered.Entry[behaviour]{Key: "team", Doc: "team and advisors", Value: behaviour{0.02}},
		ordered.Entry[behaviour]{Key: "investor", Doc: "private-round investors", Value: behaviour{0.05}},
	)
	mm, _ := defaults.Get("investor") // a market maker starts as a copy of the investor
	mm.SellProbability = 0
	t := defaults.With("team", behaviour{0.1}).With("market_maker", mm)
	for key, b := range t.All() {
		fmt.Println(key, b.SellProbability)
	}
	fmt.Println(defaults.Len(), "defaults; team's doc:", t.Doc(t.Index("team")))
	// Output:
	// team 0.1
	// investor 0.05
	// market_maker 0
	// 2 defaults; team's doc: team and advisors
}
