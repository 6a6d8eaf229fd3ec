// Layouts for every width: at a phone (375×667, touch), a tablet (768×1024), a course column (860×560)
// and a desktop (1280×800), each mode's main picture lies wholly inside the window and inside the panel
// that clips it, the tabs keep their whole names, and a phone gets one full-width column. The app reports
// where it drew things (window.playground.testHooks.layout(), widgets/panel_layout.hpp); screenshots of
// every mode at every size land in tests/browser/screenshots/layout-*.png, to be looked at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, SHOTS } from './harness.mjs';

const session = useBrowser();

const SIZES = [[375, 667], [768, 1024], [860, 560], [1280, 800]];
const MAIN_PICTURE = { function: 'controls pictures', graph: 'graph_controls pictures', network: 'network surface' };

async function open(url, [width, height]) {
  const phone = width < 500;
  const context = await session.browser.newContext({ viewport: { width, height }, hasTouch: phone, isMobile: phone });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
  await page.waitForFunction(() => window.playground);
  await page.waitForTimeout(500);
  return { page, context, errors };
}

const layoutOf = (page) => page.evaluate(() => window.playground.testHooks.layout());
// The layout once `ready(layout)` holds, or the last one after `ms` (a loaded machine draws slowly).
async function layoutWhen(page, ready, ms = 5000) {
  const end = Date.now() + ms;
  let layout = await layoutOf(page);
  while (!ready(layout) && Date.now() < end) {
    await page.waitForTimeout(100);
    layout = await layoutOf(page);
  }
  return layout;
}
const rect = (layout, name) => layout.rects.find((r) => r.name === name);

// [x, y, w, h] inside [x, y, w, h], to half a pixel.
function inside([x, y, w, h], [X, Y, W, H]) {
  return x >= X - 0.5 && y >= Y - 0.5 && x + w <= X + W + 0.5 && y + h <= Y + H + 0.5;
}

for (const size of SIZES) {
  for (const mode of ['function', 'graph', 'network']) {
    test(`${mode} mode at ${size[0]}×${size[1]}: the main picture is whole, inside the window, and no tab is cut`,
      async () => {
        const { page, context, errors } = await open(session.url + '#mode=' + mode, size);
        await page.screenshot({ path: new URL(`layout-${mode}-${size[0]}x${size[1]}.png`, SHOTS).pathname });
        const layout = await layoutOf(page);
        assert.equal(layout.mode, mode);
        const picture = rect(layout, MAIN_PICTURE[mode]);
        assert.ok(picture, `the ${MAIN_PICTURE[mode]} was drawn: ${JSON.stringify(layout.rects.map((r) => r.name))}`);
        const [width, height] = size;
        assert.ok(inside(picture.box, [0, 0, width, height]), `${picture.box} inside the ${width}×${height} window`);
        assert.ok(inside(picture.box, picture.clip), `${picture.box} not cut by its panel ${picture.clip}`);
        assert.equal(layout.one_column, width < 700, 'one column exactly below 700 px');
        // The picture has the room: the full width on a phone, at least 300 px each way beside the controls.
        if (width < 700) {
          assert.ok(picture.box[2] > 0.9 * width, `the picture is ${picture.box[2]} px of ${width} wide`);
          assert.ok(picture.box[3] > 300, `and ${picture.box[3]} px tall`);
        } else {
          assert.ok(Math.min(picture.box[2], picture.box[3]) > 300, `the picture is ${picture.box}`);
        }
        assert.equal(layout.tabs.length, 5, 'three modes, the gallery and the link');
        for (const tab of layout.tabs) {
          assert.equal(tab.cut, false, `the tab "${tab.label}" shows its whole name`);
          assert.ok(inside(tab.box, [0, 0, width, height]), `the tab "${tab.label}" is inside the window`);
        }
        assert.deepEqual(errors, []);
        await context.close();
      });
  }
}

