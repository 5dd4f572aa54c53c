package mech

// The core may not name a mechanism's state either.
var leak goodState
