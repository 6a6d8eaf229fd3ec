// Dropout and skip connections in network mode: a link with both opens with them, trains, and its shared link
// reopens with the same settings and weights (getState()); screenshots at the four sizes show the skip arcs and,
// after a click on a training point, the step-through with this step's dropout mask
// (tests/browser/screenshots/nn-layers-*.png, to be looked at).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, SHOTS, controlCentre } from './harness.mjs';

const session = useBrowser();
const LINK = '#mode=network&data=circle&hidden=4,4,4&drop=0.3,0.2&skip=1';
const TRAIN_BUTTON = [45, 56];

test('a dropout and skip link opens with them, trains, and its link reopens with the same settings and weights', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url + LINK);
  await page.waitForFunction(() => window.playground);
  const opened = await page.evaluate(() => window.playground.getState());
  assert.equal(opened.drop, '0.3,0.2');
  assert.equal(opened.skip, '1');
  await page.mouse.click(...TRAIN_BUTTON);
  await page.waitForFunction(() => Number(window.playground.getState().epoch) > 5, null, { timeout: 30000 });
  await page.mouse.click(...TRAIN_BUTTON);
  await controlCentre(page, 'Train ▶###train', 20000);
  await page.waitForTimeout(300);
  const trained = await page.evaluate(() => window.playground.getState());
  assert.ok(Number(trained.epoch) > 5, `epochs trained: ${trained.epoch}`);
  assert.notEqual(trained.w, opened.w, 'training changed the weights');
  assert.equal(trained.drop, '0.3,0.2', 'training keeps the dropout rates');
  assert.equal(trained.skip, '1');
  const link = await page.evaluate(() => window.playground.shareUrl());
  assert.match(link, /[#&]drop=0\.3%2C0\.2(&|$)|[#&]drop=0\.3,0\.2(&|$)/);
  assert.match(link, /[#&]skip=1(&|$)/);

  const second = await openPage(session.browser, link);
  await second.page.waitForFunction(() => window.playground);
  const reopened = await second.page.evaluate(() => window.playground.getState());
  for (const key of ['drop', 'skip', 'hidden', 'w', 'epoch']) assert.equal(reopened[key], trained[key], key);
  assert.deepEqual(errors, []);
  assert.deepEqual(second.errors, []);
  await second.context.close();
  await context.close();
});

for (const [width, height] of [[375, 667], [768, 1024], [860, 560], [1280, 800]]) {
  test(`at ${width}×${height}: the diagram with skip arcs, a training point's step-through with its mask`, async () => {
    const phone = width < 500;
    const context = await session.browser.newContext({ viewport: { width, height }, hasTouch: phone, isMobile: phone });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(session.url + LINK);
    await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
    await page.waitForFunction(() => window.playground);
    await page.waitForTimeout(500);
    const layout = await page.evaluate(() => window.playground.testHooks.layout());
    const surface = layout.rects.find((r) => r.name === 'network surface');
    assert.ok(surface, 'the surface is drawn');
    await page.screenshot({ path: new URL(`nn-layers-${width}x${height}.png`, SHOTS).pathname });
    // A click near the surface's middle (the circle's dense centre) picks a training point for the step-through.
    const [x, y, w, h] = surface.box;
    for (const [dx, dy] of [[0, 0], [10, 5], [-12, 8], [6, -10]]) {
      if (phone) await page.touchscreen.tap(x + w / 2 + dx, y + h / 2 + dy);
      else await page.mouse.click(x + w / 2 + dx, y + h / 2 + dy);
      await page.waitForTimeout(300);
    }
    await page.screenshot({ path: new URL(`nn-layers-${width}x${height}-step.png`, SHOTS).pathname });
    // Down to the step-through's first layer, where the mask is (the wheel over the pictures scrolls them).
    await page.mouse.move(x + w / 2, Math.min(y + h, height - 40));
    for (let i = 0; i < (phone ? 24 : height < 700 ? 10 : 7); i++) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(100);
    }
    await page.mouse.move(width - 3, 28);  // off the numbers: no tooltip over the picture
    await page.waitForTimeout(300);
    await page.screenshot({ path: new URL(`nn-layers-${width}x${height}-mask.png`, SHOTS).pathname });
    assert.deepEqual(errors, []);
    await context.close();
  });
}
