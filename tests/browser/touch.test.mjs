// Fingers on the playground: a swipe up over an embedded widget scrolls the host page (a reader can
// always scroll past it), a sideways drag on the function plot still moves x₀, and on a touch screen
// every control is at least 40 CSS px tall.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, SHOTS } from './harness.mjs';

const session = useBrowser();

async function touchPage(url, { width, height }) {
  const context = await session.browser.newContext({ viewport: { width, height }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  const cdp = await context.newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: points.map(([x, y], id) => ({ x, y, id })),
  });
  // One finger from `from` to `to` in steps of a 60 Hz frame, as a hand moves.
  const swipe = async (from, to, steps = 15) => {
    await touch('touchStart', [from]);
    for (let i = 1; i <= steps; i++) {
      await touch('touchMove', [[from[0] + (to[0] - from[0]) * i / steps, from[1] + (to[1] - from[1]) * i / steps]]);
      await page.waitForTimeout(16);
    }
    await touch('touchEnd', []);
    await page.waitForTimeout(300);
  };
  return { context, page, errors, swipe };
}

test('a 300 px swipe up over an embedded playground scrolls the host page past it', async () => {
  const { context, page, errors, swipe } = await touchPage(
    session.url + 'tests/browser/fixtures/focus-host.html?kind=mount#mode=function', { width: 900, height: 700 });
  await page.waitForFunction(() => window.instance && document.querySelector('.bp-status.hidden'), null,
                             { timeout: 30000 });
  await page.evaluate(() => window.scrollTo(0, document.getElementById('widget').offsetTop - 100));
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => window.scrollY);
  const box = await page.locator('#widget canvas').boundingBox();
  // Over the plot, right of the controls, away from the point: nothing there drags up and down.
  const x = box.x + box.width * 0.75;
  await swipe([x, box.y + 450], [x, box.y + 150]);
  const after = await page.evaluate(() => window.scrollY);
  console.log(`a 300 px swipe up over the widget scrolled the host page ${after - before} px`);
  assert.ok(after - before >= 200, `the host page scrolled ${after - before} px`);
  await page.screenshot({ path: new URL('touch-host-scrolled.png', SHOTS).pathname });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a sideways drag on the function plot still moves x₀; controls are tap-sized', async () => {
  const { context, page, errors, swipe } = await touchPage(session.url + '#x0=0', { width: 1280, height: 800 });
  await page.waitForFunction(() => window.playground, null, { timeout: 30000 });
  await page.waitForTimeout(300);
  const controls = await page.evaluate(() => window.playground.testHooks.controls());
  const small = controls.filter((c) => c.h < 39.5);
  assert.deepEqual(small.map((c) => `${c.label} ${c.h}`), [], 'every control at least 40 CSS px tall on touch');
  console.log(`on a touch screen: ${controls.length} controls, the smallest ${Math.min(...controls.map((c) => c.h))} CSS px tall`);
  const { view } = await page.evaluate(() => window.playground.getState());
  const [xmin, xmax] = view.split(',').map(Number);
  // The plot is the widest control; x₀ = 0 sits at its x for 0.
  const plot = controls.reduce((a, c) => (c.w * c.h > a.w * a.h ? c : a));
  const px = plot.x + (0 - xmin) / (xmax - xmin) * plot.w;
  const y = plot.y + plot.h / 2;
  await swipe([px, y], [px + 100, y + 10]);
  const { x0 } = await page.evaluate(() => window.playground.getState());
  const expected = 100 / plot.w * (xmax - xmin);
  assert.ok(Math.abs(x0 - expected) < expected * 0.25,
            `x₀ = ${x0} after a 100 px drag (expected ≈ ${expected.toFixed(2)})`);
  await page.screenshot({ path: new URL('touch-desktop-sized.png', SHOTS).pathname });
  assert.deepEqual(errors, []);
  await context.close();
});

test('network mode\'s controls, its secondary buttons included, are tap-sized on a phone', async () => {
  // A phone's width, tall enough that the one column's settings are all drawn (ImGui lists what it draws).
  const { context, page, errors } = await touchPage(session.url + '#mode=network&data=custom&pts=-3,-3,-1;3,3,1',
                                                      { width: 375, height: 2400 });
  await page.waitForFunction(() => window.playground, null, { timeout: 30000 });
  await page.waitForTimeout(300);
  const controls = await page.evaluate(() => window.playground.testHooks.controls());
  const labels = controls.map((c) => c.label);
  for (const label of ['Clear', 'Load CSV', '+ layer']) assert.ok(labels.includes(label), `${label} in ${labels}`);
  const small = controls.filter((c) => c.h < 39.5);
  assert.deepEqual(small.map((c) => `${c.label} ${c.h}`), [], 'every control at least 40 CSS px tall on touch');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a finger on the point x₀ drags it even when it first moves downwards; beside it the page scrolls', async () => {
  const { context, page, errors, swipe } = await touchPage(
    session.url + 'tests/browser/fixtures/focus-host.html?kind=mount#mode=function&x0=0', { width: 900, height: 700 });
  await page.waitForFunction(() => window.instance && document.querySelector('.bp-status.hidden'), null,
                             { timeout: 30000 });
  await page.evaluate(() => window.scrollTo(0, document.getElementById('widget').offsetTop - 100));
  await page.waitForTimeout(500);
  const box = await page.locator('#widget canvas').boundingBox();
  const layout = await page.evaluate(() => JSON.parse(window.instance.module.UTF8ToString(
    window.instance.module._bp_layout())));
  const [x, y, w, h] = layout.rects.find((r) => r.name === 'x0 point').box;
  const start = [box.x + x + w / 2, box.y + y + h / 2];
  const scrolled = await page.evaluate(() => window.scrollY);
  // Down 30 px first (a scroll, were it not on the point), then 120 px to the right.
  await swipe(start, [start[0], start[1] + 30], 5);
  const { x0: afterDown } = await page.evaluate(() => window.instance.getState());
  await swipe(start, [start[0] + 20, start[1] + 60], 15);
  const { x0 } = await page.evaluate(() => window.instance.getState());
  const scrolledAfter = await page.evaluate(() => window.scrollY);
  console.log(`a drag from the point: x₀ 0 → ${x0}; the host page scrolled ${scrolledAfter - scrolled} px`);
  // The press puts x₀ under the finger (within a pixel of 0); going straight down moves it no further.
  assert.ok(Math.abs(afterDown) < 0.02, `a straight-down drag left x₀ at ${afterDown}`);
  assert.ok(x0 > 0, `x₀ followed the finger to the right: ${x0}`);
  assert.equal(scrolledAfter, scrolled, 'the page did not scroll under a drag that started on the point');
  assert.deepEqual(errors, []);
  await context.close();
});
