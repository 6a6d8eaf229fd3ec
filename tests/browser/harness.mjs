// Shared by the browser tests: serve the playground (scripts/serve.mjs's development view: the site at /, fixtures at
// /tests/browser/fixtures/) on a free port and open the page in headless Chromium (Debian's, through playwright-core;
// no browser download), collecting console errors.
import { before, after } from 'node:test';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { createServer, listen } from '../../scripts/serve.mjs';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

// Where the tests save their screenshots (git-ignored), to be looked at by a person.
export const SHOTS = new URL('./screenshots/', import.meta.url);
fs.mkdirSync(SHOTS, { recursive: true });

// One server and one Chromium for a test file: session.url and session.browser once `before` ran.
export function useBrowser() {
  const session = {};
  before(async () => {
    Object.assign(session, await startServer());
    session.browser = await launch();
  });
  after(async () => {
    await session.browser?.close();
    session.server?.close();
  });
  return session;
}

export async function startServer() {
  const server = createServer();
  const port = await listen(server, 18000 + Math.floor(Math.random() * 2000));
  return { server, url: `http://127.0.0.1:${port}/` };
}

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Opens the page at a size and pixel ratio and waits until the app has drawn its first frame.
export async function openPage(browser, url, { width = 1280, height = 800, deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
  await page.waitForTimeout(300);  // a few more frames after the first
  return { page, context, errors };
}

// The first frame's time on the page's own clock (ms from navigation start): the mark embed.js leaves when
// the app has drawn it. The harness's own wall time is longer: it sees the frame only when its polling,
// itself slowed by CPU throttling and the app's next frames, next runs (about 1.1 s later at 4×).
export async function firstFrameOnPageClock(page, timeout = 60000) {
  await page.waitForFunction(() => performance.getEntriesByName('backprop-playground:first-frame').length > 0,
                             null, { timeout });
  return page.evaluate(() => Math.round(performance.getEntriesByName('backprop-playground:first-frame')[0].startTime));
}

// Drags x₀ on the Function plot 400 px to the left in 40 steps of one 60 Hz frame each, as a hand
// would (the plot spans x from -3 to 4 over about x = 403 … 1265 px of the canvas).
export async function dragX0(page) {
  await page.mouse.move(1100, 300);
  await page.mouse.down();
  for (let i = 1; i <= 40; i++) {
    await page.mouse.move(1100 - i * 10, 300);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

// A PNG screenshot's pixels, decoded by the page: { width, height, rgba: number[] }.
export async function pixels(page, png) {
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = 'data:image/png;base64,' + data;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    return { width: image.width, height: image.height, rgba: Array.from(context.getImageData(0, 0, image.width, image.height).data) };
  }, png.toString('base64'));
}

// Counts pixels close to an RGB colour in a PNG screenshot.
export async function countColor(page, png, [r, g, b], tolerance = 40) {
  const { rgba } = await pixels(page, png);
  let count = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (Math.abs(rgba[i] - r) + Math.abs(rgba[i + 1] - g) + Math.abs(rgba[i + 2] - b) <= tolerance) count++;
  }
  return count;
}

// The centre of the control labelled `label` (window.playground.testHooks.controls(): the controls in tab
// order with their boxes), waiting up to `timeout` ms for it to be drawn: tests click what a person sees,
// wherever the layout puts it.
export async function controlCentre(page, label, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const found = (await page.evaluate(() => window.playground.testHooks.controls())).find((c) => c.label === label);
    if (found) return [found.x + found.w / 2, found.y + found.h / 2];
    if (Date.now() > end) throw new Error(`no control labelled ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Frames come when the app has time (software rendering, a shared machine): a test waits for what a person
// would see rather than a fixed time. Reads until ok(value) or `timeout` ms; returns the last value read.
export async function until(read, ok, timeout = 5000) {
  const end = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

// An init script: counts WebAssembly compiles in window.compiles, however a loader asks for them
// (instantiating a compiled Module is not one). hosting.test.mjs and bench/instances_load.mjs.
export const COUNT_COMPILES = `
  window.compiles = 0;
  for (const name of ['compile', 'compileStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) { window.compiles++; return original.apply(this, args); };
  }
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (source, ...rest) {
      if (!(source instanceof WebAssembly.Module)) window.compiles++;
      return original.call(this, source, ...rest);
    };
  }`;
