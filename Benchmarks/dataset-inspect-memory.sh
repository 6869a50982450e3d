#!/usr/bin/env bash
# Peak memory and time of `ftcost dataset inspect` on a ~1 GB generated file (issue 10: under 64 MiB).
# Prints elapsed seconds and peak RSS from /usr/bin/time -v; exits 1 if the peak is 64 MiB or more.
#   SIZE_BYTES (default 1000000000)  FILE (default /tmp/ftcost-bench-$SIZE_BYTES.jsonl)
#   BASELINE=path/to/an/older/ftcost  also runs that binary and checks both print the same JSON
#   MODEL (default gpt-4o-mini; MODEL=all prices every fine-tunable model, two encodings)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
size=${SIZE_BYTES:-1000000000}
file=${FILE:-/tmp/ftcost-bench-$size.jsonl}
model=${MODEL:-gpt-4o-mini}
limit_kb=$((64 * 1024))

swift build -c release --product ftcost >/dev/null
if [ ! -s "$file" ]; then
  echo "generating $file (takes a while: the generator is single-threaded Python)" >&2
  python3 "$shared/tools/gen_corpus.py" --examples 100000000 --max-bytes "$size" --seed 42 --variant production \
    -o "$file" >/dev/null
fi
model_args=(--model "$model")
[ "$model" = all ] && model_args=()

run() { # binary label -> prints the figures; JSON output in /tmp/ftcost-memory-<label>.json
  local binary=$1 label=$2
  local timing=/tmp/ftcost-memory-$label.time
  /usr/bin/time -v -o "$timing" "$binary" dataset inspect "$file" "${model_args[@]}" --format json --quiet \
    >"/tmp/ftcost-memory-$label.json" 2>/dev/null || true
  local kb seconds
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$timing")
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$timing")
  printf '%-9s %s, peak %s KB (%s MiB)\n' "$label:" "$seconds" "$kb" "$((kb / 1024))"
  echo "$kb" >"/tmp/ftcost-memory-$label.kb"
}

echo "file:     $file ($(stat -c %s "$file") bytes, $(wc -l <"$file") lines), model: $model"
run .build/release/ftcost ftcost
if [ -n "${BASELINE:-}" ]; then
  run "$BASELINE" baseline
  if cmp -s /tmp/ftcost-memory-ftcost.json /tmp/ftcost-memory-baseline.json; then
    echo "output:   identical JSON"
  else
    echo "output:   DIFFERENT JSON (diff /tmp/ftcost-memory-baseline.json /tmp/ftcost-memory-ftcost.json)"
    exit 1
  fi
fi
peak=$(cat /tmp/ftcost-memory-ftcost.kb)
if [ "$peak" -ge "$limit_kb" ]; then
  echo "peak memory ${peak} KB is not under 64 MiB"
  exit 1
fi
