#!/usr/bin/env bash
# How long `ftcost compare` takes on each example with the release binary (process start
# included), and how long a 1,000-step break-even sweep takes. Goal: tens of milliseconds.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product ftcost >/dev/null
bin=.build/release/ftcost
runs=${RUNS:-20}
ms() { echo $(( ($2 - $1) / 1000000 )); }
printf '%-50s %10s %10s\n' "scenario" "mean ms" "max ms"
for file in examples/*.json; do
  total=0; worst=0
  for _ in $(seq "$runs"); do
    start=$(date +%s%N); "$bin" compare --scenario "$file" >/dev/null 2>&1; end=$(date +%s%N)
    t=$(ms "$start" "$end"); total=$((total + t)); [ "$t" -gt "$worst" ] && worst=$t
  done
  printf '%-50s %10s %10s\n' "$(basename "$file")" "$((total / runs))" "$worst"
done
sweep() {
  local label=$1; shift
  start=$(date +%s%N)
  "$bin" breakeven "$@" --sweep requests_per_month=1000..10000000 --steps 1000 >/dev/null 2>&1
  end=$(date +%s%N)
  printf '%-50s %10s\n' "$label" "$(ms "$start" "$end")"
}
sweep "breakeven sweep, 1,000 steps" --scenario examples/azure-hosted-fine-tune.json
# Three candidates over 24 months, most volumes never paying back: the payback search runs to
# its end (240 months) at each of them.
sweep "breakeven sweep, 1,000 steps, 24 months, 3 plans" --scenario examples/support-assistant.json \
  --set horizon_months=24
