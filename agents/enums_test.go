package agents

import (
	"encoding"
	"fmt"
	"testing"

	"github.com/seqsim/seqsim/agents/protocol"
)

// closedSet is what every closed set of the parameters implements.
type closedSet interface {
	fmt.Stringer
	encoding.TextMarshaler
	EnumNames() []string
}

// TestClosedSetsNameEveryValue: each closed set's table names exactly its
// constants, in value order, and reads each name back to its value.
func TestClosedSetsNameEveryValue(t *testing.T) {
	sets := []struct {
		values []closedSet
		parse  func(string) (closedSet, error)
	}{
		{values: values(APRRealized, APRBudget), parse: parser[APRModel]()},
		{values: values(ModeRotation, ModeAuction), parse: parser[SequencingMode]()},
		{values: values(RewardEach, RewardShared), parse: parser[RewardMode]()},
		{values: values(GoalTreasury, GoalSequencer, GoalAny), parse: parser[AttackGoal]()},
		{values: values(protocol.EmissionNone, protocol.EmissionConstant, protocol.EmissionDecay, protocol.EmissionHalving,
			protocol.EmissionStarknet, protocol.EmissionEspresso, protocol.EmissionEthereum), parse: parser[protocol.EmissionKind]()},
	}
	for _, s := range sets {
		names := s.values[0].EnumNames()
		if len(names) != len(s.values) {
			t.Errorf("%T: %d names for %d values", s.values[0], len(names), len(s.values))
			continue
		}
		for i, v := range s.values {
			b, err := v.MarshalText()
			if err != nil || string(b) != names[i] || v.String() != names[i] {
				t.Errorf("%T(%d): MarshalText %q, %v; String %q; want %q", v, i, b, err, v.String(), names[i])
			}
			back, err := s.parse(names[i])
			if err != nil || back != v {
				t.Errorf("%T: %q reads back as %v, %v", v, names[i], back, err)
			}
		}
	}
}

func values[T closedSet](vs ...T) []closedSet {
	out := make([]closedSet, len(vs))
	for i, v := range vs {
		out[i] = v
	}
	return out
}

// parser returns a function reading a name into a T through *T's
// UnmarshalText.
func parser[T closedSet, PT interface {
	*T
	encoding.TextUnmarshaler
}]() func(string) (closedSet, error) {
	return func(s string) (closedSet, error) {
		var v T
		err := PT(&v).UnmarshalText([]byte(s))
		return v, err
	}
}
