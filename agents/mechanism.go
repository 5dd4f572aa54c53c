package agents

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"regexp"
)

// A Mechanism is an optional part of the token model, added without
// editing the model: a liquidity-mining programme, a revenue stream, a
// buyback. It is built once per worker and declared once: in Declare it
// names its parameter section ([Section]), and registers its metrics, its
// token accounts, its daily phases and what it does at the start of a run.
// Its state lives in the value itself, so nothing is shared between
// workers; it reaches the rest of the model only through the [Exchange],
// [Minting], [HolderTable] and [Ledger] interfaces that m hands out.
//
// An experiment turns a mechanism on by naming its section
// ([liquidity_mining], say), in the file or in a --set path; experiments
// that do not name it run without it and keep their bytes.
type Mechanism interface {
	Declare(m *Model) error
}

// NewMechanism builds a fresh mechanism: one per worker, and one to read
// its declarations (its section, metrics) when an experiment is loaded.
type NewMechanism func() Mechanism

// Model is the token model as a mechanism sees it while it declares
// itself. Its registration calls fix the mechanism's place in the model;
// the handles they return are valid for the life of the mechanism.
type Model struct {
	w    *World // nil while the model is only read (sections, metrics)
	ext  *extension
	errs []error
}

// Slot is the point of the day after which a phase runs. Phases of the
// same slot run in the order their mechanisms were declared, after the
// built-in work of the slot (model.go lists it).
type Slot uint8

// The slots of a day, in order (DESIGN.md, "The step").
const (
	SlotSchedules  Slot = iota // after emission is minted and vesting releases
	SlotDemand                 // after fee revenue and outside value move
	SlotSequencing             // after offences, the active set, batches and verification
	SlotRewards                // after fees and emission are paid to stakers
	SlotTrade                  // after holders trade, the treasury pays and arbitrage closes; cooldowns end
	SlotDayEnd                 // after operators sell earnings, exit or enter
	SlotGovernance             // after proposals, votes and the attacker
	SlotSignals                // after the staking signal for tomorrow; the conservation check follows
	numSlots
)

// Column is the index of a metric in a recorded step (a series) or in a
// run's summary (an outcome), fixed when the mechanism is declared.
type Column int

// Account is a token balance the ledger knows, in micro-tokens (1e-6
// token; agents/protocol). Every account a mechanism declares is counted
// by the daily conservation check.
type Account struct{ bal *int64 }

// Balance is the account's balance in micro-tokens.
func (a Account) Balance() int64 { return *a.bal }

// USDAccount is a USD balance the ledger knows.
type USDAccount struct{ bal *float64 }

// Balance is the account's balance in USD.
func (a USDAccount) Balance() float64 { return *a.bal }

var sectionKey = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// Section declares the mechanism's parameter section: the TOML table key
// and its defaults. T is a struct whose fields carry toml, unit and doc
// tags, and range tags for their bounds (range:"[0,1]"); a method
// Validate(*field.Checker) on *T checks what the tags cannot
// (experiments/field). Both run when an experiment is loaded, with the
// section's key before each field's in the messages. The handle's Value is this run's parameters: the
// defaults overlaid with the experiment's table.
//
// A mechanism declares exactly one section, before its other
// declarations; its key names the mechanism in messages.
func Section[T any](m *Model, key, doc string, defaults T) *Param[T] {
	if m.ext.key != "" {
		m.errorf("agents: mechanism %q declares a second section %q", m.ext.key, key)
		return &Param[T]{}
	}
	if !sectionKey.MatchString(key) {
		m.errorf("agents: section key %q: want lower-case letters, digits and _", key)
	}
	if reflect.TypeFor[T]().Kind() != reflect.Struct {
		m.errorf("agents: section %q: defaults of type %T, want a struct", key, defaults)
	}
	d := defaults
	m.ext.key, m.ext.doc, m.ext.defaults = key, doc, &d
	p := &Param[T]{}
	m.ext.bind = func(v any) { p.v = v.(*T) }
	return p
}

// Param is the handle of a mechanism's parameter section.
type Param[T any] struct{ v *T }

// Value is this run's parameters. Read-only: the same value is shared by
// the workers.
func (p *Param[T]) Value() *T { return p.v }

// Series registers a metric recorded every day (a column of series.csv
// and a fan chart when Chart is set); Record writes it.
func (m *Model) Series(metric Metric) Column {
	m.ext.series = append(m.ext.series, metric)
	return Column(m.ext.seriesAt + len(m.ext.series) - 1)
}

// Outcome registers a per-run outcome (a column of runs.csv); Summarise
// writes it.
func (m *Model) Outcome(metric Metric) Column {
	m.ext.outcomes = append(m.ext.outcomes, metric)
	return Column(m.ext.outcomesAt + len(m.ext.outcomes) - 1)
}

// Tokens declares a token account of the mechanism, empty at the start of
// every run. Tokens enter and leave it only through the shared interfaces.
func (m *Model) Tokens(name string) Account {
	b := new(int64)
	m.ext.accounts = append(m.ext.accounts, namedAccount{name: name, bal: b})
	return Account{bal: b}
}

// USD declares a USD account of the mechanism, empty at the start of
// every run. Dollars enter and leave it only through the Ledger, and the
// daily USD check counts it.
func (m *Model) USD(name string) USDAccount {
	b := new(float64)
	m.ext.usd = append(m.ext.usd, namedUSD{name: name, bal: b})
	return USDAccount{bal: b}
}

// Phase registers work done every day at slot.
func (m *Model) Phase(slot Slot, name string, run func(day int)) {
	if slot >= numSlots {
		m.errorf("agents: phase %q: no slot %d", name, slot)
		return
	}
	m.ext.phases = append(m.ext.phases, extPhase{slot: slot, name: name, run: run})
}

// Reset registers what the mechanism does at the start of every run,
// after the built-in model is set up, with the mechanism's own random
// stream (seeded from the run's generator after the built-in streams, so
// adding a mechanism leaves every other draw unchanged). Its accounts are
// already empty.
func (m *Model) Reset(reset func(r *rand.Rand) error) { m.ext.resets = append(m.ext.resets, reset) }

// Record registers the writer of the mechanism's series: row is the day's
// whole recorded step, indexed by the Columns that Series returned.
func (m *Model) Record(record func(row []float64)) { m.ext.record = record }

// Summarise registers the writer of the mechanism's outcomes at the end of
// a run: out is the run's whole summary, indexed by the Columns that
// Outcome returned.
func (m *Model) Summarise(summarise func(out []float64)) { m.ext.summarise = summarise }

// Event records an event of a replayed run (seqsim replay); ordinary runs
// pay nothing for it.
func (m *Model) Event(kind, subject string, amount float64, unit, detail string) {
	if m.w != nil {
		m.w.event(kind, subject, amount, unit, detail)
	}
}

// Exchange is the AMM pool the token trades on.
func (m *Model) Exchange() Exchange { return exchange{m.w, m.ext.index} }

// Minting is today's emission of new tokens.
func (m *Model) Minting() Minting { return emission{m.w} }

// Holders is the table of holder agents.
func (m *Model) Holders() HolderTable { return holderTable{m.w} }

// Ledger moves tokens between accounts and out of the supply.
func (m *Model) Ledger() Ledger { return ledger{m.w, m.ext.index} }

func (m *Model) errorf(format string, args ...any) {
	m.errs = append(m.errs, fmt.Errorf(format, args...))
}
