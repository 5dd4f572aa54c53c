package dist

import (
	"fmt"
	"math"
)

// Scaled returns the distribution of k·X for X drawn from d and k > 0: a
// USD figure sized for one design, resized for another (seqsim init). The
// location and scale parameters are multiplied by k; a lognormal's mu
// gains ln k; a gamma's theta is multiplied by k. A beta lives on [0, 1]
// and has no scaled form in its family: Scaled reports an error.
func (d Dist) Scaled(k float64) (Dist, error) {
	if !(k > 0) || math.IsInf(k, 1) {
		return Dist{}, fmt.Errorf("dist: scale factor must be positive and finite, got %g", k)
	}
	p := d.Params
	switch d.Kind {
	case KindConst:
		return New(KindConst, k*p[0])
	case KindUniform, KindNormal:
		return New(d.Kind, k*p[0], k*p[1])
	case KindLogNormal:
		return New(KindLogNormal, p[0]+math.Log(k), p[1])
	case KindGamma:
		return New(KindGamma, p[0], k*p[1])
	case KindTriangular:
		return New(KindTriangular, k*p[0], k*p[1], k*p[2])
	}
	return Dist{}, fmt.Errorf("dist: a %v distribution has no scaled form", d.Kind)
}
