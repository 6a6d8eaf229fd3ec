// Function mode's two-variable view (issue 16): a link with f(x, y) opens the heat map, the learner drags the
// point, the direction and the map, the arrow keys move the point, and the 3-D surface reopens from its link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, SHOTS, until } from './harness.mjs';

const session = useBrowser();
const MAP = 'mode=function&expr=x%5E2%2B3y%5E2%2Bsin(2x)&x0=1&y0=0.5';

const stateOf = (page) => page.evaluate(() => window.playground.getState());
const layoutOf = (page) => page.evaluate(() => window.playground.testHooks.layout());
const centreOf = async (page, name) => {
  const found = (await layoutOf(page)).rects.find((r) => r.name === name);
  if (!found) return null;
  const [x, y, w, h] = found.box;
  return [x + w / 2, y + h / 2];
};

async function drag(page, [x, y], [dx, dy], steps = 20) {
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x + (dx * i) / steps, y + (dy * i) / steps);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  await page.waitForTimeout(100);
}

test('a link with f(x, y) opens the heat map with the point on it, without an error', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url + '#' + MAP);
  await page.waitForFunction(() => window.playground);
  const point = await until(() => centreOf(page, 'plane point'), Boolean);
  assert.ok(point, 'the point is drawn: the two-variable view is open');
  const state = await stateOf(page);
  assert.equal(state.expr, 'x^2+3y^2+sin(2x)');
  assert.equal(state.x0, 1);
  assert.equal(state.y0, 0.5);
  await page.screenshot({ path: new URL('plane-map.png', SHOTS).pathname });
  assert.deepEqual(errors, []);
  await context.close();
});

test('dragging the point moves x₀ and y₀; dragging beside it pans the map and keeps the point', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url + '#' + MAP);
  await page.waitForFunction(() => window.playground);
  const point = await until(() => centreOf(page, 'plane point'), Boolean);
  await page.evaluate(() => window.playground.resetFrameStats());
  await drag(page, point, [120, -80]);  // right and up
  const moved = await stateOf(page);
  const stats = await page.evaluate(() => window.playground.frameStats());
  console.log(`dragging the point: (1, 0.5) → (${moved.x0.toFixed(3)}, ${moved.y0.toFixed(3)}); ` +
    `${stats.frames} frames, ` +
    `building a frame median ${stats.medianBuildMs.toFixed(2)} ms (max ${stats.maxBuildMs.toFixed(2)})`);
  assert.ok(moved.x0 > 1.5, `x₀ followed the mouse to the right: ${moved.x0}`);
  assert.ok(moved.y0 > 0.8, `y₀ followed the mouse up: ${moved.y0}`);
  const viewBefore = moved.view;
  const yviewBefore = moved.yview;
  const empty = [point[0] - 200, point[1] + 150];
  await drag(page, empty, [-100, 0]);
  const panned = await stateOf(page);
  assert.equal(panned.x0, moved.x0, 'panning leaves the point where it was');
  assert.notEqual(panned.view, viewBefore, 'the horizontal range moved');
  const [xmin] = panned.view.split(',').map(Number);
  assert.ok(xmin > Number(viewBefore.split(',')[0]),
            `dragging left shows more of the right: ${viewBefore} → ${panned.view}`);
  // The pan writes the window as seen (square pixels): its vertical centre is where it was.
  const middle = (range) => range.split(',').map(Number).reduce((a, b) => a + b) / 2;
  assert.ok(Math.abs(middle(panned.yview) - middle(yviewBefore)) < 1e-9,
            `a sideways pan keeps the vertical centre: ${yviewBefore} → ${panned.yview}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dragging the orange handle turns the direction; the arrow keys on the focused map move the point', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url + '#' + MAP + '&dir=0');
  await page.waitForFunction(() => window.playground);
  const handle = await until(() => centreOf(page, 'plane direction'), Boolean);
  const point = await centreOf(page, 'plane point');
  // From θ = 0 (right of the point) to straight above it: θ = 90°.
  await drag(page, handle, [point[0] - handle[0], -(handle[0] - point[0])]);
  const turned = await stateOf(page);
  assert.ok(Math.abs(Number(turned.dir) - 90) < 3, `the direction is straight up: ${turned.dir}`);
  assert.equal(turned.x0, 1, 'turning the direction does not move the point');
  await page.mouse.click(point[0] - 200, point[1] + 150);  // focus the map (a click, no drag)
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  const keyed = await until(() => stateOf(page), (s) => s.x0 !== 1 && s.y0 !== 0.5);
  assert.ok(keyed.x0 > 1 && keyed.y0 > 0.5, `→ and ↑ moved the point right and up: (${keyed.x0}, ${keyed.y0})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the 3-D surface reopens from its link with its camera, and three free variables are named', async () => {
  const hash = MAP + '&plane=surface&camera=-120,45,1.5';
  const { page, context, errors } = await openPage(session.browser, session.url + '#' + hash);
  await page.waitForFunction(() => window.playground);
  assert.ok(await until(() => centreOf(page, 'plane surface'), Boolean), 'the surface is drawn');
  const state = await stateOf(page);
  assert.equal(state.plane, 'surface');
  assert.equal(state.camera, '-120,45,1.5');
  await page.screenshot({ path: new URL('plane-surface.png', SHOTS).pathname });
  const link = await page.evaluate(() => window.playground.shareUrl());
  const again = await openPage(session.browser, session.url + '#' + link.split('#')[1]);
  await again.page.waitForFunction(() => window.playground);
  const reopened = await stateOf(again.page);
  assert.deepEqual(reopened, state, 'the link reopens the same state');
  assert.ok(await until(() => centreOf(again.page, 'plane surface'), Boolean), 'the reopened page shows the surface');
  const box = await centreOf(again.page, 'plane surface');
  await drag(again.page, box, [80, 30]);
  const rotated = await stateOf(again.page);
  assert.notEqual(rotated.camera, state.camera, `dragging rotates the camera: ${rotated.camera}`);
  await again.page.evaluate(() => window.playground.setState({ expr: 'x*y + z' }));
  const describe = () => again.page.evaluate(() => document.querySelector('[aria-live]')?.textContent ?? '');
  const described = await until(describe, (text) => text.includes('free variables'), 10000);
  assert.match(described, /3 free variables \(x, y and z\)/);
  assert.deepEqual(errors, []);
  assert.deepEqual(again.errors, []);
  await again.context.close();
  await context.close();
});

