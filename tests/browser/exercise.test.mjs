// Exercises end to end: a link that hides the slope and asks for it; the learner types answers on the
// canvas, hears right or wrong, the page gets answer events (with an xAPI-shaped statement) and
// getResults(); hidden results are absent from the screen-reader text and from change events' results;
// instance.answer() checks an answer from the page's own form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, controlCentre, until, SHOTS } from './harness.mjs';

const session = useBrowser();

const SLOPE_EXERCISE = 'index.html#v=1&mode=function&x0=2&hide=slope,fd,diff,tangent,fprime,error,table' +
                       '&lock=x0&ask=slope';

// Clicks the answer field labelled `label`, replaces its text with `text` and presses Enter.
async function typeAnswer(page, label, text) {
  const [x, y] = await controlCentre(page, '##answer ' + label);
  await page.mouse.click(x, y);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('a slope exercise: hidden, typed on the canvas, checked, reported to the page', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url + SLOPE_EXERCISE);
  await page.evaluate(() => {
    window.answers = [];
    window.changes = [];
    window.playground.on('answer', (event) => window.answers.push(event));
    window.playground.on('change', (state, hash, results) => window.changes.push(results));
  });
  const before = await page.evaluate(() => window.playground.getResults());
  assert.deepEqual(before.map((r) => [r.id, r.attempts, r.correct]), [['slope', 0, false]]);

  // The screen-reader text says f but not the slope or the finite difference.
  const described = await until(() => page.textContent('#description'), (t) => t.includes('f = 6'), 8000);
  assert.match(described, /x₀ = 2, f = 6\./);
  assert.doesNotMatch(described, /slope 5|gives 5/, described);
  assert.match(described, /Exercise: f′\(x₀\) not answered yet/);
  // hide=table: its points field is gone with it; lock=x0: x₀'s field is there, read-only.
  const labels = (await page.evaluate(() => window.playground.testHooks.controls())).map((c) => c.label);
  assert.equal(labels.includes('points'), false, 'the table is hidden');
  assert.equal(labels.includes('##answer f′(x₀)'), true);

  // A wrong answer, typed: the announcement says so at once and an answer event follows.
  await typeAnswer(page, 'f′(x₀)', '4');
  const first = await until(() => page.evaluate(() => window.answers), (a) => a.length === 1);
  assert.equal(first.length, 1, 'one answer event per attempt');
  assert.equal(first[0].id, 'slope');
  assert.equal(first[0].success, false);
  assert.equal(first[0].attempts, 1);
  assert.equal(first[0].statement.verb.id, 'http://adlnet.gov/expapi/verbs/answered');
  assert.equal(first[0].statement.result.success, false);
  assert.equal(first[0].statement.result.response, '4');
  assert.match(first[0].statement.object.id, /#.*ask=slope/, 'the statement names the exercise by its link');
  assert.equal(first[0].answer, undefined, 'a wrong answer does not give the true one away');
  assert.match(await page.textContent('#announcement'), /f′\(x₀\) = 4: not right/);

  // The right one, as a learner would type it (4x − 3 at 2), with the Check button.
  const [x, y] = await controlCentre(page, '##answer f′(x₀)');
  await page.mouse.click(x, y);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5');
  const [cx, cy] = await controlCentre(page, 'Check##slope');
  await page.mouse.click(cx, cy);
  const second = await until(() => page.evaluate(() => window.answers), (a) => a.length === 2);
  assert.equal(second[1].success, true);
  assert.equal(second[1].attempts, 2);
  assert.match(await page.textContent('#announcement'), /f′\(x₀\) = 5: right/);
  const results = await page.evaluate(() => window.playground.getResults());
  assert.deepEqual(results.map((r) => [r.id, r.value, r.correct, r.attempts, r.revealed]), [['slope', 5, true, 2, false]]);
  await page.screenshot({ path: new URL('exercise-slope-1280x800.png', SHOTS).pathname });

  // A change (h) reports what is shown: f(x₀), never the hidden slope, finite difference or difference.
  await page.evaluate(() => window.playground.setState({ h: 0.001 }));
  const changes = await until(() => page.evaluate(() => window.changes), (c) => c.length > 0);
  const shown = changes.at(-1);
  assert.equal(shown.fx, 6);
  for (const hidden of ['slope', 'fd', 'diff']) assert.equal(hidden in shown, false, `${hidden} is hidden`);
  const state = await page.evaluate(() => window.playground.getState());
  assert.equal(state.ask, 'slope');
  assert.equal('slope' in state || 'results' in state, false, 'getState() carries no results');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a graph exercise answered by instance.answer(): ∂L/∂a = 4 hidden from the text, checked from the page', async () => {
  const url = session.url + 'index.html#v=1&mode=graph&hide=grads,steps,check&lock=prog,inputs&ask=grad:a,grads';
  const { page, context, errors } = await openPage(session.browser, url);
  const described = await until(() => page.textContent('#description'), (t) => t.includes('Graph mode'), 8000);
  assert.match(described, /L = -4/);
  assert.doesNotMatch(described, /dL\/da = 4|∂L\/∂a = 4/, described);
  const wrong = await page.evaluate(() => window.playground.answer('grad:a', -4));
  assert.equal(wrong.success, false);
  const right = await page.evaluate(() => window.playground.answer('grad:a', '4'));
  assert.equal(right.success, true);
  assert.equal(right.attempts, 2);
  const unknown = await page.evaluate(() => {
    try { window.playground.answer('grad:zz', 1); return ''; } catch (e) { return e.message; }
  });
  assert.match(unknown, /'grad:zz' is not asked; asked: grad:a, grad:L/);
  // Every gradient in backward order; ∂L/∂d wrong (2, not -2): the first wrong node gets its local rule.
  for (const [id, value] of [['grad:L', 1], ['grad:e', -2], ['grad:d', 2], ['grad:f', 2], ['grad:c', -2]]) {
    await page.evaluate(([i, v]) => window.playground.answer(i, v), [id, value]);
  }
  const results = await page.evaluate(() => window.playground.getResults());
  assert.deepEqual(results.map((r) => r.id), ['grad:a', 'grad:L', 'grad:e', 'grad:d', 'grad:f', 'grad:c', 'grad:b']);
  const hint = await until(() => page.textContent('#description'), (t) => t.includes('First wrong'), 8000);
  assert.match(hint, /First wrong in backward order: ∂L\/∂d\. Its local rule: ∂L\/∂d = ∂L\/∂e · ∂e\/∂d/);
  await page.screenshot({ path: new URL('exercise-grads-1280x800.png', SHOTS).pathname });
  assert.deepEqual(errors, []);
  await context.close();
});

