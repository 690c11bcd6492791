#!/usr/bin/env bash
# Runs a command with the simulator listening on a free loopback port, its URL
# in SIM_URL; stops the simulator afterwards whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
SIM_PORT=0 node sim/server.mjs >"$log" 2>&1 &
sim_pid=$!
trap 'kill $sim_pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do
  SIM_URL=$(sed -n 's/^web3-orders simulator listening on //p' "$log")
  [[ -n "$SIM_URL" ]] && break
  kill -0 $sim_pid 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$SIM_URL" ]] || { echo "the simulator did not start" >&2; cat "$log" >&2; exit 1; }
export SIM_URL
"$@"
