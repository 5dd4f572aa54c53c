package plots

import (
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg/draw"
)

// numTicks places about five major ticks at "nice" values (1, 2, 2.5, 5 ×
// 10^k, after Heckbert 1990, "Nice numbers for graph labels", Graphics Gems)
// and labels them compactly: 1,500 → "1.5k", 2.5e9 → "2.5B". It draws no
// minor ticks: they add ink without information at column width.
type numTicks struct{}

var _ plot.Ticker = numTicks{}

func (numTicks) Ticks(lo, hi float64) []plot.Tick {
	vals, step := niceTicks(lo, hi, 5)
	return labelTicks(vals, step)
}

// logTicks labels powers of ten, adding 2 and 5 × 10^k when the range
// spans fewer than three decades (and 3 and 7 × 10^k under 1.2 decades),
// with unlabelled minor ticks at the other integers times 10^k. Ranges
// under a factor of 3 fall back to numTicks.
type logTicks struct{}

var _ plot.Ticker = logTicks{}

func (logTicks) Ticks(lo, hi float64) []plot.Tick {
	if lo <= 0 || hi <= lo {
		return nil
	}
	if hi/lo < 3 {
		return numTicks{}.Ticks(lo, hi)
	}
	decades := math.Log10(hi / lo)
	mult := []float64{1}
	switch {
	case decades < 1.2:
		mult = []float64{1, 2, 3, 5, 7}
	case decades < 3:
		mult = []float64{1, 2, 5}
	}
	var ticks []plot.Tick
	for k := math.Floor(math.Log10(lo)); k <= math.Ceil(math.Log10(hi)); k++ {
		base := math.Pow(10, k)
		for m := 1; m < 10; m++ {
			v := float64(m) * base
			if v < lo*(1-1e-12) || v > hi*(1+1e-12) {
				continue
			}
			major := false
			for _, x := range mult {
				if float64(m) == x {
					major = true
				}
			}
			t := plot.Tick{Value: v}
			if major {
				t.Label = formatTick(v, v/10)
			}
			ticks = append(ticks, t)
		}
	}
	return ticks
}

// niceTicks returns the multiples of a nice step in [lo, hi] (about n of them)
// and the step.
func niceTicks(lo, hi float64, n int) ([]float64, float64) {
	if !(hi > lo) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		return []float64{lo}, 1
	}
	step := niceNum((hi - lo) / float64(n-1))
	first := math.Ceil(lo/step-1e-9) * step
	var vals []float64
	for i := 0; ; i++ {
		v := first + float64(i)*step
		if v > hi+step*1e-9 {
			break
		}
		if math.Abs(v) < step*1e-9 {
			v = 0 // no "-0" from rounding
		}
		vals = append(vals, v)
	}
	return vals, step
}

// niceNum rounds x to 1, 2, 2.5 or 5 times a power of ten (Heckbert 1990).
func niceNum(x float64) float64 {
	exp := math.Floor(math.Log10(x))
	f := x / math.Pow(10, exp)
	var nf float64
	switch {
	case f < 1.5:
		nf = 1
	case f < 2.25:
		nf = 2
	case f < 3.5:
		nf = 2.5
	case f < 7.5:
		nf = 5
	default:
		nf = 10
	}
	return nf * math.Pow(10, exp)
}

func labelTicks(vals []float64, step float64) []plot.Tick {
	var amax float64
	for _, v := range vals {
		amax = math.Max(amax, math.Abs(v))
	}
	div, suffix := scaleFor(amax, 1e4)
	ticks := make([]plot.Tick, len(vals))
	for i, v := range vals {
		ticks[i] = plot.Tick{Value: v, Label: formatScaled(v, step, div, suffix)}
	}
	return ticks
}

