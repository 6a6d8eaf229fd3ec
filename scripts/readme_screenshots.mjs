// The README's screenshots, taken from the real page in headless Chromium: each mode on a 1280×800
// desktop and network mode on a 375×667 phone, written to docs/screenshot-*.png. Look at them before
// committing. Usage: node scripts/readme_screenshots.mjs   (after building the page into dist/)
import { startServer, launch } from '../tests/browser/harness.mjs';

const SHOTS = [
  { file: 'screenshot-function.png', size: [1280, 800], hash: 'mode=function&h=0.5' },
  { file: 'screenshot-graph.png', size: [1280, 800], hash: 'mode=graph' },
  // The spiral learnt by an [8, 8, 8] tanh network on x1, x2, sin(x1), sin(x2): trained for a while first.
  { file: 'screenshot-network.png', size: [1280, 800], train: 9000,
    hash: 'mode=network&data=spiral&hidden=8,8,8&feat=x1,x2,sin(x1),sin(x2)&lr=0.03' },
  // Five classes: the pinwheel learnt by a softmax [8, 8] network, the confusion matrix beside the loss.
  { file: 'screenshot-classes.png', size: [1280, 800], train: 9000,
    hash: 'mode=network&data=pinwheel&hidden=8,8&out=softmax&loss=crossentropy' },
  // The gallery's Rosenbrock race after 300 steps of each racer (rsteps: the steps the link has taken).
  { file: 'screenshot-race.png', size: [1280, 800], gallery: /Rosenbrock/, extra: '&rsteps=300' },
  { file: 'screenshot-phone.png', size: [375, 667], phone: true, train: 4000, hash: 'mode=network&data=xor' },
];

const { server, url } = await startServer();
const browser = await launch();
try {
  for (const shot of SHOTS) {
    const [width, height] = shot.size;
    const context = await browser.newContext({
      viewport: { width, height }, deviceScaleFactor: 1, hasTouch: !!shot.phone, isMobile: !!shot.phone,
    });
    const page = await context.newPage();
    await page.goto(`${url}#${shot.hash}`);
    await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
    await page.waitForFunction(() => window.playground);
    await page.waitForTimeout(600);
    if (shot.gallery) {
      const entry = (await page.evaluate(() => window.playground.gallery())).find((e) => shot.gallery.test(e.title));
      if (!entry) throw new Error(`no gallery entry matches ${shot.gallery}`);
      await page.evaluate((hash) => window.playground.setState(hash), entry.hash + (shot.extra || ''));
      await page.waitForTimeout(1500);
    }
    if (shot.train) {
      // The Train button: the first button of network mode's controls, in both layouts.
      const train = shot.phone ? [40, 50] : [45, 56];
      await page.mouse.click(...train);
      await page.waitForTimeout(shot.train);
      await page.mouse.click(...train);
      await page.mouse.move(width - 5, height - 5);
      await page.waitForTimeout(500);
    }
    const path = new URL(`../docs/${shot.file}`, import.meta.url).pathname;
    await page.screenshot({ path });
    const state = await page.evaluate(() => window.playground.getState());
    console.log(`${shot.file}: ${width}×${height}, mode ${state.mode}${state.epoch ? `, epoch ${state.epoch}` : ''}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
