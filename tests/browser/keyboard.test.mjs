// The keyboard, as a learner without a mouse (or between mouse and keys) meets it: typed characters
// arrive in the field last clicked, whichever field that is; Tab and Shift+Tab go through every
// control with a focus ring and leave the widget at its ends, on the playground page, in a mount()
// instance and in an iframe (no keyboard trap, WCAG 2.1.2); Escape leaves a field, then the widget.
// Controls are found by their labels (window.playground.testHooks.controls(), web/platform/tab_order.hpp).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, SHOTS, until } from './harness.mjs';

const session = useBrowser();

const controls = (page) => page.evaluate(() => window.playground.testHooks.controls());
const state = (page) => page.evaluate(() => window.playground.getState());
const center = (c) => [c.x + c.w / 2, c.y + c.h / 2];
const focusedIndex = (list) => list.findIndex((c) => c.focused);
const settle = (page) => page.waitForTimeout(120);
async function labelled(page, label) {
  const list = await until(() => controls(page), (l) => l.some((c) => c.label === label));
  return list.find((c) => c.label === label);
}

async function find(page, label, nth = 0) {
  const found = (await controls(page)).filter((c) => c.label === label);
  assert.ok(found.length > nth, `a control labelled ${label}`);
  return found[nth];
}

test('typed characters arrive in the field clicked last: field to field, inside a field, in a number',
     async () => {
  const { page, context, errors } = await openPage(session.browser, session.url);
  await page.waitForFunction(() => window.playground);
  const expr = await find(page, '##text');
  const x0 = await find(page, '##value');  // the first number field: x₀
  // Field A: the expression.
  await page.mouse.click(...center(expr));
  await settle(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('x^2 + 3');
  assert.equal((await until(() => state(page), (s) => s.expr === 'x^2 + 3')).expr, 'x^2 + 3');
  // Field B, straight from A: x₀.
  await page.mouse.click(...center(x0));
  await settle(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1.5');
  await until(() => state(page), (s) => s.x0 === 1.5);
  // Back into A, in the middle of its text (a few characters in), then again inside it while editing.
  await page.mouse.click(expr.x + 30, expr.y + expr.h / 2);
  await settle(page);
  await page.keyboard.type('z');
  await until(() => state(page), (s) => s.expr.includes('z'));
  await page.mouse.click(expr.x + 20, expr.y + expr.h / 2);
  await settle(page);
  await page.keyboard.type('w');
  const after = await until(() => state(page), (s) => s.expr.includes('w'));
  assert.equal(after.x0, 1.5, 'the text typed into x₀ arrived');
  assert.equal(after.expr.length, 'x^2 + 3'.length + 2, `both characters arrived in the expression: ${after.expr}`);
  assert.equal(after.expr.replace('z', '').replace('w', ''), 'x^2 + 3', `nothing else changed: ${after.expr}`);
  assert.ok(!after.expr.endsWith('zw') && !after.expr.endsWith('w'), `typed where clicked, mid-text: ${after.expr}`);

  // η's number, straight after a click elsewhere (its slider beside it takes no text: number_field.cpp).
  await page.mouse.click(5, 790);  // nothing there: the field is left
  await page.evaluate(() => window.playground.setState({ expr: 'x^2' }));
  // The controls where the new function's frame drew them (a slow frame would leave the old places).
  await until(() => state(page), (s) => s.expr === 'x^2');
  await page.waitForTimeout(300);
  const values = await until(() => controls(page), (l) => l.filter((c) => c.label === '##value').length >= 3);
  const eta = values.filter((c) => c.label === '##value')[2];  // x₀, h, η
  await page.mouse.click(...center(eta));
  await settle(page);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0.125');
  await page.keyboard.press('Enter');
  assert.equal((await until(() => state(page), (s) => s.eta === 0.125)).eta, 0.125, 'typed into η after a click');
  assert.deepEqual(errors, []);
  await context.close();
});

test("graph mode's program field takes what is typed after a click from another field", async () => {
  const { page, context } = await openPage(session.browser, session.url + '#mode=graph');
  await page.waitForFunction(() => window.playground);
  const program = await find(page, '##text');
  const before = await state(page);
  const key = Object.keys(before).find((k) => typeof before[k] === 'string' && before[k].includes('L'));
  assert.ok(key, 'the program is in the state');
  const others = (await controls(page)).filter((c) => c.label !== '##text' && c.y > program.y + program.h);
  // Into the program at its end (Ctrl+End), type, click another control, come back, type again.
  await page.mouse.click(...center(program));
  await settle(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nq = 1');
  await until(() => state(page), (s) => s[key].endsWith('\nq = 1'));
  await page.mouse.click(...center(others[0]));
  await settle(page);
  await page.mouse.click(...center(program));
  await settle(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('2');
  const program2 = (await until(() => state(page), (s) => s[key].endsWith('\nq = 12')))[key];
  assert.ok(program2.endsWith('\nq = 12'), `the program ends with both texts: ${program2}`);
  await context.close();
});

test('the playground page: Tab lands on the first control with a ring, goes through all, leaves at the end',
     async () => {
  const { page, context } = await openPage(session.browser, session.url);
  await page.waitForFunction(() => window.playground);
  const list = await controls(page);
  assert.ok(list.length >= 8, `${list.length} controls`);
  assert.equal(focusedIndex(list), -1, 'no ring before a key is pressed');
  await page.keyboard.press('Tab');
  assert.equal(focusedIndex(await until(() => controls(page), (l) => focusedIndex(l) === 0)), 0,
               'the first Tab lands on the first control');
  await page.screenshot({ path: new URL('keyboard-focus-first.png', SHOTS).pathname });
  const seen = [0];
  for (let i = 1; i < 200; i++) {
    await page.keyboard.press('Tab');
    await settle(page);
    const onCanvas = await page.evaluate(() => ['canvas', 'canvas-text'].includes(document.activeElement.id));
    if (!onCanvas) break;
    seen.push(focusedIndex(await until(() => controls(page), (l) => focusedIndex(l) === i)));
    if (i === 4) await page.screenshot({ path: new URL('keyboard-focus-fifth.png', SHOTS).pathname });
  }
  const count = (await controls(page)).length;
  assert.deepEqual(seen, [...Array(count).keys()], 'every control once, in order, then out');
  const left = await page.evaluate(() => !['canvas', 'canvas-text'].includes(document.activeElement.id));
  assert.ok(left, 'left the canvas');
  await context.close();
});

test('Tab through a 4-class network: passing the square shows no class probabilities of a spot never pointed at',
     async () => {
  // No mouse on this page: ImGui calls the focused square "hovered", and the bars once read a spot from a
  // mouse position that is nowhere (x₁ ≈ −1e40). They must wait for a real pointer or tap.
  const { page, context, errors } = await openPage(session.browser,
    session.url + '#mode=network&data=blobs4&hidden=8&out=softmax&loss=crossentropy');
  await page.waitForFunction(() => window.playground);
  const bars = async () => (await page.evaluate(() => window.playground.testHooks.layout())).rects
    .some((r) => r.name === 'probability bars');
  let presses = 0;
  for (; presses < 200; presses++) {
    await page.keyboard.press('Tab');
    await settle(page);
    assert.equal(await bars(), false, `probability bars shown after ${presses + 1} Tabs`);
    if (!await page.evaluate(() => ['canvas', 'canvas-text'].includes(document.activeElement.id))) break;
  }
  assert.ok(presses > 10 && presses < 200, `left the widget after ${presses + 1} Tabs`);
  // A real pointer still shows them.
  const square = (await page.evaluate(() => window.playground.testHooks.layout())).rects
    .find((r) => r.name === 'network surface');
  await page.mouse.move(square.box[0] + square.box[2] / 2, square.box[1] + square.box[3] / 2);
  assert.ok(await until(bars, Boolean), 'the bars under the mouse');
  assert.deepEqual(errors, []);
  await context.close();
});

// The host page's pieces, for a mount() instance or an iframe: where the keyboard is, and the controls.
function host(page, kind) {
  const frame = () => page.frames().find((f) => f.url().includes('index.html'));
  return {
    active: () => page.evaluate(() => document.activeElement.id),
    inWidget: async () => {
      if (kind === 'iframe') return (await page.evaluate(() => document.activeElement.id)) === 'frame';
      return page.evaluate(() => !!document.activeElement.closest('#widget') ||
                                 document.activeElement.id.startsWith('bp-canvas'));
    },
    controls: async () => kind === 'iframe'
      ? frame().evaluate(() => window.playground.testHooks.controls())
      : page.evaluate(() => {
        const m = window.instance.module;
        return JSON.parse(m.UTF8ToString(m._bp_test_hook_controls()));
      }),
    ready: async () => {
      if (kind === 'iframe') {
        await page.waitForFunction(() => document.getElementById('frame')?.contentWindow?.playground, null,
                                   { timeout: 30000 });
      } else {
        await page.waitForFunction(() => window.instance && window.instance.module &&
                                         document.querySelector('.bp-status.hidden'), null, { timeout: 30000 });
      }
      await page.waitForTimeout(300);
    },
  };
}

for (const kind of ['mount', 'iframe']) {
  test(`${kind}: Tab from the button before goes through every control to the button after; Shift+Tab back ` +
       'out; Escape leaves a field, then the widget', async () => {
    const context = await session.browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(session.url + `tests/browser/fixtures/focus-host.html?kind=${kind}#mode=function`);
    const h = host(page, kind);
    await h.ready();
    await page.focus('#before');
    const count = (await h.controls()).length;
    assert.ok(count >= 8, `${count} controls`);
    await page.keyboard.press('Tab');
    await settle(page);
    assert.ok(await h.inWidget(), 'Tab from the button before enters the widget');
    assert.equal(focusedIndex(await until(h.controls, (l) => focusedIndex(l) === 0)), 0,
                 'on its first control, with the ring');
    for (let i = 1; i < count; i++) {
      await page.keyboard.press('Tab');
      assert.equal(focusedIndex(await until(h.controls, (l) => focusedIndex(l) === i)), i,
                   `Tab ${i + 1} on control ${i}`);
    }
    await page.keyboard.press('Tab');
    await settle(page);
    assert.equal(await h.active(), 'after', `${count + 1} Tabs from the button before reach the button after`);
    // Back in from the button after: the last control; Shift+Tab back out past the first.
    await page.keyboard.press('Shift+Tab');
    await settle(page);
    assert.ok(await h.inWidget(), 'Shift+Tab from the button after enters the widget');
    if (kind === 'mount') {
      assert.equal(focusedIndex(await until(h.controls, (l) => focusedIndex(l) === count - 1)), count - 1,
                   'on its last control');
    }
    for (let i = 0; i < count + 1 && await h.inWidget(); i++) {
      const at = focusedIndex(await h.controls());
      await page.keyboard.press('Shift+Tab');
      await until(h.controls, (l) => focusedIndex(l) !== at);
    }
    assert.equal(await h.active(), 'before', 'Shift+Tab leaves the widget before its first control');
    // Escape: into the expression field by Tab, type, Escape leaves the field (the text stays), Escape
    // leaves the widget, Tab goes on to the button after.
    await page.keyboard.press('Tab');
    const entered = await until(h.controls, (l) => focusedIndex(l) === 0);
    const fieldAt = entered.findIndex((c) => c.label === '##text');
    assert.ok(fieldAt > 0, `an expression field among ${entered.map((c) => c.label)}`);
    for (let i = 0; i < fieldAt; i++) await page.keyboard.press('Tab');
    const opened = await until(h.controls, (l) => l[fieldAt].active);
    assert.ok(opened[fieldAt].active, 'Tab into the expression field opens it for typing');
    await page.keyboard.press('End');
    await page.keyboard.type(' + 1');
    await page.keyboard.press('Escape');
    const list = await until(h.controls, (l) => !l[fieldAt].active);
    assert.ok(!list[fieldAt].active && list[fieldAt].focused, 'Escape leaves the field; the ring stays on it');
    assert.ok(await h.inWidget(), 'still in the widget');
    await page.keyboard.press('Escape');
    await settle(page);
    if (kind === 'mount') assert.ok(!(await h.inWidget()), 'the second Escape leaves the widget');
    await page.keyboard.press('Tab');
    await settle(page);
    if (kind === 'mount') assert.equal(await h.active(), 'after', 'and Tab goes on from there');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
