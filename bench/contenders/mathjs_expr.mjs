// The math.js contender for expression sweeps: f compiled from the text and f' from math.js's
// symbolic derivative, both evaluated point by point, which is how math.js is meant to be used
// for this (it has no batched evaluation of its own).
import { compile, derivative } from 'mathjs';

// Compiles f and its symbolic derivative in x, once, from math.js syntax such as '2*x^2-3*x+4'.
export function mathjsSweep(expression) {
  return { f: compile(expression), df: derivative(expression, 'x').compile() };
}

// Evaluates both at every x of xs into outF and outDf. One scope object is reused for all
// points so the sweep measures evaluation, not object allocation.
export function sweep(compiled, xs, outF, outDf) {
  const { f, df } = compiled;
  const scope = { x: 0 };
  for (let i = 0; i < xs.length; i++) {
    scope.x = xs[i];
    outF[i] = f.evaluate(scope);
    outDf[i] = df.evaluate(scope);
  }
}
