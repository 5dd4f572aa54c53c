#!/usr/bin/env python3
"""Numbers of docs/validation.md §9 (the fee split), from runs.csv.

    go run ./cmd/seqsim run experiments/fee-split.toml --out /tmp/fs --force
    python3 scripts/validation.py /tmp/fs/runs.csv

Per scenario: mean and median of each outcome; against the scenario named
"baseline 40/40/20", the paired difference (same run index, same seed: the
experiment uses common random numbers) as a mean with a 95% interval
(normal, 1.96 standard errors of the per-run differences) and the median of
the per-run differences. Python 3 standard library only.
"""
import csv
import math
import statistics
import sys

OUTCOMES = ["final_price", "final_staking_ratio", "min_security_budget_usd",
            "mean_staking_apr", "captured", "total_burned",
            "final_treasury_executable_usd", "treasury_runway_days"]
BASE = "baseline 40/40/20"


def num(s):
    return float(s) if s not in ("", "NaN", "nan") else math.nan


def main(path):
    by = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            by.setdefault(row["scenario"], {})[int(row["run"])] = row
    if BASE not in by:
        sys.exit(f"{path}: no scenario named {BASE!r}")
    base = by[BASE]
    for name, runs in by.items():
        print(f"## {name} ({len(runs)} runs)")
        for o in OUTCOMES:
            v = [num(r[o]) for r in runs.values() if not math.isnan(num(r[o]))]
            line = f"{o:32s} mean {statistics.fmean(v):12.5g} p50 {statistics.median(v):12.5g}"
            if name != BASE:
                d = [num(runs[k][o]) - num(base[k][o]) for k in runs if k in base
                     and not math.isnan(num(runs[k][o])) and not math.isnan(num(base[k][o]))]
                half = 1.96 * statistics.stdev(d) / math.sqrt(len(d))
                m = statistics.fmean(d)
                line += f"  diff mean {m:12.5g} ± {half:10.3g}  diff p50 {statistics.median(d):12.5g}"
                if o == "final_price":
                    lr = [math.log(num(runs[k][o]) / num(base[k][o])) for k in runs if k in base]
                    h = 1.96 * statistics.stdev(lr) / math.sqrt(len(lr))
                    g = statistics.fmean(lr)
                    line += (f"\n{'':32s} ratio to baseline: geometric mean {math.exp(g):.4f}"
                             f" [{math.exp(g - h):.4f}, {math.exp(g + h):.4f}], p50 {math.exp(statistics.median(lr)):.4f}")
            print(line)
        print()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: validation.py RUNS.csv")
    main(sys.argv[1])
