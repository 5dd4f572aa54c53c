#!/usr/bin/env bash
# Counts the instructions of the baseline model at two commits with
# valgrind's callgrind: 20 seeded runs of agents' BenchmarkBaselineRun on
# each side. Unlike a timing, the count is the same for the same binary
# whatever else the machine is doing (within about 0.01%: the garbage
# collector's work varies a little), so a change to the model can be
# checked while the machine is shared. It is a proxy, not a speed: a
# claim about time still needs scripts/bench-interleaved.sh on a quiet
# machine (docs/performance.md).
#
# Usage: scripts/bench-instructions.sh OLD_REV NEW_REV [FUNCTIONS...]
#   FUNCTIONS  model functions whose inclusive counts to compare
#              (default: the day's main phases)
# Prints the total of each side and, for each function, both inclusive
# counts and the change.
set -euo pipefail

old_rev=${1:?usage: $0 OLD_REV NEW_REV [FUNCTIONS...]}
new_rev=${2:?usage: $0 OLD_REV NEW_REV [FUNCTIONS...]}
shift 2
funcs=("$@")
[ ${#funcs[@]} -gt 0 ] || funcs=(Step trade actHolders review govern countVotes verify)

root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for side in old new; do
	rev=$old_rev
	[ "$side" = new ] && rev=$new_rev
	mkdir -p "$tmp/$side"
	git -C "$root" archive "$rev" | tar -x -C "$tmp/$side"
	(cd "$tmp/$side" && go test -c -o "$tmp/$side.test" ./agents)
	# Asynchronous preemption's signals and the runtime's rare rdtscp
	# (sysmon) abort callgrind; the first is turned off, the second is
	# retried.
	ok=
	for try in 1 2 3 4; do
		if (cd "$tmp/$side" && GODEBUG=asyncpreemptoff=1 GOMAXPROCS=1 valgrind --tool=callgrind \
			--callgrind-out-file="$tmp/$side.cg" "$tmp/$side.test" -test.run '^$' \
			-test.bench 'BaselineRun$' -test.benchtime 20x) >"$tmp/$side.out" 2>"$tmp/$side.err" &&
			grep -q '^PASS' "$tmp/$side.out"; then
			ok=1
			break
		fi
		echo "$side: callgrind aborted (try $try), again" >&2
	done
	[ -n "$ok" ] || { tail -20 "$tmp/$side.err" >&2; exit 1; }
	callgrind_annotate --inclusive=yes --auto=no --threshold=100 "$tmp/$side.cg" >"$tmp/$side.incl"
done

total() { grep -m1 'PROGRAM TOTALS' "$1" | awk '{gsub(",", "", $1); print $1}'; }
# incl FILE NAME: the largest inclusive count of a method or function
# NAME of package agents, whatever its receiver (a part that became a
# component keeps its method's name).
incl() {
	awk -v name="$2" '{
		f = ""
		for (i = 1; i <= NF; i++) if ($i ~ /agents\./) f = $i
		sub(/.*agents\.(\(\*?[A-Za-z]+\)\.)?/, "", f)
		if (f == name) { n = $1; gsub(",", "", n); if (n + 0 > best) best = n + 0 }
	} END { printf "%.0f\n", best }' "$1"
}
row() { # label old new
	awk -v l="$1" -v a="$2" -v b="$3" 'BEGIN {
		printf "%-22s %15.0f %15.0f %+8.2f%%\n", l, a, b, (a > 0 ? (b - a) / a * 100 : 0) }'
}
printf "%-22s %15s %15s %9s\n" "instructions" "$old_rev" "$new_rev" "change"
row total "$(total "$tmp/old.incl")" "$(total "$tmp/new.incl")"
for f in "${funcs[@]}"; do
	row "$f" "$(incl "$tmp/old.incl" "$f")" "$(incl "$tmp/new.incl" "$f")"
done
