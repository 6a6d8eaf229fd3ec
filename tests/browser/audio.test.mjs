// The audio trace as a listener meets it: Alt+T then H (Desmos's keys) or the Listen button plays f
// through Web Audio; the page's AudioContext is instrumented (addInitScript) to record what was
// scheduled, since headless Chromium has no speakers. For f = x² over x ∈ [−2, 2] the pitch must fall
// to the vertex on the buzzy (sawtooth) voice and then rise on the pure (sine) one, with one click at
// the vertex, panned from left to right; for the network's loss curve the pitch must fall.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, SHOTS, controlCentre } from './harness.mjs';

const session = useBrowser();

// Records every oscillator the page makes: its type, the frequencies scheduled on it (value, time)
// and the pans of the stereo panner it feeds.
function recordAudio() {
  window.__oscillators = [];
  window.__panners = [];
  const watch = (param, into) => {
    for (const name of ['setValueAtTime', 'linearRampToValueAtTime']) {
      const original = param[name].bind(param);
      param[name] = (value, time) => { into.push({ value, time }); return original(value, time); };
    }
  };
  const createOscillator = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () {
    const oscillator = createOscillator.call(this);
    const record = { oscillator, frequencies: [], started: null };
    watch(oscillator.frequency, record.frequencies);
    const start = oscillator.start.bind(oscillator);
    oscillator.start = (time) => { record.started = time; return start(time); };
    window.__oscillators.push(record);
    return oscillator;
  };
  const createStereoPanner = AudioContext.prototype.createStereoPanner;
  AudioContext.prototype.createStereoPanner = function () {
    const panner = createStereoPanner.call(this);
    const pans = [];
    watch(panner.pan, pans);
    window.__panners.push(pans);
    return panner;
  };
}

async function open(hash) {
  // 1,000 px tall: function mode's controls (with the Taylor toggle and the race's header) reach Listen.
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 1000 } });
  await context.addInitScript(recordAudio);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(session.url + '#' + hash);
  await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
  await page.waitForFunction(() => window.playground);
  await page.waitForTimeout(500);
  return { page, context, errors };
}

const scheduled = (page) => page.evaluate(() => window.__oscillators.map((r) => ({
  type: r.oscillator.type, started: r.started, frequencies: r.frequencies.map((f) => f.value),
})));

// Waits for the screen reader's text (the page's live region takes a text after a second's calm).
const said = (page, pattern) => page.waitForFunction(
  (source) => new RegExp(source).test(document.querySelector('[aria-live]').textContent), pattern.source,
  { timeout: 8000 });

const isMonotonic = (values, sign) => values.every((v, i) => i === 0 || Math.sign(v - values[i - 1]) === sign);

test('Alt+T then H plays x² over [−2, 2]: falling on the buzzy voice, a click at 0, rising on the pure one', async () => {
  const { page, context, errors } = await open('expr=x%5E2&view=-2,2,-0.5,4.5');
  await page.mouse.click(900, 300);  // the plot: the canvas has the keyboard
  await page.keyboard.press('Alt+T');
  await said(page, /Audio trace mode: press H to hear f, Escape to leave/);
  await page.keyboard.press('h');
  await page.waitForTimeout(1300);
  const oscillators = await scheduled(page);
  const voices = oscillators.filter((o) => o.type !== 'triangle');
  const clicks = oscillators.filter((o) => o.type === 'triangle');
  assert.deepEqual(voices.map((o) => o.type), ['sawtooth', 'sine'], 'one run falling, then one rising');
  assert.equal(voices[0].frequencies.length, 80);  // x = −2 … −0.05, in steps of 0.025
  assert.ok(isMonotonic(voices[0].frequencies, -1), 'the pitch falls while x² falls');
  assert.ok(isMonotonic(voices[1].frequencies, 1), 'the pitch rises after the vertex');
  assert.ok(voices[0].frequencies[0] > 760 && voices[1].frequencies.at(-1) > 760, 'f = 4 at both ends: 768 Hz');
  assert.ok(voices[1].frequencies[0] < 260, 'f = 0 at the vertex: 253 Hz, near the bottom (220 Hz at y = −0.5)');
  assert.equal(clicks.length, 1, 'one click, where the slope is zero');
  assert.ok(Math.abs(clicks[0].started - voices[1].started) < 0.01, 'the click comes as the pitch turns');
  const pans = await page.evaluate(() => window.__panners.slice(0, 2).flat().map((p) => p.value));
  assert.ok(Math.abs(pans[0] + 1) < 1e-9 && Math.abs(pans.at(-1) - 1) < 1e-9, 'left ear to right ear');
  assert.ok(isMonotonic(pans, 1), 'the pan moves right all along');
  await said(page, /Audio trace of f from x = -2 to 2 over 4 seconds: .*1 tick where the slope is zero/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('H outside audio trace mode plays nothing; Escape leaves the mode; the Listen button plays', async () => {
  const { page, context } = await open('expr=x%5E2&view=-2,2,-0.5,4.5');
  await page.mouse.click(900, 300);
  await page.keyboard.press('h');
  await page.waitForTimeout(200);
  assert.equal((await scheduled(page)).length, 0);
  await page.keyboard.press('Alt+T');
  await page.keyboard.press('Escape');
  await page.keyboard.press('h');
  await page.waitForTimeout(200);
  assert.equal((await scheduled(page)).length, 0);
  await page.mouse.click(...(await controlCentre(page, 'Listen')));
  await page.waitForTimeout(300);
  await page.screenshot({ path: new URL('audio-listen.png', SHOTS).pathname });
  assert.deepEqual((await scheduled(page)).map((o) => o.type), ['sawtooth', 'sine', 'triangle'], 'the button plays it');
  await context.close();
});

test('the network mode\'s loss curve is heard falling as the network learns', async () => {
  const { page, context } = await open('mode=network&data=xor');
  await page.mouse.click(45, 56);  // Train
  await page.waitForFunction(() => Number(window.playground.getState().epoch) > 60, null, { timeout: 30000 });
  await page.mouse.click(45, 56);  // Pause
  await page.mouse.click(900, 700);
  await page.keyboard.press('Alt+T');
  await page.keyboard.press('h');
  await page.waitForTimeout(1300);
  await page.screenshot({ path: new URL('audio-network.png', SHOTS).pathname });
  const voices = (await scheduled(page)).filter((o) => o.type !== 'triangle');
  assert.ok(voices.length >= 1, 'the loss curve was played');
  const all = voices.flatMap((o) => o.frequencies);
  assert.ok(all[0] > all.at(-1) * 1.5, `from ${all[0].toFixed(0)} Hz down to ${all.at(-1).toFixed(0)} Hz`);
  await said(page, /Audio trace of the training loss from epoch = 0 to \d+ over 4 seconds/);
  await context.close();
});
