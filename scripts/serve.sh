#!/usr/bin/env bash
# Builds everything (installing what is missing) and serves the playground on localhost.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node scripts/serve.mjs "$@"
