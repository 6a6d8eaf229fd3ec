// What a learner meets in function and graph mode: h typed as the value (1e-6, 10^-6), a half-typed
// function that keeps the last good plot, fit after a zoom, x₀ moved by the keyboard and announced,
// and both modes at the four sizes (screenshots to look at).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, SHOTS, until, pixels } from './harness.mjs';

const session = useBrowser();
const state = (page) => page.evaluate(() => window.playground.getState());
// The state once `ok` holds (frames come late on a busy machine; a person would wait for them too).
const stateWhen = (page, ok) => until(() => state(page), ok, 15000);

// At 1280×800 the function panel's fields sit at these points (the controls column is 380 px wide).
const FIELDS = { expr: [200, 81], h: [85, 187] };

async function typeInto(page, [x, y], text) {
  await page.mouse.click(x, y);
  await page.waitForFunction(() => document.activeElement.id.endsWith('-text'));  // the field has the keyboard
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
}

// Pixels of the curve's blue in the function plot's area (x 405…1265, y 45…520), counted here.
async function curvePixels(page, name) {
  await page.screenshot({ path: new URL(name, SHOTS).pathname });
  const { rgba } = await pixels(page, await page.screenshot({ clip: { x: 405, y: 45, width: 860, height: 475 } }));
  let count = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 2] > rgba[i] + 25 && rgba[i] < 200) count++;  // the curve's blue, faded or not
  }
  return count;
}

test('h typed as 1e-6, 10^-6 and 0.001 is that value, and a text that does not parse keeps the last one', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url);
  await page.waitForFunction(() => window.playground);
  await typeInto(page, FIELDS.h, '1e-6');
  assert.equal((await stateWhen(page, (s) => s.h !== 0.31622776601683794)).h, 1e-6);
  await typeInto(page, FIELDS.h, '0.001');
  assert.equal((await stateWhen(page, (s) => s.h !== 1e-6)).h, 0.001);
  await typeInto(page, FIELDS.h, '10^-6');
  assert.equal((await stateWhen(page, (s) => s.h !== 0.001)).h, 1e-6);
  await typeInto(page, FIELDS.h, '1e-');
  assert.equal((await state(page)).h, 1e-6, 'a text that does not parse keeps the old h');
  // The page hands the aria-live text on after a pause (web/page.js debounces it).
  await page.waitForFunction(() => /1e-6 kept/.test(document.getElementById('description').textContent));
  await page.screenshot({ path: new URL('modes-h-refused.png', SHOTS).pathname });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a half-typed function keeps the last good plot on screen, faded, with the error under the field', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url);
  await page.waitForFunction(() => window.playground);
  const before = await curvePixels(page, 'modes-before-typing.png');
  await typeInto(page, FIELDS.expr, 'sin(');
  assert.equal((await stateWhen(page, (s) => s.expr === 'sin(')).expr, 'sin(');
  await page.waitForTimeout(300);  // the frame after it, drawn
  const during = await curvePixels(page, 'modes-half-typed.png');
  assert.ok(before > 1000, `the curve is drawn before (${before} blue pixels)`);
  assert.ok(during > before * 0.3, `the last good curve stays while sin( does not parse (${during} of ${before})`);
  await page.waitForFunction(() => /has an error/.test(document.getElementById('description').textContent));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a new function fits y; after a wheel zoom the fit button restores the view', async () => {
  const { page, context } = await openPage(session.browser, session.url);
  await page.waitForFunction(() => window.playground);
  await typeInto(page, FIELDS.expr, 'sin(x)');
  const fitted = (await stateWhen(page, (s) => s.view !== '-3,4,-2,40')).view.split(',').map(Number);
  assert.deepEqual(fitted.slice(0, 2), [-3, 4], 'x range kept');
  assert.ok(fitted[2] > -1.6 && fitted[3] < 1.6, `y fitted to sin: ${fitted}`);
  await page.mouse.move(800, 300);
  for (let i = 0; i < 4; i++) {
    await page.mouse.wheel(0, -200);
    await page.waitForTimeout(60);
  }
  await stateWhen(page, (s) => s.view !== fitted.join(','));
  let zoomed = '';  // the view once the four wheel steps have all been taken (a loaded machine takes them late)
  for (let last = null; zoomed !== last; await page.waitForTimeout(300)) [last, zoomed] = [zoomed, (await state(page)).view];
  assert.notEqual(zoomed, fitted.join(','));
  await page.mouse.click(1244, 64);  // "fit", the plot's top right corner
  assert.deepEqual((await stateWhen(page, (s) => s.view === fitted.join(','))).view.split(',').map(Number), fitted);
  await context.close();
});

