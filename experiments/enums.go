package experiments

import "github.com/seqsim/seqsim/internal/enum"

// Model is the model an experiment runs: the token economy, or a test
// function whose sensitivity indices are known.
type Model uint8

// Models.
const (
	ModelToken    Model = iota // the token economy (agents)
	ModelIshigami              // the Ishigami function (known Sobol indices)
	ModelSobolG                // the Sobol G function (known Sobol indices)
)

var modelNames = enum.Table[Model]{"token", "ishigami", "sobol-g"}

// String is the model's TOML name.
func (m Model) String() string { return modelNames.String(m) }

// MarshalText writes the TOML name.
func (m Model) MarshalText() ([]byte, error) { return modelNames.MarshalText(m) }

// UnmarshalText reads a TOML name; an unknown one lists the allowed names.
func (m *Model) UnmarshalText(b []byte) error { return modelNames.UnmarshalText(m, b) }

// EnumNames lists the allowed names, for `seqsim params`.
func (Model) EnumNames() []string { return modelNames.Names() }

// SweepMethod is how a sweep places its points.
type SweepMethod uint8

// Sweep methods.
const (
	SweepNone SweepMethod = iota // no sweep
	SweepGrid                    // full factorial of the listed values
	SweepLHS                     // Latin hypercube over [lo, hi]
)

var sweepMethodNames = enum.Table[SweepMethod]{"none", "grid", "lhs"}

// String is the method's TOML name.
func (m SweepMethod) String() string { return sweepMethodNames.String(m) }

// MarshalText writes the TOML name.
func (m SweepMethod) MarshalText() ([]byte, error) { return sweepMethodNames.MarshalText(m) }

// UnmarshalText reads a TOML name; an unknown one lists the allowed names.
func (m *SweepMethod) UnmarshalText(b []byte) error { return sweepMethodNames.UnmarshalText(m, b) }

// EnumNames lists the allowed names, for `seqsim params`.
func (SweepMethod) EnumNames() []string { return sweepMethodNames.Names() }

// SensitivityMethod is the design and estimator of a sensitivity study.
type SensitivityMethod uint8

// Sensitivity methods.
const (
	SensitivityNone   SensitivityMethod = iota // no sensitivity study
	SensitivitySobol                           // Saltelli design, first and total Sobol indices
	SensitivityMorris                          // Morris elementary effects
	SensitivityOAT                             // one at a time around the centre
)

var sensitivityMethodNames = enum.Table[SensitivityMethod]{"none", "sobol", "morris", "oat"}

// String is the method's TOML name.
func (m SensitivityMethod) String() string { return sensitivityMethodNames.String(m) }

// MarshalText writes the TOML name.
func (m SensitivityMethod) MarshalText() ([]byte, error) {
	return sensitivityMethodNames.MarshalText(m)
}

// UnmarshalText reads a TOML name; an unknown one lists the allowed names.
func (m *SensitivityMethod) UnmarshalText(b []byte) error {
	return sensitivityMethodNames.UnmarshalText(m, b)
}

// EnumNames lists the allowed names, for `seqsim params`.
func (SensitivityMethod) EnumNames() []string { return sensitivityMethodNames.Names() }
