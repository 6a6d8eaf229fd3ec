// The page as a learner meets it, in headless Chromium: it loads, draws the seed function with its
// tangent and secant, stays crisp at pixel ratios 1, 2 and 3, switches to graph mode, and explains
// a missing WebGL2 instead of showing a blank canvas. Screenshots land in tests/browser/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, SHOTS, countColor } from './harness.mjs';

const session = useBrowser();

const CURVE = [33, 102, 172];   // theme::kCurve
const TANGENT = [214, 96, 77];  // theme::kTangent
const SECANT = [27, 158, 119];  // theme::kSecant

test('the page opens on the seed function with its curve, tangent and secant drawn, without errors', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url);
  const png = await page.screenshot({ path: new URL('function-dpr1.png', SHOTS).pathname });
  assert.ok(await countColor(page, png, CURVE) > 1500, 'the blue curve of f is drawn');
  assert.ok(await countColor(page, png, TANGENT) > 300, 'the tangent and the point are drawn');
  assert.ok(await countColor(page, png, SECANT) > 300, 'the secant and the error curve are drawn');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const ratio of [2, 3]) {
  test(`at devicePixelRatio ${ratio} the canvas draws at device resolution`, async () => {
    const { page, context, errors } = await openPage(session.browser, session.url, { width: 1024, height: 700, deviceScaleFactor: ratio });
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return [c.width, c.height, c.clientWidth, c.clientHeight];
    });
    assert.deepEqual(size, [1024 * ratio, 700 * ratio, 1024, 700]);
    await page.screenshot({ path: new URL(`function-dpr${ratio}.png`, SHOTS).pathname });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the canvas follows the window when it is resized', async () => {
  const { page, context } = await openPage(session.browser, session.url, { width: 900, height: 600 });
  await page.setViewportSize({ width: 700, height: 500 });
  await page.waitForTimeout(400);
  const size = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
  assert.deepEqual(size, [700, 500]);
  await context.close();
});

test('a quick click on the Graph tab shows the seed program\'s graph with values and gradients', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url);
  const before = await page.screenshot();
  await page.mouse.click(175, 24);  // the "Graph" tab, pressed and released at once
  await page.waitForTimeout(500);
  const png = await page.screenshot({ path: new URL('graph-dpr1.png', SHOTS).pathname });
  assert.ok(await countColor(page, before, SECANT) > 300 && await countColor(page, png, SECANT) < 20, 'the plots of f are gone');
  assert.ok(await countColor(page, png, TANGENT, 60) > 30, 'gradients are written in the tangent colour');
  assert.deepEqual(errors, []);
  await context.close();
});

test('idle, the page draws no frames', async () => {
  const { page, context } = await openPage(session.browser, session.url);
  await page.waitForTimeout(500);
  const frames = await page.evaluate(() => new Promise((resolve) => {
    const gl = document.getElementById('canvas').getContext('webgl2');
    let draws = 0;
    const original = gl.drawElements.bind(gl);
    gl.drawElements = (...args) => { draws++; return original(...args); };
    setTimeout(() => resolve(draws), 1000);
  }));
  assert.equal(frames, 0);
  await context.close();
});

test('without WebGL2 the page says so in words', async () => {
  const context = await session.browser.newContext();
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : original.call(this, type, ...rest);
    };
  });
  const page = await context.newPage();
  await page.goto(session.url);
  const text = await page.textContent('#status-text');
  assert.match(text, /WebGL2/);
  assert.equal(await page.isVisible('#status-text'), true);
  await page.screenshot({ path: new URL('no-webgl2.png', SHOTS).pathname });
  await context.close();
});

test('a screen reader finds what the canvas shows in an aria-live region', async () => {
  const { page, context } = await openPage(session.browser, session.url);
  await page.waitForFunction(() => document.getElementById('description').textContent.includes('slope'));
  const text = await page.textContent('#description');
  assert.match(text, /^x₀ = 2, f = 6, slope 5\./);
  assert.equal(await page.getAttribute('#description', 'aria-live'), 'polite');
  await page.evaluate(() => window.playground.setState({ mode: 'graph' }));
  await page.waitForFunction(() => document.getElementById('description').textContent.startsWith('Graph mode'));
  assert.match(await page.textContent('#description'), /dL\/da = 4/);
  await context.close();
});

test('a lost WebGL context (a phone backgrounding the tab) comes back and the page draws again', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url);
  await page.evaluate(() => {
    window.loser = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
    window.loser.loseContext();
  });
  await page.waitForTimeout(300);
  await page.evaluate(() => window.loser.restoreContext());
  await page.waitForTimeout(800);
  await page.evaluate(() => window.playground.setState({ x0: 1 }));  // something to draw
  await page.waitForTimeout(500);
  const png = await page.screenshot({ path: new URL('context-restored.png', SHOTS).pathname });
  assert.ok(await countColor(page, png, CURVE) > 1500, 'the curve is drawn again');
  assert.deepEqual(errors.filter((e) => !/context/i.test(e)), []);
  await context.close();
});
