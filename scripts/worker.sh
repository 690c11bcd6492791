#!/usr/bin/env bash
# `npm run worker`: the edge Worker in local workerd on 127.0.0.1:8787, with
# .dev.vars (created from .dev.vars.example when missing). Start the simulator
# (`npm run sim`) alongside to have upstreams.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/build-worker.sh
[[ -f .dev.vars ]] || { cp .dev.vars.example .dev.vars; echo "worker: wrote .dev.vars from .dev.vars.example"; }
exec node_modules/.bin/wrangler dev --ip 127.0.0.1 --port 8787
