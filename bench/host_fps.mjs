// The host page beside a training playground: how smoothly the page around a widget keeps running while
// the widget trains the default network (network mode, Train pressed), in headless Chromium. Prints, for
// each situation, the host's requestAnimationFrame rate and how late its 10 ms timers fire:
//   no widget            the lesson page alone (the baseline)
//   training, in view    one instance training in view (target: the host keeps at least 50 fps)
//   training, scrolled   the same instance scrolled out of view (it pauses: no frames, no training)
// and the widget's own frame times meanwhile (median build and whole-frame ms, from its frame timer).
// A benchmark that prints numbers, not a test: a shared machine's load moves them.
// Usage: node bench/host_fps.mjs [--seconds 5] [--runs 3] [--height 420]   (after a build; medians of the runs)
import { startServer, launch } from '../tests/browser/harness.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const SECONDS = arg('--seconds', 5);
const RUNS = arg('--runs', 3);
const HEIGHT = arg('--height', 420);  // the widget's height in CSS px (its width: the lesson's 860 px column)

// In the page: counts the host's animation frames and the lateness of back-to-back 10 ms timers.
async function hostRates(page, seconds) {
  return page.evaluate((ms) => new Promise((resolve) => {
    const start = performance.now();
    let frames = 0;
    const late = [];
    const frame = () => {
      frames++;
      if (performance.now() - start < ms) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const tick = (asked) => {
      late.push(performance.now() - asked - 10);
      if (performance.now() - start < ms) setTimeout(tick, 10, performance.now());
      else {
        late.sort((a, b) => a - b);
        const at = (q) => late[Math.min(late.length - 1, Math.floor(q * late.length))];
        resolve({ fps: frames / ((performance.now() - start) / 1000), timerMedianMs: at(0.5), timerP95Ms: at(0.95),
                  timerMaxMs: late[late.length - 1] });
      }
    };
    setTimeout(tick, 10, performance.now());
  }), seconds * 1000);
}

async function widgetStats(page) {
  return page.evaluate(() => {
    const i = window.instances[0];
    if (!i || !i.module) return null;
    const at = i.module._bp_frame_stats() / 8;
    const f = i.module.HEAPF64;
    return { frames: f[at], medianFrameMs: f[at + 1], medianBuildMs: f[at + 3], epoch: Number(i.getState().epoch) };
  });
}

async function pressTrain(page) {
  const box = await page.evaluate(() => {
    const i = window.instances[0];
    const train = JSON.parse(i.module.UTF8ToString(i.module._bp_test_hook_controls())).find((c) => c.label.startsWith('Train'));
    const at = i.canvas.getBoundingClientRect();
    return { x: at.x + train.x + train.w / 2, y: at.y + train.y + train.h / 2 };
  });
  await page.mouse.click(box.x, box.y);
}

async function run(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const results = {};
  await page.goto(url + 'tests/browser/fixtures/instances.html?n=0');
  results['no widget'] = { ...(await hostRates(page, SECONDS)) };
  await page.evaluate((height) => {
    document.body.style.setProperty('--slot-height', height + 'px');
    window.mountAll(1);
    document.getElementById('lesson').insertAdjacentHTML('beforeend', '<div style="height:3000px"></div>');
  }, HEIGHT);
  await page.evaluate(() => window.instances[0].ready.then(() => true));
  await page.waitForSelector('#slot-0 .bp-status.hidden', { state: 'attached' });
  await page.evaluate(() => window.instances[0].setState('mode=network'));
  await page.waitForTimeout(500);
  await pressTrain(page);
  await page.waitForTimeout(1000);
  await page.evaluate(() => window.instances[0].module._bp_reset_frame_stats());
  const before = await widgetStats(page);
  results['training, in view'] = { ...(await hostRates(page, SECONDS)), widget: await widgetStats(page), epochsBefore: before.epoch };
  await page.evaluate(() => window.scrollTo(0, 2000));
  await page.waitForTimeout(500);
  await page.evaluate(() => window.instances[0].module._bp_reset_frame_stats());
  const away = await widgetStats(page);
  results['training, scrolled'] = { ...(await hostRates(page, SECONDS)), widget: await widgetStats(page), epochsBefore: away.epoch };
  await context.close();
  return results;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const { server, url } = await startServer();
const browser = await launch();
const all = [];
for (let r = 0; r < RUNS; r++) all.push(await run(browser, url));
await browser.close();
server.close();

console.log(`host page beside one training widget (860×${HEIGHT} CSS px), headless Chromium (software WebGL), ` +
            `${SECONDS} s each, median of ${RUNS} runs`);
console.log('situation            host fps  timer late ms (median / p95 / max)  widget frames  widget median ' +
            'build / frame ms  epochs trained');
for (const name of Object.keys(all[0])) {
  const pick = (f) => median(all.map((r) => f(r[name])));
  const w = all[0][name].widget;
  const line = [
    name.padEnd(20),
    pick((r) => r.fps).toFixed(1).padStart(8),
    (`${pick((r) => r.timerMedianMs).toFixed(1)} / ${pick((r) => r.timerP95Ms).toFixed(1)} / ` +
      `${pick((r) => r.timerMaxMs).toFixed(1)}`).padEnd(38),
    w ? String(pick((r) => r.widget.frames)).padStart(13) : '            -',
    w ? `${pick((r) => r.widget.medianBuildMs).toFixed(1)} / ${pick((r) => r.widget.medianFrameMs).toFixed(1)}`.padStart(28)
      : '                           -',
    w ? String(pick((r) => r.widget.epoch - r.epochsBefore)).padStart(16) : '               -',
  ];
  console.log('  ' + line.join('  '));
}
