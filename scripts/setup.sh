#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian 12 machine, and nothing twice:
# Debian packages that are missing, the pinned Dear ImGui sources (scripts/fetch_imgui.sh, cached in
# .deps/), and the npm packages from the committed lockfile (skipped when node_modules matches it).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(emscripten libeigen3-dev doctest-dev chromium fonts-dejavu-core fonttools clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

scripts/fetch_imgui.sh

# npm ci only when the lockfile changed since the last install (node_modules keeps a copy of it).
if [ -f package-lock.json ] && ! cmp -s package-lock.json node_modules/.package-lock.json.installed; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.package-lock.json.installed
fi
