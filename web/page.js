// The playground page: one full-window instance (web/embed.js), its state mirrored in the address
// bar, window.playground for scripts and tests, and the postMessage protocol when in an iframe.
(function () {
  'use strict';
  const app = document.getElementById('app');
  const params = new URLSearchParams(location.search);
  const instance = BackpropPlayground.mount(app, {
    state: location.hash,
    ids: { canvas: 'canvas', status: 'status', statusText: 'status-text', description: 'description',
           announcement: 'announcement' },
    shareBase: location.href.replace(/[?#].*$/, ''),
    embed: location.search.replace(/^\?/, ''),  // ?embed=1&hide=…&lock=…&zoom=… (docs/embedding.md)
    reloadKeepsState: true,  // the address bar holds the state: a reload after a stop reopens it
  });

  // Every change reaches the address bar a quarter second later, replacing the history entry rather
  // than adding one per keystroke, and at most once a second: while a network trains its weights change
  // 4 times a second, and each replaceState cost 12 ms of main-thread time at 4× CPU throttling. The
  // timer is not restarted by later changes (changes every 250 ms would put it off for ever); it writes
  // the latest.
  let written = location.hash.replace(/^#/, '');
  let latest = written;
  let pending = null;
  let writtenAt = -Infinity;
  instance.on('link', (hash) => {
    latest = hash;
    if (pending !== null) return;
    pending = setTimeout(() => {
      pending = null;
      if (latest === written) return;
      written = latest;
      writtenAt = performance.now();
      history.replaceState(null, '', location.pathname + location.search + '#' + latest);
    }, Math.max(250, writtenAt + 1000 - performance.now()));
  });
  window.addEventListener('hashchange', () => {
    const hash = location.hash.replace(/^#/, '');
    if (hash !== written) {
      written = hash;
      try {
        instance.setState(hash);
      } catch (e) {
        console.warn(e.message);  // not ready yet, or stopped: the page shows why
      }
    }
  });

  instance.ready.then(() => {
    window.playground = {
      getState: () => instance.getState(),
      setState: (state) => instance.setState(state),
      shareUrl: () => instance.shareUrl(),
      screenshot: () => instance.screenshot(),
      on: (event, handler) => instance.on(event, handler),
      getResults: () => instance.getResults(),
      answer: (id, value) => instance.answer(id, value),
      frameStats: () => embedded('frameStats'),
      frameBuildTimes: () => embedded('frameBuildTimes'),
      resetFrameStats: () => embedded('resetFrameStats'),
      networkOutput: (x1, x2, k = 0) => embedded('networkOutput', x1, x2, k),
      gallery: () => embedded('gallery'),
      // For tests only, never called by the page: fillHeap fills the heap to its limit as a runaway
      // computation would (heap.test.mjs); controls lists the controls with their boxes (keyboard.test.mjs);
      // layout says where the last frame drew each mode's pictures (layout.test.mjs); framesDrawn counts
      // the frames drawn since the start (instances.test.mjs: none while out of view).
      testHooks: {
        fillHeap: () => embedded('testHookFillHeap'), controls: () => embedded('testHookControls'),
        layout: () => embedded('layout'),
        framesDrawn: () => embedded('framesDrawn'),
      },
    };
    // The page is its own embedder: the canvas takes the keyboard at once (an embed waits for a click).
    if (window.parent === window) instance.focus();
    registerServiceWorker();
  }, () => {});  // a page that cannot start says why in its box (embed.js), not as an uncaught rejection

  // Offline after the first visit (sw.js, beside index.html): only for the stand-alone page, never inside an
  // iframe (a host's page; an absent sw.js would log a 404 in each), and only for the playground's own
  // folder. A page that cannot register one works as before.
  function registerServiceWorker() {
    if (window.parent !== window || !('serviceWorker' in navigator) || !window.isSecureContext) return;
    navigator.serviceWorker.register('sw.js', { scope: './' }).catch(() => {});
  }

  // Each checked answer of an exercise reaches the host page as { type: 'bp:answer', …attempt, statement }.
  function postAnswers(origins) {
    instance.on('answer', (event) => {
      for (const origin of origins) window.parent.postMessage(Object.assign({ type: 'bp:answer' }, event), origin);
    });
  }

  // The origins of ?origins=, each as a browser writes event.origin: scheme, host and port, lower case,
  // the scheme's default port left out (https://Course.Example:443/lessons/ → https://course.example).
  // What follows the host (a path, a trailing /, a query) is ignored; an entry that is no http(s)
  // address is skipped with a warning (a page cannot be allowed by name alone, nor '*' or 'null').
  function allowedOrigins(list) {
    const origins = [];
    for (const entry of list.split(',').map((o) => o.trim()).filter(Boolean)) {
      let url = null;
      try { url = new URL(entry); } catch (e) { /* reported below */ }
      if (url && (url.protocol === 'https:' || url.protocol === 'http:')) {
        origins.push(url.origin);
      } else {
        console.warn(`Backprop Playground: ?origins= entry '${entry}' is not an http(s) address such as ` +
                     'https://course.example; messages from it are ignored');
      }
    }
    return origins;
  }

  // Helpers that reach into the module for tests and measurements.
  function embedded(name, ...args) {
    const m = instance.module;
    switch (name) {
      case 'frameStats': {
        const at = m._bp_frame_stats() / 8;
        const f = m.HEAPF64;
        return { frames: f[at], medianMs: f[at + 1], maxMs: f[at + 2], medianBuildMs: f[at + 3], maxBuildMs: f[at + 4],
                 p95BuildMs: f[at + 5] };
      }
      case 'frameBuildTimes': {  // the timed frames' build times (ms), for statistics over several pages
        const n = m.HEAPF64[m._bp_frame_stats() / 8];
        const at = m._bp_frame_build_times() / 8;
        return Array.from(m.HEAPF64.subarray(at, at + n));
      }
      case 'resetFrameStats': return m._bp_reset_frame_stats();
      case 'networkOutput': return m._bp_network_output(args[0], args[1], args[2]);
      case 'gallery': return JSON.parse(m.UTF8ToString(m._bp_gallery()));
      case 'testHookFillHeap': return m._bp_test_hook_fill_heap();
      case 'testHookControls': return JSON.parse(m.UTF8ToString(m._bp_test_hook_controls()));
      case 'layout': return JSON.parse(m.UTF8ToString(m._bp_layout()));
      case 'framesDrawn': return m._bp_frames_drawn();
      default: return undefined;
    }
  }

  // A host page's own answer form: { type: 'bp:submitAnswer', id, quantity, value } is checked as the canvas's
  // Check button would (instance.submitAnswer: it waits for a quantity still being computed, up to 5 s), then
  // answered with { type: 'bp:answerResult', id, result } (the `answer` event's fields, which also follow as
  // bp:answer) or { type: 'bp:answerResult', id, error }.
  function submitFromHost(message, reply) {
    instance.submitAnswer(message.quantity, message.value).then(
      (result) => reply({ type: 'bp:answerResult', result }),
      (error) => reply({ type: 'bp:answerResult', error: error.message }));
  }

  // postMessage protocol for a host page around an iframe (docs/embedding.md). Only origins listed in
  // ?origins=… are answered; messages from any other origin are ignored.
  const allowed = allowedOrigins(params.get('origins') || '');
  if (window.parent !== window) {
    window.addEventListener('message', (event) => {
      if (!allowed.includes(event.origin) || event.source !== window.parent) return;
      const message = event.data;
      if (!message || typeof message !== 'object' || typeof message.type !== 'string') return;
      instance.ready.then(() => {
        const reply = (data) => window.parent.postMessage(Object.assign({ id: message.id }, data), event.origin);
        if (message.type === 'bp:getState') reply({ type: 'bp:state', state: instance.getState() });
        if (message.type === 'bp:getResults') reply({ type: 'bp:results', results: instance.getResults() });
        if (message.type === 'bp:setState' && message.state && typeof message.state === 'object') {
          instance.setState(message.state);
          reply({ type: 'bp:state', state: instance.getState() });
        }
        if (message.type === 'bp:submitAnswer') submitFromHost(message, reply);
      });
    });
    instance.on('change', (state, hash, results) => {
      for (const origin of allowed) window.parent.postMessage({ type: 'bp:change', state, results }, origin);
    });
    postAnswers(allowed);
  }
})();
