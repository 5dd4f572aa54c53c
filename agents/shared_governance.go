package agents

// holderView is the holders' columns as governance counts votes and
// finds a depositor (read only; valid for the call: holders are added
// only at reset).
type holderView struct {
	kind      []int32 // holder type: index into Params.Holders
	liquid    []int64 // micro-tokens
	staked    []int64 // micro-tokens
	unbonding []int64 // micro-tokens
}

// operatorVotes is the operators' columns as governance counts their
// votes (read only; valid for the call).
type operatorVotes struct {
	n      int        // operator slots in use
	status []opStatus // bonded, exited, removed
	self   []int64    // bonded self-stake, micro-tokens
}

// governanceEnv is the rest of the model as governance (governance.go,
// proposals.go, voters.go, votingpower.go, bribes.go) reaches it: the
// holders and the operators as columns, the treasury, the ledger, the
// governed parameters, the council, the attacker, the capture meter and
// the effective-governance tracker.
type governanceEnv interface {
	tracer
	// holderView and operatorVotes are the columns the count of voting
	// power reads; outsideTokens the outside traders' tokens, which count
	// in the votable supply.
	holderView() holderView
	operatorVotes() operatorVotes
	outsideTokens() int64
	// debitHolder and creditHolder move a proposal deposit between
	// holder i's liquid balance and an account; burn burns n from one.
	debitHolder(i int, to Account, n int64)
	creditHolder(i int, from Account, n int64)
	burn(from Account, n int64)
	// proposalThreshold is the proposal threshold today and launchQuorum
	// the quorum at launch (fractions of the votable supply).
	proposalThreshold() float64
	launchQuorum() float64
	// grantTokens is what a grant of share f of the treasury's tokens pays
	// (micro-tokens), payTreasuryTokens pays it to a holder (-1: sold);
	// applyParameter makes any other parameter proposal take effect
	// (governed.go).
	grantTokens(f float64) int64
	payTreasuryTokens(n int64, grantee int)
	applyParameter(pr *proposal)
	// interest and operatorInterests are what an ordinary proposal
	// changes for the tokens voted and, into dst by operator slot, for
	// each operator's business (interest.go);
	// lossPerToken what a malicious proposal of kind costs a voter per
	// token (capture_prices.go).
	interest(pr *proposal) yieldChange
	operatorInterests(pr *proposal, dst []float64)
	lossPerToken(kind propKind) float64
	// The security council: its key-compromise event, whether it decides
	// every proposal or may veto one on day d, and whether the attacker
	// holds its keys.
	compromiseKeys()
	gatekeeper(d int) bool
	vetoProbability(d int) float64
	councilCaptured() bool
	// The attacker: its daily trading and reviews, its votes on its
	// proposal, the end of that proposal, what a passed one pays it
	// (USD, from outside the model: attackerFlowIn books it), what it
	// holds (tokens, and its operator slot; -1: none).
	attackerDaily()
	attackerNextReview() int
	attackerReview()
	attackerAtSnapshot(pr *proposal)
	attackerAtClose(pr *proposal)
	attackerDone()
	attackerPaid(usd float64)
	attackerFlowIn(usd float64)
	attackerHoldings() (int64, int)
	// drainTreasury records a capture of kind and drains the treasury to
	// the attacker (treasury.go); measureCapture runs the capture meter;
	// recordClose books an ordinary proposal's close for the
	// effective-governance tracker.
	drainTreasury(kind int)
	measureCapture()
	recordClose(decided bool)
}

// yieldChange is what a proposal changes in the yearly cash value of one
// token voted, in units of the token's price per year.
type yieldChange struct {
	liquid  float64 // a token held liquid
	staked  float64 // a staked token (includes what any token gets)
	grantee float64 // on top, a token a grantee holds
}

// of is the change for a voter whose power is staked share sigmaS and
// grantees' share sigmaG.
func (y yieldChange) of(sigmaS, sigmaG float64) float64 {
	return y.liquid + sigmaS*(y.staked-y.liquid) + sigmaG*y.grantee
}
