#!/usr/bin/env bash
# Builds everything (installing what is missing) and serves dist/site/, the folder a host publishes, on localhost.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node scripts/serve.mjs --site dist/site "$@"
