// The benchmark suite: every workload × every contender, median and min–max of timed runs after
// warm-up, and the ratios of our engine to each peer, computed pair by pair in this same run.
//   node bench/run.mjs           full run: 7 timed runs each (scripts/bench.sh builds first)
//   node bench/run.mjs --quick   one short run each, so CI keeps the suite working
//   node bench/run.mjs --only W1,W3,H   just those workloads (ids: W1 W2 W3 W4 H E G O P L), to iterate on one
//   node bench/run.mjs --ours    our engine only (WASM and native): no TensorFlow.js, JS MLP or math.js
// Contenders: our engine through its JavaScript API (the WebAssembly build, in this Node), our engine
// natively (build/native/bench_suite), TensorFlow.js with its cpu and wasm backends, a hand-written
// JavaScript MLP on Float64Array (bench/contenders/js_mlp.mjs), and math.js for the expressions.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import createEngine from '../dist/engine.mjs';
import { JsMlp } from './contenders/js_mlp.mjs';
import { handWrittenRun } from './contenders/js_optimizers.mjs';
import { mathjsSweep, sweep } from './contenders/mathjs_expr.mjs';
import { TfMlp, useBackend } from './contenders/tfjs_mlp.mjs';
import { measureLoad } from './page_load.mjs';
import { EXPRESSIONS, TRAINING, graphProgram, grid, initialWeights, planeExpression, sweepPoints } from './workloads.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean)) : null;
const wanted = (id) => !only || only.has(id);  // W1, W2, W3, W4, H, E, G, O, P, L; without --only, all
const peers = !process.argv.includes('--ours');
const RUNS = quick ? 1 : 7;
const WARMUP = quick ? 1 : 2;
const TARGET_SECONDS = quick ? 0.02 : 0.25;  // how long one timed run should last
const WARMUP_SECONDS = quick ? 0 : 1;
const native = path.join(root, 'build/native/bench_suite');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-bench-'));
const engine = await createEngine();
const rows = [];  // { workload, contender, unit, median, min, max, higherIsBetter }

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

// Seconds of `runs` timed calls after `warmup` untimed ones — and, in a full run, after at least
// WARMUP_SECONDS of them: V8 first runs WebAssembly (ours, TF.js wasm) and hot JS in baseline code and
// tiers it up in the background; W1 ran at a quarter of its steady speed in its first 0.1 s.
function timeRuns(work, warmup = WARMUP, runs = RUNS) {
  const warmupStart = performance.now();
  for (let i = 0; i < warmup || performance.now() - warmupStart < WARMUP_SECONDS * 1000; i++) work();
  const seconds = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    seconds.push((performance.now() - start) / 1000);
  }
  return seconds;
}

// How many repetitions of `once` make a run of about TARGET_SECONDS (at least 1).
function repetitionsFor(once) {
  const start = performance.now();
  once();
  const seconds = (performance.now() - start) / 1000;
  return Math.max(1, Math.round(TARGET_SECONDS / Math.max(seconds, 1e-6)));
}

function record(workload, contender, unit, values, higherIsBetter) {
  rows.push({ workload, contender, unit, ...summary(values), higherIsBetter });
}

function writeDoubles(file, array) {
  fs.writeFileSync(file, Buffer.from(array.buffer, array.byteOffset, array.byteLength));
}

