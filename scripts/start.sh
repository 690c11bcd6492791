#!/usr/bin/env bash
# `npm start`: build, then run the simulator, the edge Worker and the demo page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/build.sh
bash scripts/build-worker.sh
exec node scripts/start.mjs
