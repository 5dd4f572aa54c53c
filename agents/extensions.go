package agents

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// extension is a mechanism built into a World: what it declared.
type extension struct {
	mech                 Mechanism
	key, doc             string
	defaults             any // *T
	bind                 func(any)
	series, outcomes     []Metric
	seriesAt, outcomesAt int // the columns of its first series and outcome
	accounts             []namedAccount
	usd                  []namedUSD
	index                int // its place in the World's list
	phases               []extPhase
	resets               []func(*rand.Rand) error
	record, summarise    func([]float64)
	pcg                  rand.PCG
	rng                  *rand.Rand
}

type extPhase struct {
	slot Slot
	name string
	run  func(day int)
}

// namedAccount is a ledger account with its name for messages.
type namedAccount struct {
	name string
	bal  *int64
}

// declare builds a mechanism and reads its declarations; w is nil when
// only the declarations are wanted.
func declare(build NewMechanism, w *World, seriesAt, outcomesAt, index int) (*extension, error) {
	e := &extension{mech: build(), seriesAt: seriesAt, outcomesAt: outcomesAt, index: index}
	m := &Model{w: w, ext: e}
	if err := e.mech.Declare(m); err != nil {
		m.errs = append(m.errs, err)
	}
	if e.key == "" && len(m.errs) == 0 {
		m.errorf("agents: a mechanism of type %T declares no section", e.mech)
	}
	if err := errMechanism(e.key, m.errs); err != nil {
		return nil, err
	}
	return e, nil
}

// buildMechanisms makes the World's mechanisms those of p's sections, and
// binds each to its section of p. A worker builds them once: the points
// of an experiment turn on the same mechanisms.
func (w *World) buildMechanisms(p *Params) error {
	if !w.built || !slices.Equal(w.extKeys, p.Sections.Keys()) {
		w.built = true
		w.accounts = w.coreAccounts()
		w.usd.accounts = w.coreUSD()
		w.exts, w.extKeys = nil, p.Sections.Keys()
		for i := range w.phases {
			w.phases[i] = nil
		}
		w.col = core().cols
		w.width, w.outcomes = numSeries(), numOutcomes()
		for _, s := range p.Sections.list {
			e, err := declare(s.build, w, w.width, w.outcomes, len(w.exts))
			if err != nil {
				w.built = false
				return err
			}
			if e.key != s.key {
				w.built = false
				return fmt.Errorf("agents: the mechanism of section %q declares %q", s.key, e.key)
			}
			e.rng = rand.New(&e.pcg)
			for _, ph := range e.phases {
				w.phases[ph.slot] = append(w.phases[ph.slot], ph.run)
			}
			w.accounts = append(w.accounts, e.accounts...)
			w.usd.accounts = append(w.usd.accounts, e.usd...)
			w.width += len(e.series)
			w.outcomes += len(e.outcomes)
			w.exts = append(w.exts, e)
		}
		w.usd.flows = make([]float64, int(numCoreFlows)+len(w.exts))
	}
	for i, e := range w.exts {
		e.bind(p.Sections.list[i].value)
	}
	return nil
}

// resetMechanisms empties the mechanisms' accounts, seeds their streams
// from r (after the built-in streams) and runs their resets.
func (w *World) resetMechanisms(r *rand.Rand) error {
	for _, e := range w.exts {
		for _, a := range e.accounts {
			*a.bal = 0
		}
		for _, a := range e.usd {
			*a.bal = 0
		}
		e.pcg.Seed(r.Uint64(), r.Uint64())
		for _, reset := range e.resets {
			if err := reset(e.rng); err != nil {
				return fmt.Errorf("agents: %s: %w", e.key, err)
			}
		}
	}
	return nil
}

// recordMechanisms writes the mechanisms' series into the day's row.
func (w *World) recordMechanisms(row []float64) {
	for _, e := range w.exts {
		if e.record != nil {
			e.record(row)
		}
	}
}

// summariseMechanisms writes the mechanisms' outcomes.
func (w *World) summariseMechanisms(out []float64) {
	for _, e := range w.exts {
		if e.summarise != nil {
			e.summarise(out)
		}
	}
}
