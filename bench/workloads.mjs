// The suite's workloads: data, initial weights and settings, generated here deterministically so that
// every contender (our engine natively and in WebAssembly, TensorFlow.js, the hand-written JS MLP,
// math.js) gets exactly the same numbers. Datasets follow TensorFlow Playground's definitions.

// Park–Miller minimal standard generator: tiny, and the same sequence in every JS engine.
export function rng(seed) {
  let state = seed % 2147483647;
  if (state <= 0) state += 2147483646;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

// TensorFlow Playground's circle: radius 5, label +1 inside r < 2.5, −1 for 3.5 < r < 5, noise 0.
function circle(n, random) {
  const X = new Float64Array(2 * n);
  const Y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const inside = i < n / 2;
    const r = inside ? 2.5 * random() : 3.5 + 1.5 * random();
    const angle = 2 * Math.PI * random();
    X[2 * i] = r * Math.sin(angle);
    X[2 * i + 1] = r * Math.cos(angle);
    Y[i] = inside ? 1 : -1;
  }
  return { X, Y, n };
}

// TensorFlow Playground's spiral: two arms, r = 5·i/n, t = 1.75·2π·i/n (+π for the second), noise 0.
function spiral(n, random) {
  void random;  // noise 0: the spiral is the same every time
  const X = new Float64Array(2 * n);
  const Y = new Float64Array(n);
  const half = n / 2;
  for (let i = 0; i < n; i++) {
    const arm = i < half ? 0 : 1;
    const k = i % half;
    const r = (5 * k) / half;
    const t = (1.75 * k * 2 * Math.PI) / half + arm * Math.PI;
    X[2 * i] = r * Math.sin(t);
    X[2 * i + 1] = r * Math.cos(t);
    Y[i] = arm === 0 ? 1 : -1;
  }
  return { X, Y, n };
}

// `classes` Gaussian blobs (σ 1) centred on a circle of radius 3, labels one-hot: the 4-class row.
function blobs(n, classes, random) {
  const X = new Float64Array(2 * n);
  const Y = new Float64Array(classes * n);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  for (let i = 0; i < n; i++) {
    const c = i % classes, angle = (2 * Math.PI * c) / classes;
    X[2 * i] = 3 * Math.cos(angle) + normal();
    X[2 * i + 1] = 3 * Math.sin(angle) + normal();
    Y[classes * i + c] = 1;
  }
  return { X, Y, n };
}

// Glorot uniform (He uniform for relu layers), biases 0: W out×in, row-major, per layer.
export function initialWeights(layers, activation, outputActivation, seed) {
  const random = rng(seed);
  const weights = [];
  for (let l = 0; l + 1 < layers.length; l++) {
    const inSize = layers[l], outSize = layers[l + 1];
    const act = l + 2 === layers.length ? outputActivation : activation;
    const limit = act === 'relu' ? Math.sqrt(6 / inSize) : Math.sqrt(6 / (inSize + outSize));
    const W = new Float64Array(outSize * inSize).map(() => (2 * random() - 1) * limit);
    weights.push({ W, b: new Float64Array(outSize) });
  }
  return weights;
}

// Training workloads. `unit` is what one run's rate counts: epochs (W1, W2) or examples (W3).
export const TRAINING = [
  { id: 'W1', title: 'playground default: circle 500, [4,2] tanh, tanh out, batch 10',
    data: () => circle(500, rng(1)), layers: [2, 4, 2, 1], activation: 'tanh', outputActivation: 'tanh',
    learningRate: 0.03, batchSize: 10, unit: 'epochs/s' },
  { id: 'W2', title: 'deep: spiral 500, [8,8,8,8,8,8] tanh, tanh out, batch 10',
    data: () => spiral(500, rng(2)), layers: [2, 8, 8, 8, 8, 8, 8, 1], activation: 'tanh', outputActivation: 'tanh',
    learningRate: 0.03, batchSize: 10, unit: 'epochs/s' },
  { id: 'W3', title: 'wide: circle 10,000, [64,64] relu, linear out, batch 32',
    data: () => circle(10000, rng(3)), layers: [2, 64, 64, 1], activation: 'relu', outputActivation: 'linear',
    learningRate: 0.01, batchSize: 32, unit: 'examples/s' },
  // Issue 17's row: several classes, softmax and cross-entropy (TensorFlow.js is not run on it).
  { id: 'W4', title: '4 classes: blobs 1,000, [16,16] tanh, softmax + cross-entropy, batch 10',
    data: () => blobs(1000, 4, rng(4)), layers: [2, 16, 16, 4], activation: 'tanh', outputActivation: 'softmax',
    loss: 'crossentropy', learningRate: 0.03, batchSize: 10, unit: 'epochs/s', tfjs: false },
];

// H: the forward pass over a 256×256 grid of the (x1, x2) square [−6, 6]², as the page's surface.
export function grid(size = 256) {
  const X = new Float64Array(2 * size * size);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      X[2 * (r * size + c)] = -6 + (12 * c) / (size - 1);
      X[2 * (r * size + c) + 1] = 6 - (12 * r) / (size - 1);
    }
  }
  return X;
}

// E: the seed's function and a harder one, as the page reads them and in math.js syntax.
export const EXPRESSIONS = [
  { id: 'E1', ours: '2x²−3x+4', mathjs: '2*x^2-3*x+4' },
  { id: 'E2', ours: 'sin(x)·exp(−x²/10) + ln(1+x²)', mathjs: 'sin(x)*exp(-x^2/10) + log(1+x^2)' },
];
export function sweepPoints(count = 10000) {
  return new Float64Array(count).map((_, i) => -5 + (10 * i) / (count - 1));
}

// G: a program of `statements` lines, each four nodes (two products, a sum, a tanh) reading the two
// lines before it, so nothing is shared and the values stay in (−1, 1).
export function graphProgram(statements = 2500) {
  const lines = ['v0 = a', 'v1 = b'];
  for (let k = 2; k < statements + 2; k++) lines.push(`v${k} = tanh(v${k - 1}*a + v${k - 2}*b)`);
  return { text: lines.join("; "), vars: { a: 0.9, b: 0.6 } };
}
