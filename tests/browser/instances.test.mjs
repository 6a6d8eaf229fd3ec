// Many instances on one page, and their lifecycle: change events carry the whole state, the iframe's
// ?origins= matches origins however they are written, mount() replaces the fallback content, an
// instance out of view draws and trains nothing (and its iframe still answers), twenty instances on a
// lesson page are each drawn when scrolled to (never blank past the browser's WebGL context limit),
// and destroy() frees each instance's module and heap. Fixtures: fixtures/instances.html, host.html.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, until, SHOTS, pixels } from './harness.mjs';

const session = useBrowser();

async function lessonPage(query, viewport = { width: 900, height: 700 }) {
  const context = await session.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  const warnings = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.goto(session.url + 'tests/browser/fixtures/instances.html?' + query);
  return { context, page, errors, warnings };
}

// How many distinct colours (to 4 bits a channel) an element's box shows on screen, counted in the page:
// a drawn playground shows dozens, a blank canvas one.
async function coloursShown(page, selector) {
  const { rgba } = await pixels(page, await page.locator(selector).screenshot());
  const seen = new Set();
  for (let i = 0; i < rgba.length; i += 4) seen.add((rgba[i] >> 4) * 256 + (rgba[i + 1] >> 4) * 16 + (rgba[i + 2] >> 4));
  return seen.size;
}

const statusOf = (page, i) => page.evaluate((k) => {
  const status = window.instances[k].element.querySelector('.bp-status');
  return { hidden: status.classList.contains('hidden'), text: status.textContent };
}, i);

test('a fresh instance\'s change event and getState() carry every key, x0 = 2 at its default', async () => {
  const { context, page, errors } = await lessonPage('n=1');
  await page.waitForFunction(() => window.changes[0].length > 0, null, { timeout: 30000 });
  const [first, state] = await page.evaluate(() => [window.changes[0][0], window.instances[0].getState()]);
  // The docs' own example reads state.x0: it was undefined while x0 sat at its default 2.
  assert.equal(first.x0, 2);
  assert.equal(state.x0, 2);
  assert.equal(first.h, 0.31622776601683794);
  assert.equal(first.mode, 'function');
  assert.equal(first.scheme, 'forward');
  assert.deepEqual(Object.keys(first).sort(), Object.keys(state).sort());
  for (const key of ['v', 'expr', 'view', 'prog', 'vals', 'data', 'hidden', 'lr', 'batch', 'w', 'epoch']) {
    assert.ok(key in first, `change event without '${key}'`);
  }
  // The link stays short: defaults are left out of the hash the change event also passes.
  const hash = await page.evaluate(() => window.instances[0].lastHash);
  assert.equal(hash, 'v=1&mode=function');
  assert.deepEqual(errors, []);
  await context.close();
});

test('?origins= matches the host however its origin is written; other origins get no answer', async () => {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  const origin = new URL(session.url).origin;  // http://127.0.0.1:PORT
  const port = new URL(session.url).port;
  const ask = async (allow) => {
    await page.goto(session.url + 'tests/browser/fixtures/host.html?allow=' + encodeURIComponent(allow));
    await page.frameLocator('#frame').locator('.bp-status.hidden').waitFor({ state: 'attached', timeout: 30000 });
    await page.evaluate(() => window.ask({ type: 'bp:getState', id: 7 }));
    await until(() => page.evaluate(() => window.received.some((m) => m.id === 7)), (v) => v, 1500);
    return page.evaluate(() => window.received);
  };
  for (const allow of [origin + '/', `HTTP://127.0.0.1:${port}/lessons/week1.html`, 'https://course.example, ' + origin]) {
    const received = await ask(allow);
    const reply = received.find((m) => m.id === 7);
    assert.ok(reply, `answered with origins=${allow}`);
    assert.equal(reply.state.mode, 'graph');
    assert.equal(reply.state.x0, 2, 'the full state');
    const change = received.find((m) => m.type === 'bp:change');
    assert.ok(change && change.state.x0 === 2, 'bp:change carries the full state');
  }
  for (const allow of [`http://127.0.0.1:${Number(port) + 1}/`, `https://127.0.0.1:${port}`, 'http://localhost:' + port, '*']) {
    assert.deepEqual(await ask(allow), [], `no answer with origins=${allow}`);
  }
  await context.close();
});

