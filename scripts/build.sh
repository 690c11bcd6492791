#!/usr/bin/env bash
# Builds pkg/: the release wasm and its ES-module glue.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf pkg
# --target web: ES-module glue exporting initSync/init, which the hand-written
#   entries in js/ use for Node, workerd and browsers alike.
# --no-pack: package.json is hand-written at the repo root.
# --no-typescript: index.d.ts is generated from the Rust types instead.
# wasm-pack's own wasm-opt step is off (Cargo.toml): it would download binaryen.
wasm-pack --quiet build --release --target web --out-dir pkg --no-pack --no-typescript
rm -f pkg/.gitignore
scripts/optimize-wasm.sh pkg/web3_orders_bg.wasm
# The Node entry as one ES module: Node's loader costs ~0.6 ms for each module
# it resolves, reads and links, and the entry's graph had ten; bundled, the
# import takes ~6 ms instead of ~10 (docs/performance.md). Browsers and
# workerd keep js/: bundlers and wrangler bundle for them. Written next to the
# glue, so its own `new URL("web3_orders_bg.wasm", import.meta.url)` still names
# the file (bundlers emit such URLs as assets and fail on a missing one).
node_modules/.bin/esbuild js/node.js --bundle --format=esm --platform=node --target=node20 \
  --external:node:* --log-level=warning --outfile=pkg/node.js
