package agents

import (
	"fmt"
	"math/rand/v2"
)

// Event is something that happened in a run: an unlock, a slash, a fraud,
// a market shock. Events are recorded only when a run is replayed (seqsim
// replay), so ordinary runs pay nothing for them.
type Event struct {
	Day     int
	Kind    string  // unlock, slash, fraud_caught, fraud_unchecked, fraud_finalised, shock, treasury_shortfall, ...
	Subject string  // the allocation, the operator, ...
	Amount  float64 // tokens, USD or log return, as Unit says
	Unit    string
	Detail  string
}

// event records an event when the run is traced.
func (w *World) event(kind, subject string, amount float64, unit, detail string) {
	if w.trace != nil {
		*w.trace = append(*w.trace, Event{Day: w.day, Kind: kind, Subject: subject, Amount: amount, Unit: unit, Detail: detail})
	}
}

// operatorName names operator k in events.
func operatorName(k int) string { return fmt.Sprintf("operator %d", k) }

// RunTrace is Run that also returns every event of the run, in order.
// The outcomes and series are those of Run with the same generator.
func (s *Sim) RunTrace(point, run int, rng *rand.Rand, summary, series []float64) ([]Event, error) {
	var events []Event
	s.world.trace = &events
	defer func() { s.world.trace = nil }()
	err := s.Run(point, run, rng, summary, series)
	return events, err
}
