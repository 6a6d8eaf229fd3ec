// Hosting: the built dist/site/ as a host publishes it. A lesson page at /course/ with the widgets at
// /course/widgets/; the widgets on another origin, with and without the CORS header; strict
// Content-Security-Policies; file://; missing files; one download and compile for all instances; the
// service worker only on the stand-alone page. Error boxes are saved at phone and desktop size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createServer, listen } from '../../scripts/serve.mjs';
import { launch, SHOTS, COUNT_COMPILES } from './harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const site = path.join(repo, 'dist/site');
const lessons = path.join(repo, 'tests/browser/fixtures/course');
const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
               "connect-src 'self'; object-src 'none'; base-uri 'none'";
const NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'";
const SIZES = { phone: { width: 375, height: 667 }, desktop: { width: 1280, height: 800 } };

let browser;
const servers = {};
// The course site (lessons at /course/, dist/site at /course/widgets/; ?csp=strict|nowasm sets a policy),
// the widgets alone on another origin with the CORS header, and on a third without it.
before(async () => {
  browser = await launch();
  // ?csp=cross: docs/embedding.md's recipe for widgets on another origin (?widgets=); crossnoconnect: the same
  // without that origin in connect-src.
  const csp = (url) => {
    const other = url.searchParams.get('widgets') ? new URL(url.searchParams.get('widgets')).origin : '';
    const policy = {
      strict: STRICT, nowasm: NO_WASM,
      cross: `script-src 'self' ${other} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${other}`,
      crossnoconnect: `script-src 'self' ${other} 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'`,
    }[url.searchParams.get('csp')];
    return policy ? { 'Content-Security-Policy': policy } : {};
  };
  const start = async (name, options) => {
    const server = createServer(options);
    const port = await listen(server, 20000 + Math.floor(Math.random() * 2000));
    servers[name] = { server, url: `http://127.0.0.1:${port}/` };
  };
  await start('course', { folders: [['/course/widgets/', site], ['/course/', lessons]], site: site, headers: csp });
  await start('cors', { site, headers: { 'Access-Control-Allow-Origin': '*' } });
  await start('plain', { site });
  await start('root', { folders: [['/lessons/', lessons]], site });  // the playground at a site's root
});
after(async () => {
  await browser?.close();
  for (const { server } of Object.values(servers)) server.close();
});

// Counts WebAssembly compiles however a loader asks for them, and Content-Security-Policy reports.
const WATCH = COUNT_COMPILES + `
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.effectiveDirective + ' ' + e.blockedURI));
`;

async function open(url, { size = SIZES.desktop, route } = {}) {
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  await page.addInitScript(WATCH);
  const errors = [];
  const wasmFetches = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => { if (/playground\.wasm/.test(request.url())) wasmFetches.push(request.url()); });
  if (route) await route(page);
  await page.goto(url);
  return { page, context, errors, wasmFetches };
}

// The lesson page with its widgets from `widgets` (a URL ending in /), for the other-origin cases.
const remoteLesson = (widgets, query = '') => servers.course.url + 'course/remote.html?widgets=' + encodeURIComponent(widgets) + query;

// Resolves when every widget of the lesson has drawn (the instances stay in the page: not serialised).
const ready = (page) => page.evaluate(() => window.lesson.ready.then(() => true));

// The text of the first widget's error box, once there is one.
async function errorBox(page) {
  const box = page.locator('.bp-status.error').first();
  await box.waitFor({ timeout: 30000 });
  return { text: await box.innerText(), reload: await box.locator('button', { hasText: 'Reload' }).count() };
}

async function shoot(name, url, options = {}) {
  for (const [label, size] of Object.entries(SIZES)) {
    const { page, context } = await open(url, { ...options, size });
    await errorBox(page);
    await page.screenshot({ path: new URL(`hosting-${name}-${label}.png`, SHOTS).pathname });
    await context.close();
  }
}

