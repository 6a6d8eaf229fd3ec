// The engine's JavaScript API (docs/js-api.md). Every method returns a result object; bad input of
// any kind returns { error: { message, start, end } } (start/end: JavaScript string indices into
// the text) and never throws, and the next call works normally.

const SCHEMES = { forward: 0, central: 1, backward: 2 };
const MAX_TEXT_LENGTH = 4 * 1024 * 1024;

function failure(message, start = 0, end = 0) {
  return { error: { message, start, end } };
}

// Emscripten's string conversion pairs a lone surrogate with the next code unit; U+FFFD keeps every
// index in place and the lexer reports it as an unexpected character.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function checkText(text) {
  if (typeof text !== 'string') return failure(`the text must be a string (got ${typeOf(text)})`);
  if (text.length > MAX_TEXT_LENGTH) {
    return failure(`the text is too long (${text.length} characters; at most ${MAX_TEXT_LENGTH})`, MAX_TEXT_LENGTH, text.length);
  }
  return { text: text.replace(LONE_SURROGATE, '\uFFFD') };
}

// The text as UTF-8 bytes for the core: embind copies a Uint8Array byte for byte, where its own
// string encoder took 70 % of a gradient() call on a 75 KB program (a profile of bench/run.mjs G).
// The last text's bytes are kept: callers repeat the same text (plots, the G benchmark).
const encoder = new TextEncoder();
let lastText = null;
let lastBytes = null;
function utf8(text) {
  if (text !== lastText) {
    lastBytes = encoder.encode(text);
    lastText = text;
  }
  return lastBytes;
}

function checkVariable(variable) {
  if (typeof variable !== 'string') return failure(`the variable must be a string such as 'x' (got ${typeOf(variable)})`);
  return null;
}

function checkVars(vars) {
  if (vars === undefined || vars === null) return { names: [], values: [] };
  if (typeof vars !== 'object' || Array.isArray(vars)) {
    return failure(`vars must be an object of numbers such as { x: 2 } (got ${typeOf(vars)})`);
  }
  const names = [];
  const values = [];
  for (const name of Object.keys(vars)) {
    const value = vars[name];
    if (typeof value !== 'number') return failure(`vars.${name} must be a number (got ${typeOf(value)})`);
    names.push(name);
    values.push(value);
  }
  return { names, values };
}

function typeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string '${value.slice(0, 20)}'` : typeof value;
}

// Runs a core call; a failure inside the module becomes an error result instead of an exception.
function guarded(call) {
  try {
    return call();
  } catch (e) {
    return failure(`internal error: ${e && e.message ? e.message : String(e)}`);
  }
}

function makeApi(core) {
  return {
    evaluate(text, vars) {
      const t = checkText(text); if (t.error) return t;
      const v = checkVars(vars); if (v.error) return v;
      return guarded(() => core.evaluate(utf8(t.text), v.names, v.values));
    },
    gradient(text, vars) {
      const t = checkText(text); if (t.error) return t;
      const v = checkVars(vars); if (v.error) return v;
      return guarded(() => core.gradient(utf8(t.text), v.names, v.values));
    },
    numericalDerivative(text, variable, vars, options = {}) {
      const t = checkText(text); if (t.error) return t;
      const bad = checkVariable(variable); if (bad) return bad;
      const v = checkVars(vars); if (v.error) return v;
      if (options === null || typeof options !== 'object') return failure('options must be an object such as { h: 1e-6, scheme: \'central\' }');
      const { h = 1e-6, scheme = 'forward' } = options;
      if (typeof h !== 'number') return failure(`h must be a number (got ${typeOf(h)})`);
      if (!Object.hasOwn(SCHEMES, scheme)) return failure(`scheme must be 'forward', 'central' or 'backward' (got ${typeOf(scheme)})`);
      return guarded(() => core.numericalDerivative(utf8(t.text), variable, v.names, v.values, h, SCHEMES[scheme]));
    },
    derivative(text, variable) {
      const t = checkText(text); if (t.error) return t;
      const bad = checkVariable(variable); if (bad) return bad;
      return guarded(() => core.derivative(utf8(t.text), variable));
    },
    graph(text, vars) {
      const t = checkText(text); if (t.error) return t;
      const v = checkVars(vars); if (v.error) return v;
      return guarded(() => core.graph(utf8(t.text), v.names, v.values));
    },
    // How the parser read the text, fully parenthesised: '1/2x' -> { reading: '(1/2)*x' }.
    reading(text) {
      const t = checkText(text); if (t.error) return t;
      return guarded(() => core.reading(utf8(t.text)));
    },
    // f and f' at many points in one call: → { values: Float64Array, slopes: Float64Array }.
    sample(text, variable, xs, vars) {
      const t = checkText(text); if (t.error) return t;
      const bad = checkVariable(variable); if (bad) return bad;
      const v = checkVars(vars); if (v.error) return v;
      if (!(xs instanceof Float64Array) && !Array.isArray(xs)) return failure('xs must be a Float64Array or an array of numbers');
      return guarded(() => core.sample(utf8(t.text), variable, v.names, v.values, xs));
    },
    // The WebAssembly heap's size in bytes (it grows on demand up to 1 GiB): for leak checks.
    heapBytes() {
      return core.HEAP8.length;
    },
    // Bytes allocated inside the module right now (malloc's count): for leak checks.
    heapInUse() {
      return core.heapInUse();
    },
    // A network on the engine (network_api.mjs); throws an Error naming the field on bad options.
    createNetwork(options) {
      return createNetwork(core, options);
    },
  };
}

// The default export: an async factory, in the browser and in plain `node file.mjs`.
export default async function createEngine() {
  const options = {};
  if (isNode) {
    // Node 20's fetch() cannot read a file path, so hand the loader the bytes.
    const fs = require('node:fs');
    options.wasmBinary = fs.readFileSync(new URL('./engine.wasm', import.meta.url));
  } else {
    options.locateFile = (path) => new URL(path, import.meta.url).href;
  }
  const core = await createEngineCore(options); // eslint-disable-line no-undef
  return makeApi(core);
}
