#!/usr/bin/env bash
# ftcost dataset inspect vs the Python notebook flow with tiktoken on a ~200 MB generated file.
# Prints both times, their ratio, ftcost's peak memory, and checks the token totals agree.
#   SIZE_BYTES (default 200000000)  VENV (default /tmp/tiktoken-venv)  FILE (default /tmp/ftcost-bench.jsonl)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
size=${SIZE_BYTES:-200000000}
venv=${VENV:-/tmp/tiktoken-venv}
file=${FILE:-/tmp/ftcost-bench-$size.jsonl}

swift build -c release --product ftcost >/dev/null
bash "$shared/tools/tiktoken_offline_setup.sh" "$venv" >/dev/null
[ -s "$file" ] || python3 "$shared/tools/gen_corpus.py" --examples 100000000 --max-bytes "$size" --seed 42 --variant production -o "$file" >/dev/null

measure() { # command... -> prints "seconds peak_kb" on fd 3, output to stdout
  /usr/bin/time -f "%e %M" -o /tmp/ftcost-bench-time "$@"
  tail -n 1 /tmp/ftcost-bench-time >&3
}
exec 3>/tmp/ftcost-bench-ftcost
measure .build/release/ftcost dataset inspect "$file" --model gpt-4o-mini --format json --quiet > /tmp/ftcost-bench-ftcost.json 2>/dev/null || true
exec 3>/tmp/ftcost-bench-python
measure env TIKTOKEN_CACHE_DIR="$venv/tiktoken-cache" "$venv/bin/python" Benchmarks/notebook_flow.py "$file" o200k_base > /tmp/ftcost-bench-python.json
exec 3>&-

read -r ft_s ft_kb < /tmp/ftcost-bench-ftcost
read -r py_s py_kb < /tmp/ftcost-bench-python
ft_chat=$(python3 -c "import json;print(json.load(open('/tmp/ftcost-bench-ftcost.json'))['chat_tokens'])")
py_chat=$(python3 -c "import json;print(json.load(open('/tmp/ftcost-bench-python.json'))['chat_tokens'])")
echo "file:            $file ($(stat -c %s "$file") bytes)"
echo "ftcost:          ${ft_s} s, peak ${ft_kb} KB"
echo "notebook flow:   ${py_s} s, peak ${py_kb} KB"
echo "speed-up:        $(python3 -c "print(round($py_s / $ft_s, 2))")x"
echo "chat tokens:     ftcost $ft_chat, tiktoken $py_chat $([ "$ft_chat" = "$py_chat" ] && echo '(equal)' || echo '(DIFFERENT)')"
[ "$ft_chat" = "$py_chat" ]