test('dist/site holds exactly the files a host publishes, the same as the sources', () => {
  assert.ok(fs.existsSync(site), 'dist/site/ is missing: build it with cmake --build build/wasm');
  const names = fs.readdirSync(site).sort();
  assert.deepEqual(names, ['embed.js', 'engine.mjs', 'engine.wasm', 'index.html', 'page.css', 'page.js',
                           'playground.js', 'playground.wasm', 'sw.js', 'version.json']);
  for (const name of ['embed.js', 'page.js', 'index.html', 'sw.js', 'page.css']) {
    const source = name === 'index.html' ? name : `web/${name}`;  // the stand-alone page is at the top level
    assert.equal(fs.readFileSync(path.join(site, name), 'utf8'), fs.readFileSync(path.join(repo, source), 'utf8'),
                 `dist/site/${name} is older than ${source}: run cmake --build build/wasm`);
  }
});

test('a lesson at /course/ with two widgets from /course/widgets/: both run, sized by the lesson\'s CSS', async () => {
  const { page, context, errors, wasmFetches } = await open(servers.course.url + 'course/lesson.html');
  await ready(page);
  const states = await page.evaluate(() => window.lesson.instances.map((i) => i.getState()));
  assert.deepEqual(states.map((s) => s.mode), ['function', 'graph']);
  const heights = await page.evaluate(() => [...document.querySelectorAll('.bp-widget canvas')].map((c) => c.getBoundingClientRect().height));
  assert.deepEqual(heights, [420, 420]);
  assert.equal(wasmFetches.length, 1);
  assert.match(wasmFetches[0], /\/course\/widgets\/playground\.wasm\?v=[0-9a-f]{16}$/);
  assert.match(await page.evaluate(() => window.lesson.instances[0].shareUrl()), /\/course\/widgets\/index\.html#/);
  assert.deepEqual(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0,
                   'mount() registers no service worker');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the engine alone: a lesson imports engine.mjs from /course/widgets/, which finds engine.wasm beside it', async () => {
  const { page, context, errors } = await open(servers.course.url + 'course/lesson.html?n=0');
  const result = await page.evaluate(async () => {
    const { default: createEngine } = await import('/course/widgets/engine.mjs');
    const engine = await createEngine();
    return engine.gradient('d = a*b; e = d + c; L = e*f', { a: 3, b: -2, c: 8, f: -2 });
  });
  // The seed program by hand: L = (3·(−2) + 8)·(−2) = −4; ∂L/∂a = b·f = 4, ∂L/∂b = a·f = −6, ∂L/∂c = f = −2, ∂L/∂f = e = 2.
  assert.deepEqual(result, { value: -4, grad: { a: 4, b: -6, c: -2, f: 2 } });
  assert.deepEqual(errors, []);
  await context.close();
});

test('three instances share one download and one compile of the WebAssembly', async () => {
  const { page, context, errors, wasmFetches } = await open(servers.course.url + 'course/lesson.html?n=3');
  await ready(page);
  assert.equal(wasmFetches.length, 1, wasmFetches.join(' '));
  assert.equal(await page.evaluate(() => window.compiles), 1);
  // Each instance still has its own memory: changing one leaves the others.
  await page.evaluate(() => window.lesson.instances[0].setState({ expr: 'x^3' }));
  const exprs = await page.evaluate(() => window.lesson.instances.map((i) => i.getState().expr));
  assert.equal(exprs[0], 'x^3');
  assert.notEqual(exprs[2], 'x^3');
  assert.deepEqual(errors, []);
  await context.close();
});

test('widgets from another origin that sends the CORS header work; data-base and mount()\'s base are honoured', async () => {
  const widgets = servers.cors.url;
  const { page: first, context, errors, wasmFetches } = await open(remoteLesson(widgets));
  await ready(first);
  assert.equal(wasmFetches.length, 1);
  assert.ok(wasmFetches[0].startsWith(widgets), wasmFetches[0]);
  assert.deepEqual(errors, []);
  await context.close();
  // A base given on the script tag (data-base) or to mount() wins over embed.js's own folder.
  const mine = servers.course.url + 'course/widgets/';
  const based = await open(remoteLesson(widgets, '&n=1&base=' + encodeURIComponent('/course/widgets')));
  await ready(based.page);
  assert.deepEqual(based.wasmFetches.map((u) => u.replace(/\?.*/, '')), [mine + 'playground.wasm']);
  const page = based.page;
  const mounted = await page.evaluate(async (url) => {
    const element = document.createElement('div');
    element.className = 'bp-widget';
    document.body.appendChild(element);
    const instance = BackpropPlayground.mount(element, { base: url.replace(/\/$/, ''), state: 'mode=graph' });
    await instance.ready;
    return instance.shareUrl();
  }, servers.cors.url.replace('127.0.0.1', 'localhost'));
  assert.ok(mounted.startsWith(servers.cors.url.replace('127.0.0.1', 'localhost') + 'index.html#'), mounted);
  assert.deepEqual(based.errors, []);
  await based.context.close();
});

test('widgets from another origin without the CORS header say which header to add', async () => {
  const url = remoteLesson(servers.plain.url);
  const { page, context } = await open(url);
  const { text, reload } = await errorBox(page);
  const origin = servers.course.url.replace(/\/$/, '');
  assert.match(text, new RegExp(`${servers.plain.url}playground\\.wasm`));
  assert.ok(text.includes(`Access-Control-Allow-Origin: ${origin}`), text);
  assert.equal(reload, 0, 'no Reload button: reloading cannot help');
  await context.close();
  await shoot('cors', url);
});

test('under a strict CSP (script-src \'self\' \'wasm-unsafe-eval\'; style-src \'self\') the widgets run at their height', async () => {
  const { page, context, errors } = await open(servers.course.url + 'course/lesson.html?csp=strict');
  await ready(page);
  const heights = await page.evaluate(() => [...document.querySelectorAll('.bp-widget')].map((c) => c.getBoundingClientRect().height));
  assert.deepEqual(heights, [422, 422]);  // 420 px and the border
  // mount()'s height option sizes an element that has no CSS of its own.
  const sized = await page.evaluate(async () => {
    const element = document.createElement('div');
    document.body.appendChild(element);
    await BackpropPlayground.mount(element, { height: 300, state: 'mode=graph' }).ready;
    return element.getBoundingClientRect().height;
  });
  assert.equal(sized, 300);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the docs\' CSP for widgets on another origin lets them run; without that origin in connect-src the box says so', async () => {
  const { page, context, errors } = await open(remoteLesson(servers.cors.url, '&csp=cross'));
  await ready(page);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(errors, []);
  await context.close();
  const blocked = await open(remoteLesson(servers.cors.url, '&csp=crossnoconnect'));
  const { text, reload } = await errorBox(blocked.page);
  assert.ok(text.includes(`connect-src 'self' ${servers.cors.url.replace(/\/$/, '')}`), text);
  assert.equal(reload, 0);
  await blocked.context.close();
});

test('a CSP without \'wasm-unsafe-eval\' says which directive to add, without a Reload button', async () => {
  const url = servers.course.url + 'course/lesson.html?csp=nowasm';
  const { page, context } = await open(url);
  const { text, reload } = await errorBox(page);
  assert.ok(text.includes("script-src 'self' 'wasm-unsafe-eval'"), text);
  assert.equal(reload, 0);
  assert.equal(await page.locator('.bp-status.error').count(), 2, 'both widgets say it');
  await context.close();
  await shoot('csp', url);
});

test('opened from a file, the widget says to serve the files over http', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bp-file-'));
  fs.cpSync(site, path.join(folder, 'widgets'), { recursive: true });
  for (const name of ['lesson.html', 'lesson.js', 'lesson.css']) fs.copyFileSync(path.join(lessons, name), path.join(folder, name));
  const url = pathToFileURL(path.join(folder, 'lesson.html')).href;
  const { page, context } = await open(url);
  const { text, reload } = await errorBox(page);
  assert.ok(text.includes('python3 -m http.server'), text);
  assert.ok(text.includes('file://'), text);
  assert.equal(reload, 0);
  await context.close();
  await shoot('file', url);
  // The stand-alone page opened as a file says the same, and nothing else.
  const alone = await open(pathToFileURL(path.join(folder, 'widgets/index.html')).href + '#mode=graph');
  assert.ok((await errorBox(alone.page)).text.includes('python3 -m http.server'));
  await alone.page.waitForTimeout(300);
  assert.deepEqual(alone.errors, []);
  await alone.context.close();
  fs.rmSync(folder, { recursive: true });
});

test('a missing wasm or JS names its URL and status; a network failure offers Reload', async () => {
  const url = servers.course.url + 'course/lesson.html?n=1';
  for (const file of ['playground.wasm', 'playground.js']) {
    const missing = (page) => page.route(`**/widgets/${file}*`, (route) => route.fulfill({ status: 404, body: 'not found' }));
    const { page, context } = await open(url, { route: missing });
    const { text, reload } = await errorBox(page);
    assert.match(text, new RegExp(`/course/widgets/${file.replace('.', '\\.')}\\?v=[0-9a-f]{16} answered 404`), text);
    assert.equal(reload, 0);
    await context.close();
    if (file === 'playground.wasm') await shoot('missing', url, { route: missing });
  }
  const offline = (page) => page.route('**/widgets/playground.wasm*', (route) => route.abort('internetdisconnected'));
  const { page, context } = await open(url, { route: offline });
  const { text, reload } = await errorBox(page);
  assert.match(text, /the network failed/);
  assert.equal(reload, 1);
  await context.close();
});

test('only the stand-alone page registers the service worker, for its own folder, and it keeps to its own files', async () => {
  const { page, context } = await open(servers.course.url + 'course/widgets/index.html#mode=graph');
  await page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
  const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
  assert.equal(scope, servers.course.url + 'course/widgets/');
  // The lesson beside it is not controlled, and nothing of the lesson's is cached.
  await page.goto(servers.course.url + 'course/lesson.html');
  await ready(page);
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
  const cached = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) urls.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
    return urls;
  });
  assert.ok(cached.length > 0 && cached.every((u) => u.includes('/course/widgets/')), cached.join(' '));
  await context.close();
  // With the playground at the site's root its scope is the whole site, and still a host page there is
  // neither answered nor cached by it.
  const root = await open(servers.root.url + 'index.html#mode=graph');
  await root.page.waitForSelector('#status.hidden', { state: 'attached', timeout: 30000 });
  assert.equal(await root.page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope)), servers.root.url);
  await root.page.goto(servers.root.url + 'lessons/root-lesson.html?n=1');
  await ready(root.page);
  const own = await root.page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) urls.push(...(await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname));
    return urls;
  });
  assert.deepEqual([...new Set(own)].sort(), ['/embed.js', '/index.html', '/page.css', '/page.js', '/playground.js',
                                              '/playground.wasm', '/version.json']);
  await root.context.setOffline(true);
  await assert.rejects(root.page.reload(), 'offline, the host page is not served from the playground\'s cache');
  assert.deepEqual(root.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await root.context.close();
  // In an iframe the page registers none.
  const framed = await open(servers.course.url + 'course/lesson.html?n=0');
  await framed.page.evaluate((src) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    document.body.appendChild(frame);
  }, servers.course.url + 'course/widgets/index.html');
  const frame = framed.page.frameLocator('iframe');
  await frame.locator('#status.hidden').waitFor({ state: 'attached', timeout: 30000 });
  await framed.page.waitForTimeout(500);
  assert.equal(await framed.page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)), 0);
  assert.deepEqual(framed.errors, []);
  await framed.context.close();
});
