#!/usr/bin/env bash
# Compares the model's two headline benchmarks between two commits with
# their test binaries run alternately (old, new, old, new, ...), so that a
# drift of the machine's speed hits both sides alike:
#   - BenchmarkUnlockSell/workers=1 in study (cmd/seqsim before the study
#     package existed): ns per agent-step of the unlock-sell workload
#     through the engine, docs/performance.md;
#   - agents BenchmarkBaselineRun (ns per holder-day of the baseline model).
#
# Usage: scripts/bench-interleaved.sh OLD_REV NEW_REV [ROUNDS] [OUT_DIR]
#   ROUNDS   pairs of runs per benchmark (default 6)
#   OUT_DIR  where old.txt and new.txt go (default docs/bench)
# Then prints the benchstat comparison.
set -euo pipefail

old_rev=${1:?usage: $0 OLD_REV NEW_REV [ROUNDS] [OUT_DIR]}
new_rev=${2:?usage: $0 OLD_REV NEW_REV [ROUNDS] [OUT_DIR]}
rounds=${3:-6}
out=${4:-docs/bench}

root=$(git rev-parse --show-toplevel)
mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Each revision's tree, exported (no worktree or checkout is touched), and
# its two test binaries.
for side in old new; do
	rev=${old_rev}
	[ "$side" = new ] && rev=${new_rev}
	mkdir -p "$tmp/$side"
	git -C "$root" archive "$rev" | tar -x -C "$tmp/$side"
	pkg=study
	[ -d "$tmp/$side/study" ] || pkg=cmd/seqsim
	echo "$pkg" >"$tmp/$side-study.pkg"
	(cd "$tmp/$side" && go test -c -o "$tmp/$side-study.test" "./$pkg" &&
		go test -c -o "$tmp/$side-agents.test" ./agents)
done

{
	echo "# $old_rev ($(git -C "$root" rev-parse --short "$old_rev")), $(date -u +%FT%TZ), $(nproc) CPUs"
} >"$out/old.txt"
{
	echo "# $new_rev ($(git -C "$root" rev-parse --short "$new_rev")), $(date -u +%FT%TZ), $(nproc) CPUs"
} >"$out/new.txt"

bench() { # side package-binary benchmark benchtime
	(cd "$tmp/$1/$2" && "$tmp/$1-$3.test" -test.run '^$' -test.bench "$4" \
		-test.benchtime "$5" -test.count 1 -test.cpu 1) |
		grep -E '^(goos|goarch|pkg|cpu|Benchmark)' >>"$out/$1.txt"
}

for i in $(seq "$rounds"); do
	for side in old new; do
		echo "round $i/$rounds: $side" >&2
		bench "$side" "$(cat "$tmp/$side-study.pkg")" study 'UnlockSell/workers=1$' 3x
		bench "$side" agents agents 'BaselineRun$' 40x
	done
done

# -ignore pkg: the unlock-sell benchmark moved from cmd/seqsim to study.
go run golang.org/x/perf/cmd/benchstat@latest -ignore pkg "$out/old.txt" "$out/new.txt"
