package engine

// SplitMix64 returns the next output of the SplitMix64 generator whose state
// was x, that is the finaliser applied to x + golden gamma. Constants from
// Steele, Lea and Flood, "Fast splittable pseudorandom number generators"
// (OOPSLA 2014), as used by java.util.SplittableRandom.
func SplitMix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// RunSeed derives the seed of one unit from the master seed, the scenario
// point and the run index. With commonRandomNumbers the point is left out, so
// every point of a sweep or scenario comparison sees the same draws for the
// same run index (paired comparison: differences between points are not
// seed noise). The chain hashes each index in turn so that nearby inputs give
// unrelated seeds.
func RunSeed(master uint64, point, run int, commonRandomNumbers bool) uint64 {
	s := SplitMix64(master)
	if !commonRandomNumbers {
		s = SplitMix64(s ^ uint64(point)*0xd1b54a32d192ed03)
	}
	return SplitMix64(s ^ uint64(run)*0x8cb92ba72f3d8dd7)
}

// PCGSeeds expands a unit seed into the two words that seed a math/rand/v2
// PCG, so one uint64 in runs.csv is enough to replay a run.
func PCGSeeds(seed uint64) (uint64, uint64) {
	return seed, SplitMix64(seed)
}
