// Network mode in the browser: it trains, the link carries the trained weights and reopens the same
// network with the same loss, and one example can be stepped through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, SHOTS, countColor, pixels, controlCentre } from './harness.mjs';

const session = useBrowser();

const TRAIN_BUTTON = [45, 56];

test('training, sharing the link and reopening it gives the same weights and the same loss', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url + '#mode=network&data=xor&hidden=6,3');
  await page.waitForFunction(() => window.playground);
  const fresh = await page.evaluate(() => window.playground.getState());
  await page.mouse.click(...TRAIN_BUTTON);
  // Trains until more than 10 epochs (1.5 s on a quiet machine; a busy one draws fewer frames).
  await page.waitForFunction(() => Number(window.playground.getState().epoch) > 10, null, { timeout: 30000 });
  await page.mouse.click(...TRAIN_BUTTON);  // pause: the epoch under way finishes first
  await controlCentre(page, 'Train ▶###train', 20000);  // the button says so once the click has been handled
  await page.waitForTimeout(300);
  const trained = await page.evaluate(() => window.playground.getState());
  assert.ok(Number(trained.epoch) > 10, `epochs trained: ${trained.epoch}`);
  assert.notEqual(trained.w, fresh.w, 'training changed the weights');
  await page.screenshot({ path: new URL('network-trained.png', SHOTS).pathname });
  const SURFACE = { x: 883, y: 45, width: 370, height: 370 };
  const surfaceBefore = await page.screenshot({ clip: SURFACE });
  const link = await page.evaluate(() => window.playground.shareUrl());
  console.log(`network link length: ${link.length} characters (xor, hidden 6,3, trained weights included)`);

  const second = await openPage(session.browser, link);
  await second.page.waitForFunction(() => window.playground);
  const reopened = await second.page.evaluate(() => window.playground.getState());
  assert.equal(reopened.w, trained.w, 'the same weights, bit for bit');
  assert.equal(reopened.epoch, trained.epoch);
  await second.page.screenshot({ path: new URL('network-reopened.png', SHOTS).pathname });
  // The same weights on the same data: the decision surface is the same picture, pixel for pixel
  // (the loss curve differs: the reopened page has no history).
  const surfaceAfter = await second.page.screenshot({ clip: SURFACE });
  assert.ok(surfaceBefore.equals(surfaceAfter), 'the reopened page draws the same surface');
  assert.deepEqual(errors, []);
  assert.deepEqual(second.errors, []);
  await second.context.close();
  await context.close();
});

test('clicking a training point opens its step-through with the forward and backward matrices', async () => {
  const { page, context } = await openPage(session.browser, session.url + '#mode=network');
  await page.waitForFunction(() => window.playground);
  // Below the loss curve the page is empty until a point is chosen; then the matrices fill it.
  const BELOW = { x: 445, y: 540, width: 820, height: 240 };
  const inkBefore = await countColor(page, await page.screenshot({ clip: BELOW }), [30, 30, 30], 120);
  const box = { x: 883, y: 45, size: 370 };
  let inkAfter = inkBefore;
  for (const [dx, dy] of [[0, 0], [10, 5], [-12, 8], [6, -10], [20, 20]]) {  // near the dense centre
    await page.mouse.click(box.x + box.size / 2 + dx, box.y + box.size / 2 + dy);
    await page.waitForTimeout(250);
    inkAfter = await countColor(page, await page.screenshot({ clip: BELOW }), [30, 30, 30], 120);
    if (inkAfter > inkBefore + 500) break;
  }
  await page.screenshot({ path: new URL('network-step-through.png', SHOTS).pathname });
  assert.ok(inkAfter > inkBefore + 500, `text appeared below the pictures (${inkBefore} → ${inkAfter} dark pixels)`);
  await context.close();
});

// Trains the network of `hash` for 0.8 s, then compares the surface's pixels on a 10 × 10 grid with the colour
// `expected(x1, x2)` (from the engine's forward pass, through the page's networkOutput hook) gives.
async function surfaceAgreement(hash, expected) {
  const { page, context } = await openPage(session.browser, session.url + '#' + hash);
  await page.waitForFunction(() => window.playground);
  await page.mouse.click(...TRAIN_BUTTON);
  await page.waitForTimeout(800);
  await page.mouse.click(...TRAIN_BUTTON);
  await page.waitForTimeout(300);
  const SURFACE = { x: 883, y: 45, width: 370, height: 370 };
  const png = await page.screenshot({ clip: SURFACE });
  const image = await pixels(page, png);
  const size = SURFACE.width;
  const result = { agree: 0, total: 0, worst: 0 };
  for (let i = 0; i < 10; i++) {
    for (let j = 0; j < 10; j++) {
      const px = Math.round((i + 0.5) * size / 10), py = Math.round((j + 0.5) * size / 10);
      const x1 = -6 + 12 * (px + 0.5) / size, x2 = 6 - 12 * (py + 0.5) / size;
      const want = await expected(page, x1, x2);
      const at = (py * image.width + px) * 4;
      const error = Math.max(...want.map((c, k) => Math.abs(c - image.rgba[at + k])));
      result.total++;
      if (error <= 6) result.agree++;
      else result.worst = Math.max(result.worst, error);
    }
  }
  await context.close();
  return result;
}

