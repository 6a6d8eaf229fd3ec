// State and links in the browser: window.playground, the hash following the state, share links
// that reopen the same view, bad input that leaves the page answering, hostile links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, SHOTS, countColor } from './harness.mjs';

const session = useBrowser();

const ERROR_RED = [200, 30, 30];  // theme::kError

test('window.playground appears with the function mode\'s state', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url);
  await page.waitForFunction(() => window.playground);
  const state = await page.evaluate(() => window.playground.getState());
  assert.equal(state.mode, 'function');
  assert.equal(state.expr, 'f(x) = 2x²−3x+4');
  assert.equal(state.x0, 2);
  assert.equal(typeof state.h, 'number');
  assert.deepEqual(errors, []);
  await context.close();
});

test('setting an expression changes the state and, soon after, the hash', async () => {
  const { page, context } = await openPage(session.browser, session.url);
  await page.waitForFunction(() => window.playground);
  const entries = await page.evaluate(() => history.length);
  await page.evaluate(() => window.playground.setState({ expr: 'sin(x)·x', x0: 1.5, h: 0.001 }));
  await page.waitForTimeout(600);
  const state = await page.evaluate(() => window.playground.getState());
  assert.equal(state.expr, 'sin(x)·x');
  assert.equal(state.x0, 1.5);
  assert.equal(state.h, 0.001);
  // The address bar follows a quarter second after a change, and at most once a second (page.js).
  await page.waitForFunction(() => location.hash.includes('x0=1.5'), null, { timeout: 3000 }).catch(() => {});
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /expr=sin\(x\)%C2%B7x/);
  assert.match(hash, /x0=1\.5/);
  assert.equal(await page.evaluate(() => history.length), entries, 'no history entry per change');
  await context.close();
});

test('a share link reopens exactly the same view', async () => {
  const { page, context } = await openPage(session.browser, session.url);
  await page.waitForFunction(() => window.playground);
  await page.evaluate(() => window.playground.setState({ mode: 'graph', prog: 'y = w*x + b\nL = (y - 3)^2', vals: 'w:2,x:1.5,b:0.5' }));
  await page.waitForTimeout(300);
  const link = await page.evaluate(() => window.playground.shareUrl());
  const expected = await page.evaluate(() => window.playground.getState());
  await page.screenshot({ path: new URL('shared-original.png', SHOTS).pathname });
  const second = await openPage(session.browser, link);
  await second.page.waitForFunction(() => window.playground);
  assert.deepEqual(await second.page.evaluate(() => window.playground.getState()), expected);
  await second.page.screenshot({ path: new URL('shared-reopened.png', SHOTS).pathname });
  assert.deepEqual(second.errors, []);
  await second.context.close();
  await context.close();
});

test('a bad expression shows its error in red while the page keeps answering', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url);
  await page.waitForFunction(() => window.playground);
  const clean = await page.screenshot();
  await page.evaluate(() => window.playground.setState({ expr: 'f(x) = 2x² − 3x +' }));
  await page.waitForTimeout(400);
  const broken = await page.screenshot({ path: new URL('function-error.png', SHOTS).pathname });
  assert.ok(await countColor(page, broken, ERROR_RED, 60) > 3 * (await countColor(page, clean, ERROR_RED, 60)) + 50,
    'the error message and underline are drawn');
  await page.evaluate(() => window.playground.setState({ expr: 'x^2' }));
  await page.waitForTimeout(300);
  assert.equal((await page.evaluate(() => window.playground.getState())).expr, 'x^2');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a hostile link opens with a notice for each bad pair, and the rest still applies', async () => {
  const { page, context } = await openPage(session.browser, session.url + '#mode=function&x0=1e400&h=0&expr=x%5E3&bogus=%zz&scheme=central');
  await page.waitForFunction(() => window.playground);
  const state = await page.evaluate(() => window.playground.getState());
  assert.equal(state.expr, 'x^3');
  assert.equal(state.scheme, 'central');
  assert.equal(state.x0, 2);
  await page.screenshot({ path: new URL('hostile-link.png', SHOTS).pathname });
  await context.close();
});

test('a huge pasted expression is refused whole with a message, and the page keeps answering in time', async () => {
  const { page, context } = await openPage(session.browser, session.url);
  await page.waitForFunction(() => window.playground);
  await page.mouse.click(200, 81);  // the expression field
  await page.waitForFunction(() => document.activeElement.id.endsWith('-text'));  // the field is being edited
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  const start = Date.now();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'x+'.repeat(30000) + 'x');  // 60 KB, 30,001 operations
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
  // More than a field (and a link) holds: refused, said on screen and to screen readers.
  await page.waitForFunction(() => /Not pasted: the text would be longer than 20,000 characters/.test(
    document.getElementById('description').textContent), null, { timeout: 10000 });
  assert.ok(!(await page.evaluate(() => window.playground.getState())).expr.includes('x+x+x'), 'the field kept its text');
  const took = Date.now() - start;
  console.log(`60 KB expression pasted and refused in ${took} ms`);
  assert.ok(took < 5000);
  await page.screenshot({ path: new URL('function-huge.png', SHOTS).pathname });
  await page.evaluate(() => window.playground.setState({ expr: 'x^2' }));
  await page.waitForFunction(() => window.playground.getState().expr === 'x^2');
  await context.close();
});

test('domain errors are named on screen: log of a negative number is "not a number", not garbage', async () => {
  const { page, context } = await openPage(session.browser, session.url);
  await page.waitForFunction(() => window.playground);
  const clean = await page.screenshot();
  await page.evaluate(() => window.playground.setState({ expr: 'log(x)', x0: -1 }));
  await page.waitForTimeout(400);
  const shot = await page.screenshot({ path: new URL('function-domain-error.png', SHOTS).pathname });
  assert.ok(await countColor(page, shot, [200, 30, 30], 60) > 3 * (await countColor(page, clean, [200, 30, 30], 60)) + 50);
  await page.waitForFunction(() => /f = NaN/.test(document.getElementById('description').textContent));
  await context.close();
});
