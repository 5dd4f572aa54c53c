package protocol

import "math"

// LendingMarket is a money market for the token (an Aave-like pool): up to
// DepthTokens micro-tokens can be borrowed, at RateAnnual for a term loan
// against collateral worth CollateralRatio times the loan (Aave's
// loan-to-value of 50%-75% for mid-cap tokens means a ratio of 1.3-2), or
// without collateral for one transaction (a flash loan) at FlashFee of the
// amount (Aave v3: 0.05%).
type LendingMarket struct {
	DepthTokens     int64
	RateAnnual      float64
	FlashFee        float64
	CollateralRatio float64
}

// Loan is a priced borrowing plan.
type Loan struct {
	Flash   bool    // a same-transaction flash loan
	CostUSD float64 // interest or fee: what the borrower loses
	// CapitalUSD is what the borrower must hold to take the loan: the
	// collateral plus the cost (only the cost for a flash loan).
	CapitalUSD float64
}

// Borrow prices borrowing tokens micro-tokens at price USD per token for
// days days, under a governor g: a flash loan when flash loans vote
// (no snapshot delay), otherwise a collateralised term loan. ok is false
// when the market is not deep enough or the capital exceeds budget.
func (m LendingMarket) Borrow(tokens int64, price float64, days int, g Governor, budget float64) (Loan, bool) {
	if tokens <= 0 {
		return Loan{Flash: g.FlashLoansVote()}, true
	}
	if tokens > m.DepthTokens {
		return Loan{CostUSD: math.Inf(1), CapitalUSD: math.Inf(1)}, false
	}
	value := Tokens(tokens) * price
	var l Loan
	if g.FlashLoansVote() {
		l = Loan{Flash: true, CostUSD: m.FlashFee * value}
		l.CapitalUSD = l.CostUSD
	} else {
		l.CostUSD = value * m.RateAnnual * float64(max(days, 1)) / 365
		l.CapitalUSD = m.CollateralRatio*value + l.CostUSD
	}
	return l, l.CapitalUSD <= budget
}