function runNative(mode, dir, spec, files) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'spec.txt'), Object.entries({ warmup: WARMUP, runs: RUNS, ...spec })
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(' ') : v}`).join('\n') + '\n');
  for (const [name, data] of Object.entries(files)) {
    if (typeof data === 'string') fs.writeFileSync(path.join(dir, name), data);
    else writeDoubles(path.join(dir, name), data);
  }
  const result = spawnSync(native, [mode, dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`bench_suite ${mode} failed: ${result.stderr || result.error}`);
  return JSON.parse(result.stdout);
}

const flatWeights = (weights) => {
  const parts = weights.flatMap(({ W, b }) => [...W, ...b]);
  return Float64Array.from(parts);
};
const asRows = (flat, width) => Array.from({ length: flat.length / width }, (_, i) => Array.from(flat.subarray(i * width, (i + 1) * width)));

function ourNetwork(w, weights) {
  const net = engine.createNetwork({ layers: w.layers, activation: w.activation, outputActivation: w.outputActivation, loss: w.loss ?? 'mse' });
  net.setParameters(weights.map(({ W, b }, l) => ({ W: asRows(W, w.layers[l]), b: Array.from(b) })));
  return net;
}

// ---- Training (W1, W2, W3) and the surface (H) ----
const agreement = [];
const disagreements = [];  // a benchmark of different work measures nothing: the run fails
for (const w of TRAINING) {
  const surfaceToo = (w.id === 'W1' || w.id === 'W3') && wanted('H');
  if (!wanted(w.id) && !surfaceToo) continue;
  const { X, Y, n } = w.data();
  const weights = initialWeights(w.layers, w.activation, w.outputActivation, 7);
  const perRun = (epochs) => (w.unit === 'epochs/s' ? epochs : epochs * n);
  const options = { learningRate: w.learningRate, batchSize: w.batchSize };

  if (wanted(w.id)) {
    // Same work check: one epoch from the same weights, every contender against the float64 JS MLP.
    const reference = new JsMlp({ ...w, weights });
    reference.trainEpoch(X, Y, n, w.learningRate, w.batchSize);
    const refWeights = flatWeights(reference.getWeights());
    const gap = (flat) => Math.max(...flat.map((v, i) => Math.abs(v - refWeights[i])));
    const ours = ourNetwork(w, weights);
    ours.train(X, Y, { ...options, epochs: 1 });
    const oursAfter = flatWeights(ours.getParameters().map(({ W, b }) => ({ W: W.flat(), b })));
    agreement.push(`${w.id}: after one epoch from the same weights, max |Δw| to the hand-written JS (float64): ours ${gap(oursAfter).toExponential(1)}`);
    if (!(gap(oursAfter) < 1e-9)) disagreements.push(`${w.id}: our engine and the hand-written JS MLP did different work`);
    ours.delete();

    // Ours, WebAssembly.
    {
      const net = ourNetwork(w, weights);
      const epochs = repetitionsFor(() => net.train(X, Y, { ...options, epochs: 1 }));
      record(w.id, 'ours (WASM, Node)', w.unit, timeRuns(() => net.train(X, Y, { ...options, epochs })).map((s) => perRun(epochs) / s), true);
      net.delete();
    }
    // Ours, native: as many epochs per run as the WASM build got through in its run time.
    {
      const epochs = Math.max(1, Math.round(rows.at(-1).median * TARGET_SECONDS / perRun(1)));
      const { seconds } = runNative('train', path.join(scratch, w.id), {
        layers: w.layers, activation: w.activation, output: w.outputActivation, loss: w.loss ?? 'mse', lr: w.learningRate,
        batch: w.batchSize, epochs,
      }, { 'x.f64': X, 'y.f64': Y, 'weights.f64': flatWeights(weights) });
      record(w.id, 'ours (native)', w.unit, seconds.map((s) => perRun(epochs) / s), true);
    }
    // Hand-written JS.
    if (peers) {
      const mlp = new JsMlp({ ...w, weights });
      const epochs = repetitionsFor(() => mlp.trainEpoch(X, Y, n, w.learningRate, w.batchSize));
      record(w.id, 'hand-written JS', w.unit, timeRuns(() => { for (let e = 0; e < epochs; e++) mlp.trainEpoch(X, Y, n, w.learningRate, w.batchSize); }).map((s) => perRun(epochs) / s), true);
    }
    // TensorFlow.js, both backends: fewer timed runs when one epoch takes seconds.
    for (const backend of peers && w.tfjs !== false ? ['cpu', 'wasm'] : []) {
      await useBackend(backend);
      const tfNet = new TfMlp({ ...w, weights });
      tfNet.trainEpoch(X, Y, n, w.learningRate, w.batchSize);
      agreement.push(`${w.id}: the same for TensorFlow.js ${backend} (float32): ${gap(flatWeights(tfNet.getWeights())).toExponential(1)}`);
      const epochs = repetitionsFor(() => tfNet.trainEpoch(X, Y, n, w.learningRate, w.batchSize));
      const runs = quick ? 1 : 5;
      record(w.id, `TensorFlow.js ${backend}`, w.unit, timeRuns(() => { for (let e = 0; e < epochs; e++) tfNet.trainEpoch(X, Y, n, w.learningRate, w.batchSize); }, 1, runs).map((s) => perRun(epochs) / s), true);
      tfNet.dispose();
    }
  }

  // H: the forward pass of W1's and W3's networks over the 256×256 grid.
  if (surfaceToo) {
    const points = grid(256);
    const count = points.length / 2;
    const id = `H (${w.id} net)`;
    const out = new Float64Array(count);
    const net = ourNetwork(w, weights);
    record(id, 'ours (WASM, Node)', 'ms/grid', timeRuns(() => net.forward(points)).map((s) => s * 1000), false);
    net.delete();
    const { seconds } = runNative('surface', path.join(scratch, `H-${w.id}`), {
      layers: w.layers, activation: w.activation, output: w.outputActivation,
    }, { 'grid.f64': points, 'weights.f64': flatWeights(weights) });
    record(id, 'ours (native)', 'ms/grid', seconds.map((s) => s * 1000), false);
    const mlp = new JsMlp({ ...w, weights });
    if (peers) record(id, 'hand-written JS', 'ms/grid', timeRuns(() => mlp.forward(points, count, out)).map((s) => s * 1000), false);
    for (const backend of peers ? ['cpu', 'wasm'] : []) {
      await useBackend(backend);
      const tfNet = new TfMlp({ ...w, weights });
      record(id, `TensorFlow.js ${backend}`, 'ms/grid', timeRuns(() => tfNet.forward(points, count, out), 1, quick ? 1 : 5).map((s) => s * 1000), false);
      tfNet.dispose();
    }
  }
}

// ---- E: f and f′ at 10,000 points ----
const xs = sweepPoints(10000);
for (const e of wanted('E') ? EXPRESSIONS : []) {
  const id = `${e.id} ${e.ours}`;
  const ours = engine.sample(e.ours, 'x', xs);
  const compiled = mathjsSweep(e.mathjs);
  const f = new Float64Array(xs.length), df = new Float64Array(xs.length);
  sweep(compiled, xs, f, df);
  const worst = Math.max(...Array.from(xs, (_, i) => Math.abs(ours.values[i] - f[i]) + Math.abs(ours.slopes[i] - df[i])));
  agreement.push(`${e.id}: max |Δf| + |Δf′| to math.js over the 10,000 points: ${worst.toExponential(1)}`);
  if (!(worst < 1e-9)) disagreements.push(`${e.id}: our engine and math.js computed different f or f′`);
  record(id, 'ours (WASM, Node)', 'ms/sweep', timeRuns(() => engine.sample(e.ours, 'x', xs), 3, quick ? 1 : 15).map((s) => s * 1000), false);
  const { seconds } = runNative('expr', path.join(scratch, e.id), { warmup: 3, runs: quick ? 1 : 15 }, { 'text.txt': e.ours, 'xs.f64': xs });
  record(id, 'ours (native)', 'ms/sweep', seconds.map((s) => s * 1000), false);
  if (peers) record(id, 'math.js', 'ms/sweep', timeRuns(() => sweep(compiled, xs, f, df), 3, quick ? 1 : 15).map((s) => s * 1000), false);
}

// ---- G: a 10,000-node program, parsed once, then evaluate + gradient ----
if (wanted('G')) {
  const { text, vars } = graphProgram(2500);
  const nodes = engine.graph(text, vars).nodes.length;
  const visits = 2 * nodes;  // each node once forward, once backward
  const id = `G ${nodes}-node program`;
  // Parsed once (engine.compile), then each call sends the two values and gets value and gradient.
  const program = engine.compile(text, vars);
  const values = Float64Array.from(program.variables, (name) => vars[name]);
  const compiled = program.gradient(values);
  const byText = engine.gradient(text, vars);
  const same = compiled.value === byText.value && program.variables.every((name, i) => Object.is(compiled.grad[i], byText.grad[name]));
  agreement.push(`G: the compiled program's value and gradient against engine.gradient's: ${same ? 'bit for bit' : 'DIFFERENT'}`);
  if (!same) disagreements.push('G: the compiled program and engine.gradient computed different numbers');
  record(id, 'ours (WASM, Node)', 'M visits/s', timeRuns(() => program.gradient(values), 3, quick ? 1 : 15).map((s) => visits / s / 1e6), true);
  program.delete();
  const result = runNative('graph', path.join(scratch, 'G'), { a: vars.a, b: vars.b, warmup: 3, runs: quick ? 1 : 15 }, { 'text.txt': text });
  record(id, 'ours (native)', 'M visits/s', result.seconds.map((s) => (2 * result.nodes) / s / 1e6), true);
}

// ---- O: the optimizer race, six racers × 10,000 steps on Rosenbrock ----
if (wanted('O')) {
  const text = '(1 - x)^2 + 100(y - x^2)^2';
  const start = { x: -1.2, y: 1 };
  const names = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'];
  const steps = 10000;
  const racers = names.map((optimizer) => ({ optimizer, steps }));  // torch.optim's defaults each
  const id = 'O 6 racers × 10,000 steps';
  const ours = engine.race(text, start, racers);
  const worst = Math.max(...names.map((name, r) => {
    const peer = handWrittenRun(name, start.x, start.y, steps);
    const { values, f } = ours[r];
    return Math.abs(values[2 * steps] - peer.x[steps]) + Math.abs(values[2 * steps + 1] - peer.y[steps]) + Math.abs(f[steps] - peer.f[steps]);
  }));
  // Not bit for bit: the tape and the hand-coded gradient round in different orders, and 10,000 steps
  // carry the last bits along (4.9e-9 here); a different rule or default would be off by far more.
  agreement.push(`O: max |Δx| + |Δy| + |Δf| after 10,000 steps, engine.race against the hand-written JS, over the six: ${worst.toExponential(1)}`);
  if (!(worst < 1e-6)) disagreements.push('O: engine.race and the hand-written JS optimizers computed different paths');
  // A page re-running the race as the start is dragged passes its last result as `into`; fresh arrays each
  // time (2.4 MB) add about 590 page faults a race, which on a VM cost more than the race (both rows shown).
  let last = engine.race(text, start, racers);
  record(id, 'ours (WASM, Node)', 'ms/race', timeRuns(() => { last = engine.race(text, start, racers, { into: last }); }, 3, quick ? 1 : 15).map((s) => s * 1000), false);
  record(id, 'ours (WASM, Node, fresh)', 'ms/race', timeRuns(() => engine.race(text, start, racers), 3, quick ? 1 : 15).map((s) => s * 1000), false);
  const { seconds } = runNative('race', path.join(scratch, 'O'), { steps, warmup: 3, runs: quick ? 1 : 15 }, { 'text.txt': text });
  record(id, 'ours (native)', 'ms/race', seconds.map((s) => s * 1000), false);
  if (peers) {
    record(id, 'hand-written JS', 'ms/race', timeRuns(() => names.map((name) => handWrittenRun(name, start.x, start.y, steps)), 3, quick ? 1 : 15).map((s) => s * 1000), false);
  }
}

// ---- P: the two-variable view's heat map, f(x, y) of about 50 operations on a 256 × 256 grid ----
if (wanted('P')) {
  const text = planeExpression();
  const nodes = engine.graph(text, { x: 0.5, y: 0.25 }).nodes.length;
  const id = `P 256² heat map, ${nodes}-node f`;
  const size = 256;
  const rowXs = Float64Array.from({ length: size }, (_, i) => -3 + (i + 0.5) / size * 6);
  // Through the JavaScript API a row at a time (values and slopes: twice the page's work, which takes values
  // only); the page calls the same sweep from C++ (PlaneModel::grid), as the native row does.
  const viaApi = () => { for (let j = 0; j < size; j++) engine.sample(text, 'x', rowXs, { y: -3 + (j + 0.5) / size * 6 }); };
  record(id, 'ours (WASM, Node)', 'ms/grid', timeRuns(viaApi, 3, quick ? 1 : 15).map((s) => s * 1000), false);
  const { seconds } = runNative('plane', path.join(scratch, 'P'), { size, warmup: 3, runs: quick ? 1 : 15 }, { 'text.txt': text });
  record(id, 'ours (native)', 'ms/grid', seconds.map((s) => s * 1000), false);
  // What the frame that changes f or the window pays before the refinement's 2 ms slices: the coarse 64² grid.
  const coarse = runNative('plane', path.join(scratch, 'P64'), { size: 64, warmup: 3, runs: quick ? 1 : 15 }, { 'text.txt': text });
  record(`P 64² first frame, ${nodes}-node f`, 'ours (native)', 'ms/grid', coarse.seconds.map((s) => s * 1000), false);
}

// ---- L: the page ----
if (wanted('L')) {
  const load = await measureLoad({ loads: quick ? 1 : 5, quiet: true });
  record('L page', 'ours (Chromium)', 'KB gzip', [load.gzip / 1000], false);
  record('L page', 'ours (Chromium)', 'KB raw', [load.raw / 1000], false);
  record('L page', 'ours (Chromium)', 'ms to 1st frame', load.times, false);  // the page's clock
  record('L page', 'ours (Chromium, seen by the harness)', 'ms to 1st frame', load.harnessTimes, false);
}

fs.rmSync(scratch, { recursive: true, force: true });

// ---- The table ----
const fmt = (v) => (v >= 1000 ? Math.round(v).toLocaleString('en-US') : v >= 10 ? v.toFixed(1) : v.toPrecision(3));
console.log(`\nBackprop Playground benchmark suite — ${quick ? 'quick mode (1 run each: numbers are rough)' : `${RUNS} timed runs after ≥ ${WARMUP} warm-up runs and ≥ ${WARMUP_SECONDS} s (TF.js training: 5 runs)`}`);
console.log(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
const contenderWidth = Math.max(20, ...rows.map((row) => row.contender.length));
console.log(`${'workload'.padEnd(30)} ${'contender'.padEnd(contenderWidth)} ${'median'.padStart(12)} ${'min–max'.padStart(23)}  ${'unit'.padEnd(16)} ours (WASM) vs it`);
for (const row of rows) {
  const ours = rows.find((r) => r.workload === row.workload && r.unit === row.unit && r.contender === 'ours (WASM, Node)');
  let ratio = '';
  if (ours && ours !== row) {
    const r = row.higherIsBetter ? ours.median / row.median : row.median / ours.median;
    ratio = `${r >= 100 ? Math.round(r) : r.toFixed(2)}×`;
  }
  console.log(`${row.workload.slice(0, 30).padEnd(30)} ${row.contender.padEnd(contenderWidth)} ${fmt(row.median).padStart(12)} ${`${fmt(row.min)}–${fmt(row.max)}`.padStart(23)}  ${row.unit.padEnd(16)} ${ratio}`);
}
console.log('\nSame work:');
for (const line of agreement) console.log(`  ${line}`);

// ---- The targets (issue 7) ----
let unmeasured = false;  // set by get() when this run (--only, --ours) did not measure a number a target needs
const get = (workload, contender, unit) => {
  const median = rows.find((r) => r.workload.startsWith(workload) && r.contender === contender && (!unit || r.unit === unit))?.median;
  if (median === undefined) unmeasured = true;
  return median;
};
const ratio = (workload, peer) => get(workload, 'ours (WASM, Node)') / get(workload, peer);
const targets = [
  ['W1 ≥ 25,000 epochs/s', () => get('W1', 'ours (WASM, Node)') >= 25000],
  ['W1 ≥ 3.5× hand-written JS', () => ratio('W1', 'hand-written JS') >= 3.5],
  ['W1 ≥ 300× TensorFlow.js (either backend)', () => Math.min(ratio('W1', 'TensorFlow.js cpu'), ratio('W1', 'TensorFlow.js wasm')) >= 300],
  ['W2 ≥ 2,500 epochs/s', () => get('W2', 'ours (WASM, Node)') >= 2500],
  ['W2 ≥ 3× hand-written JS', () => ratio('W2', 'hand-written JS') >= 3],
  ['W3 ≥ 400,000 examples/s', () => get('W3', 'ours (WASM, Node)') >= 400000],
  ['W3 ≥ 6× TensorFlow.js wasm', () => ratio('W3', 'TensorFlow.js wasm') >= 6],
  ['W3 ≥ 6× hand-written JS', () => ratio('W3', 'hand-written JS') >= 6],
  ['W3 ≥ 60 % of our native build', () => ratio('W3', 'ours (native)') >= 0.6],
  ['W4 (4 classes, softmax) ≥ 3,000 epochs/s', () => get('W4', 'ours (WASM, Node)') >= 3000],
  ['W4 ≥ 8× hand-written JS (softmax)', () => ratio('W4', 'hand-written JS') >= 8],
  ['H W1 net ≤ 5 ms per grid', () => get('H (W1', 'ours (WASM, Node)') <= 5],
  ['H W3 net ≤ 40 ms per grid', () => get('H (W3', 'ours (WASM, Node)') <= 40],
  ['E seed ≤ 1 ms per sweep', () => get('E1', 'ours (WASM, Node)') <= 1],
  ['E ≥ 10× math.js (both expressions)', () => Math.min(get('E1', 'math.js') / get('E1', 'ours (WASM, Node)'), get('E2', 'math.js') / get('E2', 'ours (WASM, Node)')) >= 10],
  ['G ≥ 50 M node visits/s', () => get('G', 'ours (WASM, Node)') >= 50],
  ['O six racers × 10,000 steps ≤ 5 ms', () => get('O', 'ours (WASM, Node)') <= 5],
  ['P 64² first frame of a 50-operation f ≤ 2 ms (native; the rest of 256² in 2 ms slices)', () => get('P 64²', 'ours (native)') <= 2],
  ['L ≤ 400 KB gzip', () => get('L', 'ours (Chromium)', 'KB gzip') <= 400],
  ['L first frame ≤ 1 s', () => get('L', 'ours (Chromium)', 'ms to 1st frame') <= 1000],
];
// Without --only and --ours every target is measured; with them, the ones this run did not measure are left out.
const measured = targets.flatMap(([name, check]) => {
  unmeasured = false;
  const holds = check();
  return unmeasured ? [] : [[name, holds]];
});
console.log('\nTargets (ours = the WebAssembly build through its JS API, in this run):');
for (const [name, holds] of measured) console.log(`  ${holds ? 'holds ' : 'MISSES'}  ${name}`);
console.log(`\n${rows.length} measurements, ${measured.filter(([, h]) => h).length} of ${measured.length} targets hold`);
if (disagreements.length) {
  for (const line of disagreements) console.log(`FAILED: ${line}`);
  process.exitCode = 1;
}
