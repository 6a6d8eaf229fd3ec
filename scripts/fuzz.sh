#!/usr/bin/env bash
# Fuzzes the engine's inputs with libFuzzer: scripts/fuzz.sh [seconds per target] (default 60).
# Builds build/fuzz with clang and ASan + UBSan, seeds each target from tests/fuzz/corpus/, keeps what
# it finds in build/fuzz/corpus/, and prints executions and coverage per target. A crash stops the
# run with the reproducer's path.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scripts/setup.sh >/dev/null
cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DBP_FUZZ=ON -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" >/dev/null
cmake --build build/fuzz -j "$(nproc)" --target fuzz_expression fuzz_state fuzz_network >/dev/null
status=0
for target in fuzz_expression fuzz_state fuzz_network; do
  corpus="build/fuzz/corpus/$target"
  mkdir -p "$corpus" "build/fuzz/crashes/$target"
  log="build/fuzz/$target.log"
  if ! build/fuzz/tests/fuzz/$target "$corpus" "tests/fuzz/corpus/$target" -max_total_time="$seconds" \
       -artifact_prefix="build/fuzz/crashes/$target/" -print_final_stats=1 >"$log" 2>&1; then
    status=1
    echo "$target: FAILED — see $log and build/fuzz/crashes/$target/"
  fi
  runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1)
  echo "$target: ${seconds}s, ${runs:-0} executions, ${cov:-cov: ?} edges"
done
exit "$status"
