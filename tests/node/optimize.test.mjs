// engine.optimize() and engine.race() (docs/js-api.md) as a course page uses them: plain `node --test`,
// the WebAssembly build in dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import createEngine from '../../dist/engine.mjs';

const engine = await createEngine();
const ROSENBROCK = '(1 - x)^2 + 100(y - x^2)^2';
const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw'];

test('gradient descent on x² follows x_k = x_0 (1 - 2 lr)^k, with f and the gradient at every point', () => {
  const { path, diverged, reason } = engine.optimize('x^2', { x: 1.5 }, { optimizer: 'sgd', lr: 0.1, steps: 30 });
  assert.equal(diverged, false);
  assert.equal(reason, '');
  assert.equal(path.length, 31);
  assert.deepEqual(path[0], { values: { x: 1.5 }, f: 2.25, grad: { x: 3 } });
  for (let k = 0; k <= 30; k++) {
    const x = path[k].values.x;
    assert.ok(Math.abs(x - 1.5 * 0.8 ** k) <= 1e-13 * 1.5 * 0.8 ** k, `step ${k}: ${x}`);
    assert.equal(path[k].f, x * x);
    assert.equal(path[k].grad.x, 2 * x);
  }
});

test('Adam and AdamW with torch.optim\'s defaults give the reference numbers after 50 steps on Rosenbrock', () => {
  // tests/reference/optimizers.py: torch.optim's documented algorithms at 50 digits (as test_optimizers.cpp).
  const close = (got, want) => assert.ok(Math.abs(got - want) <= 1e-12 * Math.abs(want), `${got} vs ${want}`);
  const adam = engine.optimize(ROSENBROCK, { x: -1.2, y: 1 }, { optimizer: 'adam', steps: 50 }).path[50];
  close(adam.values.x, -1.1528586865826142);
  close(adam.values.y, 1.0473274059997055);
  close(adam.f, 12.573430521365181);
  const adamw = engine.optimize(ROSENBROCK, { x: -1.2, y: 1 }, { optimizer: 'adamw', steps: 50 }).path[50];
  close(adamw.values.x, -1.1522897838138466);
  close(adamw.values.y, 1.0467991774727691);
  const rmsprop = engine.optimize('f(x, y) = x^2 + 10y^2', { x: 1.5, y: 1 }, { optimizer: 'rmsprop', steps: 50 }).path[50];
  close(rmsprop.values.x, 0.4432693900434033);
  close(rmsprop.values.y, 0.11465980570464219);
});

test('a race of every optimizer gives each one\'s own optimize() path, number for number, in flat arrays', () => {
  const start = { y: 1, x: -1.2 };
  const racers = OPTIMIZERS.map((optimizer, i) => ({ optimizer, steps: 100 + 20 * i }));
  racers[5].noise = 1;
  racers[5].seed = 3;
  const results = engine.race(ROSENBROCK, start, racers);
  assert.equal(results.length, 7);
  results.forEach((result, i) => {
    const solo = engine.optimize(ROSENBROCK, start, racers[i]);
    assert.deepEqual(result.variables, ['y', 'x']);  // the start's order
    assert.ok(result.values instanceof Float64Array && result.grad instanceof Float64Array && result.f instanceof Float64Array);
    assert.equal(result.f.length, 101 + 20 * i);
    assert.equal(result.values.length, 2 * result.f.length);
    assert.equal(result.diverged, solo.diverged);
    assert.equal(result.reason, solo.reason);
    solo.path.forEach((point, k) => {
      assert.deepEqual(point, { values: { y: result.values[2 * k], x: result.values[2 * k + 1] }, f: result.f[k],
        grad: { y: result.grad[2 * k], x: result.grad[2 * k + 1] } }, `${OPTIMIZERS[i]} at ${k}`);
    });
  });
});

test('a run that diverges stops at that step and says so', () => {
  // lr 1.1 on x²: x_k = (-1.2)^k, f = 1.44^k passes the limit 1e12 first at step 76.
  const { path, diverged, reason } = engine.optimize('x^2', { x: 1 }, { lr: 1.1, steps: 1000 });
  assert.equal(diverged, true);
  assert.equal(path.length, 77);
  assert.match(reason, /^diverged at step 76: \|f\| = .* is beyond the limit 1e\+12 \(try a smaller lr\)$/);
  const lower = engine.optimize('x^2', { x: 1 }, { lr: 1.1, steps: 1000, limit: 100 });
  assert.equal(lower.path.length, 14);  // 1.44^13 ≈ 114 > 100
  const domain = engine.optimize('sqrt(x)', { x: 1 }, { lr: 4, steps: 5 });
  assert.equal(domain.diverged, true);
  assert.match(domain.reason, /stopped at step 1: f is not defined at x = -1/);
});

test('gradient noise is seeded: the same seed repeats the path, another seed changes it', () => {
  const run = (seed) => engine.optimize('x^2 + 10y^2', { x: 1.5, y: 1 }, { optimizer: 'momentum', lr: 0.01, noise: 1, seed, steps: 40 });
  assert.deepEqual(run(5), run(5));
  assert.notDeepEqual(run(5).path, run(6).path);
  const clean = engine.optimize('x^2 + 10y^2', { x: 1.5, y: 1 }, { optimizer: 'momentum', lr: 0.01, steps: 40 });
  assert.notDeepEqual(run(5).path, clean.path);
  for (const point of run(5).path) assert.equal(point.grad.y, 20 * point.values.y);  // the path's gradient is f's own
});