test('a link\'s window reopens as written at any canvas size, wholly visible, the point where it says', async () => {
  // x ∈ [−1, 3] and y ∈ [0, 1.5]: wider than tall, so a tall canvas shows more of y and a wide one more of x.
  const hash = MAP.replace('x0=1', 'x0=2') + '&view=-1,3,-2,40&yview=0,1.5';
  for (const [width, height] of [[1280, 800], [768, 1024]]) {
    const { page, context, errors } = await openPage(session.browser, session.url + '#' + hash, { width, height });
    await page.waitForFunction(() => window.playground);
    const point = await until(() => centreOf(page, 'plane point'), Boolean);
    const state = await stateOf(page);
    assert.equal(state.yview, '0,1.5', `${width}×${height}: getState() gives the link's yview`);
    assert.equal(state.view, '-1,3,-2,40', `${width}×${height}: and its view`);
    const link = await page.evaluate(() => window.playground.shareUrl());
    assert.match(decodeURIComponent(link), /yview=0,1\.5(&|$)/,
                 `${width}×${height}: the page's link carries the same yview`);
    // Square pixels, the asked window centred and whole: units per pixel = the larger of 4 / width, 1.5 / height.
    const [left, top, w, h] = (await layoutOf(page)).rects.find((r) => r.name === 'plane map').box;
    const perPixel = Math.max(4 / w, 1.5 / h);
    const expected = [left + w / 2 + (2 - 1) / perPixel, top + h / 2 - (0.5 - 0.75) / perPixel];
    assert.ok(Math.abs(point[0] - expected[0]) <= 1 && Math.abs(point[1] - expected[1]) <= 1,
              `${width}×${height}: the point (2, 0.5) is drawn at ${point}, expected ${expected}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
