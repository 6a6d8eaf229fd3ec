# Sourced by the build scripts: the environment Emscripten 3.1.6 from Debian needs.
# emcc -O1+ runs a JS optimizer that needs acorn, which Debian installs outside Node's default search path.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
# A private compiler cache, so system libraries build without writing to a root-owned folder.
export EM_CACHE="${EM_CACHE:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build/emcache}"
if [ ! -d "$EM_CACHE" ]; then
  mkdir -p "$EM_CACHE"
  cp -r /usr/share/emscripten/cache/. "$EM_CACHE"/ 2>/dev/null || true
fi
export BP_JOBS="${BP_JOBS:-$(nproc)}"