// scaleFor picks k, M, B or T (thousand, million, billion, trillion: the
// financial convention token supplies are quoted in) for magnitudes from
// from upward.
func scaleFor(amax, from float64) (div float64, suffix string) {
	if amax < from {
		return 1, ""
	}
	switch {
	case amax >= 1e12:
		return 1e12, "T"
	case amax >= 1e9:
		return 1e9, "B"
	case amax >= 1e6:
		return 1e6, "M"
	}
	return 1e3, "k"
}

// formatTick formats one tick on its own (log axes): 1, 10, 100, 1k, 10k.
func formatTick(v, step float64) string {
	div, suffix := scaleFor(math.Abs(v), 1e3)
	return trimZeros(formatScaled(v, step, div, suffix))
}

// formatScaled formats v/div with as many decimals as step/div needs.
// Magnitudes under 0.001 without a suffix use exponent notation.
func formatScaled(v, step, div float64, suffix string) string {
	if v == 0 && suffix != "" {
		return "0"
	}
	if v != 0 && suffix == "" && math.Abs(v) < 1e-3 {
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	// Same decimals on every tick of an axis (1.0, 1.5, 2.0), as journals
	// typeset them.
	return strconv.FormatFloat(v/div, 'f', decimals(step/div), 64) + suffix
}

// decimals returns how many decimals distinguish multiples of step.
func decimals(step float64) int {
	if step <= 0 || math.IsInf(step, 0) || math.IsNaN(step) {
		return 2
	}
	d := 0
	for s := step; d < 8 && math.Abs(s-math.Round(s)) > 1e-9*math.Max(1, math.Abs(s)); s *= 10 {
		d++
	}
	return d
}

// trimZeros drops trailing zeros after a decimal point, keeping a
// k/M/B/T suffix: "2.50k" → "2.5k", "1.0" → "1".
func trimZeros(s string) string {
	suffix := strings.TrimLeft(s, "-+.0123456789")
	num := strings.TrimSuffix(s, suffix)
	if !strings.Contains(num, ".") || strings.ContainsAny(num, "eE") {
		return s
	}
	num = strings.TrimRight(num, "0")
	return strings.TrimSuffix(num, ".") + suffix
}

// FormatValue formats a data value for an annotation (marker labels, heat
// map cells, legend entries) with three significant digits and the same
// k/M/B/T suffixes as the axes.
func FormatValue(v float64) string {
	switch {
	case math.IsNaN(v):
		return "n/a"
	case v == 0:
		return "0"
	}
	// Round to three significant digits first, so 99.96 counts as 100.
	v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 3, 64), 64)
	av := math.Abs(v)
	if av >= 1e4 {
		div, suffix := scaleFor(av, 1e4)
		return formatScaled(v, math.Pow(10, math.Floor(math.Log10(av))-2), div, suffix)
	}
	if av < 1e-3 {
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	// three significant digits, trailing zeros kept: "19.0" next to "73.7"
	d := max(0, 2-int(math.Floor(math.Log10(av))))
	return strconv.FormatFloat(v, 'f', d, 64)
}

// grid draws light lines at the labelled ticks of both axes, under the data.
type grid struct {
	th         Theme
	vert, horz bool
}

func (g grid) Plot(c draw.Canvas, p *plot.Plot) {
	if g.th.NoGrid {
		return
	}
	sty := draw.LineStyle{Color: g.th.Grid, Width: g.th.GridWidth}
	if g.vert {
		for _, t := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
			if t.IsMinor() || t.Value < p.X.Min || t.Value > p.X.Max {
				continue
			}
			x := c.X(p.X.Norm(t.Value))
			c.StrokeLine2(sty, x, c.Min.Y, x, c.Max.Y)
		}
	}
	if g.horz {
		for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
			if t.IsMinor() || t.Value < p.Y.Min || t.Value > p.Y.Max {
				continue
			}
			y := c.Y(p.Y.Norm(t.Value))
			c.StrokeLine2(sty, c.Min.X, y, c.Max.X, y)
		}
	}
}
