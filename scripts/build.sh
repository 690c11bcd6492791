#!/usr/bin/env bash
# Builds pkg/: the release wasm and its ES-module glue.
set -euo pipefail
cd "$(dirname "$0")/.."
# --target web: ES-module glue exporting initSync/init, which the hand-written
#   entries in js/ use for Node, workerd and browsers alike.
# --no-pack: package.json is hand-written at the repo root.
# --no-typescript: index.d.ts is generated from the Rust types instead.
rm -rf pkg
wasm-pack --quiet build --release --target web --out-dir pkg --no-pack --no-typescript
rm -f pkg/.gitignore