test('the GPU-drawn surface agrees with the engine\'s forward pass at sampled pixels', async () => {
  // network_view.cpp's value_color(0.7 · v): white towards orange (-1) or blue (+1).
  const result = await surfaceAgreement('mode=network&data=xor&hidden=6,3', async (page, x1, x2) => {
    const v = await page.evaluate(([a, b]) => window.playground.networkOutput(a, b), [x1, x2]);
    const t = Math.max(-1, Math.min(1, 0.7 * v));
    const end = t < 0 ? [245, 147, 34] : [8, 119, 189];
    return end.map((c) => 255 + (c - 255) * Math.abs(t));
  });
  console.log(`GPU surface vs engine: ${result.agree} of ${result.total} sampled pixels within 6/255 (the rest under data points)`);
  assert.ok(result.agree >= 0.85 * result.total, JSON.stringify(result));
});

test('the GPU-drawn surface of a 3-class softmax network with a skip connection agrees with the engine', async () => {
  // The winning class's colour (class_palette.cpp, Okabe & Ito), 0.7 × how sure: 0 at an even split of the
  // three, 1 when certain (decision_surface.frag). The skip between the two 8-neuron layers changes the
  // function: a surface drawn without it disagrees on most pixels.
  const PALETTE = [[230, 159, 0], [0, 114, 178], [0, 158, 115]];
  const result = await surfaceAgreement('mode=network&data=blobs3&hidden=8,8&skip=1', async (page, x1, x2) => {
    const p = await page.evaluate(([a, b]) => [0, 1, 2].map((k) => window.playground.networkOutput(a, b, k)), [x1, x2]);
    const best = p.indexOf(Math.max(...p));
    const sure = Math.max(0, Math.min(1, (p[best] - 1 / 3) / (2 / 3)));
    return PALETTE[best].map((c) => 255 + (c - 255) * 0.7 * sure);
  });
  console.log(`GPU softmax surface with a skip vs engine: ${result.agree} of ${result.total} sampled pixels within 6/255`);
  assert.ok(result.agree >= 0.85 * result.total, JSON.stringify(result));
});

test('the learner\'s own data: clicks add points of the chosen class, right-clicks remove them, the link keeps them', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url + '#mode=network&data=custom');
  await page.waitForFunction(() => window.playground);
  // The square where the last frame drew it (its size follows the controls under it).
  let box;
  const measure = async () => {
    const rect = (await page.evaluate(() => window.playground.testHooks.layout())).rects
      .find((r) => r.name === 'network surface');
    box = { x: rect.box[0], y: rect.box[1], size: rect.box[2] };
  };
  const at = (x1, x2) => [box.x + (x1 + 6) / 12 * box.size, box.y + (6 - x2) / 12 * box.size];
  const count = () => page.evaluate(() => window.playground.getState().pts.split(';').filter(Boolean).length);
  for (const [i, [x1, x2]] of [[-3, -3], [3, 3], [-3, 3]].entries()) {
    await measure();
    await page.mouse.click(...at(x1, x2));
    await page.waitForFunction((n) => window.playground.getState().pts.split(';').filter(Boolean).length === n, i + 1);
  }
  assert.equal(await count(), 3);
  await measure();
  await page.mouse.click(...at(3, 3), { button: 'right' });
  await page.waitForFunction(() => window.playground.getState().pts.split(';').length === 2);
  let state = await page.evaluate(() => window.playground.getState());
  // Drag the point at (-3, -3) to (-1, -1).
  await page.mouse.move(...at(-3, -3));
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) {
    await page.mouse.move(...at(-3 + 0.2 * i, -3 + 0.2 * i));
    await page.waitForTimeout(30);
  }
  await page.mouse.up();
  await page.waitForFunction(() => Number(window.playground.getState().pts.split(',')[0]) > -1.3, null, { timeout: 5000 }).catch(() => {});
  state = await page.evaluate(() => window.playground.getState());
  const [x1, x2] = state.pts.split(';')[0].split(',').map(Number);
  assert.ok(Math.abs(x1 + 1) < 0.2 && Math.abs(x2 + 1) < 0.2, `dragged to (${x1}, ${x2})`);
  await page.screenshot({ path: new URL('network-custom-data.png', SHOTS).pathname });
  assert.deepEqual(errors, []);
  await context.close();
});