test('mount() replaces the fallback content at once; the loading box follows the theme', async () => {
  const { context, page, errors } = await lessonPage('n=0');
  const atMount = await page.evaluate(() => {
    window.mountAll(1);
    const slot = document.getElementById('slot-0');
    const box = slot.querySelector('.bp-status');
    return { children: slot.children.length, fallback: !!slot.querySelector('.fallback'),
             background: getComputedStyle(box).backgroundColor, text: box.textContent };
  });
  assert.deepEqual(atMount, { children: 1, fallback: false, background: 'rgb(247, 247, 245)',
                              text: 'Loading Backprop Playground…' });
  await page.waitForSelector('#slot-0 .bp-status.hidden', { state: 'attached', timeout: 30000 });
  assert.equal(await page.locator('#slot-0 canvas').count(), 1);
  assert.equal(await page.locator('.fallback').count(), 0, 'the fallback is gone, not pushed below the canvas');
  await context.close();
  // The dark theme's box is dark from the first moment (the app's window background, #1c1f21).
  const dark = await lessonPage('n=0&embed=theme%3Ddark');
  const background = await dark.page.evaluate(() => {
    window.mountAll(1);
    return getComputedStyle(document.querySelector('#slot-0 .bp-status')).backgroundColor;
  });
  assert.equal(background, 'rgb(28, 31, 33)');
  await dark.page.screenshot({ path: new URL('instances-dark-loading.png', SHOTS).pathname });
  await dark.context.close();
  assert.deepEqual(errors, []);
});

test('an instance that cannot start says why, with the page\'s fallback content under the message', async () => {
  const { context, page } = await lessonPage('n=0');
  const shown = await page.evaluate(async () => {
    HTMLCanvasElement.prototype.getContext = () => null;  // a browser with WebGL2 switched off
    window.mountAll(1);
    const failed = await window.instances[0].ready.then(() => 'ready', (e) => e.message);
    const box = document.querySelector('#slot-0 .bp-status');
    return { failed, role: box.getAttribute('role'), fallback: box.querySelector('.fallback a').href };
  });
  assert.match(shown.failed, /WebGL2/);
  assert.equal(shown.role, 'alert');
  assert.match(shown.fallback, /index\.html$/);
  await page.screenshot({ path: new URL('instances-no-webgl-fallback.png', SHOTS).pathname });
  await context.close();
});

// Clicks the Train button of instance i (found by its label in the app's list of controls).
async function train(page, i) {
  const box = await page.evaluate((k) => {
    const m = window.instances[k].module;
    const train = JSON.parse(m.UTF8ToString(m._bp_test_hook_controls())).find((c) => c.label.startsWith('Train'));
    const at = window.instances[k].canvas.getBoundingClientRect();
    return { x: at.x + train.x + train.w / 2, y: at.y + train.y + train.h / 2 };
  }, i);
  await page.mouse.click(box.x, box.y);
}

const framesAndEpoch = (page, i) => page.evaluate((k) => ({
  frames: window.instances[k].module._bp_frames_drawn(), epoch: Number(window.instances[k].getState().epoch),
}), i);

