// Benchmark W1 "playground default" through the JavaScript API (the WebAssembly build): the same
// network and data as bench/train_w1.cpp. The circle data is generated here with TensorFlow
// Playground's definition (its own random numbers, so the points differ; the work does not).
import createEngine from '../dist/engine.mjs';

const engine = await createEngine();
let seed = 1;
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
const uniform = (a, b) => a + (b - a) * random();
const X = [];
const Y = [];
for (const [rMin, rMax, label] of [[0, 2.5, 1], [3.5, 5, -1]]) {
  for (let i = 0; i < 250; i++) {
    const r = uniform(rMin, rMax), angle = uniform(0, 2 * Math.PI);
    X.push([r * Math.sin(angle), r * Math.cos(angle)]);
    Y.push([label]);
  }
}
const rates = [];
for (let run = 0; run < 9; run++) {
  const net = engine.createNetwork({ layers: [2, 4, 2, 1], activation: 'tanh', outputActivation: 'tanh', loss: 'mse', seed: 1 });
  const epochs = 200;
  const start = performance.now();
  net.train(X, Y, { learningRate: 0.03, batchSize: 10, epochs });
  const seconds = (performance.now() - start) / 1000;
  if (run >= 2) rates.push(epochs / seconds);
  net.delete();
}
rates.sort((a, b) => a - b);
console.log(`wasm    W1 circle 500, [2,4,2,1] tanh, batch 10: median ${rates[3].toFixed(0)} epochs/s (min ${rates[0].toFixed(0)}, max ${rates[6].toFixed(0)})`);
