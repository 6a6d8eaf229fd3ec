// Backprop Playground for pages that include it: BackpropPlayground.mount(element, options) puts an
// independent playground in `element` and returns { ready, getState, setState, shareUrl, on, off,
// getResults, answer, screenshot, destroy }. Several instances work side by side. Used by index.html too.
// docs/embedding.md has the options and copy-paste snippets.
(function () {
  'use strict';
  const NUMBERS = new Set(['x0', 'y0', 'h', 'eta']);
  let count = 0;

  // ---- Loading: where the app's files are, one download and compile per page, messages that say what to fix.
  // The app's files (playground.js, playground.wasm, version.json, index.html) sit in one folder, the base:
  // mount()'s `base` option, else the script tag's data-base, else the folder embed.js was loaded from.
  const ownScript = document.currentScript;
  const defaultBase = baseUrl(ownScript && ownScript.dataset.base, ownScript ? ownScript.src : location.href);
  const apps = new Map();  // base URL → the promise of { createPlayground, wasmModule, asset }
  const versions = new Map();  // base URL → the promise of its release's version (loadVersion)
  const violations = [];   // Content-Security-Policy reports, to say which directive blocked what
  document.addEventListener('securitypolicyviolation', (event) => violations.push(event));

  function baseUrl(base, scriptUrl) {
    if (!base) return new URL('.', scriptUrl);
    return new URL(base.endsWith('/') ? base : base + '/', document.baseURI);
  }

  // A failure to load, shown in the widget's box: what failed (with its URL), the fix (`code`, a line to
  // copy: a command, a header, a directive) and whether a reload can help (network errors only).
  class LoadError extends Error {
    constructor(message, { code = '', after = '', reload = false } = {}) {
      super(message);
      Object.assign(this, { code, after, reload });
    }
  }

  // The app for a base folder, loaded once per page however many instances use it: the Emscripten
  // loader (playground.js) and the WebAssembly module, downloaded and compiled once, side by side.
  // → { loaded, requested }: `requested` settles once both downloads are asked for (or loading failed first).
  function loadApp(base) {
    if (!apps.has(base.href)) {
      let markRequested;
      const requested = new Promise((resolve) => { markRequested = resolve; });
      const loaded = startLoading(base, markRequested);
      loaded.catch(() => {}).finally(markRequested);
      apps.set(base.href, { loaded, requested });
    }
    return apps.get(base.href);
  }

  async function startLoading(base, markRequested) {
    if (base.protocol === 'file:') throw fileMessage(base);
    const version = await versionOf(base);
    // Every asset URL carries the release's version, so caches never mix releases.
    const asset = (name) => new URL(name + (version ? '?v=' + version : ''), base).href;
    const wasm = compileWasm(asset('playground.wasm'));
    wasm.catch(() => {});  // reported when awaited, after the script
    const script = loadScript(asset('playground.js'));
    markRequested();
    return { createPlayground: await script, wasmModule: await wasm, asset };
  }

  // The release's version, asked for once per base. The script's own folder is asked at once, while the
  // page is still being read: the app's downloads wait for this answer, and waiting for mount() to ask
  // put 190 ms before them at 4× CPU throttling. It is a few bytes, so pages that never mount lose nothing.
  function versionOf(base) {
    if (!versions.has(base.href)) versions.set(base.href, loadVersion(base));
    return versions.get(base.href);
  }
  if (defaultBase.protocol !== 'file:') versionOf(defaultBase);

  // The release's version (version.json, written by the build); '' when it cannot be read: plain URLs.
  async function loadVersion(base) {
    try {
      const response = await fetch(new URL('version.json', base).href, { cache: 'no-store' });
      return response.ok ? (await response.json()).version || '' : '';
    } catch (e) {
      return '';  // unreachable: the app's own files will say why
    }
  }

  function loadScript(url) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.onload = () => {
        // Read at once: another base's loader would replace the global.
        if (typeof window.createPlayground === 'function') resolve(window.createPlayground);
        else reject(new LoadError(`${url} loaded, but it is not Backprop Playground's playground.js.`));
      };
      script.onerror = () => explainFailure(url, 'its JavaScript', false).then(reject);
      document.head.appendChild(script);
    });
  }

  async function compileWasm(url) {
    let response;
    try {
      response = await fetch(url, { credentials: 'same-origin' });
    } catch (e) {
      throw await explainFailure(url, 'its WebAssembly', true);
    }
    if (!response.ok) throw statusMessage(url, response, 'its WebAssembly');
    try {
      // compileStreaming compiles while the bytes arrive; it needs the server's application/wasm type.
      if (/application\/wasm/.test(response.headers.get('Content-Type') || '')) {
        return await WebAssembly.compileStreaming(response);
      }
      return await WebAssembly.compile(await response.arrayBuffer());
    } catch (e) {
      throw compileMessage(url, e);
    }
  }

  // Why `url` could not be loaded: a Content-Security-Policy directive, http under https, a missing file,
  // another origin without CORS (`fetched`: read with fetch, which needs it; a <script> does not), the network.
  async function explainFailure(url, what, fetched) {
    await new Promise((resolve) => setTimeout(resolve, 0));  // CSP reports arrive as a task of their own
    const blocked = violations.find((v) => v.blockedURI && url.startsWith(v.blockedURI));
    if (blocked) return cspMessage(url, blocked.effectiveDirective || blocked.violatedDirective, what);
    if (location.protocol === 'https:' && url.startsWith('http:')) {
      return new LoadError(`This page is https and loads ${what} over plain http (${url}), which browsers block. ` +
                           'Publish the playground on https and load it from there.');
    }
    let response = null;
    try {
      response = await fetch(url, { cache: 'no-store' });
    } catch (e) { /* below */ }
    if (response && !response.ok) return statusMessage(url, response, what);
    const origin = new URL(url).origin;
    if (!response && origin !== location.origin) {
      const reachable = await fetch(url, { mode: 'no-cors', cache: 'no-store' }).then(() => true, () => false);
      if (reachable && !fetched) {  // the server answered, with an error this page may not read
        return new LoadError(`Backprop Playground could not load ${what}: ${url} answered with an error. ` +
                             'Publish every file of the built dist/site/ folder together, where embed.js ' +
                             'loads them from.');
      }
      if (reachable) {
        return new LoadError(`Backprop Playground could not read ${what} from ${url}: that server does not allow ` +
          `pages of ${location.origin} to read its files (CORS). Add this header to its responses:`,
        { code: `Access-Control-Allow-Origin: ${location.origin}`, after: '(or * to allow every site).' });
      }
    }
    return new LoadError(`Backprop Playground could not load ${what} from ${url}: the network failed. ` +
                         'Check the connection and reload.', { reload: true });
  }

  function statusMessage(url, response, what) {
    const status = `${response.status} ${response.statusText}`.trim();
    return new LoadError(`Backprop Playground could not load ${what}: ${url} answered ${status}. ` +
      'Publish every file of the built dist/site/ folder together, in the folder embed.js loads them from ' +
      '(or give that folder as data-base on the script tag, or mount()\'s base option).',
    { reload: response.status >= 500 });
  }

  function cspMessage(url, directive, what) {
    const origin = new URL(url).origin;
    const name = /^script-src/.test(directive) ? 'script-src' : directive;
    const sources = ["'self'"];
    if (origin !== location.origin) sources.push(origin);
    if (name === 'script-src') sources.push("'wasm-unsafe-eval'");
    return new LoadError(`This page's Content-Security-Policy blocked ${what} (${url}, directive ${directive}). ` +
      'Allow the playground\'s origin in the page\'s policy:', { code: `${name} ${sources.join(' ')}` });
  }

  function compileMessage(url, error) {
    if (/Content.Security.Policy|unsafe-eval/i.test(String(error && error.message)) ||
        violations.some((v) => v.blockedURI === 'wasm-eval')) {
      return new LoadError("This page's Content-Security-Policy does not allow WebAssembly, which Backprop " +
                           "Playground runs on. Add 'wasm-unsafe-eval' to the policy's script-src directive:",
      { code: "script-src 'self' 'wasm-unsafe-eval'" });
    }
    return new LoadError(`Backprop Playground could not compile its WebAssembly (${url}): ${error && error.message}. ` +
      'The file may be damaged or from another release: publish every file of one dist/site/ build together.');
  }

  function fileMessage(base) {
    return new LoadError(`This page loads Backprop Playground from a file (${base.href}), and browsers run its ` +
      'WebAssembly only from a web server. Serve these files over http, for example by running this in their folder:',
    { code: 'python3 -m http.server', after: 'and opening http://localhost:8000/ instead of the file.' });
  }

  function parseHash(hash) {
    const state = {};
    for (const pair of String(hash).replace(/^#/, '').split('&')) {
      if (!pair) continue;
      const at = pair.indexOf('=');
      let key, value;
      try {
        key = decodeURIComponent(pair.slice(0, at));
        value = decodeURIComponent(pair.slice(at + 1));
      } catch (e) {
        continue;  // the app reports malformed pairs itself
      }
      state[key] = NUMBERS.has(key) ? Number(value) : value;
    }
    return state;
  }

  function toHash(state) {
    if (typeof state === 'string') return state.replace(/^#/, '');
    return Object.entries(state).map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(String(v))).join('&');
  }

  // --- Exercises (docs/embedding.md "Exercises"): results, answers, the answer event ----------------
  // xAPI's verb for an answer (a page may forward the statement to its learning record store).
  const ANSWERED = { id: 'http://adlnet.gov/expapi/verbs/answered', display: { en: 'answered' } };

  // {"shown": {fx: 6, …} (never a hidden result), "answers": [{id, label, value, correct, attempts, revealed}]}.
  function readResults(module) {
    return JSON.parse(module.UTF8ToString(module._bp_results()));
  }

  // An answer event: the attempt, with an xAPI-shaped statement whose object is the exercise's link.
  function answerEvent(attempt, link) {
    const statement = {
      verb: ANSWERED,
      object: { objectType: 'Activity', id: link },
      result: { success: attempt.success, response: String(attempt.response) },
    };
    return Object.assign({}, attempt, { statement });
  }

  // Checks `value` for the asked quantity `id` as the canvas's Check button would; the answer event follows.
  function submitAnswer(module, id, value) {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof id !== 'string' || typeof number !== 'number' || Number.isNaN(number) && value !== 'NaN') {
      throw new Error('answer(id, value): id is an asked quantity such as \'slope\', value a number');
    }
    const bytes = module.lengthBytesUTF8(id) + 1;
    const ptr = module._malloc(bytes);
    module.stringToUTF8(id, ptr, bytes);
    const attempt = JSON.parse(module.UTF8ToString(module._bp_answer(ptr, number)));
    module._free(ptr);
    if (attempt.error) {
      const error = new Error('answer(' + JSON.stringify(id) + '): ' + attempt.error);
      error.pending = Boolean(attempt.pending);  // the quantity is asked but has no true value yet
      throw error;
    }
    return attempt;
  }

  // instance.submitAnswer(id, value): a promise of answer(id, value) that waits for what answer() cannot yet
  // do: the instance to be ready, then the asked quantity's true value (a function still compiling), up to
  // 5 s; any other refusal (an id not asked) after 300 ms, as a state just set takes effect at the next frame.
  function submitAnswerWhenReady(instance, id, value) {
    const started = performance.now();
    return instance.ready.then(() => new Promise((resolve, reject) => {
      const attempt = () => {
        try {
          resolve(instance.answer(id, value));
        } catch (error) {
          const waited = performance.now() - started;
          if (waited < (error.pending ? 5000 : 300)) setTimeout(attempt, 50);
          else reject(error);
        }
      };
      attempt();
    }));
  }

  // instance.getResults(), instance.answer(id, value) and instance.submitAnswer(id, value).
  function addExerciseMethods(instance, live) {
    instance.getResults = () => readResults(live()).answers;
    instance.answer = (id, value) => submitAnswer(live(), id, value);
    instance.submitAnswer = (id, value) => submitAnswerWhenReady(instance, id, value);
  }

  // The WebGL2 context attributes the app asks for (web/platform/platform_emscripten.cpp, init()).
  const CONTEXT_ATTRIBUTES = { alpha: false, antialias: false, depth: false, stencil: false, preserveDrawingBuffer: true };

  // Why this browser cannot run the playground, or '' when it can. The WebGL2 check creates the
  // app's own context on its canvas, with the app's attributes: the app then gets this context back
  // instead of a second one (a throwaway context cost 150 ms of the start under a software renderer).
  function missingSupport(canvas) {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      return 'This browser cannot run WebAssembly, which Backprop Playground needs. Try a current Firefox, Chrome, Safari or Edge.';
    }
    try {
      if (canvas.getContext('webgl2', CONTEXT_ATTRIBUTES)) return '';
    } catch (e) { /* reported below */ }
    return 'This browser or device has WebGL2 switched off or missing, and Backprop Playground draws with it. ' +
           'Try another browser, or turn on hardware acceleration in its settings.';
  }

  // A size given to mount() (a number of CSS px or any CSS length), set through the CSSOM, which a strict
  // Content-Security-Policy allows (a style="" attribute it blocks). Without one the element's own CSS decides.
  function setSize(element, options) {
    const length = (value) => (typeof value === 'number' ? value + 'px' : String(value));
    if (options.height !== undefined) element.style.height = length(options.height);
    if (options.width !== undefined) element.style.width = length(options.width);
  }

  // The fix under a failure's message: a line to copy, then what follows it.
  function showFix(status, { code, after }) {
    const line = document.createElement('code');
    line.className = 'bp-fix';
    line.textContent = code;
    Object.assign(line.style, { display: 'block', maxWidth: '40em', overflowWrap: 'anywhere', userSelect: 'all',
      font: '15px/1.4 monospace', background: 'rgba(127,127,127,0.15)', padding: '0.4em 0.6em', borderRadius: '4px' });
    status.appendChild(line);
    if (after) {
      const text = document.createElement('p');
      text.className = 'bp-fix';
      text.textContent = after;
      status.appendChild(text);
    }
  }

  // --- many instances on one page: theme of the loading box, visibility, WebGL contexts -------------

  // The loading box's colours follow the instance's theme (embed option theme=light|dark|auto), as the
  // app's window background does (web/app/widgets/theme.cpp): a dark page never flashes a grey box.
  function isDarkTheme(embed) {
    const theme = typeof embed === 'string' ? new URLSearchParams(embed.replace(/^[?#]/, '')).get('theme')
                                            : embed && embed.theme;
    if (theme === 'dark') return true;
    return theme === 'auto' && !!window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  }

  // Whether an element is within VIEW_MARGIN_PX of the window's view, measured now (the
  // IntersectionObserver says the same later, asynchronously).
  const VIEW_MARGIN_PX = 100;
  function isInView(element) {
    const box = element.getBoundingClientRect();
    return box.bottom > -VIEW_MARGIN_PX && box.top < innerHeight + VIEW_MARGIN_PX &&
           box.right > -VIEW_MARGIN_PX && box.left < innerWidth + VIEW_MARGIN_PX;
  }

  // Browsers keep only so many WebGL contexts live per page (Chromium and Safari: 16; the 17th takes
  // the oldest one's, which then goes blank). The instances of a page hold at most CONTEXT_BUDGET
  // between them, leaving room for the host's own: an instance that needs one (it starts, or is
  // scrolled to) takes the context of the instance longest out of view, which shows a placeholder
  // saying so until it is scrolled to; without one to take it waits for one to start. An instance in
  // view, or one the reader clicked to resume, is never refused (the budget gives way instead).
  const CONTEXT_BUDGET = 8;
  const graphics = { live: new Set(), waiting: [] };

  // `life`: { visible, urgent, seenAt, started, grant(), release() } of one instance.
  function requestContext(life) {
    if (!graphics.waiting.includes(life)) graphics.waiting.push(life);
    const first = (l) => Number(l.visible || l.urgent);
    graphics.waiting.sort((a, b) => first(b) - first(a));  // stable: otherwise in the order asked
    grantContexts();
  }

  function grantContexts() {
    while (graphics.waiting.length) {
      const life = graphics.waiting[0];
      if (graphics.live.size >= CONTEXT_BUDGET) {
        const spare = [...graphics.live].filter((l) => l.started && !l.visible).sort((a, b) => a.seenAt - b.seenAt)[0];
        if (spare) {
          graphics.live.delete(spare);
          spare.release();
        } else if (!life.visible && !life.urgent) {
          return;  // until an instance starts or goes out of view
        }
      }
      graphics.waiting.shift();
      life.urgent = false;
      graphics.live.add(life);
      life.grant();
    }
  }

  // The instance lost its context (the browser took it, or it was destroyed): room for another.
  function dropContext(life) {
    graphics.live.delete(life);
    graphics.waiting = graphics.waiting.filter((l) => l !== life);
    grantContexts();
  }

  // The box over the canvas that says what the instance is doing: loading, stopped (why), or paused
  // without graphics (why, and a button to resume). Coloured as the theme.
  function statusBox(ids, n, dark) {
    const status = document.createElement('div');
    status.id = ids.status || 'bp-status-' + n;
    status.setAttribute('role', 'status');
    status.className = 'bp-status';
    status.style.cssText = 'position:absolute;inset:0;display:flex;flex-direction:column;align-items:center;' +
                           'justify-content:center;font:16px/1.4 sans-serif;text-align:center;padding:1em;' +
                           (dark ? 'background:#1c1f21;color:#ebebeb' : 'background:#f7f7f5;color:#1f1f1f');
    const text = document.createElement('p');
    text.id = ids.statusText || status.id + '-text';
    text.style.maxWidth = '40em';
    text.textContent = 'Loading Backprop Playground…';
    status.appendChild(text);
    const button = (label, onClick) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.style.cssText = 'font:inherit;padding:0.4em 1.4em;margin-top:0.6em;cursor:pointer';
      b.addEventListener('click', onClick);
      return b;
    };
    const show = (message, role = 'status') => {
      status.querySelectorAll('button').forEach((b) => b.remove());
      text.textContent = message;
      status.setAttribute('role', role);
      status.classList.remove('hidden');
      status.style.display = 'flex';
    };
    return {
      element: status,
      text,
      show,
      hide() {
        status.style.display = 'none';
        status.classList.add('hidden');
      },
      // A button under the message (Reload, Resume); show() takes it away again.
      addButton(label, onClick) {
        return status.appendChild(button(label, onClick));
      },
    };
  }

  function mount(element, options = {}) {
    if (!(element instanceof Element)) throw new Error('mount(element, options): element must be a DOM element');
    const ids = options.ids || {};
    const n = ++count;
    const base = options.base ? baseUrl(String(options.base), location.href) : defaultBase;
    // The app's files download and compile while the instance is built and its WebGL2 context created:
    // start() waits until both are asked for. Creating the context blocks the page (a software renderer
    // took 150 ms, 1.3 s at 4× CPU throttling), and created first it held back the downloads' requests.
    // Asked for before anything here touches the page's layout.
    const loading = typeof WebAssembly === 'object' ? loadApp(base) : null;
    setSize(element, options);
    const holder = document.createElement('div');
    holder.className = 'bp-playground';
    holder.style.cssText = 'position:relative;width:100%;height:100%;overflow:hidden';
    let canvas = document.createElement('canvas');
    canvas.id = ids.canvas || 'bp-canvas-' + n;
    canvas.tabIndex = 0;
    canvas.setAttribute('aria-label', 'Backprop Playground: plots and graphs drawn by the app; the description follows. ' +
                        'Tab and Shift+Tab move through its controls and on out of it; Escape leaves a field, then the playground');
    // The app draws its own focus ring (on the control that has the keyboard). pan-y: a swipe up or
    // down that does not start on something the app drags scrolls the page, so a reader can always
    // scroll past an embedded playground (web/platform/platform_emscripten.cpp, on_one_finger).
    canvas.style.cssText = 'position:absolute;inset:0;width:100%;height:100%;display:block;outline:none;touch-action:pan-y';
    const box = statusBox(ids, n, isDarkTheme(options.embed));
    const status = box.element;
    const description = document.createElement('div');
    description.id = ids.description || 'bp-description-' + n;
    description.setAttribute('aria-live', 'polite');
    description.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap';
    // What the app announces at once (page::announce: a value a key just changed), beside the
    // description, which waits for the view to settle.
    const announcement = document.createElement('div');
    announcement.id = ids.announcement || 'bp-announcement-' + n;
    announcement.setAttribute('aria-live', 'polite');
    announcement.setAttribute('aria-atomic', 'true');
    announcement.style.cssText = description.style.cssText;
    holder.append(canvas, status, description, announcement);
    // The playground replaces what the element held: its fallback for pages without JavaScript (a
    // picture, a link) goes at once, and comes back under the message if the playground cannot start.
    const fallback = Array.from(element.childNodes);
    element.replaceChildren(holder);

    const handlers = { change: [], link: [], ready: [], answer: [] };
    let module = null;
    let lastHash = '';
    let destroyed = false;
    let stopped = false;
    let outOfMemory = false;
    let config = {};  // the module's settings; the module adds its own fields (memoryLimitBytes)
    // Shows why the playground cannot run, in its own box; `fix`: a line to copy (a command, a header, a
    // policy directive) and the text after it. A Reload button only where reloading can help.
    const fail = (message, reload = false, fix = {}) => {
      status.classList.add('error');
      box.show(message, 'alert');
      status.style.overflow = 'auto';
      box.text.style.overflowWrap = 'anywhere';  // long URLs wrap on a phone
      for (const old of status.querySelectorAll('.bp-fix')) old.remove();
      if (fix.code) showFix(status, fix);
      if (reload) box.addButton('Reload', () => location.reload()).focus({ preventScroll: true });
    };
    // Could not start at all: the author's fallback content, if any, under the message.
    const failToStart = (message, reload = false, fix = {}) => {
      fail(message, reload, fix);
      if (fallback.length && !status.querySelector('.bp-fallback')) {
        const kept = document.createElement('div');
        kept.className = 'bp-fallback';
        kept.append(...fallback);
        status.appendChild(kept);
      }
    };
    // The module stopped (Emscripten's abort(): out of memory, or a bug). Nothing more is drawn or
    // reported, so the page's link (the address bar on the playground page) keeps the last state.
    const stop = (what) => {
      if (stopped) return;
      stopped = true;
      try { if (module) module._bp_stop(); } catch (e) { /* already stopped */ }
      const kept = options.reloadKeepsState ? ' Your work is kept in the link in the address bar: reloading opens it again.'
                                            : ' Reload the page to start again.';
      if (outOfMemory || /\bOOM\b|out of memory/i.test(what)) {
        const bytes = config && config.memoryLimitBytes;
        const limit = bytes >= 2 ** 30 ? bytes / 2 ** 30 + ' GB' : bytes ? Math.round(bytes / 2 ** 20) + ' MB' : '';
        fail('Backprop Playground ran out of memory: it reached the ' + (limit ? limit + ' ' : '') +
             'memory limit of the page and stopped.' + kept, true);
      } else {
        fail('Backprop Playground stopped: ' + (what || 'an internal error') + '.' + kept, true);
      }
    };
    const call = (name, text) => {
      const bytes = module.lengthBytesUTF8(text) + 1;
      const ptr = module._malloc(bytes);
      if (!ptr) {  // the heap is at its limit
        outOfMemory = true;
        stop('out of memory');
        throw new Error('Backprop Playground ran out of memory');
      }
      module.stringToUTF8(text, ptr, bytes);
      module['_' + name](ptr);
      module._free(ptr);
    };
    const live = () => {
      if (!module || destroyed) throw new Error('this playground is not ready yet (await instance.ready) or was destroyed');
      if (stopped) throw new Error('this playground stopped (its message says why)');
      return module;
    };

    // --- out of view, hidden tab, WebGL context: pause and resume -----------------------------------
    // An instance out of view (or in a hidden tab) draws nothing and trains nothing; one without a
    // WebGL context (the page's budget gave it to another) shows why until it gets one back.
    const LOST_BY_US = 'Paused to save graphics memory — scroll to it or click to resume.';
    const LOST_BY_BROWSER = 'Paused: the browser took back this playground\'s graphics memory — click to resume.';
    const life = {
      visible: isInView(holder),
      urgent: false,
      seenAt: performance.now(),
      started: false,
      context: 'none',  // 'live', 'released' (given to another instance), 'lost' (taken by the browser)
      grant: () => {
        if (life.context === 'none') {
          life.context = 'live';
          start();
        } else {
          life.context = 'live';
          box.show('Resuming…');
          restore();
        }
      },
      release: () => {
        life.context = 'released';
        releasedByUs = true;
        const ext = contextExtension();
        if (ext) ext.loseContext();
      },
    };
    let contextExt = null;
    const contextExtension = () => {
      if (!contextExt && canvas) {
        const gl = canvas.getContext('webgl2', CONTEXT_ATTRIBUTES);
        contextExt = gl && gl.getExtension('WEBGL_lose_context');
      }
      return contextExt;
    };
    // The browser allows a restore only once its lost event has been handled (and default-prevented, as
    // the platform layer does): a restore asked for before that waits for it.
    let lostEventSeen = false;
    let releasedByUs = false;
    let restoring = null;
    const restore = () => {
      const ext = contextExtension();
      if (!lostEventSeen || !ext || destroyed) return;
      ext.restoreContext();
      clearTimeout(restoring);
      restoring = setTimeout(() => { if (life.context === 'live' && lostEventSeen) offerResume(LOST_BY_BROWSER); }, 3000);
    };
    const offerResume = (message) => {
      box.show(message);
      box.addButton('Resume', () => {
        life.urgent = true;
        requestContext(life);
      });
    };
    const updatePause = () => {
      if (!module || destroyed || stopped) return;
      const paused = !(life.visible && !document.hidden && life.context === 'live');
      module._bp_set_paused(paused ? 1 : 0);
      // Paused before its first frame: its state answers already; it draws when scrolled to.
      if (paused) becomeReady();
    };
    const onContextLost = () => {
      if (destroyed) return;
      lostEventSeen = true;
      if (!releasedByUs) {  // the browser took it: its limit of contexts, or the GPU
        life.context = 'lost';
        dropContext(life);
      }
      if (life.context === 'live') {
        restore();  // granted again before the loss was reported
      } else {
        offerResume(life.context === 'released' ? LOST_BY_US : LOST_BY_BROWSER);
      }
      updatePause();
    };
    const onContextRestored = () => {
      if (destroyed) return;
      lostEventSeen = false;
      releasedByUs = false;
      clearTimeout(restoring);
      restoring = null;
      if (life.context !== 'live') {  // the browser gave it back by itself
        life.context = 'live';
        graphics.live.add(life);
        graphics.waiting = graphics.waiting.filter((l) => l !== life);
      }
      updatePause();
      // The app redraws everything in its next frame (platform_emscripten.cpp on_context_restored).
      requestAnimationFrame(() => requestAnimationFrame(() => { if (life.context === 'live') box.hide(); }));
    };
    const onView = (entries) => {
      const visible = entries[entries.length - 1].isIntersecting;
      if (visible === life.visible) return;
      life.visible = visible;
      life.seenAt = performance.now();
      if (visible && life.context === 'released') requestContext(life);
      else if (!visible) grantContexts();  // its context may go to an instance waiting for one
      updatePause();
    };
    const onPageVisibility = () => updatePause();
    canvas.addEventListener('webglcontextlost', onContextLost);
    canvas.addEventListener('webglcontextrestored', onContextRestored);
    document.addEventListener('visibilitychange', onPageVisibility);
    const view = typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(onView, { rootMargin: VIEW_MARGIN_PX + 'px' }) : null;
    if (view) view.observe(holder);

    const instance = {
      element: holder,
      canvas,
      // The state as an object, every key (x0, h, eta are numbers, the rest strings).
      getState() {
        return parseHash(live().UTF8ToString(live()._bp_get_state()));
      },
      // Merges `state` (an object, or a link's hash) into the current state.
      setState(state) {
        live();
        const next = typeof state === 'string' ? parseHash(state) : Object.assign(instance.getState(), state);
        call('bp_set_state', toHash(next));
      },
      // A link to the playground page showing exactly this state.
      shareUrl() {
        const page = options.shareBase || new URL('index.html', base).href;
        return page.replace(/#.*$/, '') + '#' + toHash(instance.getState());
      },
      on(event, handler) {
        if (!handlers[event]) throw new Error(`unknown event '${event}': use 'change', 'link', 'answer' or 'ready'`);
        handlers[event].push(handler);
        return instance;
      },
      off(event, handler) {
        if (handlers[event]) handlers[event] = handlers[event].filter((h) => h !== handler);
        return instance;
      },
      // Gives the playground the keyboard without a focus ring (as a click would): the next Tab goes to
      // its first control.
      focus() {
        if (!config || !canvas) return;
        config.quietFocus = true;
        canvas.focus({ preventScroll: true });
        config.quietFocus = false;
      },
      // The canvas as a PNG data URL, at its device resolution.
      screenshot() {
        live();
        return canvas.toDataURL('image/png');
      },
      // Frees the instance: its frames, listeners, observers, timers, WebGL context and module (heap
      // included) go; the element is left empty. Calls after it throw, except destroy() itself.
      destroy() {
        if (destroyed) return;
        destroyed = true;
        const ext = contextExtension();
        if (module) module._bp_shutdown();
        if (ext && life.context === 'live') ext.loseContext();  // frees the GPU's memory now, not at GC
        dropContext(life);
        resize.disconnect();
        if (view) view.disconnect();
        document.removeEventListener('visibilitychange', onPageVisibility);
        canvas.removeEventListener('webglcontextlost', onContextLost);
        canvas.removeEventListener('webglcontextrestored', onContextRestored);
        clearTimeout(restoring);
        holder.remove();
        const sink = document.getElementById(canvas.id + '-text');
        if (sink) sink.remove();
        // Nothing of the instance may keep the module alive: a page often keeps the instance object.
        module = null;
        config = null;
        canvas = null;
        contextExt = null;
        handlers.change = [];
        handlers.link = [];
        handlers.ready = [];
        delete instance.module;
        instance.canvas = null;
        instance.element = null;
      },
    };

    addExerciseMethods(instance, live);

    const resize = new ResizeObserver(() => { if (module && !destroyed) module._bp_wake(); });
    resize.observe(holder);
    resize.observe(canvas);  // the app reads the canvas's size only when told it may have changed

    const app = loading ? loading.loaded : Promise.reject(new Error('no WebAssembly'));
    const appRequested = loading ? loading.requested : Promise.resolve();
    app.catch(() => {});  // reported below, when it matters
    let resolveReady, rejectReady;
    instance.ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
    instance.ready.catch(() => {});  // failures are shown in the element; awaiting code still sees them
    let isReady = false;
    const becomeReady = () => {
      if (isReady || destroyed) return;
      isReady = true;
      resolveReady(instance);
      for (const handler of handlers.ready) handler(instance);
    };
    // Called once the instance holds a WebGL context of the page's budget (at once, unless the page
    // has many instances and this one is out of view).
    function start() {
      appRequested.then(() => { if (!destroyed) startWithRequestsOut(); });
    }
    function startWithRequestsOut() {
      const problem = missingSupport(canvas);
      if (problem) {
        failToStart(problem);
        dropContext(life);
        return rejectReady(new Error(problem));
      }
      app.then(({ createPlayground, wasmModule, asset }) => new Promise((resolve, reject) => createPlayground(Object.assign(config, {
        canvas,
        initialState: options.state === undefined ? '' : toHash(options.state),
        embedOptions: options.embed === undefined ? '' : toHash(options.embed),
        locateFile: (path) => asset(path),
        // Every instance on the page instantiates the one module compiled by loadApp (memory of its own).
        instantiateWasm(imports, receiveInstance) {
          WebAssembly.instantiate(wasmModule, imports).then((wasm) => receiveInstance(wasm, wasmModule),
            (e) => reject(new Error('Backprop Playground could not start: ' + (e && e.message))));  // shown below
          return {};
        },
        onStateChange(hash, fullState) {
          if (stopped || destroyed) return;  // the link keeps the last state from before
          lastHash = hash;
          for (const handler of handlers.link) handler(hash);
          // The state object and the results only for 'change' handlers: reading them took 1.2 ms of a drag's
          // frame at 4× CPU throttling, ten times a second, with only the address bar listening.
          if (!handlers.change.length) return;
          const state = parseHash(fullState);
          const results = module ? readResults(module).shown : {};  // what is shown, never what is hidden
          for (const handler of handlers.change) handler(state, hash, results);
        },
        onDescription(text) {  // handed over once it has stood still for a second (state/description.cpp)
          description.textContent = text;
        },
        onAnswer(json) {
          if (stopped || destroyed) return;
          const event = answerEvent(JSON.parse(json), instance.shareUrl());
          for (const handler of handlers.answer) handler(event);
        },
        onAnnounce(text) {
          announcement.textContent = text;
        },
        onReady() {  // the first frame is drawn
          // On the page's own clock (from navigation start), for the page's analytics and our benchmarks.
          try {
            performance.mark('backprop-playground:first-frame', { detail: { canvas: canvas.id } });
          } catch (e) { /* a browser without User Timing marks */ }
          if (life.context === 'live') box.hide();
          becomeReady();
        },
        onOutOfMemory() { outOfMemory = true; },
        onAbort: (what) => stop(String(what || '')),
        print: (text) => console.log(text),
        printErr: (text) => console.warn(text),
      })).then(resolve, reject))).then((m) => {
        if (destroyed) {  // destroyed while loading
          m._bp_shutdown();
          return;
        }
        module = m;
        instance.module = m;
        life.started = true;
        updatePause();
        grantContexts();  // this one may now give its context to an instance waiting for one
      }).catch((e) => {
        // A stop has said why already.
        if (!stopped) failToStart((e && e.message) || String(e), Boolean(e && e.reload), { code: e && e.code, after: e && e.after });
        dropContext(life);
        rejectReady(e);
      });
    }
    requestContext(life);
    Object.defineProperty(instance, 'lastHash', { get: () => lastHash });
    return instance;
  }

  window.BackpropPlayground = { mount, parseHash, toHash };
})();
