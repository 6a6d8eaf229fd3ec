// Embedding: two instances on one page stay independent, screenshot() returns a PNG of the canvas's
// size, destroy() removes an instance, and the postMessage protocol answers an allowed host only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, pixels, SHOTS, controlCentre } from './harness.mjs';

const session = useBrowser();

test('two instances on one page work independently', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(session.url + 'web/demo/two-instances.html');
  await page.waitForFunction(() => window.instances && document.querySelectorAll('.bp-status.hidden').length === 2, null, { timeout: 30000 });
  const states = await page.evaluate(() => [window.instances.left.getState(), window.instances.right.getState()]);
  assert.equal(states[0].mode, 'function');
  assert.equal(states[0].x0, 0.75);
  assert.equal(states[1].mode, 'graph');
  await page.evaluate(() => window.instances.left.setState({ expr: 'x^3' }));
  await page.waitForTimeout(300);
  const after = await page.evaluate(() => [window.instances.left.getState(), window.instances.right.getState()]);
  assert.equal(after[0].expr, 'x^3');
  assert.equal(after[1].mode, 'graph', 'the other instance did not change');
  assert.equal(await page.textContent('#left-caption'), 'x^3 at x₀ = 0.75', 'change events reach the host');
  // Typing goes to the instance that was clicked, not the other.
  const box = await page.locator('#right canvas').boundingBox();
  await page.mouse.click(box.x + 100, box.y + 100);
  await page.screenshot({ path: new URL('demo-two-instances.png', SHOTS).pathname, fullPage: true });
  const png = await page.evaluate(() => window.instances.left.screenshot());
  assert.match(png, /^data:image\/png;base64,/);
  const size = await page.evaluate(async (url) => {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = window.instances.left.canvas;
    return [image.width, image.height, canvas.width, canvas.height];
  }, png);
  assert.equal(size[0], size[2]);
  assert.equal(size[1], size[3]);
  await page.evaluate(() => window.instances.right.destroy());
  assert.equal(await page.locator('#right canvas').count(), 0);
  assert.equal((await page.evaluate(() => window.instances.left.getState())).expr, 'x^3', 'the other instance lives on');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the postMessage protocol: get, set and change events for the allowed host', async () => {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  await page.goto(session.url + 'tests/browser/fixtures/host.html');
  const frame = page.frameLocator('#frame');
  await frame.locator('.bp-status.hidden').waitFor({ state: 'attached', timeout: 30000 });
  await page.evaluate(() => window.ask({ type: 'bp:getState', id: 1 }));
  await page.waitForFunction(() => window.received.some((m) => m.id === 1));
  const reply = await page.evaluate(() => window.received.find((m) => m.id === 1));
  assert.equal(reply.type, 'bp:state');
  assert.equal(reply.state.mode, 'graph');
  await page.evaluate(() => window.ask({ type: 'bp:setState', id: 2, state: { mode: 'function', expr: 'sin(x)' } }));
  await page.waitForFunction(() => window.received.some((m) => m.id === 2));
  assert.equal((await page.evaluate(() => window.received.find((m) => m.id === 2))).state.expr, 'sin(x)');
  await page.waitForFunction(() => window.received.some((m) => m.type === 'bp:change' && m.state.expr === 'sin(x)'));
  await context.close();
});

test('an iframe host submits answers from its own form: bp:submitAnswer is checked, answered and reported', async () => {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  await page.goto(session.url + 'tests/browser/fixtures/host.html');
  const frame = page.frameLocator('#frame');
  await frame.locator('.bp-status.hidden').waitFor({ state: 'attached', timeout: 30000 });
  // The seed's exercise: f(x) = 3x² − 4x + 5 at x₀ = 3, slope asked. Sent at once after the new function,
  // before it has compiled: the answer waits for the true value.
  await page.evaluate(() => {
    window.ask({ type: 'bp:setState', id: 10, state: { mode: 'function', expr: '3x^2 - 4x + 5', x0: 3, ask: 'slope',
                                                        hide: 'slope,fd,diff,tangent,fprime' } });
    window.ask({ type: 'bp:submitAnswer', id: 11, quantity: 'slope', value: 12 });
  });
  await page.waitForFunction(() => window.received.some((m) => m.id === 11));
  const wrong = await page.evaluate(() => window.received.find((m) => m.id === 11));
  assert.equal(wrong.type, 'bp:answerResult');
  assert.equal(wrong.result.success, false, 'f′(3) = 6·3 − 4 = 14 (by hand), not 12');
  await page.evaluate(() => window.ask({ type: 'bp:submitAnswer', id: 12, quantity: 'slope', value: '14' }));
  await page.waitForFunction(() => window.received.some((m) => m.id === 12));
  const right = await page.evaluate(() => window.received.find((m) => m.id === 12));
  assert.equal(right.result.success, true);
  assert.equal(right.result.attempts, 2);
  // The same attempts reach the host as bp:answer events, as answers typed on the canvas do.
  const events = await page.evaluate(() => window.received.filter((m) => m.type === 'bp:answer').map((m) => m.success));
  assert.deepEqual(events, [false, true]);
  await page.evaluate(() => window.ask({ type: 'bp:submitAnswer', id: 13, quantity: 'fx', value: 20 }));
  await page.waitForFunction(() => window.received.some((m) => m.id === 13));
  const error = await page.evaluate(() => window.received.find((m) => m.id === 13));
  assert.match(error.error, /fx/, 'a quantity that is not asked gets an error naming it');
  await page.evaluate(() => window.ask({ type: 'bp:getResults', id: 14 }));
  await page.waitForFunction(() => window.received.some((m) => m.id === 14));
  const results = (await page.evaluate(() => window.received.find((m) => m.id === 14))).results;
  assert.equal(results.find((r) => r.id === 'slope').correct, true);
  await context.close();
});

