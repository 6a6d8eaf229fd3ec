// The "hand-written JavaScript" contender: a small fully connected network (MLP) trained with plain
// SGD on Float64Array, written the way a competent JS programmer would, without WebAssembly or
// numeric shortcuts. It is the honest baseline the WebAssembly engine is measured against.
import { checkConfig } from './config.mjs';

const activations = {
  // Each derivative is written in terms of the activation's output a, which is what backprop keeps.
  tanh: { f: Math.tanh, df: (a) => 1 - a * a },
  relu: { f: (z) => (z > 0 ? z : 0), df: (a) => (a > 0 ? 1 : 0) },
  linear: { f: (z) => z, df: () => 1 },
  // Softmax needs the whole layer: #forwardExample applies it after the layer's sums. With cross-entropy the
  // output delta is dL/dz = p − y directly, so its "derivative" is 1.
  softmax: { f: (z) => z, df: () => 1, isSoftmax: true },
};

export class JsMlp {
  constructor({ layers, activation = 'tanh', outputActivation = 'tanh', weights }) {
    checkConfig({ layers, activation, outputActivation, weights }, activations);
    this.sizes = layers.slice();
    this.inSize = layers[0];
    this.outSize = layers[layers.length - 1];
    this.isSoftmax = outputActivation === 'softmax';
    this.layers = weights.map(({ W, b }, l) => {
      const nIn = layers[l];
      const nOut = layers[l + 1];
      const last = l === weights.length - 1;
      return {
        nIn,
        nOut,
        act: activations[last ? outputActivation : activation],
        W: Float64Array.from(W), // copied: the caller's arrays stay theirs
        b: Float64Array.from(b),
        dW: new Float64Array(nOut * nIn), // gradients, summed over a batch
        db: new Float64Array(nOut),
      };
    });
    // One example is pushed forward and backward at a time (the weights only change at the end of
    // a batch, so this gives the same gradients as a whole-batch pass), which means the buffers
    // are per example and their size does not depend on the batch size.
    this.a = layers.map((size) => new Float64Array(size)); // activations, a[0] is the input
    this.delta = layers.map((size) => new Float64Array(size)); // dL/dz for each layer's units
  }

  // Forward one example (already copied into this.a[0]); the output ends up in the last this.a.
  #forwardExample() {
    for (let l = 0; l < this.layers.length; l++) {
      const { nIn, nOut, W, b, act } = this.layers[l];
      const input = this.a[l];
      const output = this.a[l + 1];
      for (let o = 0; o < nOut; o++) {
        let z = b[o];
        const row = o * nIn;
        for (let i = 0; i < nIn; i++) z += W[row + i] * input[i];
        output[o] = act.f(z);
      }
      if (act.isSoftmax) {  // shifted by the largest z, so exp never overflows
        let top = -Infinity;
        for (let o = 0; o < nOut; o++) top = Math.max(top, output[o]);
        let sum = 0;
        for (let o = 0; o < nOut; o++) sum += (output[o] = Math.exp(output[o] - top));
        for (let o = 0; o < nOut; o++) output[o] /= sum;
      }
    }
  }

  // Backward one example, given this.delta of the output layer holding dL/da there; adds the
  // example's share to every dW and db.
  #backwardExample() {
    const last = this.layers.length - 1;
    {
      const { nOut, act } = this.layers[last];
      const a = this.a[last + 1];
      const d = this.delta[last + 1];
      for (let o = 0; o < nOut; o++) d[o] *= act.df(a[o]);
    }
    for (let l = last; l >= 0; l--) {
      const { nIn, nOut, W, dW, db } = this.layers[l];
      const input = this.a[l];
      const d = this.delta[l + 1];
      for (let o = 0; o < nOut; o++) {
        const row = o * nIn;
        for (let i = 0; i < nIn; i++) dW[row + i] += d[o] * input[i];
        db[o] += d[o];
      }
      if (l === 0) break; // no one needs dL/dx
      // Send the error back through W, then through the previous layer's activation.
      const dPrev = this.delta[l];
      const actPrev = this.layers[l - 1].act;
      for (let i = 0; i < nIn; i++) {
        let sum = 0;
        for (let o = 0; o < nOut; o++) sum += W[o * nIn + i] * d[o];
        dPrev[i] = sum * actPrev.df(input[i]);
      }
    }
  }

  // One pass over the n examples in order, in batches [0,b), [b,2b), ... (the last may be
  // smaller), with plain SGD after each batch. The loss of a batch of `count` examples is the mean
  // squared error over every output (PyTorch's MSELoss, as our engine): Σ (a−y)² / (count·outputs),
  // so dL/da = 2(a−y)/(count·outputs); with a softmax output, the mean cross-entropy −Σ y·log p / count
  // (PyTorch's CrossEntropyLoss), so dL/dz = (p − y)/count. Returns the mean batch loss.
  trainEpoch(X, Y, n, learningRate, batchSize) {
    const { inSize, outSize, layers } = this;
    const input = this.a[0];
    const output = this.a[layers.length];
    const dOut = this.delta[layers.length];
    let lossSum = 0;
    let batches = 0;
    for (let start = 0; start < n; start += batchSize) {
      const end = Math.min(start + batchSize, n);
      const count = end - start;
      const scale = 2 / (count * outSize);
      for (const layer of layers) {
        layer.dW.fill(0);
        layer.db.fill(0);
      }
      let squared = 0;
      for (let e = start; e < end; e++) {
        for (let i = 0; i < inSize; i++) input[i] = X[e * inSize + i];
        this.#forwardExample();
        if (this.isSoftmax) {
          for (let o = 0; o < outSize; o++) {
            const y = Y[e * outSize + o];
            if (y !== 0) squared -= y * Math.log(output[o]);  // (the batch's summed cross-entropy)
            dOut[o] = (output[o] - y) / count;
          }
        } else {
          for (let o = 0; o < outSize; o++) {
            const diff = output[o] - Y[e * outSize + o];
            squared += diff * diff;
            dOut[o] = diff * scale;
          }
        }
        this.#backwardExample();
      }
      for (const { W, b, dW, db } of layers) {
        for (let k = 0; k < W.length; k++) W[k] -= learningRate * dW[k];
        for (let k = 0; k < b.length; k++) b[k] -= learningRate * db[k];
      }
      lossSum += squared / (this.isSoftmax ? count : count * outSize);
      batches++;
    }
    return batches > 0 ? lossSum / batches : 0;
  }

  // Outputs for n examples of X (n×in, row-major) written into out (n×outSize).
  forward(X, n, out) {
    const { inSize, outSize } = this;
    const input = this.a[0];
    const output = this.a[this.layers.length];
    for (let e = 0; e < n; e++) {
      for (let i = 0; i < inSize; i++) input[i] = X[e * inSize + i];
      this.#forwardExample();
      for (let o = 0; o < outSize; o++) out[e * outSize + o] = output[o];
    }
    return out;
  }

  // Copies of the weights, in the constructor's layout: per layer { W: out×in row-major, b }.
  getWeights() {
    return this.layers.map(({ W, b }) => ({ W: Float64Array.from(W), b: Float64Array.from(b) }));
  }
}
