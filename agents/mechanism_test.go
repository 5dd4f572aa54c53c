package agents_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/seqsim/seqsim/agents"
	"github.com/seqsim/seqsim/agents/protocol"
)

// siphon is a test mechanism: it takes a share of each day's emission
// before the stakers are paid, sells half of it and burns the rest, and
// reports what it took.
type siphon struct {
	p                    *agents.Param[siphonParams]
	held                 agents.Account
	taken                int64
	takenCol, perDayCol  agents.Column
	minting              agents.Minting
	exchange             agents.Exchange
	ledger               agents.Ledger
	sawEmission, lateNil bool
}

type siphonParams struct {
	Share float64 `toml:"share" unit:"fraction" doc:"share of each day's emission taken"`
}

func (s *siphon) Declare(m *agents.Model) error {
	s.p = agents.Section(m, "siphon", "takes a share of emission", siphonParams{Share: 0})
	s.held = m.Tokens("siphon")
	s.perDayCol = m.Series(agents.Metric{Name: "siphoned", Unit: "tokens", Doc: "taken that day"})
	s.takenCol = m.Outcome(agents.Metric{Name: "siphoned_total", Unit: "tokens", Doc: "taken over the run"})
	s.minting, s.exchange, s.ledger = m.Minting(), m.Exchange(), m.Ledger()
	var today int64
	m.Reset(func(*rand.Rand) error { s.taken, today = 0, 0; return nil })
	m.Phase(agents.SlotSchedules, "siphon", func(int) {
		today = s.minting.Take(s.held, s.p.Value().Share)
		s.taken += today
		half := today / 2
		if half > 0 {
			s.exchange.Sell(s.held, half)
		}
		s.ledger.Burn(s.held, s.held.Balance())
	})
	m.Phase(agents.SlotSignals, "late", func(int) {
		// After the rewards are paid, nothing is left to take.
		if s.minting.Today() > 0 {
			s.sawEmission = true
		}
		if s.minting.Take(s.held, 1) != 0 {
			s.lateNil = true
		}
	})
	m.Record(func(row []float64) { row[s.perDayCol] = protocol.Tokens(today) })
	m.Summarise(func(out []float64) { out[s.takenCol] = protocol.Tokens(s.taken) })
	return nil
}

func withSiphon(t *testing.T, p agents.Params, share float64) agents.Params {
	t.Helper()
	info, err := agents.Describe(func() agents.Mechanism { return &siphon{} })
	if err != nil {
		t.Fatal(err)
	}
	p.Sections = p.Sections.With(info, &siphonParams{Share: share})
	return p
}

// runOnce runs p once with seed and returns its outcomes and series and
// their column names.
func runOnce(t *testing.T, p *agents.Params, seed uint64) (out, series []float64, outNames, seriesNames []string) {
	t.Helper()
	oc, err := agents.OutcomeColumns(p)
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := agents.SeriesColumns(p)
	out = make([]float64, len(oc))
	series = make([]float64, agents.Steps(p)*len(sc))
	sim := agents.NewSim(func(int) *agents.Params { return p })
	if err := sim.Run(0, 0, rand.New(rand.NewPCG(seed, 7)), out, series); err != nil {
		t.Fatal(err)
	}
	for _, m := range oc {
		outNames = append(outNames, m.Name)
	}
	for _, m := range sc {
		seriesNames = append(seriesNames, m.Name)
	}
	return out, series, outNames, seriesNames
}

func col(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

// A mechanism that takes all of the emission takes exactly what was
// minted (conservation is checked every day by the model itself), and its
// columns follow the built-in ones.
func TestMechanismTakesAllEmission(t *testing.T) {
	t.Parallel()
	p := agents.DefaultParams()
	p.Simulation.HorizonDays = 400
	p.Emission.Kind = protocol.EmissionConstant // 2% a year of the supply
	p = withSiphon(t, p, 1)
	out, series, on, sn := runOnce(t, &p, 3)
	core := len(agents.OutcomeMetrics())
	if got := col(on, "siphoned_total"); got != core {
		t.Fatalf("siphoned_total at column %d, want %d (after the built-in outcomes)", got, core)
	}
	if got := col(sn, "siphoned"); got != len(agents.SeriesMetrics()) {
		t.Fatalf("siphoned at series column %d", got)
	}
	emitted, taken := out[col(on, "total_emitted")], out[col(on, "siphoned_total")]
	if emitted <= 0 || taken != emitted {
		t.Fatalf("took %v tokens of %v emitted, want all", taken, emitted)
	}
	// The last day's series value is that day's take: emission is
	// continuous at 2% a year of a 10B supply.
	w := len(sn)
	last := series[(agents.Steps(&p)-1)*w+col(sn, "siphoned")]
	if last < 1e5 || last > 1e6 {
		t.Fatalf("last day's take %v tokens, want about 2%% x 10B / 365 = 5.5e5", last)
	}
}

// A mechanism turned on but doing nothing leaves every built-in value bit
// for bit: its stream is seeded after the built-in ones and its phases
// touch nothing.
func TestIdleMechanismChangesNothing(t *testing.T) {
	t.Parallel()
	base := agents.DefaultParams()
	base.Simulation.HorizonDays = 200
	with := withSiphon(t, base, 0)
	a, as, _, _ := runOnce(t, &base, 11)
	b, bs, _, bsn := runOnce(t, &with, 11)
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			t.Fatalf("outcome %d: %v without the mechanism, %v with it", i, a[i], b[i])
		}
	}
	wa, wb := len(agents.SeriesMetrics()), len(bsn)
	for d := range agents.Steps(&base) {
		for j := range wa {
			if math.Float64bits(as[d*wa+j]) != math.Float64bits(bs[d*wb+j]) {
				t.Fatalf("day %d series %d differs", d, j)
			}
		}
	}
}

// Take after the rewards are paid returns nothing; Today still reads the
// day's emission.
func TestTakeOnlyBeforeRewards(t *testing.T) {
	t.Parallel()
	p := agents.DefaultParams()
	p.Simulation.HorizonDays = 60
	var made *siphon
	info, err := agents.Describe(func() agents.Mechanism { made = &siphon{}; return made })
	if err != nil {
		t.Fatal(err)
	}
	p.Sections = p.Sections.With(info, &siphonParams{Share: 0.5})
	runOnce(t, &p, 5)
	if !made.sawEmission || made.lateNil {
		t.Fatalf("late phase: saw emission %v, took after the rewards %v", made.sawEmission, made.lateNil)
	}
}

// Mechanisms that declare badly are refused with their key.
func TestDescribeRefusesBadDeclarations(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		m    agents.Mechanism
		want string
	}{
		{"no section", declareFunc(func(*agents.Model) error { return nil }), "declares no section"},
		{"two sections", declareFunc(func(m *agents.Model) error {
			agents.Section(m, "one", "", siphonParams{})
			agents.Section(m, "two", "", siphonParams{})
			return nil
		}), `mechanism "one" declares a second section "two"`},
		{"bad key", declareFunc(func(m *agents.Model) error { agents.Section(m, "Bad-Key", "", siphonParams{}); return nil }), `section key "Bad-Key"`},
		{"not a struct", declareFunc(func(m *agents.Model) error { agents.Section(m, "n", "", 1.5); return nil }), "want a struct"},
	} {
		_, err := agents.Describe(func() agents.Mechanism { return tc.m })
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to say %q", tc.name, err, tc.want)
		}
	}
}

type declareFunc func(*agents.Model) error

func (f declareFunc) Declare(m *agents.Model) error { return f(m) }
