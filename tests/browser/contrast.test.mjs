// prefers-contrast: more, as a reader who set it in the system meets the page (Playwright's contrast
// emulation): the plot's curve is drawn thicker, and the light-grey hint text ("reverse-mode autodiff",
// the formulas under the readouts) turns dark. The same page without the setting is the reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, SHOTS, pixels } from './harness.mjs';

const session = useBrowser();

async function shoot(contrast, name) {
  const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, contrast });
  const page = await context.newPage();
  await page.goto(session.url);
  await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
  await page.waitForTimeout(500);
  const png = await page.screenshot({ path: new URL(name, SHOTS).pathname });
  const { width, rgba } = await pixels(page, png);
  const matches = await page.evaluate(() => matchMedia('(prefers-contrast: more)').matches);
  await context.close();
  // Pixels of f's blue (33, 102, 172) on the plot (right of x = 420), and light-grey pixels (every
  // channel 145…162, about the usual hint grey 153) in the controls column (left of x = 400).
  let blue = 0;
  let lightGrey = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const x = (i / 4) % width;
    const [r, g, b] = [rgba[i], rgba[i + 1], rgba[i + 2]];
    if (x > 420 && Math.abs(r - 33) + Math.abs(g - 102) + Math.abs(b - 172) <= 40) blue++;
    const grey = Math.max(r, g, b) - Math.min(r, g, b) < 8 && r >= 145 && r <= 162;
    if (x < 400 && grey) lightGrey++;
  }
  return { blue, lightGrey, matches };
}

test('with prefers-contrast: more the curve is thicker and hint text is no longer light grey', async () => {
  const usual = await shoot('no-preference', 'contrast-usual.png');
  const more = await shoot('more', 'contrast-more.png');
  assert.equal(usual.matches, false);
  assert.equal(more.matches, true);
  console.log(`f's blue pixels ${usual.blue} → ${more.blue}; light-grey pixels in the controls ${usual.lightGrey} → ${more.lightGrey}`);
  assert.ok(more.blue > usual.blue * 1.4, `the curve is drawn thicker: ${usual.blue} → ${more.blue} blue pixels`);
  assert.ok(more.lightGrey < usual.lightGrey * 0.5, `light grey text: ${usual.lightGrey} → ${more.lightGrey} pixels`);
});
