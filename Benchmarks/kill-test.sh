#!/usr/bin/env bash
# Kills `ftcost dataset build`, `ftcost docs` and `ftcost install` at random moments and reports
# what each kill left behind: partial outputs, temp files, and installs that no longer run.
#
#   Benchmarks/kill-test.sh [BINARY]     (default: builds and uses .build/release/ftcost)
#   KILLS (default 20)  SIGNAL (default KILL; TERM and INT work too)  SEED (default 1)
#   LINES (default 200000, the generated log's size)  WORK (default: a fresh temp folder)
#
# Each kill lands after a random delay between 0 and the duration of one normal run of the same
# command (seeded, so a run can be repeated). Checked after every kill: dataset build's output
# is absent or complete; a new docs folder is absent or complete; a reinstall leaves the old
# install running from its own data with every file whole. After the kills, one more normal run
# of each command must remove every stale temp file. Exits 1 when anything was left behind
# (temp files right after a SIGKILL are expected: no process can remove them; the next run does).
set -uo pipefail
# Job control, so background runs do not start with SIGINT ignored (SIGNAL=INT).
set -m
cd "$(dirname "$0")/.." || exit 1
kills=${KILLS:-20}
signal=${SIGNAL:-KILL}
RANDOM=${SEED:-1}
lines=${LINES:-200000}
if [ $# -ge 1 ]; then
  binary=$(realpath "$1")
else
  swift build -c release --product ftcost >/dev/null || exit 1
  binary=$PWD/.build/release/ftcost
fi
work=${WORK:-$(mktemp -d /tmp/ftcost-kill-XXXXXX)}
mkdir -p "$work"
# Today by the clock (a fixed date falls behind the tables' as_of dates, which the tables refuse).
export FTCOST_TODAY=${FTCOST_TODAY:-$(date -u +%F)}
unset FTCOST_DATA FTCOST_PRICING
problems=0

now_ms() { date +%s%3N; }
# Temp files and folders ftcost leaves (this version's .NAME.ftcost-tmp-PID-RANDOM, and the
# .NAME.ftcost-RANDOM.tmp of earlier versions).
temps() { find "$1" -maxdepth 4 -name '.*ftcost-*' 2>/dev/null | sort; }

# Runs "$@" in the background and kills it after a random delay up to $1 ms, in folder $2.
# Sets: delay (ms), landed (1 when the process died of the signal), left (1 when the kill left
# a new temp file in the folder) and left_bytes (their size).
run_and_kill() {
  local limit=$1 folder=$2
  shift 2
  local before
  before=$(temps "$folder")
  delay=$(((RANDOM * 32768 + RANDOM) % (limit + 1)))
  "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -s "$signal" "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  local status=$?
  landed=$((status > 128 ? 1 : 0))
  local new
  new=$(comm -13 <(echo "$before") <(temps "$folder"))
  left=$([ -n "$new" ] && echo 1 || echo 0)
  left_bytes=$([ -n "$new" ] && echo "$new" | xargs -d '\n' du -cb 2>/dev/null | tail -n 1 | cut -f 1 || echo 0)
}

# name landed partial left-temp bytes remaining [note]
report() {
  printf '%-14s %d kills (%d before the run ended): %d partial outputs; %d kills left temp files (%s bytes in all), %d remain after one more run%s\n' \
    "$1" "$kills" "$2" "$3" "$4" "${5:-0}" "$6" "${7:-}"
  [ "$3" -eq 0 ] && [ "$6" -eq 0 ] || problems=1
  if [ "$signal" != KILL ] && [ "$4" -ne 0 ]; then problems=1; fi
}

echo "binary: $binary"
echo "work:   $work"
echo "signal: SIG$signal, $kills kills each, seed ${SEED:-1}"

# --- dataset build on a generated log file -------------------------------------------------
logs=$work/logs.jsonl
if [ ! -s "$logs" ]; then
  awk -v n="$lines" 'BEGIN { for (i = 0; i < n; i++) printf "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a support assistant for order %d.\"}, {\"role\": \"user\", \"content\": \"Where is my parcel number %d? It was due on Monday and the tracking page says nothing at all.\"}, {\"role\": \"assistant\", \"content\": \"Your parcel %d left the depot this morning and should arrive tomorrow before noon.\"}], \"rating\": %d, \"category\": \"shipping\"}\n", i, i, i, 3 + i % 3 }' >"$logs"
fi
build=$work/build
rm -rf "$build" && mkdir -p "$build"
start=$(now_ms)
"$binary" dataset build "$logs" --out "$build/reference.jsonl" --quiet >/dev/null || exit 1
limit=$(($(now_ms) - start))
landed_total=0 partial=0 left_total=0 bytes=0
for i in $(seq 1 "$kills"); do
  run_and_kill "$limit" "$build" "$binary" dataset build "$logs" --out "$build/out-$i.jsonl" --quiet
  landed_total=$((landed_total + landed))
  left_total=$((left_total + left))
  bytes=$((bytes + left_bytes))
  if [ -e "$build/out-$i.jsonl" ] && ! cmp -s "$build/out-$i.jsonl" "$build/reference.jsonl"; then
    partial=$((partial + 1))
    echo "  kill $i after ${delay} ms: a partial $build/out-$i.jsonl"
  fi
done
"$binary" dataset build "$logs" --out "$build/final.jsonl" --quiet >/dev/null
report "dataset build" "$landed_total" "$partial" "$left_total" "$bytes" "$(temps "$build" | grep -c . || true)" \
  " (one run: $limit ms)"

# --- docs into a new folder ----------------------------------------------------------------
docs=$work/docs
rm -rf "$docs" && mkdir -p "$docs"
start=$(now_ms)
"$binary" docs --out "$docs/reference" >/dev/null || exit 1
limit=$(($(now_ms) - start))
landed_total=0 partial=0 left_total=0 bytes=0
for i in $(seq 1 "$kills"); do
  run_and_kill "$limit" "$docs" "$binary" docs --out "$docs/out-$i"
  landed_total=$((landed_total + landed))
  left_total=$((left_total + left))
  bytes=$((bytes + left_bytes))
  # All or nothing: no folder, or one identical to the reference.
  if [ -e "$docs/out-$i" ] && ! diff -r "$docs/out-$i" "$docs/reference" >/dev/null 2>&1; then
    partial=$((partial + 1))
    echo "  kill $i after ${delay} ms: $docs/out-$i holds $(find "$docs/out-$i" -type f | wc -l) of 5 files or differs"
  fi
done
"$binary" docs --out "$docs/final" >/dev/null
report "docs" "$landed_total" "$partial" "$left_total" "$bytes" "$(temps "$docs" | grep -c . || true)" \
  " (one run: $limit ms)"

# --- reinstall over a working install ------------------------------------------------------
prefix=$work/prefix
rm -rf "$prefix"
"$binary" install --prefix "$prefix" >/dev/null || exit 1
reference=$work/installed-reference
rm -rf "$reference" && cp -a "$prefix" "$reference"
start=$(now_ms)
"$binary" install --prefix "$prefix" >/dev/null || exit 1
limit=$(($(now_ms) - start))
landed_total=0 partial=0 left_total=0 bytes=0 broken=0
for i in $(seq 1 "$kills"); do
  run_and_kill "$limit" "$prefix" "$binary" install --prefix "$prefix"
  landed_total=$((landed_total + landed))
  left_total=$((left_total + left))
  bytes=$((bytes + left_bytes))
  # The old install must still run, from its own data, with every file whole.
  if ! (cd / && "$prefix/bin/ftcost" --version && "$prefix/bin/ftcost" pricing list) >/dev/null 2>&1; then
    broken=$((broken + 1))
    echo "  kill $i after ${delay} ms: $prefix/bin/ftcost no longer runs"
  fi
  if ! diff -r -x '.*' "$prefix" "$reference" >/dev/null 2>&1; then
    partial=$((partial + 1))
    echo "  kill $i after ${delay} ms: $(diff -rq -x '.*' "$prefix" "$reference" 2>&1 | head -n 1)"
  fi
done
"$binary" install --prefix "$prefix" >/dev/null
report "install" "$landed_total" "$partial" "$left_total" "$bytes" "$(temps "$prefix" | grep -c . || true)" \
  "; $broken broken installs (one run: $limit ms)"
[ "$broken" -eq 0 ] || problems=1

[ -n "${WORK:-}" ] || rm -rf "$work"
echo "result: $([ "$problems" -eq 0 ] && echo 'nothing left behind' || echo 'PROBLEMS FOUND')"
exit "$problems"
