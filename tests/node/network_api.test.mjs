// The network part of the JavaScript API, exactly as docs/js-api.md and our acceptance tests use it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import createEngine from '../../dist/engine.mjs';

const engine = await createEngine();
const X = [[1, 2], [-1, 0.5]];
const Y = [[1], [-1]];
const TINY = [{ W: [[0.1, -0.2], [0.4, 0.3]], b: [0.05, -0.1] }, { W: [[0.7, -0.5]], b: [0.2] }];

function tiny() {
  const net = engine.createNetwork({ layers: [2, 2, 1], activation: 'tanh', outputActivation: 'linear', loss: 'mse', seed: 1 });
  net.setParameters(TINY);
  return net;
}

function close(actual, expected, tolerance = 1e-12) {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${actual} vs ${expected}`);
}

test('forward, loss, gradients and one SGD step match the plain-Python reference', () => {
  // Reference: tests/reference/tiny_network.py.
  const net = tiny();
  const out = net.forward(X);
  close(out[0][0], -0.3295919987821086);
  close(out[1][0], 0.26396824863184354);
  const { loss, grads } = net.lossAndGradients(X, Y);
  close(loss, 1.6827153083874262);
  close(grads[0].W[0][0], -1.7400504786520314);
  close(grads[0].W[1][1], 0.36716339529550834);
  close(grads[1].W[0][1], -1.3775519246186652);
  close(grads[1].b[0], -0.065623750150265);
  const before = net.step(X, Y, { learningRate: 0.1 });
  close(before.loss, 1.6827153083874262);
  const after = net.getParameters();
  close(after[0].W[0][0], 0.2740050478652032);
  close(after[1].W[0][1], -0.3622448075381335);
  assert.ok(net.lossAndGradients(X, Y).loss < loss, 'the step lowers the loss');
  net.delete();
});

test('getParameters returns W out×in and b per layer; setParameters round-trips them', () => {
  const net = engine.createNetwork({ layers: [3, 5, 2], seed: 4 });
  const params = net.getParameters();
  assert.equal(params.length, 2);
  assert.equal(params[0].W.length, 5);
  assert.equal(params[0].W[0].length, 3);
  assert.equal(params[1].b.length, 2);
  const other = engine.createNetwork({ layers: [3, 5, 2], seed: 9 });
  other.setParameters(params);
  assert.deepEqual(other.getParameters(), params);
  assert.deepEqual(other.forward([[0.1, 0.2, 0.3]]), net.forward([[0.1, 0.2, 0.3]]));
  net.delete();
  other.delete();
});

test('the same seed gives the same network', () => {
  const a = engine.createNetwork({ layers: [2, 4, 2, 1], seed: 7 });
  const b = engine.createNetwork({ layers: [2, 4, 2, 1], seed: 7 });
  const c = engine.createNetwork({ layers: [2, 4, 2, 1], seed: 8 });
  assert.deepEqual(a.getParameters(), b.getParameters());
  assert.notDeepEqual(a.getParameters(), c.getParameters());
  [a, b, c].forEach((n) => n.delete());
});

test('train runs in-order mini-batches and returns the mean of the last epoch\'s batch losses', () => {
  // Same data, by hand: train with batch 1 equals two step() calls, whose losses are averaged.
  const a = tiny();
  const b = tiny();
  const { loss } = a.train(X, Y, { learningRate: 0.1, batchSize: 1, epochs: 1 });
  const l1 = b.step([X[0]], [Y[0]], { learningRate: 0.1 }).loss;
  const l2 = b.step([X[1]], [Y[1]], { learningRate: 0.1 }).loss;
  close(loss, (l1 + l2) / 2);
  assert.deepEqual(a.getParameters(), b.getParameters());
  a.delete();
  b.delete();
});

test('a network learns XOR through the API', () => {
  const X4 = [[-1, -1], [-1, 1], [1, -1], [1, 1]];
  const Y4 = [[1], [-1], [-1], [1]];
  const net = engine.createNetwork({ layers: [2, 6, 1], activation: 'tanh', outputActivation: 'tanh', loss: 'mse', seed: 3 });
  const first = net.lossAndGradients(X4, Y4).loss;
  const { loss } = net.train(X4, Y4, { learningRate: 0.1, batchSize: 4, epochs: 2000 });
  assert.ok(loss < 0.05 * first, `loss ${loss} from ${first}`);
  net.forward(X4).forEach((row, i) => assert.equal(Math.sign(row[0]), Y4[i][0]));
  net.delete();
});

test('bce goes with a sigmoid output and gives finite losses for confident outputs', () => {
  const net = engine.createNetwork({ layers: [1, 1], outputActivation: 'sigmoid', loss: 'bce', seed: 1 });
  net.setParameters([{ W: [[1000]], b: [0] }]);
  close(net.lossAndGradients([[1]], [[0]]).loss, 1000);
  net.delete();
});

test('invalid configurations throw an Error naming the field, and the engine stays usable', () => {
  const cases = [
    [{ layers: [2] }, /layers must be an array/],
    [{ layers: [2, 0, 1] }, /layers\[1\] must be a whole number/],
    [{ layers: [2, 1e6, 1] }, /layers\[1\]/],
    [{ layers: Array(1000).fill(4) }, /at most 34/],
    [{ layers: [2, 4000, 4000, 1] }, /parameters/],
    [{ activation: 'swish' }, /activation must be/],
    [{ outputActivation: 'relu' }, /outputActivation must be/],
    [{ loss: 'hinge' }, /loss must be/],
    [{ loss: 'bce' }, /outputActivation 'sigmoid'/],
    [{ seed: -1 }, /seed must be/],
    [null, /options object/],
  ];
  for (const [options, message] of cases) {
    assert.throws(() => engine.createNetwork(options), (e) => e instanceof Error && message.test(e.message));
  }
  assert.deepEqual(engine.evaluate('2+2'), { value: 4 });
  const net = engine.createNetwork({ layers: [2, 1] });
  assert.equal(net.forward([[1, 1]]).length, 1);
  net.delete();
});

test('wrong shapes throw an Error naming the argument, and the network stays usable', () => {
  const net = tiny();
  const cases = [
    [() => net.forward([[1]]), /X\[0\] must have 2 values/],
    [() => net.forward([]), /X must be a non-empty array/],
    [() => net.forward([[1, 'a']]), /X\[0\]\[1\] must be a number/],
    [() => net.lossAndGradients(X, [[1]]), /one row per row of X/],
    [() => net.lossAndGradients(X, [[1, 2], [3, 4]]), /Y\[0\] must have 1 values/],
    [() => net.step(X, Y, { learningRate: 'fast' }), /learningRate must be a finite number/],
    [() => net.train(X, Y, { batchSize: 0 }), /batchSize must be a whole number/],
    [() => net.train(X, Y, { epochs: 1.5 }), /epochs must be a whole number/],
    [() => net.setParameters([{ W: [[1, 2]], b: [0] }]), /parameters must be an array of 2 layers/],
    [() => net.setParameters([{ W: [[1, 2, 3], [4, 5, 6]], b: [0, 0] }, TINY[1]]), /parameters\[0\]\.W\[0\] must have 2 values/],
  ];
  for (const [call, message] of cases) {
    assert.throws(call, (e) => e instanceof Error && message.test(e.message), String(message));
  }
  const fresh = tiny();
  assert.deepEqual(net.getParameters(), fresh.getParameters(), 'a refused setParameters changed nothing');
  fresh.delete();
  close(net.forward(X)[0][0], -0.3295919987821086);
  net.delete();
  assert.throws(() => net.forward(X), /deleted/);
});

test('flat Float64Array data trains and predicts exactly as arrays of rows do', () => {
  const rows = [[0.5, -1], [1, 1], [-2, 0.25], [3, -0.5]];
  const targets = [[1], [-1], [1], [-1]];
  const a = engine.createNetwork({ layers: [2, 3, 1], activation: 'tanh', outputActivation: 'tanh', seed: 5 });
  const b = engine.createNetwork({ layers: [2, 3, 1], activation: 'tanh', outputActivation: 'tanh', seed: 5 });
  const lossRows = a.train(rows, targets, { learningRate: 0.1, batchSize: 2, epochs: 3 }).loss;
  const lossFlat = b.train(new Float64Array(rows.flat()), new Float64Array(targets.flat()), { learningRate: 0.1, batchSize: 2, epochs: 3 }).loss;
  assert.equal(lossFlat, lossRows);
  const out = b.forward(new Float64Array(rows.flat()));
  assert.ok(out instanceof Float64Array && out.length === 4);
  assert.deepEqual(Array.from(out), a.forward(rows).map((r) => r[0]));
  assert.throws(() => b.forward(new Float64Array(3)), /2 values per example/);
  assert.throws(() => b.train(new Float64Array(4), [[1], [1]]), /Y must be a Float64Array/);
  a.delete();
  b.delete();
});
