// Package scaffold writes the experiment file of a new token design from a
// few answers — supply, launch price, revenue, fee split, allocations and
// governance model — as `seqsim init` does: every key it writes is
// explained. The USD and token figures whose source is a share of
// something (a treasury's yearly budget, an attacker's budget against the
// float, the bridged value against the fully diluted value, a bond, the
// operators' costs against revenue, a minimum stake against the supply)
// take their defaults from the design's size (agents.Proportionals); the
// file shows each one's value for this design as a comment to uncomment.
// A design written here is in proportion from the start: `seqsim
// validate` warns of nothing in it (docs/model.md §23), and a design ten
// times the supply at ten times the price, with ten times the revenue a
// hundred times, gives the same dimensionless outcomes
// (TestScaleInvariance).
//
// [Defaults] are the baseline's answers, [Ask] asks for them on a
// terminal, [Write] writes the file, and [FromEmbedded] copies an
// embedded experiment under a new name.
package scaffold