test('an instance out of view or in a hidden tab draws nothing and stops training; back in view it goes on', async () => {
  const { context, page, errors } = await lessonPage('n=1&state=mode%3Dnetwork&gap=40');
  await page.waitForSelector('#slot-0 .bp-status.hidden', { state: 'attached', timeout: 30000 });
  await page.evaluate(() => { document.getElementById('lesson').insertAdjacentHTML('beforeend', '<div style="height:4000px"></div>'); });
  await train(page, 0);
  const training = await until(() => framesAndEpoch(page, 0), (v) => v.epoch > 5, 10000);
  assert.ok(training.epoch > 5, `trains in view (epoch ${training.epoch})`);
  await page.evaluate(() => window.scrollTo(0, 2500));
  await page.waitForTimeout(500);  // the observer reports, the last frame ends
  const away = await framesAndEpoch(page, 0);
  await page.waitForTimeout(1500);
  const later = await framesAndEpoch(page, 0);
  assert.equal(later.frames, away.frames, 'no frame drawn out of view');
  assert.equal(later.epoch, away.epoch, 'no epoch trained out of view');
  assert.equal((await page.evaluate(() => window.instances[0].getState())).mode, 'network', 'its state still answers');
  await page.evaluate(() => window.scrollTo(0, 0));
  const back = await until(() => framesAndEpoch(page, 0), (v) => v.epoch > later.epoch + 3, 10000);
  assert.ok(back.frames > later.frames && back.epoch > later.epoch + 3, 'draws and trains again in view');
  // A hidden tab: the same pause.
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForTimeout(300);
  const hidden = await framesAndEpoch(page, 0);
  await page.waitForTimeout(1000);
  assert.deepEqual(await framesAndEpoch(page, 0), hidden, 'a hidden tab draws and trains nothing');
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  const shown = await until(() => framesAndEpoch(page, 0), (v) => v.epoch > hidden.epoch, 10000);
  assert.ok(shown.epoch > hidden.epoch, 'trains again when the tab is shown');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an iframe below the fold answers getState and setState without drawing, and draws when scrolled to', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  await page.goto(session.url + 'tests/browser/fixtures/host.html?below=1');
  const frame = page.frame({ url: /index\.html/ });
  await until(() => frame.evaluate(() => !!window.playground).catch(() => false), (v) => v, 30000);
  await page.evaluate(() => window.ask({ type: 'bp:getState', id: 1 }));
  await page.waitForFunction(() => window.received.some((m) => m.id === 1), null, { timeout: 5000 });
  await page.evaluate(() => window.ask({ type: 'bp:setState', id: 2, state: { mode: 'function', x0: 1.5 } }));
  await page.waitForFunction(() => window.received.some((m) => m.id === 2), null, { timeout: 5000 });
  const reply = await page.evaluate(() => window.received.find((m) => m.id === 2));
  assert.equal(reply.state.x0, 1.5);
  assert.equal(await frame.evaluate(() => window.playground.testHooks.framesDrawn()), 0, 'nothing drawn out of view');
  await page.locator('#frame').scrollIntoViewIfNeeded();
  await frame.waitForSelector('#status.hidden', { state: 'attached', timeout: 10000 });
  assert.ok(await frame.evaluate(() => window.playground.testHooks.framesDrawn()) > 0);
  await context.close();
});

