#!/usr/bin/env bash
# `npm run bench:start`: how long `npm start` takes to a healthy /health, cold (no build cache, no data)
# and warm (second start on the same data), and whether Ctrl-C leaves anything running. It uses a
# throw-away DATA_DIR and its own ports, so the developer's .data/ is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true
export PORT=${BENCH_PORT:-3966} EMBEDDED_PG_PORT=54369 EMBEDDED_MEILI_PORT=7749
export DATA_DIR=$(mktemp -d /tmp/yokoten-bench-start-XXXXXX)
trap 'rm -rf "$DATA_DIR"' EXIT

run() { # $1 = label, rest = extra env
  local label=$1; shift
  local log; log=$(mktemp)
  local start; start=$(date +%s.%N)
  env "$@" setsid npm start >"$log" 2>&1 &
  local pid=$!
  until curl -sf "http://localhost:$PORT/health" >/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "npm start exited early:"; tail -20 "$log"; exit 1; }
    sleep 0.2
  done
  local ready; ready=$(date +%s.%N)
  kill -INT -- -$pid
  for _ in $(seq 1 100); do pgrep -g $pid >/dev/null || break; sleep 0.2; done
  printf '| %s | %.1f s | %s |\n' "$label" "$(echo "$ready - $start" | bc)" "$(pgrep -f "$DATA_DIR" | wc -l)"
  rm -f "$log"
}

echo "machine: $(nproc) cores, node $(node -v), $(date -u +%F)"
echo '| start | to /health ok | processes left after Ctrl-C |'
echo '|---|---|---|'
rm -rf dist
run 'cold (no Nx cache, empty DATA_DIR)' NX_SKIP_NX_CACHE=true
run 'warm (same data, cached build)'