test('messages from an origin the embedder did not allow are ignored', async () => {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  // The iframe allows no origin at all here.
  await page.goto(session.url + 'tests/browser/fixtures/host.html');
  await page.evaluate(() => {
    const frame = document.getElementById('frame');
    frame.src = '/index.html#mode=graph';
  });
  const frame = page.frameLocator('#frame');
  await frame.locator('.bp-status.hidden').waitFor({ state: 'attached', timeout: 30000 });
  await page.evaluate(() => { window.received.length = 0; window.ask({ type: 'bp:setState', id: 3, state: { mode: 'function' } }); });
  await page.waitForTimeout(800);
  assert.deepEqual(await page.evaluate(() => window.received), []);
  const mode = await page.frame({ url: /index\.html/ }).evaluate(() => window.playground.getState().mode);
  assert.equal(mode, 'graph');
  await context.close();
});

test('embed options: one mode without tabs, a locked expression, hidden controls, zoom', async () => {
  const context = await session.browser.newContext({ viewport: { width: 900, height: 600 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(session.url + 'index.html?embed=1&hide=tabs,table,descent,error&lock=expr&zoom=1.2#mode=function&expr=sin(x)');
  await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: new URL('embed-options.png', SHOTS).pathname });
  // The locked field ignores typing.
  await page.mouse.click(200, 50);
  await page.keyboard.type('+1');
  await page.waitForTimeout(300);
  assert.equal((await page.evaluate(() => window.playground.getState())).expr, 'sin(x)');
  assert.deepEqual(errors, []);
  await context.close();
});


test('exports: samples CSV with x, f(x), f′(x) rows, and a PNG of the plot at the plot\'s size', async () => {
  // 1,000 px tall: function mode's controls (with the Taylor toggle and the race's header) reach the exports.
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 1000 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(session.url);
  await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
  await page.waitForTimeout(300);
  const save = async (label) => {
    const [x, y] = await controlCentre(page, label);
    const [download] = await Promise.all([page.waitForEvent('download'), page.mouse.click(x, y)]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    return { name: download.suggestedFilename(), body: Buffer.concat(chunks) };
  };
  const csv = await save('samples CSV');
  assert.equal(csv.name, 'function-samples.csv');
  const rows = csv.body.toString().trim().split('\n');
  assert.equal(rows[0], "x,f(x),f'(x)");
  assert.equal(rows.length, 402);
  const [x, y, dy] = rows[201].split(',').map(Number);  // the middle of the view
  assert.ok(Math.abs(y - (2 * x * x - 3 * x + 4)) < 1e-9 && Math.abs(dy - (4 * x - 3)) < 1e-9, rows[201]);
  const png = await save('plot PNG');
  assert.equal(png.name, 'function-plot.png');
  const width = png.body.readUInt32BE(16);  // the PNG header's width: the plot's (about 862 px), not the page's 1280
  assert.ok(width > 850 && width < 880, `width ${width}`);
  await context.close();
});

test('theme=auto follows the reader\'s dark system setting; theme=dark is dark anyway', async () => {
  const brightness = async (page) => {
    const { rgba } = await pixels(page, await page.screenshot({ clip: { x: 900, y: 300, width: 40, height: 40 } }));
    let sum = 0;
    for (let i = 0; i < rgba.length; i += 4) sum += rgba[i] + rgba[i + 1] + rgba[i + 2];
    return sum / (rgba.length / 4) / 3;
  };
  for (const [scheme, query, dark] of [['dark', 'theme=auto', true], ['light', 'theme=auto', false], ['light', 'theme=dark', true]]) {
    const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(session.url + 'index.html?' + query + '#mode=graph');
    await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
    await page.waitForTimeout(300);
    const level = await brightness(page);
    await page.screenshot({ path: new URL(`theme-${query.split('=')[1]}-${scheme}.png`, SHOTS).pathname });
    assert.equal(level < 100, dark, `${query} with a ${scheme} system: brightness ${level}`);
    await context.close();
  }
});

test('once loaded, the page opens again without the network, from versioned caches', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(session.url + '#mode=graph');
  await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  const version = await page.evaluate(async () => (await (await fetch('version.json')).json()).version);
  const cached = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('bp-')));
  assert.deepEqual(cached, ['bp-' + version]);
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
  await page.waitForFunction(() => window.playground);
  assert.equal((await page.evaluate(() => window.playground.getState())).mode, 'graph');
  const assets = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/playground\.(js|wasm)/.test(n)));
  assert.equal(assets.length, 2, assets.join(' '));
  assert.ok(assets.every((name) => name.includes('?v=' + version)), assets.join(' '));
  await context.close();
});

test('an embedded instance lets the wheel scroll the host page until the reader clicks into it', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 700 } });
  const page = await context.newPage();
  await page.goto(session.url + 'web/demo/two-instances.html');
  await page.waitForFunction(() => window.instances && document.querySelectorAll('.bp-status.hidden').length === 2, null, { timeout: 30000 });
  const box = await page.locator('#left canvas').boundingBox();
  await page.mouse.move(box.x + box.width - 100, box.y + 200);
  await page.mouse.wheel(0, 200);
  await page.waitForTimeout(300);
  assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the host page scrolled');
  const viewBefore = await page.evaluate(() => window.instances.left.getState().view);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.click(box.x + box.width - 100, box.y + 200);
  await page.mouse.wheel(0, -300);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'after a click the wheel belongs to the playground');
  assert.notEqual(await page.evaluate(() => window.instances.left.getState().view), viewBefore, 'and zooms its plot');
  await context.close();
});