test('twenty instances on a lesson page: each one is drawn when scrolled to, none blank, past the WebGL limit', async () => {
  const { context, page, errors, warnings } = await lessonPage('n=20&state=mode%3Dgraph');
  await page.waitForFunction(() => window.instances.length === 20, null, { timeout: 10000 });
  // Every instance becomes ready (the ones out of view answer without having drawn).
  await page.evaluate(() => Promise.all(window.instances.map((i) => i.ready)).then(() => true));
  const check = async (i) => {
    const started = Date.now();
    await page.locator('#slot-' + i).scrollIntoViewIfNeeded();
    const status = await until(() => statusOf(page, i), (s) => s.hidden, 15000);
    assert.ok(status.hidden, `instance ${i} still shows '${status.text}'`);
    const colours = await coloursShown(page, '#slot-' + i);
    assert.ok(colours > 20, `instance ${i} shows ${colours} colours`);
    drawnAfterMs.push(Date.now() - started);
  };
  const drawnAfterMs = [];
  for (let i = 0; i < 20; i++) await check(i);
  // Each first frame leaves one User Timing mark naming its canvas, for the host page to read (docs/embedding.md).
  const marks = await page.evaluate(() => performance.getEntriesByName('backprop-playground:first-frame')
    .map((m) => ({ canvas: m.detail.canvas, ok: m.startTime > 0 && m.startTime < performance.now() })));
  const canvases = await page.evaluate(() => window.instances.map((i) => i.canvas.id));
  assert.deepEqual(marks.map((m) => m.canvas).sort(), [...canvases].sort(), 'one first-frame mark per instance');
  assert.ok(marks.every((m) => m.ok), 'each mark on the page clock');
  await page.screenshot({ path: new URL('instances-twenty-last.png', SHOTS).pathname });
  // The first ones gave their contexts to later ones, and say so while out of view.
  const first = await statusOf(page, 0);
  assert.ok(!first.hidden && /Paused to save graphics memory/.test(first.text), first.text);
  // Back to the first: it gets a context again and redraws everything.
  for (const i of [0, 1, 10]) await check(i);
  console.log(`# scrolled to, drawn after (ms, screenshot included): ${drawnAfterMs.join(' ')}`);
  // A context the browser takes (as past its limit, or a GPU reset) leaves a placeholder with a button.
  await page.evaluate(() => window.instances[10].canvas.getContext('webgl2').getExtension('WEBGL_lose_context').loseContext());
  const lost = await until(() => statusOf(page, 10), (s) => !s.hidden, 5000);
  assert.match(lost.text, /Paused: the browser took back this playground's graphics memory — click to resume\.Resume/);
  await page.locator('#slot-10').screenshot({ path: new URL('instances-context-taken.png', SHOTS).pathname });
  await page.locator('#slot-10 .bp-status button').click();
  assert.ok((await until(() => statusOf(page, 10), (s) => s.hidden, 10000)).hidden, 'Resume brings it back');
  assert.ok(await coloursShown(page, '#slot-10') > 20, 'and it is drawn again');
  await page.screenshot({ path: new URL('instances-twenty-first-again.png', SHOTS).pathname });
  assert.deepEqual(errors, []);
  // (Chromium says "Too many active WebGL contexts. Oldest context will be lost." when it takes one.)
  assert.deepEqual(warnings.filter((w) => /too many active webgl contexts/i.test(w)), [], 'the browser never took a context');
  await context.close();
});

test('destroy() frees each instance: three mounts destroyed leave the memory where it was (within 5 MB)', async () => {
  const { context, page, errors } = await lessonPage('n=0', { width: 900, height: 1400 });
  const cdp = await context.newCDPSession(page);
  // The page's memory: the JavaScript heap after a full collection, plus every WebAssembly heap still
  // alive (followed through weak references, which also prove each module unreachable once destroyed).
  const measure = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.modules.map((ref) => ref.deref()).filter(Boolean)
      .reduce((sum, m) => sum + m.HEAPU8.length, 0));
    const alive = await page.evaluate(() => window.modules.filter((ref) => ref.deref()).length);
    return { js: usedSize, wasm, total: usedSize + wasm, alive };
  };
  const mountAndDestroy = async (n) => {
    await page.evaluate(async (count) => {
      window.modules = window.modules || [];
      const from = window.instances.length;
      window.mountAll(count);
      const mounted = window.instances.slice(from);
      await Promise.all(mounted.map((i) => i.ready));
      for (const i of mounted) window.modules.push(new WeakRef(i.module));
    }, n);
    await page.waitForTimeout(1000);  // the engine's warm-up task (300 ms after the first frame) runs
    const during = await measure();
    await page.evaluate((count) => { for (const i of window.instances.slice(-count)) i.destroy(); }, n);
    await page.waitForTimeout(2500);  // the app's timers (the longest: 2 s) fire and let go
    return during;
  };
  await mountAndDestroy(1);  // the app's script and compiled code, loaded once for the page
  const before = await measure();
  const during = await mountAndDestroy(3);
  const after = await measure();
  const mb = (bytes) => (bytes / 2 ** 20).toFixed(1);
  console.log(`# memory (MB): before ${mb(before.total)}, with 3 instances ${mb(during.total)} ` +
              `(${mb((during.total - before.total) / 3)} each: ${mb(during.wasm / 3)} heap + ` +
              `${mb((during.js - before.js) / 3)} JS), after destroy() ${mb(after.total)}`);
  assert.equal(during.alive, 3);
  assert.equal(after.alive, 0, 'every destroyed module is unreachable');
  assert.ok(after.total - before.total < 5 * 2 ** 20, `back within 5 MB: ${mb(after.total - before.total)} MB more`);
  assert.equal(await page.locator('canvas').count(), 0);
  assert.equal(await page.locator('textarea').count(), 0, 'the text sinks went too');
  assert.deepEqual(errors, []);
  await context.close();
});
