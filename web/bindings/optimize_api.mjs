// The optimizer part of the JavaScript API (docs/js-api.md): engine.optimize() and engine.race(). Like
// the network methods, these throw an Error for bad input, with a message naming the option and the fix;
// the engine stays usable after it. The update rules are the engine's (engine/optim/update_rules.hpp).

// In the engine's order (optim::kRules): the index is what the module reads.
const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw'];
const MAX_STEPS = 100000;
// torch.optim's defaults; 'momentum' and 'nesterov' are SGD(momentum=0.9[, nesterov=True]).
const DEFAULTS = {
  sgd: { lr: 1e-3 },
  momentum: { lr: 1e-3, momentum: 0.9 },
  nesterov: { lr: 1e-3, momentum: 0.9 },
  adagrad: { lr: 1e-2, eps: 1e-10 },
  rmsprop: { lr: 1e-2, momentum: 0, alpha: 0.99, eps: 1e-8 },
  adam: { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8 },
  adamw: { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 1e-2 },
};
const COMMON = ['optimizer', 'lr', 'weightDecay', 'steps', 'noise', 'seed', 'limit'];
const SPECIFIC = ['momentum', 'alpha', 'betas', 'eps'];

const quoted = (names) => names.map((name) => `'${name}'`).join(', ');

function describeOption(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'string') return `'${value.slice(0, 20)}'`;
  if (typeof value === 'number') return String(value);
  return typeof value;
}

function finiteOption(options, name, fallback) {
  const value = options[name] ?? fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`options.${name} must be a finite number (got ${describeOption(value)})`);
  }
  return value;
}

function wholeOption(options, name, fallback, max) {
  const value = options[name] ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new Error(`options.${name} must be a whole number from 0 to ${max} (got ${describeOption(value)})`);
  }
  return value;
}

// One racer's options → the kSettingsPerRacer numbers engine_bindings.cpp reads (racer_from).
function settingsOf(options, label) {
  if (options === undefined) options = {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new Error(`${label} must be an object such as { optimizer: 'adam', lr: 0.1, steps: 100 } `
      + `(got ${describeOption(options)})`);
  }
  const optimizer = options.optimizer ?? 'sgd';
  if (!OPTIMIZERS.includes(optimizer)) {
    throw new Error(`${label}.optimizer must be ${quoted(OPTIMIZERS)} (got ${describeOption(optimizer)})`);
  }
  const defaults = DEFAULTS[optimizer];
  const allowed = [...COMMON, ...Object.keys(defaults)];
  for (const name of Object.keys(options)) {
    if (allowed.includes(name) || options[name] === undefined) continue;
    const users = OPTIMIZERS.filter((o) => Object.hasOwn(DEFAULTS[o], name) && name !== 'lr');
    throw new Error(users.length
      ? `${label}.${name} does not apply to '${optimizer}' (only to ${quoted(users)}): `
        + 'remove it or change the optimizer'
      : `${label} has no option '${name}'; the options are ${[...COMMON, ...SPECIFIC].join(', ')}`);
  }
  const o = { ...defaults, ...options };
  const betas = o.betas ?? [0.9, 0.999];
  if (!Array.isArray(betas) || betas.length !== 2 || !betas.every((b) => typeof b === 'number')) {
    throw new Error(`${label}.betas must be an array of two numbers such as [0.9, 0.999] `
      + `(got ${describeOption(betas)})`);
  }
  const named = (name, fallback) => finiteOption(o, name, fallback);
  return [
    OPTIMIZERS.indexOf(optimizer), named('lr'), named('momentum', 0), named('alpha', 0.99), betas[0], betas[1],
    named('eps', 1e-8), named('weightDecay', 0), wholeOption(o, 'steps', 100, MAX_STEPS), named('noise', 0),
    wholeOption(o, 'seed', 1, Number.MAX_SAFE_INTEGER), named('limit', 1e12),
  ];
}