test('variables not in start keep the text\'s own values; the path names only the variables optimized', () => {
  const { path } = engine.optimize('a = 3; a*x^2', { x: 1 }, { lr: 0.1, steps: 1 });
  assert.deepEqual(Object.keys(path[1].values), ['x']);
  assert.ok(Math.abs(path[1].values.x - 0.4) < 1e-15);  // 1 - 0.1·(2·3·1)
});

test('bad input throws an Error naming the fix, and the engine keeps working', () => {
  const throws = (call, message) => assert.throws(call, (e) => e instanceof Error && message.test(e.message), String(message));
  throws(() => engine.optimize('x^2', { x: 1 }, { optimizer: 'lbfgs' }), /options.optimizer must be 'sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw' \(got 'lbfgs'\)/);
  throws(() => engine.optimize('x^2 + y^2', { x: 1, y: 1, z: 2 }), /start gives 'z', which is not a variable of f \(its variables: x, y\)/);
  throws(() => engine.optimize('x^2 + y^2', { x: 1 }), /'y' has no value: give start a value for every variable of f \(x, y\)/);
  throws(() => engine.optimize('x^2', { x: 1 }, { steps: 100001 }), /options.steps must be a whole number from 0 to 100000 \(got 100001\)/);
  throws(() => engine.optimize('x^2', { x: 1 }, { steps: 2.5 }), /options.steps must be a whole number/);
  throws(() => engine.optimize('x^2', { x: 1 }, { steps: -1 }), /options.steps must be a whole number/);
  throws(() => engine.optimize('x^2', { x: 1 }, { optimizer: 'sgd', betas: [0.9, 0.99] }), /options.betas does not apply to 'sgd' \(only to 'adam', 'adamw'\)/);
  throws(() => engine.optimize('x^2', { x: 1 }, { learningRate: 0.1 }), /options has no option 'learningRate'; the options are optimizer, lr/);
  throws(() => engine.optimize('x^2', { x: 1 }, { optimizer: 'adam', betas: [0.9, 1] }), /betas\[1\] must be from 0 up to \(not including\) 1/);
  throws(() => engine.optimize('x^2', { x: 1 }, { optimizer: 'nesterov', momentum: 0 }), /nesterov needs a momentum > 0/);
  throws(() => engine.optimize('x^2', { x: 1 }, { lr: '0.1' }), /options.lr must be a finite number \(got '0.1'\)/);
  throws(() => engine.optimize('x^2', [1]), /start must be an object of numbers such as \{ x: 1, y: 2 \}/);
  throws(() => engine.optimize('x^2', {}), /start must give each variable to optimize a value/);
  throws(() => engine.optimize('x^2', { x: NaN }), /start.x must be a finite number/);
  throws(() => engine.optimize('log(x)', { x: -1 }), /f is not defined at the start \(x = -1\): start where f is defined/);
  throws(() => engine.race('x^2', { x: 1 }, []), /racers must be a non-empty array/);
  throws(() => engine.race('x^2', { x: 1 }, [{}, { optimizer: 'adam', alpha: 0.9 }]), /racers\[1\].alpha does not apply to 'adam' \(only to 'rmsprop'\)/);
  const text = 'x^2 + (y';
  assert.throws(() => engine.optimize(text, { x: 1, y: 1 }), (e) => e.start === text.indexOf('(') && /never closed/.test(e.message));
  assert.equal(engine.optimize('x^2', { x: 1 }, { lr: 0.25, steps: 1 }).path[1].values.x, 0.5);
});

test('a race written into an earlier race\'s memory gives the same numbers there, and a fresh array when it is too small', () => {
  const racers = OPTIMIZERS.slice(0, 3).map((optimizer) => ({ optimizer, steps: 300 }));
  const first = engine.race(ROSENBROCK, { x: -1.2, y: 1 }, racers);
  const memory = first[0].values.buffer;
  const fresh = engine.race(ROSENBROCK, { x: 0.5, y: -0.5 }, racers);
  const reused = engine.race(ROSENBROCK, { x: 0.5, y: -0.5 }, racers, { into: first });
  reused.forEach((result, i) => {
    assert.ok(result.values.buffer === memory, `racer ${i} is written into the earlier result's memory`);
    assert.deepEqual(Array.from(result.values), Array.from(fresh[i].values));
    assert.deepEqual(Array.from(result.f), Array.from(fresh[i].f));
    assert.deepEqual(Array.from(result.grad), Array.from(fresh[i].grad));
  });
  assert.equal(first[0].values[0], 0.5, 'the earlier result\'s arrays now hold the new start');
  const longer = engine.race(ROSENBROCK, { x: 0.5, y: -0.5 }, racers.map((r) => ({ ...r, steps: 600 })), { into: first });
  assert.ok(longer[0].values.buffer !== memory, 'a longer race gets fresh memory');
  assert.equal(longer[2].f.length, 601);
  assert.throws(() => engine.race('x^2', { x: 1 }, [{}], { into: new Float64Array(10) }), /options.into must be an earlier result of engine.race\(\)/);
});

test('runs, races and thrown errors leave nothing allocated in the module', () => {
  const racers = OPTIMIZERS.map((optimizer) => ({ optimizer, steps: 2000 }));
  const round = () => {
    engine.race(ROSENBROCK, { x: -1.2, y: 1 }, racers);
    engine.optimize(ROSENBROCK, { x: -1.2, y: 1 }, { optimizer: 'adam', steps: 500 });
    assert.throws(() => engine.optimize(ROSENBROCK, { x: -1.2 }));  // compiled for the names { x }: a cache entry
  };
  round();  // warm-up: the programs enter the cache
  const before = engine.heapInUse();
  for (let i = 0; i < 20; i++) round();
  assert.equal(engine.heapInUse(), before);
});
