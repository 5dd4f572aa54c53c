package design

// Stream constants: the second PCG word for each kind of design, so that two
// designs built from the same seed draw unrelated streams. Each is the first
// 8 bytes of the SHA-256 of the quoted name (printf NAME | sha256sum); they are
// part of the determinism contract, so they never change.
const (
	saltelliStream = 0x06337f6ac5e3b062 // "design.Saltelli"
	morrisStream   = 0x52f631529babe3ca // "design.Morris"
	lhsStream      = 0xd94002a776deef00 // "design.LatinHypercube"
)
