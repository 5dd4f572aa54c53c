// Package agents is the model of seqsim: the world state of one run, the
// agents and mechanisms that step it day by day, and the metrics it
// reports (DESIGN.md, "The model").
//
// # Outline
//
//   - [Params] and [DefaultParams]: every parameter, with cited defaults.
//   - [World]: the state of one run as structs of slices (world.go,
//     holders.go: holders, operators, verifiers); [World.Step] runs the
//     day's slots in the order written once in model.go; conservation.go
//     checks every day that every token is in one account of the ledger,
//     and usd.go that every dollar is in an account or a named flow.
//   - Holders sell, stake and delegate (step.go, delegation.go) on the
//     market: the AMM pool, outside traders, arbitrage and organic buyers
//     (market.go, traded in wire_market.go's trade); the treasury pays its
//     budgets (treasury.go); sequencer
//     operators bond stake, post batches, earn commission, enter and exit
//     (network.go, operators.go, activeset.go, sequencing.go); offences happen and are
//     slashed (offences.go, slashing.go);
//     verifiers and sequencers play and learn the verification game
//     (verification.go), the verifier population comes and goes
//     (verifiers.go), and invalid roots are posted, caught or finalised
//     (fraud.go).
//   - Token governance: delegates and self-voting holders vote on random
//     proposals that change the run's parameters, under a quorum, a
//     timelock and a security council (governance.go, proposals.go,
//     voters.go, votingpower.go, bribes.go, council.go, [Governance]); an
//     attacker buys, borrows or bribes votes, or stakes, to capture the
//     protocol (attacker.go, [Attacker]); capture_prices.go prices each
//     route, capture.go measures the cost to capture and records captures.
//   - Built-in parts that are components own their state and reach the
//     rest only through the interfaces of shared_<component>.go (the
//     World implements them in env.go): the verification game, the
//     capture meter, the security council, operator churn, effective
//     governance, the attacker, governance, the sequencer network, the
//     treasury, the market, the route prices, the schedules (emission,
//     vesting), the demand side (fees, the APR signal) and the governed
//     parameters; model.go lists them (parts) and the day, and
//     wire_<component>.go are the World's calls of them. The World keeps
//     the state they share: the holder table and its pass, the token
//     ledger and the token's value. extensions.go builds the optional
//     mechanisms into a World.
//   - [Sim]: runs a World for the engine; [SeriesColumns] and
//     [OutcomeColumns] describe what a run of given parameters reports.
//
// # Mechanisms
//
// A [Mechanism] is an optional part of the model in one file: its
// parameter section ([Section]), state, daily phases at a [Slot], metrics,
// token and USD accounts, declared to a [Model]. It reaches the rest of the
// model only through [Exchange], [Minting] and [Ledger]. The model's list
// is [Mechanisms] (liquidity_mining.go is one); a program adds its own by
// passing them to experiments.Load. An experiment turns a mechanism on by
// naming its section. See docs/extending.md.
//
// # Units and determinism
//
// Token balances are int64 micro-tokens, so the daily conservation check is
// exact; prices and USD amounts are float64. Every draw comes from one of
// the run's named streams (init, demand, market, network, verification,
// governance, verifier population), split from the run's generator: the
// same seed gives the same bytes.
package agents
