// Backprop Playground for pages that include it: BackpropPlayground.mount(element, options) puts an
// independent playground in `element` and returns { ready, getState, setState, shareUrl, on, off,
// getResults, answer, screenshot, destroy }. Several instances work side by side. Used by index.html too.
// docs/embedding.md has the options and copy-paste snippets.
(function () {
  'use strict';
  const scriptUrl = document.currentScript ? document.currentScript.src : location.href;
  const root = new URL('..', scriptUrl);  // web/embed.js → the playground's folder
  const NUMBERS = new Set(['x0', 'h', 'eta']);
  let loading = null;
  let count = 0;

  // The release's version (dist/version.json): every asset URL carries it, so caches never mix releases.
  let version = '';
  async function loadVersion() {
    try {
      const response = await fetch(new URL('dist/version.json', root).href, { cache: 'no-store' });
      version = (await response.json()).version || '';
    } catch (e) {
      version = '';  // not built with a version (or unreachable): plain URLs
    }
  }
  const versioned = (path) => new URL(path + (version ? '?v=' + version : ''), root).href;

  function loadApp() {
    if (!loading) {
      loading = loadVersion().then(() => new Promise((resolve, reject) => {
        if (typeof window.createPlayground === 'function') return resolve();
        const script = document.createElement('script');
        script.src = versioned('dist/playground.js');
        script.onload = () => resolve();
        script.onerror = () => reject(new Error('Backprop Playground could not be loaded (dist/playground.js).'));
        document.head.appendChild(script);
      }));
    }
    return loading;
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
    if (attempt.error) throw new Error('answer(' + JSON.stringify(id) + '): ' + attempt.error);
    return attempt;
  }

  // instance.getResults() and instance.answer(id, value).
  function addExerciseMethods(instance, live) {
    instance.getResults = () => readResults(live()).answers;
    instance.answer = (id, value) => submitAnswer(live(), id, value);
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

  function mount(element, options = {}) {
    if (!(element instanceof Element)) throw new Error('mount(element, options): element must be a DOM element');
    const ids = options.ids || {};
    const n = ++count;
    const holder = document.createElement('div');
    holder.className = 'bp-playground';
    holder.style.cssText = 'position:relative;width:100%;height:100%;overflow:hidden';
    const canvas = document.createElement('canvas');
    canvas.id = ids.canvas || 'bp-canvas-' + n;
    canvas.tabIndex = 0;
    canvas.setAttribute('aria-label', 'Backprop Playground: plots and graphs drawn by the app; the description follows. ' +
                        'Tab and Shift+Tab move through its controls and on out of it; Escape leaves a field, then the playground');
    // The app draws its own focus ring (on the control that has the keyboard). pan-y: a swipe up or
    // down that does not start on something the app drags scrolls the page, so a reader can always
    // scroll past an embedded playground (web/platform/platform_emscripten.cpp, on_one_finger).
    canvas.style.cssText = 'position:absolute;inset:0;width:100%;height:100%;display:block;outline:none;touch-action:pan-y';
    const status = document.createElement('div');
    status.id = ids.status || 'bp-status-' + n;
    status.setAttribute('role', 'status');
    status.className = 'bp-status';
    status.style.cssText = 'position:absolute;inset:0;display:flex;align-items:center;justify-content:center;' +
                           'background:#f7f7f5;font:16px/1.4 sans-serif;color:#1f1f1f;text-align:center;padding:1em';
    const statusText = document.createElement('p');
    statusText.id = ids.statusText || status.id + '-text';
    statusText.textContent = 'Loading Backprop Playground…';
    status.appendChild(statusText);
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
    element.appendChild(holder);

    const handlers = { change: [], ready: [], answer: [] };
    let module = null;
    let lastHash = '';
    let describing = null;
    let destroyed = false;
    let stopped = false;
    let outOfMemory = false;
    const config = {};  // the module's settings; the module adds its own fields (memoryLimitBytes)
    const fail = (message, reload = false) => {
      status.classList.add('error');
      status.classList.remove('hidden');
      status.style.display = 'flex';
      status.style.flexDirection = 'column';
      statusText.textContent = message;
      statusText.style.maxWidth = '40em';
      status.setAttribute('role', 'alert');
      if (reload && !status.querySelector('button')) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = 'Reload';
        button.style.cssText = 'font:inherit;padding:0.4em 1.4em;margin-top:0.6em;cursor:pointer';
        button.addEventListener('click', () => location.reload());
        status.appendChild(button);
        button.focus({ preventScroll: true });
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
        const bytes = config.memoryLimitBytes;
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

    const instance = {
      element: holder,
      canvas,
      // The state as an object (x0, h, eta are numbers, the rest strings).
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
        const page = options.shareBase || new URL('index.html', root).href;
        return page.replace(/#.*$/, '') + '#' + toHash(instance.getState());
      },
      on(event, handler) {
        if (!handlers[event]) throw new Error(`unknown event '${event}': use 'change', 'answer' or 'ready'`);
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
        config.quietFocus = true;
        canvas.focus({ preventScroll: true });
        config.quietFocus = false;
      },
      // The canvas as a PNG data URL, at its device resolution.
      screenshot() {
        live();
        return canvas.toDataURL('image/png');
      },
      destroy() {
        if (destroyed) return;
        destroyed = true;
        if (module) module._bp_stop();
        resize.disconnect();
        holder.remove();
        const sink = document.getElementById(canvas.id + '-text');
        if (sink) sink.remove();
      },
    };

    addExerciseMethods(instance, live);

    const resize = new ResizeObserver(() => { if (module && !destroyed) module._bp_wake(); });
    resize.observe(holder);

    // The app's files download while the WebGL2 context is created (a software renderer takes 150 ms).
    const app = typeof WebAssembly === 'object' ? loadApp() : Promise.reject(new Error('no WebAssembly'));
    app.catch(() => {});  // reported below, when it matters
    const problem = missingSupport(canvas);
    instance.ready = problem
      ? Promise.reject(new Error(problem)).catch((e) => { fail(e.message); throw e; })
      : app.then(() => new Promise((resolve, reject) => {
        window.createPlayground(Object.assign(config, {
          canvas,
          initialState: options.state === undefined ? '' : toHash(options.state),
          embedOptions: options.embed === undefined ? '' : toHash(options.embed),
          locateFile: (path) => versioned('dist/' + path),
          onStateChange(hash) {
            if (stopped) return;  // the link keeps the last state from before
            lastHash = hash;
            const state = parseHash(hash);
            const results = module ? readResults(module).shown : {};  // what is shown, never what is hidden
            for (const handler of handlers.change) handler(state, hash, results);
          },
          onDescription(text) {
            clearTimeout(describing);
            describing = setTimeout(() => { description.textContent = text; }, 1000);
          },
          onAnswer(json) {
            if (stopped) return;
            const event = answerEvent(JSON.parse(json), instance.shareUrl());
            for (const handler of handlers.answer) handler(event);
          },
          onAnnounce(text) {
            announcement.textContent = text;
          },
          onReady() {
            status.style.display = 'none';
            status.classList.add('hidden');
            resolve(instance);
            for (const handler of handlers.ready) handler(instance);
          },
          onOutOfMemory() { outOfMemory = true; },
          onAbort: (what) => stop(String(what || '')),
          print: (text) => console.log(text),
          printErr: (text) => console.warn(text),
        })).then((m) => { module = m; instance.module = m; }).catch((e) => {
          if (!stopped) fail('Backprop Playground could not start: ' + e);  // a stop has said why already
          reject(e);
        });
      })).catch((e) => { if (!stopped) fail(e.message || String(e)); throw e; });
    instance.ready.catch(() => {});  // failures are shown in the element; awaiting code still sees them
    Object.defineProperty(instance, 'lastHash', { get: () => lastHash });
    return instance;
  }

  window.BackpropPlayground = { mount, parseHash, toHash };
})();
