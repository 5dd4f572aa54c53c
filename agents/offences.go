package agents

// operatorOffences draws today's faults: one uniform per bonded operator
// (offences are rare, so a quiet day costs one draw each). A liveness
// failure takes the operator offline for the day; a detected offence is
// slashed at once.
func (sq *sequencing) operatorOffences() {
	o := &sq.ops
	r := sq.r
	s := &sq.p.Slashing
	for k := range o.n {
		if o.status[k] != opBonded {
			continue
		}
		r0, r1, r2 := o.rate[offLiveness][k], o.rate[offDoubleSign][k], o.rate[offWithholding][k]
		u := r.Float64()
		if u >= r0+r1+r2 {
			continue
		}
		off := &s.Withholding
		switch {
		case u < r0:
			off = &s.Liveness
			o.offline[k], o.badDay[k] = true, true
			sq.tot.livenessFailures++
		case u < r0+r1:
			off = &s.DoubleSign
		}
		if r.Float64() < off.Detection {
			pen := off.Penalty
			if off == &s.Liveness {
				pen = sq.env.livenessPenalty() // governance may change it
			}
			sq.slash(k, pen, off.JailDays, off.Remove)
		}
	}
}

// updateRecords folds today's offences into each operator's record (an
// exponential average over staking.record_days; a slashing counts as
// slash_weight offence days, applied in slash).
func (sq *sequencing) updateRecords() {
	o := &sq.ops
	a := 1 / max(sq.p.Staking.RecordDays, 1)
	for k := range o.n {
		bad := 0.0
		if o.badDay[k] {
			bad = 1
		}
		o.record[k] += a * (bad - o.record[k])
	}
}
