// Every gallery example opens as a link without console errors and restores its state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, SHOTS } from './harness.mjs';

const session = useBrowser();

test('every gallery link opens without error and restores its state', async () => {
  const first = await openPage(session.browser, session.url);
  await first.page.waitForFunction(() => window.playground);
  const gallery = await first.page.evaluate(() => window.playground.gallery());
  await first.context.close();
  assert.ok(gallery.length >= 17, `${gallery.length} examples`);
  for (const [i, entry] of gallery.entries()) {
    const { page, context, errors } = await openPage(session.browser, session.url + '#' + entry.hash);
    await page.waitForFunction(() => window.playground);
    const state = await page.evaluate(() => window.playground.getState());
    for (const pair of entry.hash.split('&')) {
      const [key, value] = pair.split('=').map(decodeURIComponent);
      assert.equal(String(state[key]), String(Number.isNaN(Number(value)) || !['x0', 'h', 'eta'].includes(key) ? value : Number(value)),
        `${entry.title}: ${key}`);
    }
    assert.deepEqual(errors, [], entry.title);
    if (i % 6 === 0) await page.screenshot({ path: new URL(`gallery-${i}.png`, SHOTS).pathname });
    console.log(`${entry.title}: link ${entry.hash.length + 1} characters after the page address`);
    await context.close();
  }
});
