package agents

import (
	"strconv"

	"github.com/seqsim/seqsim/experiments/field"
)

// Validate checks metrics.capture_days: numCaptureDays days (the outcomes'
// columns are fixed when the model is built), each in [0, 36500], early
// before late.
func (m *Metrics) Validate(c *field.Checker) {
	if len(m.CaptureDays) != numCaptureDays {
		c.Errorf("capture_days", "want %d days [early, late], got %d", numCaptureDays, len(m.CaptureDays))
		return
	}
	ok, each := true, c.Sub("capture_days")
	for i, d := range m.CaptureDays {
		ok = each.IntRange(strconv.Itoa(i), d, 0, 36500) && ok
	}
	if ok && m.CaptureDays[0] > m.CaptureDays[1] {
		c.Errorf("capture_days", "the early day %d is after the late day %d", m.CaptureDays[0], m.CaptureDays[1])
	}
}
