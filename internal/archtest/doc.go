// Package archtest holds tests of the repository's architecture: the
// package boundaries of DESIGN.md and STYLE.md, and the rule that nothing
// draws random numbers from global state. It has no code of its own.
package archtest
