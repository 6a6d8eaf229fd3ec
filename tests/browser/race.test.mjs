// Function mode's optimizer race: a race link opens with its steps replayed (the page reports each racer's
// steps and f through getResults(), the same numbers engine.optimize computes), plays on, and the link it
// then writes reopens identically. Screenshots of a race and of the Taylor parabola with Newton's steps at
// the four sizes, to be looked at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import createEngine from '../../dist/engine.mjs';
import { useBrowser, openPage, until, SHOTS } from './harness.mjs';

const session = useBrowser();
const SEED = 'f(x) = 2x²−3x+4';
const RACE = `mode=function&expr=${encodeURIComponent(SEED)}&x0=2&race=sgd:0.05,momentum:0.05,adam:0.1,newton:1`
  + '&rsteps=30';
const SIZES = [
  { name: 'phone', width: 375, height: 667 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'course', width: 860, height: 560 },
  { name: 'desktop', width: 1280, height: 800 },
];

// What the page shows, as change events carry it (results: race1_steps, race1_f, ...): listened for once,
// then a change that moves no racer (the pace) brings a fresh event.
async function shown(page) {
  return page.evaluate(() => new Promise((resolve) => {
    if (!window.raceListened) {
      window.raceListened = true;
      window.playground.on('change', (state, hash, results) => { window.raceResults = results; });
    }
    window.raceResults = null;
    const pace = Number(window.playground.getState().rspeed);
    window.playground.setState({ rspeed: String(pace === 10 ? 12 : 10) });
    const wait = () => (window.raceResults ? resolve(window.raceResults) : setTimeout(wait, 20));
    wait();
  }));
}

test('a race link opens with its steps replayed: each racer at the point engine.optimize computes', async () => {
  const engine = await createEngine();
  const { page, context, errors } = await openPage(session.browser, session.url + '#' + RACE);
  await page.waitForFunction(() => window.playground);
  const results = await until(() => shown(page), (r) => r.race4_f !== undefined);
  const state = await page.evaluate(() => window.playground.getState());
  assert.equal(String(state.rsteps), '30');
  assert.equal(state.race, 'sgd:0.05,momentum:0.05,adam:0.1,newton:1');
  const racers = [{ optimizer: 'sgd', lr: 0.05 }, { optimizer: 'momentum', lr: 0.05 }, { optimizer: 'adam', lr: 0.1 }];
  for (const [r, options] of racers.entries()) {
    const { path } = engine.optimize(SEED, { x: 2 }, { ...options, steps: 30 });
    assert.equal(results[`race${r + 1}_steps`], 30);
    assert.ok(Math.abs(results[`race${r + 1}_f`] - path[30].f) <= 1e-12 * Math.abs(path[30].f), `${options.optimizer}`);
  }
  assert.equal(results.race4_f, 2.875);  // Newton: f(0.75), the seed's minimum, after one step
  // A screen reader hears where each racer stands (the race is paused).
  const said = await until(() => page.textContent('#description'), (t) => t.includes('Optimizer race at step 30'));
  const number = '[\\d.]+';
  assert.match(said, new RegExp(`Optimizer race at step 30: gradient descent f = ${number}; momentum f = ${number}; `
    + `Adam f = ${number}; Newton f = 2\\.875\\.`));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a race link set by the page (setState) replays its steps too, though it brings a new f and start', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url + '#mode=function&expr=sin(x)');
  await page.waitForFunction(() => window.playground);
  await page.evaluate((hash) => window.playground.setState(hash), RACE);
  const state = await until(() => page.evaluate(() => window.playground.getState()), (s) => s.race !== '');
  await page.waitForTimeout(300);
  assert.equal(String((await page.evaluate(() => window.playground.getState())).rsteps), '30', JSON.stringify(state.rsteps));
  const results = await until(() => shown(page), (r) => r.race4_f !== undefined);
  assert.equal(results.race1_steps, 30);
  assert.equal(results.race4_f, 2.875);  // Newton's one step to the seed's minimum, as from the link itself
  assert.deepEqual(errors, []);
  await context.close();
});

test('the race plays on from the link, pauses, and its new link reopens identically', async () => {
  const { page, context, errors } = await openPage(session.browser, session.url + '#' + RACE);
  await page.waitForFunction(() => window.playground);
  await page.evaluate(() => window.playground.setState({ rplay: '1', rspeed: '40' }));
  const state = () => page.evaluate(() => window.playground.getState());
  const playing = await until(state, (s) => Number(s.rsteps) >= 50, 15000);
  assert.ok(Number(playing.rsteps) >= 50, `played to step ${playing.rsteps}`);
  await page.evaluate(() => window.playground.setState({ rplay: '0' }));
  await page.waitForTimeout(300);
  const paused = await page.evaluate(() => window.playground.getState());
  const before = await shown(page);
  const link = await page.evaluate(() => window.playground.shareUrl());
  assert.equal(paused.rplay, '0');
  assert.deepEqual(errors, []);
  await context.close();

  const again = await openPage(session.browser, link);
  await again.page.waitForFunction(() => window.playground);
  const after = await until(() => shown(again.page), (r) => r.race1_steps === before.race1_steps);
  for (const key of Object.keys(before).filter((k) => k.startsWith('race'))) assert.equal(after[key], before[key], key);
  assert.equal(String((await again.page.evaluate(() => window.playground.getState())).rsteps), String(paused.rsteps));
  assert.deepEqual(again.errors, []);
  await again.context.close();
});

