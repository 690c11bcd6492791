#!/usr/bin/env bash
# Builds pkg-worker/: the same crate with the `worker` feature, for worker/index.js.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf pkg-worker
wasm-pack --quiet build --release --target web --out-dir pkg-worker --no-pack --no-typescript -- --features worker
rm -f pkg-worker/.gitignore
# As the package is: the Worker runs the same check on every request.
scripts/optimize-wasm.sh pkg-worker/web3_orders_bg.wasm
