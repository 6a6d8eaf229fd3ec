// The network part of the JavaScript API (docs/js-api.md). Unlike the expression methods, these
// throw a JS Error for an invalid configuration or shape, with a message naming the field and what
// was expected; the engine stays usable after it.

const HIDDEN_ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'linear'];
const OUTPUT_ACTIVATIONS = ['linear', 'tanh', 'sigmoid', 'softmax'];
const LOSSES = ['mse', 'bce', 'crossentropy'];

function describeValue(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'string') return `'${value.slice(0, 20)}'`;
  if (typeof value === 'number') return String(value);
  return typeof value;
}

function oneOf(value, allowed, field) {
  if (!allowed.includes(value)) {
    throw new Error(`${field} must be ${allowed.map((a) => `'${a}'`).join(', ')} (got ${describeValue(value)})`);
  }
}

function wholeNumber(value, field, min, max = Number.MAX_SAFE_INTEGER) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${field} must be a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ' up'} (got ${describeValue(value)})`);
  }
}

function finiteNumber(value, field) {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${field} must be a finite number (got ${describeValue(value)})`);
}

// rows: one array of `width` numbers per example → a flat Float64Array, example after example.
function flatten(rows, width, field) {
  if (!Array.isArray(rows) || rows.length === 0) throw new Error(`${field} must be a non-empty array of rows (got ${describeValue(rows)})`);
  const flat = new Float64Array(rows.length * width);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!Array.isArray(row) && !ArrayBuffer.isView(row)) throw new Error(`${field}[${i}] must be an array of ${width} numbers (got ${describeValue(row)})`);
    if (row.length !== width) throw new Error(`${field}[${i}] must have ${width} values, one per ${field === 'X' ? 'input' : 'output'} (got ${row.length})`);
    for (let j = 0; j < width; j++) {
      if (typeof row[j] !== 'number') throw new Error(`${field}[${i}][${j}] must be a number (got ${describeValue(row[j])})`);
      flat[i * width + j] = row[j];
    }
  }
  return flat;
}

// Rows in a flat Float64Array of `width` values each, all finite numbers' worth of them.
function flatCount(flat, width, field, what) {
  if (flat.length === 0 || flat.length % width !== 0) {
    throw new Error(`${field} as a Float64Array must hold ${width} value${width === 1 ? '' : 's'} per example, one per ${what} (got ${flat.length} values)`);
  }
  return flat.length / width;
}

function unflatten(flat, width) {
  const rows = [];
  for (let i = 0; i < flat.length; i += width) rows.push(Array.from(flat.subarray(i, i + width)));
  return rows;
}

function layersFromCore(list) {
  return list.map(({ W, b, cols }) => ({ W: unflatten(W, cols), b: Array.from(b) }));
}

// dropout: one rate for every hidden layer, or an array of one per hidden layer → the rates per hidden layer.
function dropoutRates(dropout, hidden) {
  const rate = (value, field) => {
    if (typeof value !== 'number' || !(value >= 0 && value <= 0.9)) {
      throw new Error(`${field} must be a rate from 0 to 0.9 (got ${describeValue(value)})`);
    }
    return value;
  };
  if (typeof dropout === 'number') return Array(hidden).fill(rate(dropout, 'dropout'));
  if (!Array.isArray(dropout) || dropout.length !== hidden) {
    throw new Error(`dropout must be a rate from 0 to 0.9, or an array of one rate per hidden layer (${hidden}) (got ${describeValue(dropout)})`);
  }
  return dropout.map((value, i) => rate(value, `dropout[${i}]`));
}

class Network {
  #core;
  #handle;
  #sizes;
  #dropout;

  constructor(core, handle, sizes, dropout) {
    this.#core = core;
    this.#handle = handle;
    this.#sizes = sizes;
    this.#dropout = dropout;
  }

  #live() {
    if (!this.#handle) throw new Error('this network was deleted; create a new one with engine.createNetwork()');
    return this.#handle;
  }

