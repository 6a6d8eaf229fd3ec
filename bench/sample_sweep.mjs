// Benchmark: f and f' at 10,000 points through the JavaScript API (the WebAssembly build), with
// the per-point API beside the batched one. Median and min-max of 15 timed sweeps after warm-up.
import createEngine from '../dist/engine.mjs';

const engine = await createEngine();
const POINTS = 10000;
const xs = new Float64Array(POINTS).map((_, i) => -5 + (10 * i) / (POINTS - 1));

function time(label, text, sweep) {
  const ms = [];
  for (let run = 0; run < 18; run++) {
    const start = performance.now();
    sweep();
    if (run >= 3) ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  console.log(`wasm    ${label.padEnd(10)} ${text.padEnd(32)} median ${ms[7].toFixed(3)} ms  (min ${ms[0].toFixed(3)}, max ${ms[14].toFixed(3)}) per 10,000-point sweep of f and f'`);
}

for (const text of ['2x²−3x+4', 'sin(x)·exp(−x²/10) + ln(1+x²)']) {
  time('sample()', text, () => engine.sample(text, 'x', xs));
  time('gradient()', text, () => {
    for (let i = 0; i < POINTS; i++) engine.gradient(text, { x: xs[i] });
  });
}
