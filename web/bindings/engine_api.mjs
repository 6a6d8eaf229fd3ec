// The engine's JavaScript API (docs/js-api.md). Every expression method returns a result object; bad
// input of any kind returns { error: { message, start, end } } (start/end: JavaScript string indices
// into the text) and never throws, and the next call works normally. The network methods
// (network_api.mjs) and optimize()/race() (optimize_api.mjs) throw an Error instead.

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

// The text goes into the module as UTF-8 bytes, written in place (one copy, no JavaScript loop over
// bytes), and only when it differs from the last call's: callers repeat the same text (plots, the
// G benchmark), and the module keeps it between calls.
const encoder = new TextEncoder();
function textSender(core) {
  let sent = null;  // the text whose bytes the module holds
  return (text) => {
    if (text === sent) return;
    sent = null;
    const bytes = encoder.encode(text);
    const at = core.textBuffer(bytes.length);
    core.HEAPU8.set(bytes, at);  // after textBuffer: a grown heap has a new view
    sent = text;
  };
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

// The names a program is compiled for: an array of names, or a vars object (its keys).
function checkNames(names) {
  if (names === undefined || names === null) return { names: [] };
  if (Array.isArray(names)) {
    const bad = names.findIndex((name) => typeof name !== 'string');
    if (bad >= 0) return failure(`names[${bad}] must be a string (got ${typeOf(names[bad])})`);
    return { names };
  }
  if (typeof names === 'object') return { names: Object.keys(names) };
  return failure(`names must be an array of names such as ['x', 'e'] or a vars object (got ${typeOf(names)})`);
}

// A program compiled once (engine.compile): the parse and the tape stay in the module, and each call
// moves only numbers. Values in p.variables' order go through an exchange buffer in the module's
// memory (inputs, then the value, then the gradient); an object of values goes the named way, with
// the same messages as engine.evaluate / engine.gradient.
class CompiledProgram {
  #core;
  #handle;
  #io;  // the exchange buffer's index into HEAPF64
  #count;
  constructor(core, handle) {
    this.#core = core;
    this.#handle = handle;
    this.#io = handle.io() / 8;
    this.variables = handle.variables();
    this.#count = this.variables.length;
    Object.freeze(this.variables);
  }

  // The program's own values (`a = 3`) per variable, NaN where it gives none: a Float64Array.
  get defaults() {
    if (!this.#handle) return new Float64Array(0);
    return Float64Array.from(this.#handle.defaults());
  }

  #call(values, withGradient) {
    if (!this.#handle) return failure('this program was deleted; compile it again with engine.compile()');
    if (values instanceof Float64Array || Array.isArray(values)) {
      if (values.length !== this.#count) {
        return failure(`values must have ${this.#count} number${this.#count === 1 ? '' : 's'}, one per variable (${this.variables.join(', ')}); got ${values.length}`);
      }
      if (Array.isArray(values)) {
        const bad = values.findIndex((value) => typeof value !== 'number');
        if (bad >= 0) return failure(`values[${bad}] (${this.variables[bad]}) must be a number (got ${typeOf(values[bad])})`);
      }
      return guarded(() => {
        this.#core.HEAPF64.set(values, this.#io);
        if (!withGradient) {
          this.#handle.evaluateIo();
          return { value: this.#core.HEAPF64[this.#io + this.#count] };
        }
        this.#handle.gradientIo();
        const heap = this.#core.HEAPF64;  // after the call: a grown heap has a new view
        const at = this.#io + this.#count;
        return { value: heap[at], grad: heap.slice(at + 1, at + 1 + this.#count) };
      });
    }
    const v = checkVars(values); if (v.error) return v;
    return guarded(() => (withGradient ? this.#handle.gradientVars(v.names, v.values) : this.#handle.evaluateVars(v.names, v.values)));
  }

  // → { value }. values: a Float64Array or array in p.variables' order, or an object of numbers.
  evaluate(values) {
    return this.#call(values, false);
  }

  // → { value, grad }: grad a Float64Array in p.variables' order for values given in that order, an
  // object by name for an object of values (as engine.gradient).
  gradient(values) {
    return this.#call(values, true);
  }

  // Frees the program in the module; later calls return an error.
  delete() {
    if (this.#handle) this.#handle.delete();
    this.#handle = null;
  }
}

function makeApi(core) {
  const send = textSender(core);
  // The calls that take a text and its variables' values: checked, the text sent, the core called.
  const withVars = (text, vars, call) => {
    const t = checkText(text); if (t.error) return t;
    const v = checkVars(vars); if (v.error) return v;
    return guarded(() => {
      send(t.text);
      return call(v.names, v.values);
    });
  };
  return {
    evaluate(text, vars) {
      return withVars(text, vars, (names, values) => core.evaluate(names, values));
    },
    gradient(text, vars) {
      return withVars(text, vars, (names, values) => core.gradient(names, values));
    },
    numericalDerivative(text, variable, vars, options = {}) {
      const t = checkText(text); if (t.error) return t;
      const bad = checkVariable(variable); if (bad) return bad;
      const v = checkVars(vars); if (v.error) return v;
      if (options === null || typeof options !== 'object') return failure('options must be an object such as { h: 1e-6, scheme: \'central\' }');
      const { h = 1e-6, scheme = 'forward' } = options;
      if (typeof h !== 'number') return failure(`h must be a number (got ${typeOf(h)})`);
      if (!Object.hasOwn(SCHEMES, scheme)) return failure(`scheme must be 'forward', 'central' or 'backward' (got ${typeOf(scheme)})`);
      return guarded(() => {
        send(t.text);
        return core.numericalDerivative(variable, v.names, v.values, h, SCHEMES[scheme]);
      });
    },
    derivative(text, variable) {
      const t = checkText(text); if (t.error) return t;
      const bad = checkVariable(variable); if (bad) return bad;
      return guarded(() => {
        send(t.text);
        return core.derivative(variable);
      });
    },
    graph(text, vars) {
      return withVars(text, vars, (names, values) => core.graph(names, values));
    },
    // A program parsed once for many calls: → a CompiledProgram (variables, evaluate, gradient,
    // delete), or { error } as evaluate() gives it. names: the names the caller will give values to
    // (they override the constants e and pi), as an array or a vars object.
    compile(text, names) {
      const t = checkText(text); if (t.error) return t;
      const n = checkNames(names); if (n.error) return n;
      return guarded(() => {
        send(t.text);
        const handle = core.compileProgram(n.names, n.names.map(() => 0));
        const error = handle.error();
        if (error !== null) {
          handle.delete();
          return error;
        }
        return new CompiledProgram(core, handle);
      });
    },
    // How the parser read the text, fully parenthesised: '1/2x' -> { reading: '(1/2)*x' }. `names`
    // (optional, an array or a vars object) are the names the caller gives values, as in compile().
    reading(text, names) {
      const t = checkText(text); if (t.error) return t;
      const n = checkNames(names); if (n.error) return n;
      return guarded(() => {
        send(t.text);
        return core.reading(n.names);
      });
    },
    // f and f' at many points in one call: → { values: Float64Array, slopes: Float64Array }.
    sample(text, variable, xs, vars) {
      const t = checkText(text); if (t.error) return t;
      const bad = checkVariable(variable); if (bad) return bad;
      const v = checkVars(vars); if (v.error) return v;
      if (!(xs instanceof Float64Array) && !Array.isArray(xs)) return failure('xs must be a Float64Array or an array of numbers');
      return guarded(() => {
        send(t.text);
        return core.sample(variable, v.names, v.values, xs);
      });
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
    // optimize(text, start, options) and race(text, start, racers) (optimize_api.mjs); they throw on bad input.
    ...optimizeApi(core, send, checkText),
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