  // X and Y as arrays of rows, or (for large data: no per-row objects) as flat Float64Arrays, example
  // after example.
  #batch(X, Y) {
    const inputs = this.#sizes[0], outputs = this.#sizes[this.#sizes.length - 1];
    if (X instanceof Float64Array) {
      const n = flatCount(X, inputs, 'X', 'input');
      if (Y === undefined) return { x: X, n };
      if (!(Y instanceof Float64Array)) throw new Error(`Y must be a Float64Array like X (got ${describeValue(Y)})`);
      if (flatCount(Y, outputs, 'Y', 'output') !== n) {
        throw new Error(`Y must have one row per row of X (X has ${n}, Y has ${Y.length / outputs})`);
      }
      return { x: X, y: Y, n };
    }
    const x = flatten(X, inputs, 'X');
    if (Y === undefined) return { x, n: X.length };
    const y = flatten(Y, outputs, 'Y');
    if (Y.length !== X.length) throw new Error(`Y must have one row per row of X (X has ${X.length}, Y has ${Y.length})`);
    return { x, y, n: X.length };
  }

  get layers() { return [...this.#sizes]; }

  // The dropout rate of each hidden layer (0: none).
  get dropout() { return [...this.#dropout]; }

  // One flag per layer of weights: whether it adds its input to its output (a skip connection).
  get skips() { return this.#live().skips(); }

  getParameters() { return layersFromCore(this.#live().parameters()); }

  setParameters(params) {
    const handle = this.#live();
    const count = this.#sizes.length - 1;
    if (!Array.isArray(params) || params.length !== count) {
      throw new Error(`parameters must be an array of ${count} layers { W, b } (got ${describeValue(params)})`);
    }
    const flat = params.map((layer, l) => {  // check every layer before changing any
      const out = this.#sizes[l + 1], inp = this.#sizes[l];
      if (layer === null || typeof layer !== 'object') throw new Error(`parameters[${l}] must be an object { W, b }`);
      if (!Array.isArray(layer.W) || layer.W.length !== out) {
        throw new Error(`parameters[${l}].W must have ${out} rows (out×in, ${out}×${inp}) (got ${describeValue(layer.W)})`);
      }
      const W = flatten(layer.W, inp, `parameters[${l}].W`);
      if (!Array.isArray(layer.b) || layer.b.length !== out) {
        throw new Error(`parameters[${l}].b must have ${out} numbers (got ${describeValue(layer.b)})`);
      }
      const b = flatten([layer.b], out, `parameters[${l}].b`);
      return { W, b };
    });
    flat.forEach(({ W, b }, l) => handle.setLayer(l, W, b));
  }

  forward(X) {
    const { x, n } = this.#batch(X);
    const out = this.#live().forward(x, n);
    return X instanceof Float64Array ? out : unflatten(out, this.#sizes[this.#sizes.length - 1]);
  }

  lossAndGradients(X, Y) {
    const { x, y, n } = this.#batch(X, Y);
    const handle = this.#live();
    const loss = handle.lossAndGradients(x, y, n);
    return { loss, grads: layersFromCore(handle.gradients()) };
  }

  step(X, Y, options = {}) {
    const { learningRate = 0.03 } = options ?? {};
    finiteNumber(learningRate, 'learningRate');
    const { x, y, n } = this.#batch(X, Y);
    return { loss: this.#live().step(x, y, n, learningRate) };
  }

  train(X, Y, options = {}) {
    const { learningRate = 0.03, batchSize = 10, epochs = 1 } = options ?? {};
    finiteNumber(learningRate, 'learningRate');
    wholeNumber(batchSize, 'batchSize', 1);
    wholeNumber(epochs, 'epochs', 1);
    const { x, y, n } = this.#batch(X, Y);
    return { loss: this.#live().train(x, y, n, learningRate, batchSize, epochs) };
  }

  delete() {
    if (this.#handle) this.#handle.delete();
    this.#handle = null;
  }
}

function createNetwork(core, options) {
  if (options === null || typeof options !== 'object') {
    throw new Error(`createNetwork needs an options object such as { layers: [2, 4, 1] } (got ${describeValue(options)})`);
  }
  const {
    layers = [2, 4, 2, 1], activation = 'tanh', outputActivation = 'linear', loss = 'mse', seed = 1, dropout = 0, skip = false,
  } = options;
  if (!Array.isArray(layers) || layers.length < 2) {
    throw new Error(`layers must be an array of layer sizes such as [2, 4, 1], inputs first (got ${describeValue(layers)})`);
  }
  layers.forEach((size, i) => wholeNumber(size, `layers[${i}]`, 1, 4096));
  oneOf(activation, HIDDEN_ACTIVATIONS, 'activation');
  oneOf(outputActivation, OUTPUT_ACTIVATIONS, 'outputActivation');
  oneOf(loss, LOSSES, 'loss');
  wholeNumber(seed, 'seed', 0);
  const rates = dropoutRates(dropout, layers.length - 2);
  if (typeof skip !== 'boolean') throw new Error(`skip must be true or false (got ${describeValue(skip)})`);
  const problem = core.checkNetwork(layers, activation, outputActivation, loss, seed, rates, skip);
  if (problem) throw new Error(problem);
  const handle = core.makeNetwork(layers, activation, outputActivation, loss, seed, rates, skip);
  return new Network(core, handle, [...layers], rates);
}