test('arrow keys move x₀ on the focused plot by round steps, and each move is announced', async () => {
  const { page, context } = await openPage(session.browser, session.url);
  await page.waitForFunction(() => window.playground);
  await page.mouse.click(1100, 300);  // the plot: x₀ jumps there, and the plot takes the keyboard
  const start = (await stateWhen(page, (s) => s.x0 !== 2)).x0;
  await page.keyboard.press('ArrowRight');
  const stepped = (Math.round(start * 10) + 1) / 10;
  const moved = (await stateWhen(page, (s) => Math.abs(s.x0 - stepped) < 1e-9)).x0;
  assert.ok(Math.abs(moved - stepped) < 1e-9, `x0 ${start} → ${moved}`);
  await page.keyboard.press('Shift+ArrowLeft');
  const back = (await stateWhen(page, (s) => Math.abs(s.x0 - (Math.round(moved) - 1)) < 1e-9)).x0;
  assert.ok(Math.abs(back - (Math.round(moved) - 1)) < 1e-9, `Shift+← moves by 1: ${moved} → ${back}`);
  await page.waitForFunction((x0) => document.getElementById('description').textContent
    .startsWith(`x₀ = ${x0}, f = `), back);  // "x₀ = 2, f = 6, slope 5. …", once the page's pause is over
  const said = await page.evaluate(() => document.getElementById('description').textContent);
  assert.match(said, /^x₀ = [-\d.]+, f = [-\d.]+, slope [-\d.]+\./);
  await context.close();
});

test('function and graph mode at phone, tablet, course-column and desktop sizes (screenshots)', async () => {
  for (const [width, height] of [[375, 667], [768, 1024], [860, 560], [1280, 800]]) {
    for (const mode of ['function', 'graph']) {
      const { page, context, errors } = await openPage(session.browser, `${session.url}#mode=${mode}`, { width, height });
      await page.waitForTimeout(300);
      await page.screenshot({ path: new URL(`modes-${mode}-${width}x${height}.png`, SHOTS).pathname });
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('graph mode: nodes are keyboard stops in topological order, each announced with its value and gradient', async () => {
  const program = encodeURIComponent('e = 2.0\nf = -2.0\nL = e * f');
  const { page, context, errors } = await openPage(session.browser, `${session.url}#mode=graph&prog=${program}`);
  await page.waitForFunction(() => window.playground);
  await page.mouse.click(1200, 740);  // empty canvas: it takes the keyboard
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.getElementById('description').textContent.startsWith('Node 2 of 3'));
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /^Node 3 of 3: L = e·f, value -4, gradient ∂L\/∂L = 1/
    .test(document.getElementById('description').textContent));
  // The check with the seed's forward difference and h = 0.0001: e's row reads -2.0000000000042206.
  await page.mouse.click(200, 385);  // "Check gradients" (two inputs above it)
  await page.waitForTimeout(200);
  await page.mouse.click(27, 418);  // "forward"
  await typeInto(page, [85, 451], '0.0001');
  await page.screenshot({ path: new URL('modes-graph-check.png', SHOTS).pathname });
  assert.deepEqual(errors, []);
  await context.close();
});