test('a racer that diverges stops at its step while the others run on', async () => {
  const link = `mode=function&expr=x%5E2&x0=2&race=sgd:10,adam:0.1&rsteps=20`;
  const { page, context, errors } = await openPage(session.browser, session.url + '#' + link);
  await page.waitForFunction(() => window.playground);
  const results = await until(() => shown(page), (r) => r.race2_steps === 20);
  assert.equal(results.race1_steps, 5);  // x ← −19x: |f| passes 1e12 at step 5
  assert.equal(results.race2_steps, 20);
  const said = await until(() => page.textContent('#description'), (t) => t.includes('Optimizer race'));
  assert.match(said,
    /gradient descent diverged at step 5: \|f\| = [\d.e+]+ is beyond the limit 1e\+12 \(try a smaller lr\); Adam f = /);
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots: a race (its plot, its controls) and the Taylor parabola with Newton at the four sizes', async () => {
  for (const size of SIZES) {
    const { page, context, errors } = await openPage(session.browser, session.url + '#' + RACE,
      { width: size.width, height: size.height });
    await page.waitForFunction(() => window.playground);
    await until(() => shown(page), (r) => r.race4_f !== undefined);
    await page.waitForTimeout(300);
    await page.screenshot({ path: new URL(`race-${size.name}.png`, SHOTS).pathname });
    // The controls scrolled to their end: the racers, the buttons and f against step.
    await page.mouse.move(100, size.height - 30);
    for (let i = 0; i < 12; i++) {
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(400);
    await page.screenshot({ path: new URL(`race-${size.name}-controls.png`, SHOTS).pathname });
    await context.close();

    // A quartic: its Taylor parabola at x₀ parts from f, and Newton's steps head for the nearest flat point.
    const taylor = await openPage(session.browser, session.url + '#mode=function&expr=' +
      encodeURIComponent('f(x) = x⁴ − 3x² + x') + '&x0=1.6&taylor=1&eta=0.02&view=-2.5,2.5,-4,6',
    { width: size.width, height: size.height });
    await taylor.page.waitForFunction(() => window.playground);
    const controls = await taylor.page.evaluate(() => window.playground.testHooks.controls());
    const step = controls.find((c) => c.label === 'One step');
    if (step && step.y + step.h < size.height) {
      for (let i = 0; i < 3; i++) {
        await taylor.page.mouse.click(step.x + step.w / 2, step.y + step.h / 2);
        await taylor.page.waitForTimeout(150);
      }
    }
    await taylor.page.waitForTimeout(400);
    await taylor.page.screenshot({ path: new URL(`taylor-${size.name}.png`, SHOTS).pathname });
    assert.deepEqual([...errors, ...taylor.errors], [], size.name);
    await taylor.context.close();
  }
});

test('every race preset opens without errors, and its race runs where its variables are drawn', async () => {
  const first = await openPage(session.browser, session.url);
  await first.page.waitForFunction(() => window.playground);
  const gallery = await first.page.evaluate(() => window.playground.gallery());
  const presets = gallery.filter((e) => e.hash.includes('race='));
  await first.context.close();
  assert.ok(presets.length >= 7, `${presets.length} race presets`);
  for (const entry of presets) {
    const { page, context, errors } = await openPage(session.browser, session.url + '#' + entry.hash);
    await page.waitForFunction(() => window.playground);
    const state = await page.evaluate(() => window.playground.getState());
    const twoVariables = /\by\b/.test(state.expr);
    // A two-variable preset runs once the page has the two-variable view (its state has y0).
    if (!twoVariables || state.y0 !== undefined) {
      await page.evaluate(() => window.playground.setState({ rsteps: '20' }));
      const results = await until(() => shown(page), (r) => r.race1_steps !== undefined);
      const racers = state.race.split(',').length;
      for (let r = 1; r <= racers; r++) assert.ok(results[`race${r}_steps`] > 0, `${entry.title}: racer ${r}`);
    }
    assert.deepEqual(errors, [], entry.title);
    const variables = twoVariables ? 'two variables' : 'one variable';
    console.log(`${entry.title}: ${variables}, link ${entry.hash.length + 1} characters`);
    await context.close();
  }
});
