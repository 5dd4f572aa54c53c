// Package archtest holds tests of the repository's architecture: the
// package boundaries of DESIGN.md and STYLE.md, the rule that nothing
// draws random numbers from global state, and the isolation of the token
// model's mechanisms (a mechanism reaches the rest of the model only
// through the shared interfaces; docs/components.md). It has no code of
// its own.
package archtest
