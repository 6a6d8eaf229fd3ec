// The network's decision surface in words (a text alternative, on request): what a screen reader hears
// matches the network's own output at each cell, and the counts add up to the training points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, SHOTS } from './harness.mjs';

const session = useBrowser();

test('"Describe the surface in words" reads the surface cell by cell into the screen-reader text', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url + '#mode=network&data=gauss');
  const controls = await page.evaluate(() => window.playground.testHooks.controls());
  const box = controls.find((c) => c.label === 'Describe the surface in words');
  assert.ok(box, 'a control labelled "Describe the surface in words"');
  await page.mouse.click(box.x + box.h / 2, box.y + box.h / 2);
  await page.waitForFunction(() => document.getElementById('description').textContent.includes('The surface in words'),
                             null, { timeout: 10000 });
  const said = await page.evaluate(() => document.getElementById('description').textContent);
  // Each row: the row's x2, then + or - for x1 = -4.8, -2.4, 0, 2.4, 4.8 (the cells' centres).
  const rows = [...said.matchAll(/row x2 = (-?[\d.]+):((?: [+-]){5})\./g)];
  assert.equal(rows.length, 5, said);
  const xs = [-4.8, -2.4, 0, 2.4, 4.8];
  for (const [, x2, signs] of rows) {
    const words = signs.trim().split(' ');
    for (let i = 0; i < 5; i++) {
      // The page's own read of the network at that point (tanh output: class +1 where it is above 0).
      const out = await page.evaluate(([a, b]) => window.playground.networkOutput(a, b), [xs[i], Number(x2)]);
      assert.equal(words[i], out > 0 ? '+' : '-', `cell x1 = ${xs[i]}, x2 = ${x2}: output ${out}`);
    }
  }
  const counts = said.match(/Training points: class \+1: (\d+) of (\d+) right, class -1: (\d+) of (\d+) right/);
  assert.ok(counts, said);
  const [right1, total1, right2, total2] = counts.slice(1).map(Number);
  assert.ok(right1 <= total1 && right2 <= total2 && total1 + total2 > 0, said);
  // The test counts give the test accuracy the read-out says (nn::accuracy counts on its own).
  const test = said.match(/Test points: class \+1: (\d+) of (\d+) right, class -1: (\d+) of (\d+) right/);
  const percent = said.match(/test accuracy (\d+) percent/);
  assert.ok(test && percent, said);
  const [a, b, c, d] = test.slice(1).map(Number);
  assert.equal(Math.trunc(100 * ((a + c) / (b + d))), Number(percent[1]), said);  // as the C++ rounds it
  await page.screenshot({ path: new URL('surface-words.png', SHOTS).pathname });
  assert.deepEqual(errors, []);
  await context.close();
});
