#!/usr/bin/env bash
# Builds the engine and its tests natively (build/native) and for the browser (build/wasm), then
# gathers the page's files in dist/. Incremental: a second run rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j "$BP_JOBS"

if [ ! -f build/wasm/CMakeCache.txt ]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release -DIMGUI_DIR="$PWD/.deps/imgui" >/dev/null
fi
cmake --build build/wasm -j "$BP_JOBS"
