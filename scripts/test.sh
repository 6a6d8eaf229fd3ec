#!/usr/bin/env bash
# Runs every test: sets up and builds (scripts/setup.sh, scripts/build.sh), then the native unit
# tests, the same unit tests compiled to WebAssembly under Node, the benchmark suite in quick mode,
# the JavaScript API tests, and the browser tests in headless Chromium. Ends with one line: "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

if ! scripts/setup.sh || ! scripts/build.sh; then
  echo "setup or build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
source scripts/env.sh

passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# ctest ends with "N% tests passed, F tests failed out of T".
run_ctest() {
  echo "== $1"
  (cd "$2" && ctest --output-on-failure -j "$BP_JOBS") 2>&1 | tee "$log" | tail -n 4
  local line total bad
  line=$(grep -E 'tests passed, [0-9]+ tests failed out of [0-9]+' "$log" | tail -n 1)
  if [ -z "$line" ]; then failed=$((failed + 1)); cat "$log"; return; fi
  bad=$(sed -E 's/.* ([0-9]+) tests failed out of ([0-9]+).*/\1/' <<<"$line")
  total=$(sed -E 's/.* tests failed out of ([0-9]+).*/\1/' <<<"$line")
  passed=$((passed + total - bad))
  failed=$((failed + bad))
  [ "$bad" -eq 0 ] || cat "$log"
}

# node --test ends with "# pass N" and "# fail M".
run_node_tests() {
  echo "== $1"
  node --test "${@:2}" >"$log" 2>&1
  local status=$? pass fail
  pass=$(grep -E '^# pass [0-9]+' "$log" | awk '{print $3}')
  fail=$(grep -E '^# fail [0-9]+' "$log" | awk '{print $3}')
  if [ -z "$pass" ]; then cat "$log"; failed=$((failed + 1)); return; fi
  passed=$((passed + pass))
  failed=$((failed + fail))
  if [ "$status" -ne 0 ] || [ "$fail" -ne 0 ]; then cat "$log"; else tail -n 9 "$log"; fi
}

run_ctest "native unit tests" build/native

# The same unit tests once more under AddressSanitizer and UndefinedBehaviorSanitizer.
cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" >/dev/null &&
  cmake --build build/asan -j "$BP_JOBS" --target engine_tests >/dev/null
run_ctest "native unit tests under ASan + UBSan" build/asan
run_ctest "unit tests compiled to WebAssembly, run by Node" build/wasm

# The fuzz targets, 10 seconds each (scripts/fuzz.sh runs them for longer): a crash is a failure.
echo "== fuzz smoke (10 s per target)"
if scripts/fuzz.sh 10 | tee "$log"; then
  passed=$((passed + $(grep -c 'executions' "$log")))
else
  failed=$((failed + 1))
fi
# The benchmark suite in quick mode (one short run each), so it keeps working; scripts/bench.sh runs it in full.
echo "== benchmark suite, quick mode"
if node bench/run.mjs --quick >"$log" 2>&1; then
  passed=$((passed + 1))
  tail -n 20 "$log"
else
  failed=$((failed + 1))
  cat "$log"
fi
run_node_tests "JavaScript API tests" tests/node/
if compgen -G "tests/browser/*.test.mjs" >/dev/null; then
  # One file at a time: the tests time real interaction, and two Chromiums on two cores starve each other.
  run_node_tests "browser tests (headless Chromium)" --test-concurrency=1 tests/browser/
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
