// The TensorFlow.js contender: the same MLP, loss and in-order SGD as js_mlp.mjs, written the
// idiomatic TF.js way (tf.variable weights, tf.train.sgd().minimize) on the @tensorflow/tfjs package
// (its gradients and cpu backend) plus @tensorflow/tfjs-backend-wasm, as a user would install them.
import * as tf from '@tensorflow/tfjs';
// In Node this resolves to the package's CommonJS build, whose Emscripten loader finds its .wasm
// files next to itself (it picks tfjs-backend-wasm-simd.wasm, single-threaded), so no
// setWasmPaths() call is needed here.
import '@tensorflow/tfjs-backend-wasm';

import { checkConfig } from './config.mjs';

// Switch TF.js to 'cpu' or 'wasm' and wait for it to be ready; throws if it did not take.
export async function useBackend(name) {
  const ok = await tf.setBackend(name);
  await tf.ready();
  if (!ok || tf.getBackend() !== name) throw new Error(`TF.js backend ${name} failed to initialise (got ${tf.getBackend()})`);
  return tf.getBackend();
}

const activations = { tanh: tf.tanh, relu: tf.relu, linear: (z) => z };

export class TfMlp {
  // Same arguments as JsMlp. TF.js computes in float32 only, so the float64 weights are rounded
  // to float32 here and results differ from the float64 contenders by float32 rounding.
  constructor({ layers, activation = 'tanh', outputActivation = 'tanh', weights }) {
    checkConfig({ layers, activation, outputActivation, weights }, activations);
    this.sizes = layers.slice();
    this.inSize = layers[0];
    this.outSize = layers[layers.length - 1];
    this.layers = weights.map(({ W, b }, l) => {
      const nIn = layers[l];
      const nOut = layers[l + 1];
      // TF multiplies x·W with W in×out, so the out×in row-major input is transposed on the way in.
      const transposed = new Float32Array(nIn * nOut);
      for (let o = 0; o < nOut; o++) for (let i = 0; i < nIn; i++) transposed[i * nOut + o] = W[o * nIn + i];
      const last = l === weights.length - 1;
      return {
        nIn,
        nOut,
        act: activations[last ? outputActivation : activation],
        // tidy() frees the initial tensors; variables survive it (tf.variable keeps its own copy).
        W: tf.tidy(() => tf.variable(tf.tensor2d(transposed, [nIn, nOut]))),
        b: tf.tidy(() => tf.variable(tf.tensor1d(Float32Array.from(b)))),
      };
    });
    this.vars = this.layers.flatMap(({ W, b }) => [W, b]);
    this.optimizer = null; // made on the first trainEpoch, when the learning rate is known
  }

  #predict(x) {
    let h = x;
    for (const { W, b, act } of this.layers) h = act(tf.add(tf.matMul(h, W), b));
    return h;
  }

  // One pass over the n examples in order, in batches [0,b), [b,2b), ... (the last may be
  // smaller), with plain SGD after each batch. Batch loss: mean squared error over every output, as in JsMlp.
  // Returns the mean batch loss, read back once at the end of the epoch.
  trainEpoch(X, Y, n, learningRate, batchSize) {
    if (this.optimizer === null) this.optimizer = tf.train.sgd(learningRate);
    else if (this.optimizer.learningRate !== learningRate) this.optimizer.setLearningRate(learningRate);
    const { inSize, outSize } = this;
    // The whole data set goes to the backend once per epoch (as float32: tf.tensor rejects a
    // Float64Array); batches are slices of it.
    const xAll = tf.tensor2d(Float32Array.from(X.subarray(0, n * inSize)), [n, inSize]);
    const yAll = tf.tensor2d(Float32Array.from(Y.subarray(0, n * outSize)), [n, outSize]);
    let total = tf.scalar(0);
    let batches = 0;
    for (let start = 0; start < n; start += batchSize) {
      const count = Math.min(batchSize, n - start);
      // minimize() tidies the forward and backward passes itself; the outer tidy disposes the
      // returned cost once it has been added to the running total.
      const next = tf.tidy(() => {
        const cost = this.optimizer.minimize(() => {
          const x = tf.slice(xAll, [start, 0], [count, inSize]);
          const y = tf.slice(yAll, [start, 0], [count, outSize]);
          return tf.losses.meanSquaredError(y, this.#predict(x));
        }, true, this.vars);
        return tf.add(total, cost);
      });
      total.dispose();
      total = next;
      batches++;
    }
    const sum = total.dataSync()[0];
    tf.dispose([xAll, yAll, total]);
    return batches > 0 ? sum / batches : 0;
  }

  // Outputs for n examples of X (n×in, row-major) written into the Float64Array out (n×outSize).
  forward(X, n, out) {
    const y = tf.tidy(() => this.#predict(tf.tensor2d(Float32Array.from(X.subarray(0, n * this.inSize)), [n, this.inSize])));
    out.set(y.dataSync().subarray(0, n * this.outSize));
    y.dispose();
    return out;
  }

  // Copies of the weights as float64, in the constructor's layout: per layer { W: out×in, b }.
  getWeights() {
    return this.layers.map(({ nIn, nOut, W, b }) => {
      const wt = W.dataSync(); // in×out
      const Wout = new Float64Array(nOut * nIn);
      for (let o = 0; o < nOut; o++) for (let i = 0; i < nIn; i++) Wout[o * nIn + i] = wt[i * nOut + o];
      return { W: Wout, b: Float64Array.from(b.dataSync()) };
    });
  }

  // Frees the variables and the optimizer's state on the backend.
  dispose() {
    tf.dispose(this.vars);
    if (this.optimizer !== null) this.optimizer.dispose();
    this.vars = [];
    this.layers = [];
    this.optimizer = null;
  }
}
