// The learner's language on the page, at the four sizes learners use (375×667 phone, 768×1024 tablet,
// 860×560 course column, 1280×800 desktop): Python, Desmos and Unicode forms open from a link and are
// read as meant (the screen-reader text carries f(x₀) and the slope), a refused input says why, and
// graph mode draws the new functions. Screenshots land in tests/browser/screenshots/language-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, SHOTS } from './harness.mjs';

const session = useBrowser();

const SIZES = [
  { name: 'phone', width: 375, height: 667 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'column', width: 860, height: 560 },
  { name: 'desktop', width: 1280, height: 800 },
];

const description = (page) => page.evaluate(() => document.getElementById('description').textContent);

async function open(size, hash) {
  const opened = await openPage(session.browser, `${session.url}#${hash}`, size);
  await opened.page.waitForFunction(() => document.getElementById('description').textContent.length > 0);
  return opened;
}

// micrograd's own f (3x² − 4x + 5, written with **) at x₀ = 3: f = 20, f′ = 6x − 4 = 14 (by hand).
test('micrograd\'s 3*x**2 - 4*x + 5 opens from a link at every size with f(3) = 20 and slope 14', async () => {
  for (const size of SIZES) {
    const expr = encodeURIComponent('3*x**2 - 4*x + 5');
    const { page, context, errors } = await open(size, `mode=function&expr=${expr}&x0=3&deriv=1&reading=1`);
    await page.waitForFunction(() => /x₀ = 3, f = 20, slope 14\./.test(
      document.getElementById('description').textContent), null, { timeout: 10000 });
    await page.screenshot({ path: new URL(`language-python-${size.name}.png`, SHOTS).pathname });
    assert.deepEqual(errors, [], size.name);
    await context.close();
  }
});

// Desmos's sin^2 x and |x| at x₀ = 0.5: sin²(0.5) + 0.5 = 0.7298488470659301 (mpmath), slope
// sin(1) + 1 = 1.8414709848078965.
test('Desmos\'s sin^2 x + |x| reads as sin(x)² + abs(x): value and slope at 0.5', async () => {
  const size = SIZES[3];
  const { page, context, errors } = await open(size, `mode=function&expr=${encodeURIComponent('sin^2 x + |x|')}&x0=0.5`);
  await page.waitForFunction(() => /x₀ = 0\.5, f = 0\.729849, slope 1\.84147/.test(
    document.getElementById('description').textContent), null, { timeout: 10000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown function is refused with the nearest names, never read as a product', async () => {
  for (const size of [SIZES[0], SIZES[3]]) {
    const { page, context } = await open(size, `mode=function&expr=${encodeURIComponent('softplus2(x) + 1')}`);
    await page.waitForTimeout(500);
    await page.screenshot({ path: new URL(`language-unknown-${size.name}.png`, SHOTS).pathname });
    // The description keeps the last good f only when there was one: a link's bad text shows no value.
    assert.doesNotMatch(await description(page), /f\(x0\) = /, size.name);
    await context.close();
  }
});

// where/max/comparisons in graph mode: a = 1, b = 2: L = max(a, b) + (a if a < b else b) = 2 + 1 = 3,
// ∂L/∂a = 0 + 1 = 1 and ∂L/∂b = 1 + 0 = 1 (by hand: max routes to b, where to a).
test('graph mode draws max and Python\'s if/else and routes their gradients as PyTorch does', async () => {
  const program = 'a = 1\nb = 2\nm = max(a, b)\nq = a if a < b else b\nL = m + q';
  for (const size of SIZES) {
    const { page, context, errors } = await open(size, `mode=graph&prog=${encodeURIComponent(program)}`);
    await page.waitForFunction(() => document.getElementById('description').textContent.startsWith('Graph mode'));
    const text = await description(page);
    assert.match(text, /L = 3/, size.name);
    assert.match(text, /dL\/da = 1/, size.name);
    assert.match(text, /dL\/db = 1/, size.name);
    await page.screenshot({ path: new URL(`language-graph-${size.name}.png`, SHOTS).pathname });
    assert.deepEqual(errors, [], size.name);
    await context.close();
  }
});
