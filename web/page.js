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
  script.onload = () => {
    createPlayground({
      canvas,
      onReady: () => status.classList.add('hidden'),
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      onAbort: (what) => fail('Backprop Playground stopped: ' + what + '. Reload the page to start again.'),
    }).catch((e) => fail('Backprop Playground could not start: ' + e));
  };
  document.body.appendChild(script);
  window.addEventListener('load', () => canvas.focus());
})();
