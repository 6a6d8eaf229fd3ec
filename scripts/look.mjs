// Screenshots of one link at the four sizes the project tests at (375×667 phone with touch, 768×1024,
// 860×560 course column, 1280×800), for looking at a change before committing it.
// Usage: node scripts/look.mjs 'mode=graph&prog=...' out-prefix   (after building the page into dist/)
import { startServer, launch } from '../tests/browser/harness.mjs';

const [hash = 'mode=function', prefix = 'look'] = process.argv.slice(2);
const SIZES = [[375, 667, true], [768, 1024, false], [860, 560, false], [1280, 800, false]];
const { server, url } = await startServer();
const browser = await launch();
try {
  for (const [width, height, touch] of SIZES) {
    const context = await browser.newContext({ viewport: { width, height }, hasTouch: touch, isMobile: touch });
    const page = await context.newPage();
    await page.goto(`${url}#${hash}`);
    await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
    await page.waitForTimeout(800);
    const file = `${prefix}-${width}x${height}.png`;
    await page.screenshot({ path: file });
    console.log(file);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
