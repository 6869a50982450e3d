#!/usr/bin/env bash
# How long `ftcost tokens` takes on long unbroken runs (one huge BPE piece each) with the release
# binary, process start and rank-file loading included; checks each count against tiktoken's,
# recorded in Tests/FTCostKitTests/Fixtures/tokenizer-long-runs.jsonl. Goal: under 0.5 s each.
# With tiktoken installed (bash ../shared/tools/tiktoken_offline_setup.sh) it also times
# tiktoken's encode_ordinary on the same text, in process.
#   RUNS (default 5)  VENV (default /tmp/tiktoken-venv)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
venv=${VENV:-/tmp/tiktoken-venv}
fixtures=Tests/FTCostKitTests/Fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product ftcost >/dev/null
bin=.build/release/ftcost

expected() { # case encoding -> count
  python3 -c 'import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    row = json.loads(line)
    if row["case"] == sys.argv[2]: print(row[sys.argv[3]]["count"])' "$fixtures/tokenizer-long-runs.jsonl" "$1" "$2"
}

printf '%-32s %-12s %9s %9s %9s %10s %s\n' "input" "encoding" "min ms" "mean ms" "tiktoken" "tokens" "check"
status=0
for name in "1 MiB of one CJK character" "1 MiB of random ASCII letters" "1 MiB of spaces" "300,000 a"; do
  file="$work/input.txt"
  python3 "$fixtures/make_long_runs.py" --text "$name" >"$file"
  for encoding in o200k_base cl100k_base; do
    best=999999; total=0; tokens=""
    for _ in $(seq "$runs"); do
      start=$(date +%s%N)
      "$bin" tokens --encoding "$encoding" --format json "$file" >"$work/out.json"
      end=$(date +%s%N)
      tokens=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["tokens"])' "$work/out.json")
      t=$(( (end - start) / 1000000 )); total=$((total + t)); [ "$t" -lt "$best" ] && best=$t
    done
    tiktoken_ms="-"
    if [ -x "$venv/bin/python" ]; then
      tiktoken_ms=$(TIKTOKEN_CACHE_DIR="$venv/tiktoken-cache" "$venv/bin/python" -c '
import sys, time, tiktoken
enc = tiktoken.get_encoding(sys.argv[2]); text = open(sys.argv[1], encoding="utf-8").read()
start = time.perf_counter()
try:
    enc.encode_ordinary(text); print(round((time.perf_counter() - start) * 1000))
except BaseException:
    print("fails")' "$file" "$encoding" 2>/dev/null || echo "fails")
    fi
    want=$(expected "$name" "$encoding")
    check="ok"; [ "$tokens" = "$want" ] || { check="WRONG (tiktoken: $want)"; status=1; }
    printf '%-32s %-12s %9s %9s %9s %10s %s\n' "$name" "$encoding" "$best" "$((total / runs))" "$tiktoken_ms" "$tokens" "$check"
  done
done
exit $status
