// Several classes in network mode (issue 17): each data set of 3 to 5 classes opens and trains with no error
// (accuracy rising: the page's change events carry the training accuracy shown, the description the test
// accuracy; getState() has the link's keys, softmax and cross-entropy among them), the confusion matrix and the class
// probability bars appear (under the mouse on a desktop, under a tap on a phone); screenshots of each set
// trained at the four sizes, of the confusion matrix and of the bars land in tests/browser/screenshots/classes-*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openPage, SHOTS, controlCentre, until } from './harness.mjs';

const session = useBrowser();

const SETS = ['blobs3', 'blobs4', 'blobs5', 'spiral3', 'rings3', 'pinwheel'];
const SIZES = [[375, 667], [768, 1024], [860, 560], [1280, 800]];
// Enough network for every set to learn something in a few epochs (Adam), small enough for software WebGL.
const NETWORK = '&hidden=8,8&opt=adam&lr=0.03';

const shot = (name) => new URL(`classes-${name}.png`, SHOTS).pathname;
const layoutOf = (page) => page.evaluate(() => window.playground.testHooks.layout());
const rectNamed = async (page, name) => (await layoutOf(page)).rects.find((r) => r.name === name);
// The test accuracy the description (the page's text for screen readers) says, as a share.
async function describedAccuracy(page) {
  const text = await page.evaluate(() => document.getElementById('description')?.textContent ?? '');
  const match = text.match(/test accuracy (\d+) percent/);
  return match ? Number(match[1]) / 100 : undefined;
}
// Collects the page's change events' shown results (window.shown): the training accuracy while training; and
// the 'link' events' and the change events' hashes, which must be the same links.
const watchResults = (page) => page.evaluate(() => {
  window.playground.on('change', (state, hash, results) => { window.shown = results; window.changedHash = hash; });
  window.playground.on('link', (hash) => { window.linkHash = hash; });
});

// Trains until `epochs` epochs have passed, then pauses; the trained page's link (weights included).
async function train(page, epochs) {
  await page.mouse.click(...await controlCentre(page, 'Train ▶###train', 20000));
  await page.waitForFunction((n) => Number(window.playground.getState().epoch) >= n, epochs, { timeout: 60000 });
  await page.mouse.click(...await controlCentre(page, 'Pause###train', 20000));
  await controlCentre(page, 'Train ▶###train', 20000);
  await page.waitForTimeout(300);
}

const trainedLinks = {};