test('network mode on a phone: the decision surface at full width first, then a compact diagram and the loss ' +
     'chart one swipe below, and training runs from the phone\'s Train button', async () => {
  const size = [375, 667];
  const { page, context, errors } = await open(session.url + '#mode=network&data=xor', size);
  let layout = await layoutOf(page);
  const surface = rect(layout, 'network surface');
  const diagram = rect(layout, 'network diagram');
  assert.ok(surface.box[2] > 330 && inside(surface.box, [0, 0, ...size]), `surface ${surface.box}`);
  assert.ok(diagram && diagram.box[2] <= size[0] && diagram.box[3] >= 100, `a compact diagram ${diagram?.box}`);
  assert.ok(diagram.box[1] >= surface.box[1] + surface.box[3], 'under the surface');
  // Everything is reachable by scrolling the one column: the wheel over it brings the diagram and chart up.
  await page.mouse.move(180, 400);
  for (let i = 0; i < 6; i++) {
    await page.mouse.wheel(0, 100);
    await page.waitForTimeout(120);
  }
  layout = await layoutOf(page);
  const scrolledDiagram = rect(layout, 'network diagram');
  const chart = rect(layout, 'network loss chart');
  assert.ok(scrolledDiagram.box[1] < diagram.box[1] - 200, `scrolled: the diagram moved up ${diagram.box[1]} → ` +
    `${scrolledDiagram.box[1]}`);
  assert.ok(inside(scrolledDiagram.box, [0, 0, ...size]), `the diagram in view ${scrolledDiagram.box}`);
  assert.ok(chart.box[3] >= 100, `the loss chart is ${chart.box[3]} px tall`);
  await page.screenshot({ path: new URL('layout-network-375x667-scrolled.png', SHOTS).pathname });
  // Back to the top; the Train button sits above the surface.
  for (let i = 0; i < 8; i++) {
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(80);
  }
  layout = await layoutOf(page);
  const top = rect(layout, 'network surface');
  assert.ok(Math.abs(top.box[1] - surface.box[1]) < 1, 'scrolled back to the top');
  await page.mouse.click(40, 50);  // "Train ▶", the column's first button
  await page.waitForTimeout(1500);
  await page.mouse.click(40, 50);  // "Pause"
  const state = await page.evaluate(() => window.playground.getState());
  assert.ok(Number(state.epoch) > 5, `trained on the phone: ${state.epoch} epochs`);
  await page.screenshot({ path: new URL('layout-network-375x667-trained.png', SHOTS).pathname });
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Link copied" shows for two seconds and then goes, with no input in between', async () => {
  const { page, context } = await open(session.url, [1280, 800]);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const tab = (layout, prefix) => layout.tabs.find((t) => t.label.startsWith(prefix));
  const link = tab(await layoutOf(page), 'Copy link');
  await page.mouse.click(link.box[0] + link.box[2] / 2, link.box[1] + link.box[3] / 2);
  const copiedAt = Date.now();
  await page.mouse.move(640, 700);  // away, and still: nothing but the app's own timer draws from here
  assert.ok(tab(await layoutWhen(page, (l) => tab(l, 'Link copied'), 1500), 'Link copied'), 'the tab says so');
  await page.waitForTimeout(2300 - (Date.now() - copiedAt));
  assert.ok(tab(await layoutWhen(page, (l) => tab(l, 'Copy link'), 500), 'Copy link'),
    'two seconds later it is "Copy link" again');
  await context.close();
});

test('the gallery caption shows in its example\'s mode and does not follow into another mode', async () => {
  const { page, context } = await open(session.url, [1280, 800]);
  const gallery = await page.evaluate(() => window.playground.gallery());
  let layout = await layoutOf(page);
  const galleryTab = layout.tabs.find((t) => t.label.startsWith('Gallery'));
  await page.mouse.click(galleryTab.box[0] + 20, galleryTab.box[1] + galleryTab.box[3] / 2);
  await page.waitForTimeout(500);
  // The popup lists the examples under the tab, one line each; the first is a function-mode example.
  await page.mouse.click(galleryTab.box[0] + 40, galleryTab.box[1] + galleryTab.box[3] + 18);
  layout = await layoutWhen(page, (l) => rect(l, 'gallery caption'));
  const state = await page.evaluate(() => window.playground.getState());
  assert.ok(rect(layout, 'gallery caption'), `the caption of "${gallery[0].title}" is shown (mode ${state.mode})`);
  await page.screenshot({ path: new URL('layout-gallery-caption.png', SHOTS).pathname });
  const other = layout.tabs.find((t) => t.label.startsWith(state.mode === 'graph' ? 'Network' : 'Graph'));
  await page.mouse.click(other.box[0] + other.box[2] / 2, other.box[1] + other.box[3] / 2);
  layout = await layoutWhen(page, (l) => l.mode !== state.mode);
  assert.notEqual(layout.mode, state.mode, 'another mode is open');
  assert.equal(rect(layout, 'gallery caption'), undefined, 'and the caption stayed behind');
  const back = layout.tabs.find((t) => t.label.toLowerCase().startsWith(state.mode));
  await page.mouse.click(back.box[0] + back.box[2] / 2, back.box[1] + back.box[3] / 2);
  layout = await layoutWhen(page, (l) => l.mode === state.mode);
  assert.equal(layout.mode, state.mode, 'back in the example\'s mode');
  assert.equal(rect(layout, 'gallery caption'), undefined, 'where the caption does not come back');
  await context.close();
});

test('a run that diverges stops by itself and says "infinity" in words, never C\'s "inf" or "-nan"', async () => {
  const { page, context, errors } = await open(session.url + '#mode=network&data=xor&lr=10&act=relu&out=linear',
    [1280, 800]);
  await page.mouse.click(45, 56);  // "Train ▶"
  await page.waitForFunction(() => /infinity|not a number/.test(document.getElementById('description').textContent),
    null, { timeout: 15000 });
  await page.waitForTimeout(300);
  const stopped = Number((await page.evaluate(() => window.playground.getState())).epoch);
  await page.waitForTimeout(1000);
  const later = Number((await page.evaluate(() => window.playground.getState())).epoch);
  assert.equal(later, stopped, `training stopped at epoch ${stopped}`);
  const said = await page.evaluate(() => document.getElementById('description').textContent);
  assert.doesNotMatch(said, /\b-?(inf|nan)\b/i, said);
  await page.screenshot({ path: new URL('layout-network-diverged.png', SHOTS).pathname });
  assert.deepEqual(errors, []);
  await context.close();
});
