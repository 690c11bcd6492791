#!/usr/bin/env bash
# Optimises a built .wasm in place with the pinned binaryen from npm (wasm-pack's
# own step would download one). -O3 rather than -Oz: the check pass is the hot
# loop, and -Oz costs speed for little size (npm run bench). Names and the
# producers section are dropped: nothing reads them at run time.
#   scripts/optimize-wasm.sh pkg/web3_orders_bg.wasm
set -euo pipefail
cd "$(dirname "$0")/.."
node_modules/.bin/wasm-opt -O3 --strip-debug --strip-producers \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-multivalue --enable-mutable-globals \
  "$1" -o "$1"
