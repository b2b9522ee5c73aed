#!/usr/bin/env bash
# Whole-process timings of the `rolefit` binary (start-up included), with hyperfine.
# Usage: benches/cli_process.sh [RUNS]   (needs `hyperfine`: apt-get install hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-300}"
cargo build --quiet --release -p rolefit-cli
bin=target/release/rolefit
out=$(mktemp)
hyperfine -N --warmup 20 --runs "$runs" --export-json "$out" \
  "$bin compare product-owner product-manager" \
  "$bin compare product-owner product-manager --format json" \
  "$bin roles" >/dev/null
python3 - "$out" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']:<70} median {r['median']*1e3:6.2f} ms  (min {r['min']*1e3:.2f}, max {r['max']*1e3:.2f})")
PY
rm -f "$out"
