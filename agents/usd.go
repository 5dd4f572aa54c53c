package agents

import (
	"fmt"
	"math"
	"strings"
)

// The USD ledger: every dollar the model holds is in an account (the
// treasury's USD, the pool's USD reserve, the attacker's capital, the
// mechanisms' USD accounts), and every dollar that enters or leaves the
// model is a flow with a named counterparty outside it. The daily check
// (checkConservation) fails the run when the accounts differ from the net
// flows: a dollar created or lost without a name.

// usdFlow names a counterparty outside the model.
type usdFlow uint8

const (
	flowLaunch         usdFlow = iota // USD the run starts with: the treasury's, the pool's seeding USD, the attacker's budget
	flowFeeRevenue                    // users' fees: the day's net sequencer profit (in)
	flowAuction                       // the auction's second price for the sequencing slot (in)
	flowCommission                    // the operators' commission on the stakers' fee share (out)
	flowStakers                       // the stakers' fee share after commission, paid in USD to the delegators and the operators' own stake (out)
	flowHolders                       // holders' sales (out)
	flowOutsideTraders                // arbitrage buys (in) and sales (out), organic buyers (in)
	flowOperators                     // operators' entry purchases (in) and daily sales of earnings (out)
	flowTreasurySpend                 // the treasury's budget and verification bill paid, grants sold (out)
	flowFraudBonds                    // forfeited fraud bonds the treasury banks (in)
	flowAttacker                      // the value of control (in); interest, loan fees and bribes (out)
	numCoreFlows
)

var flowNames = [numCoreFlows]string{
	"launch USD", "fee revenue", "slot auction", "operators' commission", "stakers' fee share",
	"holders' sales", "outside traders", "operators' trades", "treasury spending", "forfeited fraud bonds", "attacker",
}

// usdLedger holds the net flow of each counterparty (in positive) and the
// gross volume that bounds the check's rounding. The flows are the core's
// (usdFlow) followed by one per mechanism, its outside counterparties
// (mechanismFlow).
type usdLedger struct {
	flows    []float64
	gross    float64
	accounts []namedUSD
}

// mechanismFlow is the flow of mechanism i's outside counterparties.
func mechanismFlow(i int) usdFlow { return numCoreFlows + usdFlow(i) }

// namedUSD is a USD account of the ledger with its name for messages.
type namedUSD struct {
	name string
	bal  *float64
}

// coreUSD are the built-in model's USD accounts.
func (w *World) coreUSD() []namedUSD {
	_, trUSD := w.treasuryAccounts()
	_, _, poolUSD := w.marketAccounts()
	return []namedUSD{{"treasury USD", trUSD}, {"pool USD", poolUSD}, {"attacker's capital", w.attackerCapital()}}
}

func (l *usdLedger) reset() {
	clear(l.flows)
	l.gross = 0
}

// in records x USD entering the model from f; out, leaving to it.
func (l *usdLedger) in(f usdFlow, x float64)  { l.flows[f] += x; l.gross += math.Abs(x) }
func (l *usdLedger) out(f usdFlow, x float64) { l.flows[f] -= x; l.gross += math.Abs(x) }

// check returns a description of the imbalance, or "" when the accounts
// equal the net flows within the rounding of the volume that moved (1e-9
// of it, plus a micro-dollar).
func (l *usdLedger) check() string {
	var held, net float64
	for _, a := range l.accounts {
		held += *a.bal
	}
	for _, f := range l.flows {
		net += f
	}
	if d := held - net; math.Abs(d) > 1e-9*l.gross+1e-6 || math.IsNaN(d) {
		var b strings.Builder
		fmt.Fprintf(&b, "accounts hold %.6f USD, net flows %.6f (diff %.6g); accounts:", held, net, d)
		for _, a := range l.accounts {
			fmt.Fprintf(&b, " %s %.2f,", a.name, *a.bal)
		}
		b.WriteString(" net flows:")
		for f, x := range l.flows {
			if f < int(numCoreFlows) {
				fmt.Fprintf(&b, " %s %.2f,", flowNames[f], x)
			} else {
				fmt.Fprintf(&b, " mechanism %d %.2f,", f-int(numCoreFlows), x)
			}
		}
		return strings.TrimSuffix(b.String(), ",")
	}
	return ""
}
