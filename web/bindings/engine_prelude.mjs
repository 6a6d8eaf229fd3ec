// dist/engine.mjs = this prelude + Emscripten's generated loader + network_api.mjs + optimize_api.mjs + engine_api.mjs.
// Emscripten 3.1.6's loader expects CommonJS `require` and `__dirname` under Node; an ES module has
// neither, so Node gets them here (the browser never runs this branch).
const isNode = typeof process === 'object' && process.versions != null && process.versions.node != null;
let require, __dirname, __filename; // eslint-disable-line no-unused-vars
if (isNode) {
  const { createRequire } = await import('node:module');
  const { fileURLToPath } = await import('node:url');
  require = createRequire(import.meta.url);
  __filename = fileURLToPath(import.meta.url);
  __dirname = require('node:path').dirname(__filename);
}
