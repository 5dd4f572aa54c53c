#!/usr/bin/env bash
# The embedded baseline at 1,000 and 10,000 runs: wall time, runs/s, CPU
# use and peak RSS, read from each run's manifest.json (seqsim records
# getrusage). Part of `make bench`.
set -euo pipefail
cd "$(dirname "$0")/.."
go build -o bin/seqsim ./cmd/seqsim
printf '%-8s %10s %10s %8s %12s\n' runs wall_s runs/s cpu_% peak_rss_MB
for n in 1000 10000; do
  out=$(mktemp -d)
  ./bin/seqsim run --runs "$n" --out "$out/baseline" --quiet
  m="$out/baseline/manifest.json"
  get() { grep -o "\"$1\": [0-9.e+-]*" "$m" | head -1 | awk '{print $2}'; }
  awk -v n="$n" -v w="$(get wall_seconds)" -v r="$(get runs_per_second)" -v c="$(get cpu_seconds)" -v s="$(get peak_rss_mb)" \
    'BEGIN { printf "%-8s %10.2f %10.1f %8.0f %12.1f\n", n, w, r, 100*c/w, s }'
  rm -rf "$out"
done
