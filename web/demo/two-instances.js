// Mounts two independent playgrounds, each with its own example, and shows their state in captions.
(function () {
  'use strict';
  const left = BackpropPlayground.mount(document.getElementById('left'), {
    state: { mode: 'function', expr: 'f(x) = 2x²−3x+4', x0: 0.75, h: 1e-6 },
  });
  const right = BackpropPlayground.mount(document.getElementById('right'), {
    state: 'mode=graph',
  });
  left.on('change', (state) => {
    document.getElementById('left-caption').textContent = `${state.expr} at x₀ = ${state.x0}`;
  });
  right.on('change', (state) => {
    document.getElementById('right-caption').textContent = `graph mode, inputs ${state.vals || 'as in the program'}`;
  });
  window.instances = { left, right };  // for the page's tests
})();
