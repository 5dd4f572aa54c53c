package agents

// capturePrices prices the ways to capture the protocol (capture_prices.go)
// for the cost-to-capture measurement (capture.go).
type capturePrices interface {
	// priceVote prices passing a malicious proposal of kind by strategy s
	// for an attacker with own votes (micro-tokens) and capital budget
	// (USD; +Inf: no budget).
	priceVote(s strategy, kind propKind, own int64, budget float64) quote
	// priceStake prices holding more than share of the active stake, for
	// a fresh attacker or for the attacker's operator.
	priceStake(share float64, fresh bool) quote
}

// quote is a priced strategy.
type quote struct {
	cost    float64 // USD lost: purchases, interest or fees, bribes
	capital float64 // USD the attacker must hold to carry it out
	success float64 // probability that the capture survives the council
	tokens  int64   // votes or stake to acquire (micro-tokens)
	prebuy  int64   // borrow, bribe: tokens to buy first to reach the proposal threshold
	ok      bool    // feasible at all (deep enough market, enough voters)
}
