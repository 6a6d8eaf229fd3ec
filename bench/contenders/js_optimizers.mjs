// The optimizer race's peer (workload O): six optimizers on Rosenbrock written by hand in JavaScript,
// the gradient coded by hand, torch.optim's update rules with its defaults, and the path kept in
// Float64Arrays (x, y, f per point). What a course author would write without the engine.

// ∇ of (1 - x)² + 100(y - x²)²: (-2(1 - x) - 400x(y - x²), 200(y - x²)).
function rosenbrock(x, y, grad) {
  const r = y - x * x;
  grad[0] = -2 * (1 - x) - 400 * x * r;
  grad[1] = 200 * r;
  return (1 - x) * (1 - x) + 100 * r * r;
}

// One run of `steps` updates from (x0, y0): → { x, y, f } as Float64Arrays of steps + 1 points.
export function handWrittenRun(optimizer, x0, y0, steps) {
  const px = new Float64Array(steps + 1), py = new Float64Array(steps + 1), pf = new Float64Array(steps + 1);
  const p = [x0, y0], g = [0, 0], s1 = [0, 0], s2 = [0, 0];
  pf[0] = rosenbrock(x0, y0, g);
  px[0] = x0;
  py[0] = y0;
  for (let t = 1; t <= steps; t++) {
    for (let i = 0; i < 2; i++) {
      const gi = g[i];
      switch (optimizer) {
        case 'sgd': p[i] -= 1e-3 * gi; break;
        case 'momentum': s1[i] = t > 1 ? 0.9 * s1[i] + gi : gi; p[i] -= 1e-3 * s1[i]; break;
        case 'nesterov': s1[i] = t > 1 ? 0.9 * s1[i] + gi : gi; p[i] -= 1e-3 * (gi + 0.9 * s1[i]); break;
        case 'adagrad': s1[i] += gi * gi; p[i] -= 1e-2 * gi / (Math.sqrt(s1[i]) + 1e-10); break;
        case 'rmsprop':
          s1[i] = 0.99 * s1[i] + (1 - 0.99) * (gi * gi);
          p[i] -= 1e-2 * (gi / (Math.sqrt(s1[i]) + 1e-8));
          break;
        case 'adam': {
          s1[i] = 0.9 * s1[i] + (1 - 0.9) * gi;
          s2[i] = 0.999 * s2[i] + (1 - 0.999) * (gi * gi);
          const mHat = s1[i] / (1 - 0.9 ** t), vHat = s2[i] / (1 - 0.999 ** t);
          p[i] -= 1e-3 * mHat / (Math.sqrt(vHat) + 1e-8);
          break;
        }
        default: throw new Error(`no hand-written ${optimizer}`);
      }
    }
    pf[t] = rosenbrock(p[0], p[1], g);
    px[t] = p[0];
    py[t] = p[1];
  }
  return { x: px, y: py, f: pf };
}
