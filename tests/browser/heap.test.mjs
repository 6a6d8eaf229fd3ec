// The page's heap has a limit (1 GB, -sMAXIMUM_MEMORY in web/CMakeLists.txt). Reaching it stops the
// app with a message that says so and offers a reload, never a blank or dead tab, and the link in
// the address bar keeps the learner's state, so the reload opens it again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, SHOTS } from './harness.mjs';

const session = useBrowser();

test('filling the heap to its limit shows an out-of-memory message with a reload, and the link survives', async () => {
  const program = 'd = a*b; e = d + c; L = e*f';
  const { page, context, errors } = await openPage(session.browser,
    session.url + '#mode=graph&prog=' + encodeURIComponent(program) + '&vals=a:2,b:-3');
  await page.waitForFunction(() => window.playground);
  // A change of the learner's: the address bar follows a quarter second later.
  await page.evaluate(() => window.playground.setState({ x0: 1.25 }));
  await page.waitForFunction(() => location.hash.includes('x0=1.25'));
  const hash = await page.evaluate(() => location.hash);

  // No input the app accepts comes near the limit (fields, links and networks are capped well
  // below it), so a test hook allocates until the heap is full, as a runaway computation would.
  const thrown = await page.evaluate(() => {
    try {
      window.playground.testHooks.fillHeap();
      return 'returned';
    } catch (e) {
      return String(e);
    }
  });
  assert.match(thrown, /RuntimeError/, 'the allocation that did not fit stopped the module');

  const status = page.locator('#status');
  await status.waitFor({ state: 'visible', timeout: 5000 });
  const message = await page.locator('#status-text').textContent();
  console.log(`message: ${message}`);
  assert.match(message, /ran out of memory/);
  assert.match(message, /1 GB memory limit/);
  assert.match(message, /kept in the link in the address bar/);
  assert.equal(await status.getAttribute('role'), 'alert', 'screen readers hear it at once');
  const reload = page.locator('#status button', { hasText: 'Reload' });
  assert.ok(await reload.isVisible(), 'a reload button');
  await page.screenshot({ path: new URL('heap-limit.png', SHOTS).pathname });

  // Nothing after the stop rewrites the link: not at once, and not after the page's delay.
  await page.waitForTimeout(600);
  assert.equal(await page.evaluate(() => location.hash), hash, 'the address bar keeps the state');
  // Input reaching the stopped page does not wake it.
  await page.mouse.click(700, 400);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => location.hash), hash);

  // The reload opens the same state.
  await Promise.all([page.waitForNavigation(), reload.click()]);
  await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
  await page.waitForFunction(() => window.playground);
  const state = await page.evaluate(() => window.playground.getState());
  assert.equal(state.mode, 'graph');
  assert.equal(state.prog, program);
  assert.equal(state.x0, 1.25);
  assert.match(state.vals, /a:2,b:-3/);
  assert.deepEqual(errors.filter((e) => !/RuntimeError|Aborted/.test(e)), []);
  await context.close();
});
