package agents_test

import (
	"fmt"
	"log"
	"math/rand/v2"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/agents/protocol"
)

// EmissionBurn is the parameter section of a mechanism that burns a share
// of each day's emission before the stakers are paid.
type EmissionBurn struct {
	Share float64 `toml:"share" unit:"fraction" range:"[0,1]" doc:"share of each day's emission burned"`
}

type emissionBurn struct {
	p       *agents.Param[EmissionBurn]
	held    agents.Account
	total   int64
	burnCol agents.Column
}

func (b *emissionBurn) Declare(m *agents.Model) error {
	b.p = agents.Section(m, "emission_burn", "burns a share of emission", EmissionBurn{Share: 0.25})
	b.held = m.Tokens("emission burn")
	b.burnCol = m.Outcome(agents.Metric{Name: "emission_burned", Unit: "tokens", Doc: "emission burned over the run"})
	minting, ledger := m.Minting(), m.Ledger()
	m.Reset(func(*rand.Rand) error { b.total = 0; return nil })
	m.Phase(agents.SlotSchedules, "emission burn", func(int) {
		n := minting.Take(b.held, b.p.Value().Share)
		ledger.Burn(b.held, n)
		b.total += n
	})
	m.Summarise(func(out []float64) { out[b.burnCol] = protocol.Tokens(b.total) })
	return nil
}

// A mechanism plugged into the token model: its section is set on the
// parameters (experiments.Load does it from a [emission_burn] table), its
// outcome follows the built-in ones, and the model checks every day that
// the tokens it burns were minted.
func ExampleMechanism() {
	info, err := agents.Describe(func() agents.Mechanism { return &emissionBurn{} })
	if err != nil {
		log.Fatal(err)
	}
	p := agents.DefaultParams()
	p.Simulation.HorizonDays = 365
	p.Sections = p.Sections.With(info, &EmissionBurn{Share: 0.25})

	outcomes, _ := agents.OutcomeColumns(&p)
	series, _ := agents.SeriesColumns(&p)
	out := make([]float64, len(outcomes))
	sim := agents.NewSim(func(int) *agents.Params { return &p })
	if err := sim.Run(0, 0, rand.New(rand.NewPCG(1, 2)), out, make([]float64, agents.Steps(&p)*len(series))); err != nil {
		log.Fatal(err)
	}
	col := func(name string) float64 {
		for i, m := range outcomes {
			if m.Name == name {
				return out[i]
			}
		}
		return 0
	}
	fmt.Println("last outcome:", outcomes[len(outcomes)-1].Name)
	fmt.Printf("burned %.1f%% of the emission\n", 100*col("emission_burned")/col("total_emitted"))
	// Output:
	// last outcome: emission_burned
	// burned 25.0% of the emission
}
