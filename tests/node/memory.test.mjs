// Memory stays bounded over a lecture's worth of use: a million training steps and a hundred
// thousand expression evaluations through the JavaScript API, and the WebAssembly heap does not grow
// after warm-up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import createEngine from '../../dist/engine.mjs';

const engine = await createEngine();

test('1,000,000 training steps leave the heap where warm-up left it', () => {
  const net = engine.createNetwork({ layers: [2, 4, 2, 1], activation: 'tanh', outputActivation: 'tanh', seed: 1 });
  const X = [[1, 2], [-1, 0.5], [0.3, -2], [2, 2], [-2, -1]];
  const Y = [[1], [-1], [1], [-1], [1]];
  net.train(X, Y, { learningRate: 0.01, batchSize: 1, epochs: 1000 });  // warm-up: 5,000 steps, both ways
  for (let i = 0; i < 100; i++) net.step(X, Y, { learningRate: 0.01 });
  const before = engine.heapBytes();
  const inUse = engine.heapInUse();
  net.train(X, Y, { learningRate: 0.01, batchSize: 1, epochs: 200000 });  // 1,000,000 steps
  for (let i = 0; i < 2000; i++) net.step(X, Y, { learningRate: 0.01 });  // and calls across the boundary
  const after = engine.heapBytes();
  console.log(`heap before ${before} bytes, after 1,002,000 steps ${after} bytes; in use ${inUse} → ${engine.heapInUse()} bytes`);
  assert.equal(after, before);
  assert.equal(engine.heapInUse(), inUse);
  net.delete();
});

test('100,000 evaluations and gradients leave the heap where warm-up left it', () => {
  const round = (count) => {
    for (let i = 0; i < count; i++) {
      engine.evaluate('sin(x)*exp(-x^2/10) + ln(1 + x^2)', { x: i / 1000 });
      engine.gradient(`x^2 + ${i % 50}`, { x: i / 1000 });  // 50 texts: the 16-program cache turns over
    }
  };
  round(1000);  // warm-up fills the program cache
  const before = engine.heapBytes();
  const inUse = engine.heapInUse();
  round(50000);  // 100,000 calls
  const after = engine.heapBytes();
  console.log(`heap before ${before} bytes, after 100,000 calls ${after} bytes; in use ${inUse} → ${engine.heapInUse()} bytes`);
  assert.equal(after, before);
  // Allocator bookkeeping moves by a few bytes; a leak of even one byte per call would show 100,000.
  assert.ok(Math.abs(engine.heapInUse() - inUse) < 1024);
});

test('networks created and deleted in a loop do not leak', () => {
  const net0 = engine.createNetwork({ layers: [2, 16, 16, 1] });
  net0.delete();
  const before = engine.heapBytes();
  const inUse = engine.heapInUse();
  for (let i = 0; i < 2000; i++) engine.createNetwork({ layers: [2, 16, 16, 1], seed: i }).delete();
  assert.equal(engine.heapBytes(), before);
  assert.equal(engine.heapInUse(), inUse);
});

test('programs compiled and deleted in a loop do not leak, nor do calls on one', () => {
  const text = 'd = a*b; e = d + c; L = e*f';
  engine.compile(text).delete();
  const p = engine.compile('sin(x)*exp(-x^2/10) + ln(1 + x^2)');
  for (let i = 0; i < 100; i++) p.gradient([i]);
  const before = engine.heapBytes();
  const inUse = engine.heapInUse();
  for (let i = 0; i < 2000; i++) engine.compile(`${text} + ${i}`).delete();
  for (let i = 0; i < 20000; i++) { p.gradient([i / 1000]); p.evaluate({ x: i }); }
  assert.equal(engine.heapBytes(), before);
  assert.ok(Math.abs(engine.heapInUse() - inUse) < 1024);
  p.delete();
});