for (const set of SETS) {
  test(`${set} opens with a softmax output and trains: accuracy rises, the confusion matrix shows`, async () => {
    const url = session.url + `#mode=network&data=${set}${NETWORK}`;
    const { page, context, errors } = await openPage(session.browser, url);
    await page.waitForFunction(() => window.playground);
    const state = await page.evaluate(() => window.playground.getState());
    assert.equal(state.out, 'softmax', 'more than two classes choose a softmax output');
    assert.equal(state.loss, 'crossentropy', '... with cross-entropy');
    await watchResults(page);
    const before = await until(() => describedAccuracy(page), (a) => a !== undefined, 10000);
    assert.ok(before !== undefined, 'the description gives the test accuracy');
    assert.ok(await until(() => rectNamed(page, 'confusion matrix'), Boolean), 'a confusion matrix is drawn');
    await train(page, 15);
    const shown = await page.evaluate(() => window.shown);
    const epoch = (await page.evaluate(() => window.playground.getState())).epoch;
    await page.waitForTimeout(1500);  // the description is written a second after the last change
    const after = await describedAccuracy(page);
    console.log(`${set}: test accuracy ${(100 * before).toFixed(0)}% → ${(100 * after).toFixed(0)}% after ${epoch} ` +
                `epochs (training accuracy shown: ${(100 * shown.accuracy).toFixed(1)}%)`);
    const chance = 1 / { blobs3: 3, blobs4: 4, blobs5: 5, spiral3: 3, rings3: 3, pinwheel: 5 }[set];
    assert.ok(after > before, `accuracy rose: ${before} → ${after}`);
    assert.ok(after > chance + 0.1 && shown.accuracy > chance + 0.1, `accuracy ${after} beats chance ${chance}`);
    trainedLinks[set] = await page.evaluate(() => window.playground.shareUrl());
    const hashes = await page.evaluate(() => [window.linkHash, window.changedHash]);
    assert.ok(hashes[0]?.includes(`data=${set}`), `the 'link' event gave the trained link: ${hashes[0]?.slice(0, 80)}`);
    assert.equal(hashes[0], hashes[1], "'link' and 'change' give the same hash");
    await page.screenshot({ path: shot(`${set}-trained-1280x800`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the confusion matrix counts every test point, and the page says each class\'s accuracy in words', async () => {
  const link = trainedLinks.blobs4 ?? session.url + `#mode=network&data=blobs4${NETWORK}`;
  const { page, context, errors } = await openPage(session.browser, link);
  await page.waitForFunction(() => window.playground);
  const matrix = await until(() => rectNamed(page, 'confusion matrix'), Boolean);
  assert.ok(matrix, 'the confusion matrix is drawn');
  const [x, y, w, h] = matrix.box;
  await page.screenshot({ path: shot('confusion-matrix'), clip: { x, y, width: w, height: h } });
  const words = await until(() => page.evaluate(() => document.getElementById('description')?.textContent ?? ''),
                            (t) => t.includes('Per-class'));
  console.log(`description: ${words.slice(words.indexOf('Per-class'), words.indexOf('Per-class') + 200)}`);
  for (const colour of ['orange', 'blue', 'green', 'purple']) {
    assert.match(words, new RegExp(`${colour} \\d+ percent \\(\\d+ of \\d+\\)`), `${colour}'s accuracy in words`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('hovering the surface shows the class probabilities as bars, summing to 100%', async () => {
  const link = trainedLinks.blobs3 ?? session.url + `#mode=network&data=blobs3${NETWORK}`;
  const { page, context, errors } = await openPage(session.browser, link);
  await page.waitForFunction(() => window.playground);
  const surface = await until(() => rectNamed(page, 'network surface'), Boolean);
  const [x, y, w, h] = surface.box;
  // The top blob (class 0, orange) sits at (0, 3.5): a quarter of the square's height from its top edge... less.
  await page.mouse.move(x + w / 2, y + h * (6 - 3.5) / 12);
  const bars = await until(() => rectNamed(page, 'probability bars'), Boolean);
  assert.ok(bars, 'the probability bars are drawn');
  await page.waitForTimeout(400);
  await page.screenshot({ path: shot('probability-bars-hover') });
  const [bx, by, bw, bh] = bars.box;
  await page.screenshot({ path: shot('probability-bars'), clip: { x: bx, y: by - 20, width: bw, height: bh + 20 } });
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone a tap on the surface shows the bars for the spot tapped', async () => {
  const link = trainedLinks.pinwheel ?? session.url + `#mode=network&data=pinwheel${NETWORK}`;
  const context = await session.browser.newContext({ viewport: { width: 375, height: 667 }, hasTouch: true,
                                                     isMobile: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(link);
  await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
  await page.waitForFunction(() => window.playground);
  const surface = await until(() => rectNamed(page, 'network surface'), Boolean);
  const [x, y, w, h] = surface.box;
  const hint = await rectNamed(page, 'probability bars');
  assert.equal(hint, undefined, 'no bars before anything was pointed at');
  await page.touchscreen.tap(x + w * 0.7, y + h * 0.3);
  const bars = await until(() => rectNamed(page, 'probability bars'), Boolean);
  assert.ok(bars, 'a tap shows the bars');
  await page.screenshot({ path: shot('probability-bars-tap-375x667') });
  assert.deepEqual(errors, []);
  await context.close();
});

for (const set of SETS) {
  test(`${set} trained, at the four sizes: the surface and the confusion matrix fit the window`, async () => {
    const link = trainedLinks[set] ?? session.url + `#mode=network&data=${set}${NETWORK}`;
    for (const [width, height] of SIZES) {
      const phone = width < 500;
      const context = await session.browser.newContext({ viewport: { width, height }, hasTouch: phone,
                                                         isMobile: phone });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(link);
      await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
      await page.waitForFunction(() => window.playground);
      const matrix = await until(() => rectNamed(page, 'confusion matrix'), Boolean);
      assert.ok(matrix, `the confusion matrix at ${width}×${height}`);
      const [mx, , mw] = matrix.box;
      assert.ok(mx >= -0.5 && mx + mw <= width + 0.5, `the matrix (${matrix.box}) fits across ${width} px`);
      await page.waitForTimeout(300);
      await page.screenshot({ path: shot(`${set}-${width}x${height}`) });
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
}

test('the learner\'s own points: the picker adds a point of the class picked; six classes fit a phone', async () => {
  const pts = '-3,-3,-1;3,3,1;-3,3,2;3,-3,3;0,5,4;0,-5,5';  // one point of each of the six classes
  const link = session.url + `#mode=network&data=custom&pts=${pts}`;
  const { page, context, errors } = await openPage(session.browser, link);
  await page.waitForFunction(() => window.playground);
  await page.mouse.click(...await controlCentre(page, 'green', 20000));
  const surface = await until(() => rectNamed(page, 'network surface'), Boolean);
  const [x, y, w, h] = surface.box;
  await page.mouse.click(x + w * 0.4, y + h * 0.6);  // (-1.2, -1.2): no point there, so a click adds one
  const after = await until(() => page.evaluate(() => window.playground.getState().pts),
                            (p) => p.split(';').length > 6);
  const added = after.split(';').at(-1).split(',').map(Number);
  assert.equal(added[2], 2, `the new point ${added} is of class 2 (green)`);
  // Without the right button (a touch screen has none): "remove a point" picked, a click on (3, 3) removes it.
  await page.mouse.click(...await controlCentre(page, 'remove a point', 20000));
  await page.mouse.click(x + w * 0.75, y + h * 0.25);
  const left = await until(() => page.evaluate(() => window.playground.getState().pts),
                           (p) => p.split(';').length === 6);
  assert.ok(!left.split(';').some((p) => p.startsWith('3,3,')), `(3, 3) removed: ${left}`);
  await page.mouse.click(x + w * 0.2, y + h * 0.2);  // on no point: nothing added, nothing removed
  await page.waitForTimeout(300);
  assert.equal((await page.evaluate(() => window.playground.getState().pts)).split(';').length, 6);
  await context.close();
  assert.deepEqual(errors, []);

  // A phone's width, tall enough that the matrix under the loss curve is in the screenshot.
  const phone = await session.browser.newContext({ viewport: { width: 375, height: 1500 }, hasTouch: true,
                                                   isMobile: true });
  const small = await phone.newPage();
  await small.goto(link);
  await small.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
  await small.waitForFunction(() => window.playground);
  const matrix = await until(() => rectNamed(small, 'confusion matrix'), Boolean);
  assert.ok(matrix, 'a 6-class confusion matrix is drawn on a phone');
  assert.ok(matrix.box[0] + matrix.box[2] <= 375.5, `the 6-class matrix (${matrix.box}) fits 375 px`);
  await small.screenshot({ path: shot('custom-6-classes-375-wide') });
  // A finger removes a point too: tap "remove a point", then the point (0, 5).
  await small.touchscreen.tap(...await controlCentre(small, 'remove a point', 20000));
  const square = await until(() => rectNamed(small, 'network surface'), Boolean);
  await small.touchscreen.tap(square.box[0] + square.box[2] * 0.5, square.box[1] + square.box[3] * (1 / 12));
  const tapped = await until(() => small.evaluate(() => window.playground.getState().pts),
                             (p) => p.split(';').length === 5);
  assert.ok(!tapped.split(';').some((p) => p.startsWith('0,5,')), `(0, 5) removed by a tap: ${tapped}`);
  await small.screenshot({ path: shot('custom-remove-375-wide') });
  await phone.close();
});

test('two classes: softmax is a choice, and choosing tanh again leaves cross-entropy for mse', async () => {
  const link = session.url + '#mode=network&data=xor&out=softmax&loss=crossentropy';
  const { page, context, errors } = await openPage(session.browser, link);
  await page.waitForFunction(() => window.playground);
  const state = await page.evaluate(() => window.playground.getState());
  assert.equal(state.out, 'softmax', 'a link keeps softmax for two classes');
  assert.ok(await until(() => rectNamed(page, 'confusion matrix'), Boolean), 'two classes get a confusion matrix too');
  // The combos carry no label in the control list: "output" is the second after the last "neurons" slider
  // (activation, output, loss, learning rate).
  const controls = await page.evaluate(() => window.playground.testHooks.controls());
  const output = controls[controls.map((c) => c.label).lastIndexOf('neurons') + 2];
  await page.mouse.click(output.x + output.w / 2, output.y + output.h / 2);
  await page.waitForTimeout(500);
  await page.mouse.click(output.x + 30, output.y + output.h + 20);  // the list's first item, tanh (not listed either)
  const after = await until(() => page.evaluate(() => window.playground.getState()), (s) => s.out === 'tanh');
  assert.equal(after.out, 'tanh');
  assert.equal(after.loss, 'mse', 'cross-entropy went with softmax');
  assert.deepEqual(errors, []);
  await context.close();
});
