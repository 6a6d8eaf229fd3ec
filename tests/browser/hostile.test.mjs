// Hostile links: each opens with a visible, specific notice and sane values, never a blank or frozen
// page, and the rest of the link still applies. Nothing from a link is executed or shown as HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, SHOTS } from './harness.mjs';

const session = useBrowser();

const CASES = [
  ['a 1 MB hash', 'mode=graph&expr=' + 'x'.repeat(1 << 20), { mode: 'function' }],
  ['broken percent-encoding', 'mode=graph&expr=%E2%88&prog=%zz&x0=1.5', { mode: 'graph', x0: 1.5 }],
  ['unknown and duplicate keys', 'mode=graph&evil=1&mode=function&x0=3', { mode: 'graph', x0: 3 }],
  ['wrong types', 'mode=graph&x0=abc&h=1,2&scheme=7&x0=2.5', { mode: 'graph', x0: 2 }],
  ['h = 0, h < 0, h = 1e400, NaN', 'h=0&h=-1&h=1e400&h=NaN&mode=graph', { mode: 'graph' }],
  ['x0 = 1e308', 'x0=1e308&mode=graph', { mode: 'graph', x0: 2 }],
  ['a network of 1,000 layers', 'mode=network&hidden=' + Array(1000).fill(4).join(','), { mode: 'network', hidden: '4,2' }],
  ['a layer of a million neurons', 'mode=network&hidden=1000000&data=xor', { mode: 'network', hidden: '4,2', data: 'xor' }],
  ['a truncated weights blob', 'mode=network&w=mpmZmZmZuT', { mode: 'network' }],
  ['HTML and script in a value', 'mode=graph&prog=%3Cimg%20src%3Dx%20onerror%3Dwindow.hacked%3D1%3E', { mode: 'graph' }],
];

for (const [name, hash, expected] of CASES) {
  test(`hostile link: ${name}`, async () => {
    const start = Date.now();
    const { page, context, errors } = await openPage(session.browser, session.url + '#' + hash);
    await page.waitForFunction(() => window.playground);
    const opened = Date.now() - start;
    const state = await page.evaluate(() => window.playground.getState());
    for (const [key, value] of Object.entries(expected)) assert.equal(state[key], value, `${name}: ${key}`);
    assert.equal(await page.evaluate(() => window.hacked), undefined, 'nothing from the link ran');
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0, 'nothing became HTML');
    assert.ok(opened < 15000, `opened in ${opened} ms`);
    console.log(`${name}: opened in ${opened} ms`);
    await page.screenshot({ path: new URL(`hostile-${name.replace(/[^a-z0-9]+/gi, '-')}.png`, SHOTS).pathname });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// A megabyte pasted into a field: refused whole with a message under the field, the field keeps its
// text, and the page goes on (ImGui cannot draw a megabyte on one line; a field holds what a link does).
test('hostile paste: a megabyte into the expression field', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url);
  await page.waitForFunction(() => window.playground);
  await page.mouse.click(200, 81);  // the expression field
  await page.waitForFunction(() => document.activeElement.id.endsWith('-text'));
  await page.keyboard.press('End');
  await page.evaluate(() => {
    window.playground.resetFrameStats();
    const data = new DataTransfer();
    data.setData('text/plain', ' + x'.repeat(1 << 18));
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  await page.waitForTimeout(500);
  const stats = await page.evaluate(() => window.playground.frameStats());
  console.log(`a megabyte pasted: worst frame built in ${stats.maxBuildMs.toFixed(1)} ms`);
  await page.screenshot({ path: new URL('hostile-paste-a-megabyte.png', SHOTS).pathname });
  assert.equal((await page.evaluate(() => window.playground.getState())).expr, 'f(x) = 2x²−3x+4', 'the field kept its text');
  assert.ok(!(await page.evaluate(() => location.hash)).includes('%2B%20x%20%2B'), 'the link did not take it either');
  await page.keyboard.type(' + 1');  // the field still takes typing, at the cursor where it was
  await page.waitForTimeout(400);
  assert.equal((await page.evaluate(() => window.playground.getState())).expr, 'f(x) = 2x²−3x+4 + 1');
  await page.keyboard.press('Control+Z');  // undo takes back the typing, not the refused paste
  await page.waitForTimeout(400);
  assert.match((await page.evaluate(() => window.playground.getState())).expr, /^f\(x\) = 2x²−3x\+4/);
  assert.deepEqual(errors, []);
  await context.close();
});
