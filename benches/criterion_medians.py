#!/usr/bin/env python3
"""Print the median of every criterion benchmark under target/criterion (the latest run of each).

Usage: python3 benches/criterion_medians.py [GROUP_PREFIX]
Criterion's console line shows a mean-based estimate; docs/performance.md reports medians, read here
from each benchmark's estimates.json.
"""
import json
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"
prefix = sys.argv[1] if len(sys.argv) > 1 else ""


def human(ns: float) -> str:
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3), ("ns", 1.0)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns * 1e3:.3g} ps"


for est in sorted(root.glob("**/new/estimates.json")):
    bench = json.loads((est.parent / "benchmark.json").read_text())
    name = bench.get("full_id") or str(est.parent.parent.relative_to(root))
    if not name.startswith(prefix):
        continue
    median = json.loads(est.read_text())["median"]
    lo, hi = median["confidence_interval"]["lower_bound"], median["confidence_interval"]["upper_bound"]
    line = f"{name:<45} median {human(median['point_estimate']):>10}  [{human(lo)} .. {human(hi)}]"
    throughput = bench.get("throughput") or {}
    if "Bytes" in throughput:
        line += f"  {throughput['Bytes'] / median['point_estimate'] * 1e9 / 1e6:.1f} MB/s"
    elif "Elements" in throughput:
        line += f"  {throughput['Elements'] / median['point_estimate'] * 1e9:.3g} elem/s"
    print(line)
