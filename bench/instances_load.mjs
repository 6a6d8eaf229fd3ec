// Loading cost of N playground instances on one page: bytes downloaded, wasm fetches, WebAssembly
// compiles and ms until every instance's `ready`, in headless Chromium with an empty cache (a fresh
// browser context per run). Prints one line per N: the median of the runs.
// Usage: node bench/instances_load.mjs [--runs 3] [--embed web/embed.js] [--embed-file FILE]   (after a build)
// --embed-file serves FILE as web/embed-before.js (e.g. an older embed.js, `git show REV:web/embed.js`), to compare.
import fs from 'node:fs';
import { startServer, launch, COUNT_COMPILES } from '../tests/browser/harness.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const runs = Number(arg('--runs', 3));
const embedFile = arg('--embed-file', '');
const embedPath = embedFile ? 'web/embed-before.js' : arg('--embed', 'web/embed.js');

// A host page with `count` mounts, served at the playground's origin (the test server has no such file).
function hostPage(count) {
  const boxes = Array.from({ length: count }, (_, i) => `<div id="w${i}" class="w"></div>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${boxes}
<script src="/${embedPath}"></script><script src="/bench-instances.js"></script></body></html>`;
}
const HOST_SCRIPT = `
  for (const el of document.querySelectorAll('.w')) el.style.height = '400px';
  const all = [...document.querySelectorAll('.w')].map((el) => BackpropPlayground.mount(el, { state: 'mode=function' }));
  Promise.all(all.map((i) => i.ready)).then(() => { window.readyMs = performance.now(); }, (e) => { window.failed = String(e); });`;


async function once(browser, url, count) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(COUNT_COMPILES);
  await page.route('**/bench-instances.html', (route) => route.fulfill({ contentType: 'text/html', body: hostPage(count) }));
  await page.route('**/bench-instances.js', (route) => route.fulfill({ contentType: 'text/javascript', body: HOST_SCRIPT }));
  if (embedFile) {
    const body = fs.readFileSync(embedFile, 'utf8');
    await page.route('**/web/embed-before.js', (route) => route.fulfill({ contentType: 'text/javascript', body }));
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map();
  let bytes = 0;
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await page.goto(url + 'bench-instances.html');
  await page.waitForFunction(() => window.readyMs || window.failed, null, { timeout: 120000 });
  const { readyMs, failed, compiles } = await page.evaluate(() => (
    { readyMs: window.readyMs, failed: window.failed, compiles: window.compiles }));
  if (failed) throw new Error(failed);
  await page.waitForTimeout(200);
  const wasmFetches = [...urls.values()].filter((u) => /playground\.wasm/.test(u)).length;
  await context.close();
  return { bytes, readyMs, compiles, wasmFetches };
}

const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const { server, url } = await startServer();
const browser = await launch();
try {
  for (const count of [1, 3]) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await once(browser, url, count));
    const kb = median(results.map((r) => r.bytes)) / 1024;
    console.log(`${count} instance(s): ${kb.toFixed(0)} KB downloaded, ${results[0].wasmFetches} wasm fetch(es), ` +
                `${results[0].compiles} compile(s), ready after ${median(results.map((r) => r.readyMs)).toFixed(0)} ms ` +
                `(median of ${runs}; ${results.map((r) => r.readyMs.toFixed(0)).join(', ')})`);
  }
} finally {
  await browser.close();
  server.close();
}
