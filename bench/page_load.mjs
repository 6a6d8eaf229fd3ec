// Benchmark L "load": the bytes the page downloads (raw and gzip, file by file) and the time from
// navigation to the first frame the app draws, in headless Chromium, on the page's own clock.
// Usage: node bench/page_load.mjs   (after scripts/build.sh; bench/run.mjs calls measureLoad())
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { firstFrameOnPageClock, startServer, launch } from '../tests/browser/harness.mjs';

// { raw, gzip, files: Map(path → { raw, gzip }), times: [ms per load] }
export async function measureLoad({ loads = 5 } = {}) {
  const { server, url } = await startServer();
  const browser = await launch();
  const files = new Map();
  const times = [];  // navigation to the first frame on the page's clock
  const harnessTimes = [];  // the same seen by the harness (its polling lag included)
  try {
    for (let run = 0; run < loads; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      page.on('response', async (response) => {
        try {
          const body = await response.body();
          files.set(new URL(response.url()).pathname, { raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
        } catch { /* redirects and the like have no body */ }
      });
      const start = Date.now();
      await page.goto(url);
      await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
      harnessTimes.push(Date.now() - start);
      times.push(await firstFrameOnPageClock(page));
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  let raw = 0;
  let gzip = 0;
  for (const size of files.values()) {
    raw += size.raw;
    gzip += size.gzip;
  }
  return { raw, gzip, files, times, harnessTimes };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { raw, gzip, files, times, harnessTimes } = await measureLoad();
  console.log('file                      raw bytes   gzip bytes');
  for (const [path, size] of [...files].sort()) {
    console.log(`${path.padEnd(24)} ${String(size.raw).padStart(10)} ${String(size.gzip).padStart(12)}`);
  }
  console.log(`${'total'.padEnd(24)} ${String(raw).padStart(10)} ${String(gzip).padStart(12)}`);
  times.sort((a, b) => a - b);
  harnessTimes.sort((a, b) => a - b);
  console.log(`navigation to first frame: median ${times[2]} ms (min ${times[0]}, max ${times[4]}) over 5 loads ` +
              `on the page's clock (seen by the harness: median ${harnessTimes[2]} ms), headless Chromium, ` +
              'software WebGL');
}
