package agents

import "math/bits"

// pcg is math/rand/v2's PCG (128-bit LCG, DXSM output) with its state in
// fields the model's hot loop can copy into registers: the fast path draws
// a number per agent, and a draw through *rand.PCG loads and stores the
// state in memory each time. TestPCGMatchesStdlib holds it to the
// standard library's numbers.
type pcg struct{ hi, lo uint64 }

// Seed sets the state as rand.PCG.Seed does.
func (p *pcg) Seed(seed1, seed2 uint64) { p.hi, p.lo = seed1, seed2 }

// Uint64 is rand.PCG.Uint64: it makes pcg a rand.Source.
func (p *pcg) Uint64() uint64 {
	var x uint64
	p.hi, p.lo, x = pcgNext(p.hi, p.lo)
	return x
}

// pcgNext advances the state (hi, lo) and returns the new state and the
// output, the steps of rand.PCG's next and Uint64.
func pcgNext(hi, lo uint64) (nhi, nlo, out uint64) {
	const (
		mulHi = 2549297995355413924
		mulLo = 4865540595714422341
		incHi = 6364136223846793005
		incLo = 1442695040888963407
	)
	nhi, nlo = bits.Mul64(lo, mulLo)
	nhi += hi*mulLo + lo*mulHi
	var c uint64
	nlo, c = bits.Add64(nlo, incLo, 0)
	nhi, _ = bits.Add64(nhi, incHi, c)
	const cheapMul = 0xda942042e4dd58b5
	out = nhi ^ nhi>>32
	out *= cheapMul
	out ^= out >> 48
	out *= nlo | 1
	return nhi, nlo, out
}

// unitFloat is rand.Rand.Float64 of the draw x: a uniform in [0, 1).
func unitFloat(x uint64) float64 { return float64(x<<11>>11) / (1 << 53) }
