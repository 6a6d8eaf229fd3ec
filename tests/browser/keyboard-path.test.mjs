// The keyboard path through one whole task of the seed articles, counted in key presses: the slope of
// f(x) = 2x² − 3x + 4 at x₀ = 2 with h = 1e-6 (forward difference, the seed's 5.000002000876691), then
// the chain rule's ∂L/∂a in graph mode (the seed's 4). Every press goes through the page as a
// keyboard user's would, from the host page's button before the widget; the count is printed, and
// what the screen reader hears (the aria-live description) is printed too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, SHOTS, until } from './harness.mjs';

const session = useBrowser();

test('keyboard only: the seed\'s slope at 2 with h = 1e-6, then ∂L/∂a, counted in key presses', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(session.url + 'tests/browser/fixtures/focus-host.html?kind=mount');
  await page.waitForFunction(() => window.instance && window.instance.module &&
                                   document.querySelector('.bp-status.hidden'), null, { timeout: 30000 });
  await page.waitForTimeout(300);
  const controls = () => page.evaluate(() => {
    const m = window.instance.module;
    return JSON.parse(m.UTF8ToString(m._bp_test_hook_controls()));
  });
  const state = () => page.evaluate(() => window.instance.getState());
  const heard = () => page.evaluate(() => document.querySelector('[id^=bp-description]').textContent);
  let presses = 0;
  const press = async (key) => {
    presses++;
    await page.keyboard.press(key);
  };
  const focused = async () => (await controls()).findIndex((c) => c.focused);
  // Tab until the control `which(list)` picks has the focus (Shift+Tab with back).
  const tabTo = async (which, back = false) => {
    for (let i = 0; i < 60; i++) {
      const list = await controls();
      const at = list.findIndex((c) => c.focused);
      if (at >= 0 && at === which(list)) return;
      await press(back ? 'Shift+Tab' : 'Tab');
      await until(controls, (l) => l.findIndex((c) => c.focused) !== at);
    }
    assert.fail(`Tab did not reach control ${which(await controls())}`);
  };
  const labelled = (label, nth = 0) => (list) =>
    list.map((c, i) => (c.label === label ? i : -1)).filter((i) => i >= 0)[nth];

  await page.focus('#before');
  // Function mode: x₀ = 2 and the forward scheme are the defaults; h is typed as the value into its
  // number field (the second "##value": x₀'s, then h's).
  await tabTo(labelled('##value', 1));
  const steps = { 'into h': presses };
  for (const key of ['Control+A', '1', 'e', '-', '6', 'Enter']) await press(key);
  const fn = await until(state, (s) => s.h === 1e-6);
  assert.equal(fn.h, 1e-6, 'h = 1e-6 typed from the keyboard');
  assert.equal(fn.x0, 2);
  assert.equal(fn.scheme, 'forward');
  const slopeText = await until(heard, (t) => t.includes('5.000002'));
  console.log(`the screen reader hears, in function mode: ${slopeText}`);
  assert.match(slopeText, /5\.000002/, 'the seed\'s forward difference 5.000002… is said');
  steps['h = 1e-6'] = presses;
  // Graph mode: back to its tab, select it, then run the backward pass to the end.
  await tabTo((list) => list.findIndex((c) => c.label.startsWith('Graph')), true);
  await press('Enter');
  await until(state, (s) => s.mode === 'graph');
  await tabTo(labelled('Run to the end'));
  await press('Enter');
  const saysDlDa = /(∂L\/∂a|dL\/da)\s*=\s*4\b/;
  const graphText = await until(heard, (t) => saysDlDa.test(t));
  console.log(`the screen reader hears, in graph mode: ${graphText}`);
  assert.match(graphText, saysDlDa, 'the seed\'s ∂L/∂a = 4 is said');
  steps['∂L/∂a'] = presses;
  console.log(`keyboard path, key presses from the host page's button before the widget: ${JSON.stringify(steps)}; ` +
              `${presses} in all (a chord such as Ctrl+A or Shift+Tab counts one)`);
  await page.screenshot({ path: new URL('keyboard-path-graph.png', SHOTS).pathname });
  assert.ok(await focused() >= 0);
  assert.deepEqual(errors, []);
  await context.close();
});
