// Quick self-check of the contenders (not part of the test suite): JsMlp and TfMlp (cpu and wasm)
// must train to the same weights from the same start, math.js must give the hand-computed f and
// f', and one W1-sized epoch of each is timed as a sanity check. Usage: node bench/contenders/check.mjs
import { JsMlp } from './js_mlp.mjs';
import { TfMlp, useBackend } from './tfjs_mlp.mjs';
import { mathjsSweep, sweep } from './mathjs_expr.mjs';
import * as tf from '@tensorflow/tfjs-core';

const layers = [2, 4, 2, 1];

// Small fixed weights, different in every entry so a transposition mistake would show.
function fixedWeights() {
  let k = 0;
  const next = () => 0.5 * Math.sin(1.3 * ++k);
  return layers.slice(1).map((nOut, l) => ({
    W: Float64Array.from({ length: nOut * layers[l] }, next),
    b: Float64Array.from({ length: nOut }, next),
  }));
}

// A toy data set: n points in the plane, labelled ±1 by whether they are inside a circle.
function toyData(n) {
  const X = new Float64Array(2 * n);
  const Y = new Float64Array(n);
  for (let e = 0; e < n; e++) {
    X[2 * e] = 3 * Math.sin(2.1 * e + 0.3);
    X[2 * e + 1] = 3 * Math.cos(3.7 * e);
    Y[e] = Math.hypot(X[2 * e], X[2 * e + 1]) < 2 ? 1 : -1;
  }
  return { X, Y };
}

function maxAbsDiff(a, b) {
  let max = 0;
  a.forEach((layer, l) => {
    for (const key of ['W', 'b']) for (let k = 0; k < layer[key].length; k++) max = Math.max(max, Math.abs(layer[key][k] - b[l][key][k]));
  });
  return max;
}

const config = { layers, activation: 'tanh', outputActivation: 'tanh' };

// 1. Three epochs, lr 0.03, batch 10 (two batches an epoch) on 20 examples.
{
  const { X, Y } = toyData(20);
  const js = new JsMlp({ ...config, weights: fixedWeights() });
  const jsLosses = [];
  for (let epoch = 0; epoch < 3; epoch++) jsLosses.push(js.trainEpoch(X, Y, 20, 0.03, 10));
  const jsWeights = js.getWeights();
  const jsOut = js.forward(X, 20, new Float64Array(20));
  console.log(`JsMlp            losses ${jsLosses.map((v) => v.toFixed(8)).join(' ')}`);
  for (const backend of ['cpu', 'wasm']) {
    await useBackend(backend);
    const net = new TfMlp({ ...config, weights: fixedWeights() });
    const losses = [];
    const tensors = [];
    for (let epoch = 0; epoch < 3; epoch++) {
      losses.push(net.trainEpoch(X, Y, 20, 0.03, 10));
      tensors.push(tf.memory().numTensors);
    }
    const out = net.forward(X, 20, new Float64Array(20));
    let outDiff = 0;
    for (let e = 0; e < 20; e++) outDiff = Math.max(outDiff, Math.abs(out[e] - jsOut[e]));
    console.log(`TfMlp ${tf.getBackend().padEnd(4)}       losses ${losses.map((v) => v.toFixed(8)).join(' ')}`);
    console.log(`  max |weights - JsMlp| ${maxAbsDiff(net.getWeights(), jsWeights).toExponential(2)}, max |forward - JsMlp| ${outDiff.toExponential(2)}, tensors after each epoch ${tensors.join(' ')}`);
    net.dispose();
    console.log(`  tensors left after dispose: ${tf.memory().numTensors}`);
  }
}

// 1b. The other activations and an uneven last batch: relu hidden, linear output, 23 examples in
//     batches of 10, 10 and 3.
{
  const { X, Y } = toyData(23);
  const reluConfig = { layers, activation: 'relu', outputActivation: 'linear' };
  const js = new JsMlp({ ...reluConfig, weights: fixedWeights() });
  const jsLoss = [0, 1, 2].map(() => js.trainEpoch(X, Y, 23, 0.03, 10));
  for (const backend of ['cpu', 'wasm']) {
    await useBackend(backend);
    const net = new TfMlp({ ...reluConfig, weights: fixedWeights() });
    const loss = [0, 1, 2].map(() => net.trainEpoch(X, Y, 23, 0.03, 10));
    const lossDiff = Math.max(...loss.map((v, k) => Math.abs(v - jsLoss[k])));
    console.log(`relu/linear, 23 examples, ${backend.padEnd(4)}: max |weights - JsMlp| ${maxAbsDiff(net.getWeights(), js.getWeights()).toExponential(2)}, max |loss - JsMlp| ${lossDiff.toExponential(2)}`);
    net.dispose();
  }
}

// 2. math.js at x = 1.
//    2x²−3x+4: f(1) = 3, f'(1) = 4x−3 = 1.
//    sin(x)·exp(−x²/10) + ln(1+x²): f(1) = sin 1·e^−0.1 + ln 2 ≈ 1.4545416;
//    f'(x) = cos x·e^(−x²/10) − (x/5)·sin x·e^(−x²/10) + 2x/(1+x²), so
//    f'(1) = e^−0.1·(cos 1 − 0.2·sin 1) + 1 ≈ 0.904837·0.372008 + 1 ≈ 1.3366069.
{
  const cases = [
    ['2*x^2-3*x+4', 3, 1],
    ['sin(x)*exp(-x^2/10) + log(1+x^2)', Math.sin(1) * Math.exp(-0.1) + Math.log(2), Math.exp(-0.1) * (Math.cos(1) - 0.2 * Math.sin(1)) + 1],
  ];
  for (const [text, f, df] of cases) {
    const outF = new Float64Array(1);
    const outDf = new Float64Array(1);
    sweep(mathjsSweep(text), Float64Array.of(1), outF, outDf);
    console.log(`math.js ${text.padEnd(34)} f(1) = ${outF[0].toFixed(10)} (by hand ${f.toFixed(10)}), f'(1) = ${outDf[0].toFixed(10)} (by hand ${df.toFixed(10)})`);
  }
}

// 3. One W1-sized epoch (500 examples, batch 10, [2,4,2,1]) per contender: median of 15 after 5
//    warm-up epochs. A sanity check of the order of magnitude, not the benchmark.
{
  const { X, Y } = toyData(500);
  const time = (label, net) => {
    const ms = [];
    for (let run = 0; run < 20; run++) {
      const start = performance.now();
      net.trainEpoch(X, Y, 500, 0.03, 10);
      if (run >= 5) ms.push(performance.now() - start);
    }
    ms.sort((a, b) => a - b);
    console.log(`${label.padEnd(10)} one epoch: median ${ms[7].toFixed(3)} ms (min ${ms[0].toFixed(3)}, max ${ms[14].toFixed(3)})`);
  };
  time('JsMlp', new JsMlp({ ...config, weights: fixedWeights() }));
  for (const backend of ['cpu', 'wasm']) {
    await useBackend(backend);
    const net = new TfMlp({ ...config, weights: fixedWeights() });
    time(`TfMlp ${backend}`, net);
    net.dispose();
  }
}