test('mount(): an exercise given as state, answered by the page, heard by on(\'answer\')', async () => {
  const context = await session.browser.newContext({ viewport: { width: 900, height: 700 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(session.url + 'tests/browser/fixtures/blank.html');
  await page.addScriptTag({ url: session.url + 'web/embed.js' });
  const event = await page.evaluate(async () => {
    const holder = document.createElement('div');
    holder.style.height = '600px';
    document.body.appendChild(holder);
    const instance = BackpropPlayground.mount(holder, {
      state: { mode: 'function', x0: 3, expr: '3x^2 - 4x + 5', hide: 'slope,fd,diff', ask: 'slope' },
    });
    const heard = new Promise((resolve) => instance.on('answer', resolve));
    // Sent at once, before the instance is ready and while the function compiles: submitAnswer waits for both
    // (answer() would throw). micrograd's lecture: f'(3) = 6·3 − 4 = 14.
    const result = await instance.submitAnswer('slope', 14);
    // An id that is not asked is refused with the list of what is, without the 5 s wait.
    const started = performance.now();
    const refusal = await instance.submitAnswer('fx', 1).then(() => 'accepted', (e) => e.message);
    const heardEvent = await heard;
    return { ...heardEvent, result, refusal, refusedAfterMs: performance.now() - started };
  });
  assert.equal(event.result.success, true);
  assert.match(event.refusal, /'fx' is not asked; asked: slope/);
  assert.ok(event.refusedAfterMs < 2000, `refused after ${event.refusedAfterMs} ms`);
  assert.equal(event.success, true);
  assert.equal(event.statement.result.response, '14');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the gallery\'s network exercise: ∂L/∂W2[0,0] by hand from the example the panel names', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url + 'index.html');
  const entry = (await page.evaluate(() => window.playground.gallery())).find((e) => /step-through's ∂L\/∂W/.test(e.title));
  assert.ok(entry, 'the gallery has the network exercise');
  await page.evaluate((hash) => window.playground.setState(hash), entry.hash);
  // The example's numbers are on the screen and in the screen-reader text (the step-through is hidden).
  const described = await until(() => page.textContent('#description'), (t) => t.includes('Exercise'), 8000);
  assert.doesNotMatch(described, /train loss hidden/, 'the loss is not hidden in this exercise');
  const example = await until(() => page.evaluate(() => window.playground.testHooks.controls()),
                              (c) => c.some((x) => x.label === '##answer ∂L/∂W2[0,0]'), 8000);
  assert.ok(example.some((c) => c.label === 'Check##W2:0,0'));
  // By hand from the link's round weights (W1 = [[0.1, -0.2], [0.4, 0.3]], b1 = [0.05, -0.1],
  // W2 = [[0.7, -0.5]], b2 = 0.2; presets.cpp) and example #0 as the panel prints it.
  const said = await until(() => page.textContent('#description'), (t) => t.includes('x₁ = '), 8000);
  const match = /Exercise for training example #0: x₁ = (\S+), x₂ = (\S+), label (\S+) /.exec(said);
  assert.ok(match, 'the example\'s numbers are said');
  const [x1, x2, y] = match.slice(1, 4).map(Number);
  const h0 = Math.tanh(0.1 * x1 - 0.2 * x2 + 0.05), h1 = Math.tanh(0.4 * x1 + 0.3 * x2 - 0.1);
  const delta = 2 * (0.7 * h0 - 0.5 * h1 + 0.2 - y);
  const gradient = await page.evaluate((v) => window.playground.answer('dW2:0,0', v), delta * h0);
  assert.equal(gradient.success, true, `∂L/∂W2[0,0] = ${delta * h0}`);
  const updated = await page.evaluate((v) => window.playground.answer('W2:0,0', v), 0.7 - 0.1 * delta * h0);
  assert.equal(updated.success, true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the author panel (author=1): ticks hide and ask at once, and Copy exercise link leaves author=1 out', async () => {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url });
  const page = await context.newPage();
  await page.goto(session.url + 'index.html#v=1&mode=function&x0=2&author=1');
  await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
  const click = async (label) => {
    const [x, y] = await controlCentre(page, label);
    await page.mouse.click(x, y);
  };
  await click('slope');  // the Hide row's, drawn before the Ask row's
  await until(() => page.evaluate(() => window.playground.getState().hide), (h) => h === 'slope');
  const slopes = (await page.evaluate(() => window.playground.testHooks.controls())).filter((c) => c.label === 'slope');
  assert.equal(slopes.length, 2, 'slope is offered to hide and to ask');
  await page.mouse.click(slopes[1].x + slopes[1].w / 2, slopes[1].y + slopes[1].h / 2);
  await until(() => page.evaluate(() => window.playground.getState().ask), (a) => a === 'slope');
  await controlCentre(page, '##answer f′(x₀)');  // the answer field appears as the box is ticked
  const described = await until(() => page.textContent('#description'), (t) => t.includes('Exercise'), 8000);
  assert.doesNotMatch(described, /slope 5/);
  await click('Copy exercise link###exercise link');
  const link = await until(() => page.evaluate(() => navigator.clipboard.readText()), (t) => t.includes('ask='));
  assert.match(link, /#v=1&mode=function&hide=slope&ask=slope$/);
  await page.screenshot({ path: new URL('exercise-author-1280x800.png', SHOTS).pathname });
  await context.close();
});

test('by keyboard alone: Tab reaches the answer field, the typed answer is checked with Enter', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url + 'index.html#v=1&mode=graph' +
                                                   '&hide=grads,steps,check&ask=grad:a');
  await page.evaluate(() => {
    window.answers = [];
    window.playground.on('answer', (event) => window.answers.push(event));
  });
  await controlCentre(page, '##answer ∂L/∂a');
  const focused = () => page.evaluate(() => (window.playground.testHooks.controls().find((c) => c.focused) || {}).label);
  let label;
  for (let presses = 0; presses < 12 && label !== '##answer ∂L/∂a'; presses++) {
    await page.keyboard.press('Tab');
    label = await until(focused, (l) => l !== undefined && l !== label, 2000);
  }
  assert.equal(label, '##answer ∂L/∂a', 'the answer field is in the tab order, before the program');
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  const heard = await until(() => page.evaluate(() => window.answers), (a) => a.length === 1);
  assert.equal(heard[0]?.success, true, 'typed 4 and Enter: ∂L/∂a = 4 is right');
  assert.match(await page.textContent('#announcement'), /∂L\/∂a = 4: right/);
  assert.deepEqual(errors, []);
  await context.close();
});
