package sensitivity

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/seqsim/seqsim/internal/stats"
)

const (
	// DefaultResamples is the number of bootstrap resamples used when
	// Bootstrap.Resamples is zero (SALib's num_resamples default).
	DefaultResamples = 1000

	// DefaultLevel is the confidence level used when Bootstrap.Level is zero.
	DefaultLevel = 0.95

	// bootstrapStream is the second PCG word of the resampling generator: the
	// first 8 bytes of SHA-256("sensitivity.Bootstrap"). Part of the
	// determinism contract.
	bootstrapStream = 0x547cb4c1e8f701ec
)

// Bootstrap configures the confidence intervals of an analysis. The zero
// value is valid: 1000 resamples, 95% level, seed 0.
//
// Each resample draws the design's independent units with replacement (base
// rows of a Saltelli design, trajectories of a Morris design, so every block
// stays whole) and recomputes the estimates. The interval is the percentile
// interval (Efron and Tibshirani, "An Introduction to the Bootstrap", 1993,
// §13.3): the (1−Level)/2 and (1+Level)/2 quantiles of the resampled
// estimates, interpolated linearly between order statistics as numpy's
// default percentile does. SALib instead reports a normal interval,
// estimate ± z·sd; the percentile interval needs no symmetry assumption and
// respects the skew of ratio estimators at small N.
//
// The bootstrap treats the base rows as independent draws, which overstates
// the error of a (scrambled) Sobol design, whose points are negatively
// correlated: the intervals are conservative for QMC designs.
type Bootstrap struct {
	Resamples int     // number of resamples, ≥ 0; 0 means DefaultResamples
	Level     float64 // confidence level in (0, 1); 0 means DefaultLevel
	Seed      uint64  // seed of the resampling PCG; 0 is a valid, fixed seed
}

func (b Bootstrap) resolve(op string) (Bootstrap, error) {
	if b.Resamples == 0 {
		b.Resamples = DefaultResamples
	}
	if b.Level == 0 {
		b.Level = DefaultLevel
	}
	if b.Resamples < 2 || b.Resamples > 1e7 {
		return b, &ParamError{Op: op, Param: "b.Resamples", Value: b.Resamples, Want: "0 (default) or in [2, 1e7]"}
	}
	if !(b.Level > 0 && b.Level < 1) {
		return b, &ParamError{Op: op, Param: "b.Level", Value: b.Level, Want: "0 (default) or in (0, 1)"}
	}
	return b, nil
}

func (b Bootstrap) rng() *rand.Rand { return rand.New(rand.NewPCG(b.Seed, bootstrapStream)) }

// percentileIntervals fills lo[k] and hi[k] from the resampled estimates
// boot (rows of len(lo) statistics each). Resamples whose statistics are not
// finite (skipped) must not be in boot. The percentiles are type 7
// (numpy.percentile's default), as the Bootstrap doc says.
func percentileIntervals(boot []float64, level float64, lo, hi []float64) {
	k := len(lo)
	r := len(boot) / k
	col := make([]float64, r)
	for s := range k {
		for i := range r {
			col[i] = boot[i*k+s]
		}
		slices.Sort(col)
		lo[s] = stats.QuantileSorted(col, (1-level)/2)
		hi[s] = stats.QuantileSorted(col, (1+level)/2)
	}
}

// WideIntervals is the warning [Sobol] adds when any confidence interval of
// an index is wider than 0.1 (a tenth of the whole [0, 1] scale): at that
// width a ranking of factors means little.
const WideIntervals = "intervals are wide; increase N"

const wideWidth = 0.1

func droppedWarning(dropped, total int) string {
	return fmt.Sprintf("%d of %d bootstrap resamples had no output variance and were left out of the intervals", dropped, total)
}
