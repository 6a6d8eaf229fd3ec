#!/usr/bin/env bash
# Runs the benchmark suite (bench/run.mjs): sets up and builds what it needs, then prints one table of
# every workload × contender with ratios and the targets. scripts/bench.sh --quick: one short run each.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh >/dev/null
source scripts/env.sh
exec node bench/run.mjs "$@"