function checkStart(start) {
  if (start === null || typeof start !== 'object' || Array.isArray(start)) {
    throw new Error(`start must be an object of numbers such as { x: 1, y: 2 } (got ${describeOption(start)})`);
  }
  const names = Object.keys(start);
  if (names.length === 0) throw new Error('start must give each variable to optimize a value, such as { x: 1, y: 2 }');
  for (const name of names) {
    if (typeof start[name] !== 'number' || !Number.isFinite(start[name])) {
      throw new Error(`start.${name} must be a finite number (got ${describeOption(start[name])})`);
    }
  }
  return { names, values: names.map((name) => start[name]) };
}

// The module's flat arrays → { path: [{ values, f, grad }], diverged, reason }, one object per point.
// (Three objects a point: about 0.1 µs each in V8, so race() leaves the arrays flat.)
function pathOf(result) {
  const { variables, values, f, grad } = result;
  const n = variables.length;
  const path = [];  // pushed, not new Array(length): a long preallocated array starts out slow (dictionary) in V8
  for (let k = 0; k < f.length; k++) {
    const at = {}, slope = {};
    for (let i = 0; i < n; i++) {
      at[variables[i]] = values[k * n + i];
      slope[variables[i]] = grad[k * n + i];
    }
    path.push({ values: at, f: f[k], grad: slope });
  }
  return { path, diverged: result.diverged, reason: result.reason };
}

// race()'s `into` (an earlier result of race(), or undefined) → the whole Float64Array its paths are views of.
function memoryOf(into) {
  if (into === undefined) return undefined;
  if (!Array.isArray(into) || !(into[0]?.values instanceof Float64Array)) {
    throw new Error(`options.into must be an earlier result of engine.race() (got ${describeOption(into)})`);
  }
  return new Float64Array(into[0].values.buffer);
}

// The module's { error: { message, start, end } } as a thrown Error carrying the span into the text.
function throwError({ error }) {
  const e = new Error(error.message);
  e.start = error.start;
  e.end = error.end;
  throw e;
}

// engine.optimize and engine.race, given the module, the text sender and checkText of engine_api.mjs.
function optimizeApi(core, send, checkText) {
  const run = (text, start, settings, into) => {
    const t = checkText(text);
    if (t.error) throwError(t);
    const s = checkStart(start);
    send(t.text);
    const out = core.race(s.names, s.values, settings, into);
    if (out.error) throwError(out);
    // Each racer's path as views into the one array the module filled: values, f, grad in turn.
    let at = 0;
    return out.racers.map(({ variables, points, diverged, reason }) => {
      const size = points * variables.length;
      const values = out.data.subarray(at, at + size);
      const f = out.data.subarray(at + size, at + size + points);
      const grad = out.data.subarray(at + size + points, at + 2 * size + points);
      at += 2 * size + points;
      return { variables, values, f, grad, diverged, reason };
    });
  };
  return {
    // One optimizer from start: → { path: [{ values, f, grad }], diverged, reason }.
    optimize(text, start, options) {
      return pathOf(run(text, start, settingsOf(options, 'options'))[0]);
    },
    // Several optimizers from the same start, stepped together (one pass of the tape per step for all):
    // → per racer { variables, values, f, grad, diverged, reason }, the path in flat Float64Arrays (point
    // after point; values and grad hold variables.length numbers a point), ready to draw as a trail.
    // With { into: an earlier result of race() }, the numbers are written into that result's memory when it
    // is large enough (its arrays then hold the new numbers): a page that re-runs a race on every drag
    // spares the fresh memory, whose page faults cost twice the race itself (bench O).
    race(text, start, racers, { into } = {}) {
      if (!Array.isArray(racers) || racers.length === 0) {
        throw new Error('racers must be a non-empty array of options such as '
          + `[{ optimizer: 'sgd' }, { optimizer: 'adam' }] (got ${describeOption(racers)})`);
      }
      return run(text, start, racers.flatMap((options, r) => settingsOf(options, `racers[${r}]`)), memoryOf(into));
    },
  };
}
