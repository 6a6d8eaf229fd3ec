// Starts the app: checks for WebAssembly and WebGL2 first, so a browser without them gets a
// readable message instead of a blank canvas; then loads dist/playground.js and hides the status.
(function () {
  'use strict';
  const status = document.getElementById('status');
  const statusText = document.getElementById('status-text');

  function fail(message) {
    status.classList.remove('hidden');
    status.classList.add('error');
    statusText.textContent = message;
  }

  function hasWebGL2() {
    try {
      return !!document.createElement('canvas').getContext('webgl2');
    } catch (e) {
      return false;
    }
  }

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fail('This browser cannot run WebAssembly, which Backprop Playground needs. Try a current Firefox, Chrome, Safari or Edge.');
    return;
  }
  if (!hasWebGL2()) {
    fail('This browser or device has WebGL2 switched off or missing, and Backprop Playground draws with it. ' +
         'Try another browser, or turn on hardware acceleration in its settings.');
    return;
  }

  const canvas = document.getElementById('canvas');
  const script = document.createElement('script');
  script.src = 'dist/playground.js';
  script.onerror = () => fail('Backprop Playground could not be loaded (dist/playground.js). Reload the page to try again.');
  // The app reports every change of its state; the hash follows a quarter second later, replacing
  // the history entry rather than adding one per keystroke.
  let written = location.hash.replace(/^#/, '');
  let pending = null;
  function onStateChange(hash) {
    clearTimeout(pending);
    pending = setTimeout(() => {
      if (hash === written) return;
      written = hash;
      history.replaceState(null, '', '#' + hash);
    }, 250);
  }

  const NUMBERS = new Set(['x0', 'h', 'eta']);
  function parseHash(hash) {
    const state = {};
    for (const pair of hash.replace(/^#/, '').split('&')) {
      if (!pair) continue;
      const at = pair.indexOf('=');
      const key = decodeURIComponent(pair.slice(0, at));
      const value = decodeURIComponent(pair.slice(at + 1));
      state[key] = NUMBERS.has(key) ? Number(value) : value;
    }
    return state;
  }
  function toHash(state) {
    return Object.entries(state).map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(String(v))).join('&');
  }

  // window.playground: the page's state as an object, settable, and as a link.
  function exposeApi(module) {
    const call = (name, text) => {
      const bytes = module.lengthBytesUTF8(text) + 1;
      const ptr = module._malloc(bytes);
      module.stringToUTF8(text, ptr, bytes);
      module['_' + name](ptr);
      module._free(ptr);
    };
    const getState = () => parseHash(module.UTF8ToString(module._bp_get_state()));
    window.playground = {
      getState,
      setState(state) {
        const next = typeof state === 'string' ? parseHash(state) : Object.assign(getState(), state);
        call('bp_set_state', toHash(next));
      },
      shareUrl() {
        return location.href.replace(/#.*$/, '') + '#' + toHash(getState());
      },
      // The app's own frame timer over the last (at most 240) frames: CPU ms per frame, and per frame
      // built (without handing the vertices to WebGL).
      frameStats() {
        const at = module._bp_frame_stats() / 8;
        const f = module.HEAPF64;
        return { frames: f[at], medianMs: f[at + 1], maxMs: f[at + 2], medianBuildMs: f[at + 3], maxBuildMs: f[at + 4] };
      },
      resetFrameStats() {
        module._bp_reset_frame_stats();
      },
      // The gallery: [{ title, caption, hash }], each hash a link's state.
      gallery() {
        return JSON.parse(module.UTF8ToString(module._bp_gallery()));
      },
      // The network mode's output at a point of the input square [-6, 6]² (from the engine, on the CPU).
      networkOutput(x1, x2) {
        return module._bp_network_output(x1, x2);
      },
    };
  }

  window.addEventListener('hashchange', () => {
    const hash = location.hash.replace(/^#/, '');
    if (hash !== written && window.playground) {
      written = hash;
      window.playground.setState(hash);
    }
  });

  // The app's description of the canvas, at most once a second into the aria-live region.
  const description = document.getElementById('description');
  let describing = null;
  function onDescription(text) {
    clearTimeout(describing);
    describing = setTimeout(() => { description.textContent = text; }, 1000);
  }

  script.onload = () => {
    let module = null;
    createPlayground({
      canvas,
      onStateChange,
      onDescription,
      onReady: () => {
        status.classList.add('hidden');
        if (module) exposeApi(module);
      },
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      onAbort: (what) => fail('Backprop Playground stopped: ' + what + '. Reload the page to start again.'),
    }).then((m) => {
      module = m;
      if (status.classList.contains('hidden')) exposeApi(m);
    }).catch((e) => fail('Backprop Playground could not start: ' + e));
  };
  document.body.appendChild(script);
  window.addEventListener('load', () => canvas.focus());
})();
