# cmake -DDIST=dir -P version.cmake: writes DIST/version.json with a version derived from the built
# files, so every release's assets get their own URLs (?v=…) and cache.
file(SHA256 ${DIST}/playground.wasm wasm_hash)
file(SHA256 ${DIST}/playground.js js_hash)
string(SHA256 both "${wasm_hash}${js_hash}")
string(SUBSTRING "${both}" 0 16 version)
file(WRITE ${DIST}/version.json "{ \"version\": \"${version}\" }\n")
