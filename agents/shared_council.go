package agents

// councilEnv is the rest of the model as the security council (council.go)
// reaches it.
type councilEnv interface {
	// drainTreasury records a capture of kind and moves
	// attacker.drain_share of the treasury to the attacker (governance.go).
	drainTreasury(kind int)
}
