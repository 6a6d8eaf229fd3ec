// Dropout and skip connections through the JavaScript API (docs/js-api.md, "Networks"): the options, what the
// network says it built, a step against independent numbers, seeded masks, evaluation without dropout, messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import createEngine from '../../dist/engine.mjs';

const engine = await createEngine();
// tests/reference/nn_layers.py's network: [2, 3, 3, 3], tanh, a skip around the 3 → 3 hidden layer, softmax.
const PARAMS = [
  { W: [[0.1, -0.2], [0.4, 0.3], [-0.5, 0.25]], b: [0.05, -0.1, 0] },
  { W: [[0.2, -0.3, 0.1], [0, 0.5, -0.4], [0.3, 0.1, 0.2]], b: [0.01, 0.02, -0.03] },
  { W: [[0.7, -0.5, 0.2], [-0.1, 0.3, 0.6], [0.4, 0.2, -0.3]], b: [0.2, -0.1, 0] },
];
const X = [[1, 2], [-1, 0.5]];
const Y = [[0, 0, 1], [1, 0, 0]];
const softmaxNet = (options = {}) => engine.createNetwork({
  layers: [2, 3, 3, 3], activation: 'tanh', outputActivation: 'softmax', loss: 'crossentropy', ...options,
});

function close(actual, expected, tolerance = 1e-13) {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${actual} vs ${expected}`);
}

test('a skip connection: the network says which layer has it, and one step matches the 50-digit reference', () => {
  const net = softmaxNet({ skip: true });
  assert.deepEqual(net.skips, [false, true, false]);
  net.setParameters(PARAMS);
  // tests/reference/nn_layers.py, "without dropout".
  const { loss, grads } = net.lossAndGradients(X, Y);
  close(loss, 0.83090142048441281);
  close(grads[0].W[0][0], 0.13698835320792322);
  close(grads[0].b[2], 0.25709897975798246);
  close(grads[1].W[1][0], -0.01529853483836678);
  close(grads[2].W[2][1], -0.41106870483529919);
  net.step(X, Y, { learningRate: 0.1 });
  const after = net.getParameters();
  close(after[1].W[2][2], 0.19965998648603322);
  close(after[0].b[0], 0.069164773305599739);
  close(net.lossAndGradients(X, Y).loss, 0.69097726945430399);
  net.delete();
});

test('without skip no layer has one, and the loss differs from the skipped network\'s', () => {
  const net = softmaxNet();
  assert.deepEqual(net.skips, [false, false, false]);
  net.setParameters(PARAMS);
  assert.ok(Math.abs(net.lossAndGradients(X, Y).loss - 0.83090142048441281) > 1e-3);
  net.delete();
});

test('dropout: one rate or one per hidden layer; training passes draw seeded masks, forward() uses every unit', () => {
  const withDropout = softmaxNet({ dropout: 0.5, seed: 4 });
  const without = softmaxNet({ seed: 4 });
  assert.deepEqual(withDropout.dropout, [0.5, 0.5]);
  assert.deepEqual(softmaxNet({ dropout: [0.1, 0] }).dropout, [0.1, 0]);
  // Evaluation: the same weights (the seed), every unit: the same outputs.
  assert.deepEqual(withDropout.forward(X), without.forward(X));
  // Training passes: new masks each time, so the loss changes with nothing else changed; without dropout it does not.
  const losses = Array.from({ length: 4 }, () => withDropout.lossAndGradients(X, Y).loss);
  assert.ok(new Set(losses).size > 1, `losses with dropout: ${losses}`);
  assert.equal(without.lossAndGradients(X, Y).loss, without.lossAndGradients(X, Y).loss);
  // The same seed, the same masks: two networks trained alike end alike.
  const a = softmaxNet({ dropout: 0.3, skip: true, seed: 9 }), b = softmaxNet({ dropout: 0.3, skip: true, seed: 9 });
  a.train(X, Y, { epochs: 20, batchSize: 1, learningRate: 0.1 });
  b.train(X, Y, { epochs: 20, batchSize: 1, learningRate: 0.1 });
  assert.deepEqual(a.getParameters(), b.getParameters());
  for (const net of [withDropout, without, a, b]) net.delete();
});

test('bad dropout and skip options are refused with the field named', () => {
  assert.throws(() => softmaxNet({ dropout: 0.95 }), /^Error: dropout must be a rate from 0 to 0\.9 \(got 0\.95\)$/);
  assert.throws(() => softmaxNet({ dropout: [0.1] }), /dropout must be a rate from 0 to 0\.9, or an array of one rate per hidden layer \(2\)/);
  assert.throws(() => softmaxNet({ dropout: [0.1, -1] }), /dropout\[1\] must be a rate from 0 to 0\.9 \(got -1\)/);
  assert.throws(() => softmaxNet({ dropout: 'half' }), /dropout must be a rate/);
  assert.throws(() => softmaxNet({ skip: 'yes' }), /skip must be true or false \(got 'yes'\)/);
  const net = softmaxNet({ dropout: [0, 0.9], skip: true });  // still usable after the errors
  assert.equal(net.forward(X).length, 2);
  net.delete();
});
