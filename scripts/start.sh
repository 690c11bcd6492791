#!/usr/bin/env bash
# `npm start`: build, then serve the simulator and the demo page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/build.sh
exec node scripts/start.mjs
