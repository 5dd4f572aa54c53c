package agents_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/agents/protocol"
)

// dividend pays half of each day's emission to the agents of one holder
// type, equally, through the holder table; the remainder of the division
// stays in its account.
type dividend struct {
	held              agents.Account
	taken, paid       int64
	agentsOfType      int
	takenCol, paidCol agents.Column
}

func (d *dividend) Declare(m *agents.Model) error {
	p := agents.Section(m, "dividend", "pays emission to one holder type", struct {
		Type string `toml:"type" doc:"the holder type paid"`
	}{Type: "airdrop"})
	d.held = m.Tokens("dividend")
	d.takenCol = m.Outcome(agents.Metric{Name: "dividend_taken", Unit: "tokens"})
	d.paidCol = m.Outcome(agents.Metric{Name: "dividend_paid", Unit: "tokens"})
	hs, minting := m.Holders(), m.Minting()
	m.Reset(func(*rand.Rand) error {
		d.taken, d.paid, d.agentsOfType = 0, 0, 0
		for i := range hs.Len() {
			if hs.Type(i) == p.Value().Type {
				d.agentsOfType++
			}
		}
		return nil
	})
	m.Phase(agents.SlotSchedules, "dividend", func(int) {
		d.taken += minting.Take(d.held, 0.5)
		if d.agentsOfType == 0 {
			return
		}
		each := d.held.Balance() / int64(d.agentsOfType)
		for i := range hs.Len() {
			if each > 0 && hs.Type(i) == p.Value().Type {
				hs.Credit(i, d.held, each)
				d.paid += each
			}
		}
	})
	m.Summarise(func(out []float64) {
		out[d.takenCol], out[d.paidCol] = protocol.Tokens(d.taken), protocol.Tokens(d.paid)
	})
	return nil
}

// Tokens credited to agents through the holder table keep the totals: the
// daily conservation check and the end-of-run per-agent recount pass, and
// what was paid plus what is left equals what was taken.
func TestHolderTableCredit(t *testing.T) {
	t.Parallel()
	var made *dividend
	info, err := agents.Describe(func() agents.Mechanism { made = &dividend{}; return made })
	if err != nil {
		t.Fatal(err)
	}
	p := agents.DefaultParams()
	p.Simulation.HorizonDays = 200
	p.Sections = p.Sections.With(info, info.Defaults)
	out, _, on, _ := runOnce(t, &p, 2)
	taken, paid := out[col(on, "dividend_taken")], out[col(on, "dividend_paid")]
	if !(paid > 0) || made.agentsOfType == 0 {
		t.Fatalf("paid %v tokens to %d agents", paid, made.agentsOfType)
	}
	left := made.held.Balance() // the last day's remainder of the division
	if made.taken != made.paid+left || left >= int64(made.agentsOfType) || taken != protocol.Tokens(made.taken) || paid != protocol.Tokens(made.paid) {
		t.Fatalf("taken %v, paid %v, left %d micro-tokens (want fewer than the %d agents)", taken, paid, left, made.agentsOfType)
	}
}

// Taking more than an agent holds is a bug in the mechanism: it panics.
func TestHolderTableDebitRefusesOverdraft(t *testing.T) {
	t.Parallel()
	info, err := agents.Describe(func() agents.Mechanism {
		return declareFunc(func(m *agents.Model) error {
			agents.Section(m, "thief", "", struct{}{})
			acct, hs := m.Tokens("thief"), m.Holders()
			m.Phase(agents.SlotSignals, "steal", func(int) { hs.Debit(0, acct, hs.Liquid()[0]+1) })
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	p := agents.DefaultParams()
	p.Simulation.HorizonDays = 5
	p.Sections = p.Sections.With(info, info.Defaults)
	defer func() {
		if msg, _ := recover().(string); !strings.Contains(msg, "takes") {
			t.Fatalf("recovered %q", msg)
		}
	}()
	runOnce(t, &p, 1)
	t.Fatal("an overdraft passed")
}
