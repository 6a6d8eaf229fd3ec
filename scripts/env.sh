# Sourced by the build scripts: the environment Emscripten 3.1.6 from Debian needs.
# emcc -O1+ runs a JS optimizer that needs acorn, which Debian installs outside Node's default search path.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
# Debian ships Emscripten's system libraries prebuilt in a root-owned cache. A user who cannot write
# there gets a private copy in the build tree, so missing libraries can still be built.
if [ -z "${EM_CACHE:-}" ]; then
  default_cache=$(em-config CACHE 2>/dev/null || true)
  if [ -n "$default_cache" ] && [ ! -w "$default_cache" ]; then
    export EM_CACHE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/build/emcache"
    [ -d "$EM_CACHE" ] || { mkdir -p "$EM_CACHE" && cp -r "$default_cache"/. "$EM_CACHE"/; }
  fi
fi
export BP_JOBS="${BP_JOBS:-$(nproc)}"
