// The JavaScript API (docs/js-api.md) as a course author's page or our acceptance tests use it:
// plain `node --test`, the WebAssembly build in dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import createEngine from '../../dist/engine.mjs';

const engine = await createEngine();
const SEED = 'f(x) = 2x²−3x+4';
const PROGRAM = 'd = a*b; e = d + c; L = e*f';
const PROGRAM_VARS = { a: 3, b: -2, c: 8, f: -2 };

function assertError(result, { start, end, includes }) {
  assert.ok(result.error, `expected an error, got ${JSON.stringify(result)}`);
  assert.deepEqual(Object.keys(result).sort(), ['error']);
  assert.equal(typeof result.error.message, 'string');
  if (includes) assert.match(result.error.message, includes);
  if (start !== undefined) assert.equal(result.error.start, start);
  if (end !== undefined) assert.equal(result.error.end, end);
}

test('evaluate gives the seed values f(2)=6, f(6)=58, f(-2)=18', () => {
  // Seed article 002.
  assert.deepEqual(engine.evaluate(SEED, { x: 2 }), { value: 6 });
  assert.deepEqual(engine.evaluate(SEED, { x: 6 }), { value: 58 });
  assert.deepEqual(engine.evaluate(SEED, { x: -2 }), { value: 18 });
  assert.deepEqual(engine.evaluate('2^3^2'), { value: 512 });
});

test('gradient gives one entry per free variable with the seed program numbers', () => {
  // Seed article 002 (and its PyTorch check a.grad.item() # 4.0).
  assert.deepEqual(engine.gradient(PROGRAM, PROGRAM_VARS), { value: -4, grad: { a: 4, b: -6, c: -2, f: 2 } });
  assert.deepEqual(engine.gradient('d = a*b + c', { a: 3, b: -2, c: 8 }), { value: 2, grad: { a: -2, b: 3, c: 1 } });
  assert.deepEqual(engine.gradient(SEED, { x: 0.75 }), { value: 2.875, grad: { x: 0 } });
});

test('numericalDerivative defaults to a forward difference with h = 1e-6, as the seed computes', () => {
  // Seed article 002: 5.000002000876691, 21.000002000448603, -10.999997996918864.
  assert.deepEqual(engine.numericalDerivative(SEED, 'x', { x: 2 }), { value: 6, slope: 5.000002000876691 });
  assert.equal(engine.numericalDerivative(SEED, 'x', { x: 6 }).slope, 21.000002000448603);
  assert.equal(engine.numericalDerivative(SEED, 'x', { x: -2 }, { h: 0.000001 }).slope, -10.999997996918864);
});

test('numericalDerivative schemes: central is exact on a quadratic, forward and backward are off by ±2h', () => {
  const at = (scheme) => engine.numericalDerivative('2x^2 - 3x + 4', 'x', { x: 2 }, { h: 0.01, scheme }).slope;
  assert.ok(Math.abs(at('forward') - 5.02) < 1e-9);
  assert.ok(Math.abs(at('backward') - 4.98) < 1e-9);
  assert.ok(Math.abs(at('central') - 5) < 1e-9);
});

test('derivative returns text that evaluate accepts: the seed reads 4x - 3', () => {
  const { expr } = engine.derivative(SEED, 'x');
  assert.equal(expr, '4x - 3');
  assert.deepEqual(engine.evaluate(expr, { x: 2 }), { value: 5 });
  assert.deepEqual(engine.derivative(PROGRAM, 'a'), { expr: 'b*f' });
});

test('graph lists every node with op, label, value, grad and inputs; dL/dd = dL/de = -2', () => {
  const { nodes, output } = engine.graph(PROGRAM, PROGRAM_VARS);
  assert.equal(nodes.length, 7);
  const byLabel = Object.fromEntries(nodes.map((n) => [n.label, n]));
  assert.equal(byLabel.d.grad, -2);
  assert.equal(byLabel.e.grad, -2);
  assert.equal(byLabel.L.grad, 1);
  assert.equal(byLabel.L.value, -4);
  assert.equal(output, byLabel.L.id);
  assert.deepEqual(byLabel.d.inputs, [byLabel.a.id, byLabel.b.id]);
  for (const node of nodes) {
    assert.deepEqual(Object.keys(node).sort(), ['grad', 'id', 'inputs', 'label', 'op', 'value']);
    for (const input of node.inputs) assert.ok(input < node.id);
  }
  assert.equal(engine.graph('2x', { x: 1 }).nodes.find((n) => n.op === 'const').grad, null);
});

test('error spans are JavaScript string indices, also after unicode and astral characters', () => {
  const text = 'f(x) = 2x²−3x+4 + q';
  assertError(engine.evaluate(text, { x: 1 }), { start: text.indexOf('q'), end: text.indexOf('q') + 1, includes: /'q' has no value/ });
  const astral = '😀 + x';  // 😀 is two UTF-16 code units
  assertError(engine.evaluate(astral, { x: 1 }), { start: 0, end: 2, includes: /unexpected character/ });
  const after = 'x + 😀';
  assertError(engine.evaluate(after, { x: 1 }), { start: 4, end: 6 });
  assertError(engine.evaluate('(x + 1', { x: 1 }), { start: 0, end: 1, includes: /never closed/ });
});

test('a name with no value is an error pointing at it, suggesting x*y for xy', () => {
  assertError(engine.evaluate('2xy + 1', { x: 1, y: 2 }), { start: 1, end: 3, includes: /did you mean x\*y\?/ });
  assertError(engine.gradient('a*b', { a: 1 }), { start: 2, end: 3, includes: /'b' has no value/ });
});

test('10,000 nested parentheses give an error, and the next call works', () => {
  assertError(engine.evaluate('('.repeat(10000) + 'x' + ')'.repeat(10000), { x: 1 }), { includes: /too deeply nested/ });
  assertError(engine.derivative('sin('.repeat(10000) + 'x', 'x'), { includes: /too deeply nested/ });
  assert.deepEqual(engine.evaluate(SEED, { x: 2 }), { value: 6 });
});

// The bound catches a hang or a quadratic blow-up (minutes), not speed: the slowest call, the symbolic
// derivative of 'x+x+…+x', measured 0.45–1.0 s on a busy 2-core machine.
test('a 1 MB expression is answered or refused within seconds, and the next call works', () => {
  for (const text of ['x+'.repeat(500000) + 'x', ('sin(x)*2.5 + x^2 - 3/x + ').repeat(40000) + '1']) {
    for (const call of [() => engine.evaluate(text, { x: 1.5 }), () => engine.gradient(text, { x: 1.5 }),
      () => engine.graph(text, { x: 1.5 }), () => engine.derivative(text, 'x')]) {
      const start = performance.now();
      const result = call();
      const ms = performance.now() - start;
      assert.ok(ms < 5000, `took ${ms.toFixed(0)} ms`);
      assert.ok(result.error || Object.keys(result).length > 0);
    }
  }
  assert.equal(engine.evaluate('x+'.repeat(500000) + 'x', { x: 1 }).value, 500001);
  assert.deepEqual(engine.evaluate(SEED, { x: 2 }), { value: 6 });
});

test('NUL, lone surrogates and empty input are errors at the right place', () => {
  assertError(engine.evaluate('x + \0', { x: 1 }), { start: 4, end: 5, includes: /NUL/ });
  assertError(engine.evaluate('x + \uD800', { x: 1 }), { start: 4, end: 5 });
  assertError(engine.evaluate('\uDC00 + x', { x: 1 }), { start: 0, end: 1 });
  assertError(engine.evaluate('x \uDBFF+ 1', { x: 1 }), { start: 2, end: 3 });  // the + after it is not swallowed
  assertError(engine.evaluate(''), { start: 0, end: 0, includes: /empty/ });
  assertError(engine.evaluate('  \n '), { includes: /empty/ });
  assert.deepEqual(engine.evaluate(SEED, { x: 2 }), { value: 6 });
});

test('wrong argument types are errors with a message naming the argument', () => {
  assertError(engine.evaluate(42), { includes: /text must be a string/ });
  assertError(engine.evaluate('x', [1]), { includes: /vars must be an object/ });
  assertError(engine.evaluate('x', { x: '2' }), { includes: /vars\.x must be a number/ });
  assertError(engine.numericalDerivative('x^2', 'x', { x: 1 }, { scheme: 'sideways' }), { includes: /scheme must be/ });
  assertError(engine.numericalDerivative('x^2', 'x', { x: 1 }, { h: 0 }), { includes: /h must be a positive/ });
  assertError(engine.numericalDerivative('x^2', 'x', { x: 1 }, { h: -1 }), { includes: /h must be a positive/ });
  assertError(engine.numericalDerivative('x^2', 7, { x: 1 }), { includes: /variable must be a string/ });
  assertError(engine.derivative('x^2', '2x'), { includes: /not a variable name/ });
  assert.deepEqual(engine.evaluate('x', { x: 3 }), { value: 3 });
});

test('IEEE values instead of errors: division by zero, log of a negative number', () => {
  assert.equal(engine.evaluate('1/x', { x: 0 }).value, Infinity);
  assert.ok(Number.isNaN(engine.evaluate('0/x', { x: 0 }).value));
  assert.ok(Number.isNaN(engine.evaluate('log(x)', { x: -1 }).value));
  assert.equal(engine.gradient('sqrt(x)', { x: 0 }).grad.x, Infinity);
});

test('a caller value overrides the constant e, so the seed program can use e as a variable', () => {
  assert.ok(Math.abs(engine.evaluate('e').value - Math.E) < 1e-15);
  assert.deepEqual(engine.evaluate('e*2', { e: 5 }), { value: 10 });
});

test('reading shows how the parser grouped the input', () => {
  assert.deepEqual(engine.reading('1/2x'), { reading: '(1/2)*x' });
  assert.deepEqual(engine.reading('-x^2'), { reading: '-(x^2)' });
  assert.deepEqual(engine.reading('sinx'), { reading: 'sin(x)' });
  assert.deepEqual(engine.reading('f(x)=x^2; f(x+1)'), { reading: '(x + 1)^2' });
});

test('reading takes the names the caller gives values: a variable before ( is a product', () => {
  assert.deepEqual(engine.reading('x(x+1)', ['x']), { reading: 'x*(x + 1)' });
  assert.deepEqual(engine.reading('x(x+1)', { x: 2 }), { reading: 'x*(x + 1)' });
  assert.match(engine.reading('x(x+1)').error.message, /unknown function 'x'/);
  assert.match(engine.reading('x', [3]).error.message, /names\[0\] must be a string/);
});

test('calls of defined functions, f\' and the silent cases of issue 12 give the right numbers', () => {
  assert.deepEqual(engine.evaluate('f(x)=x^2; f(3)'), { value: 9 });
  assert.deepEqual(engine.evaluate('f(x)=x^3; f\'(2)'), { value: 12 });
  assert.deepEqual(engine.evaluate('e = 2; e*x', { x: 3 }), { value: 6 });
  assert.deepEqual(engine.gradient('w = 1/2; w*x', { x: 4 }), { value: 2, grad: { w: 4, x: 0.5 } });
  assertError(engine.evaluate('softplus2(x)', { x: 1 }), { start: 0, end: 9 });
  assertError(engine.evaluate('1,5'), { start: 0, end: 3 });
  assert.match(engine.evaluate('m = 2; x = 3; mx + b').error.message, /did you mean m\*x\?/);
});

test('sample returns f and its exact slope at every point in one call', () => {
  const xs = new Float64Array([-2, 0.75, 2, 6]);
  const { values, slopes } = engine.sample(SEED, 'x', xs);
  assert.deepEqual([...values], [18, 2.875, 6, 58]);
  assert.deepEqual([...slopes], [-11, 0, 5, 21]);
  assertError(engine.sample('x + q', 'x', xs), { start: 4, end: 5 });
});

test('compile: a program parsed once gives engine.gradient\'s numbers, by position or by name', () => {
  const p = engine.compile(PROGRAM);
  assert.deepEqual(p.variables, ['a', 'b', 'c', 'f']);
  const values = Float64Array.from(p.variables, (name) => PROGRAM_VARS[name]);
  assert.deepEqual(p.evaluate(values), { value: -4 });
  const { value, grad } = p.gradient(values);
  assert.equal(value, -4);
  assert.ok(grad instanceof Float64Array);
  assert.deepEqual([...grad], [4, -6, -2, 2]);
  assert.deepEqual(p.gradient([3, -2, 8, -2]), { value: -4, grad: Float64Array.of(4, -6, -2, 2) });
  assert.deepEqual(p.gradient(PROGRAM_VARS), engine.gradient(PROGRAM, PROGRAM_VARS));
  assert.deepEqual(p.evaluate(PROGRAM_VARS), { value: -4 });
  // The next values replace the last: nothing of a call stays behind.
  assert.deepEqual(p.gradient([1, 1, 1, 1]), { value: 2, grad: Float64Array.of(1, 1, 1, 2) });
  p.delete();
});

test('compile: the same messages as engine.evaluate, for the text, the values and after delete()', () => {
  assertError(engine.compile('(x + 1'), { start: 0, end: 1, includes: /never closed/ });
  assertError(engine.compile(42), { includes: /text must be a string/ });
  assertError(engine.compile('x', 7), { includes: /names must be/ });
  // A name made of given names is a typo refused when the text is compiled, not a new variable.
  assertError(engine.compile('2xy + 1', ['x', 'y']), { start: 1, end: 3, includes: /did you mean x\*y\?/ });
  const q = engine.compile('a*b');
  assertError(q.gradient({ a: 1 }), { start: 2, end: 3, includes: /'b' has no value/ });
  assertError(q.gradient([1]), { includes: /values must have 2 numbers, one per variable \(a, b\); got 1/ });
  assertError(q.gradient([1, '2']), { includes: /values\[1\] \(b\) must be a number/ });
  assertError(q.evaluate({ a: '1', b: 2 }), { includes: /vars\.a must be a number/ });
  q.delete();
  q.delete();  // twice is harmless
  assertError(q.gradient([1, 2]), { includes: /deleted/ });
});

test('compile: names override e and pi, defaults come from the program', () => {
  const withE = engine.compile('e*2', ['e']);
  assert.deepEqual(withE.variables, ['e']);
  assert.deepEqual(withE.evaluate([5]), { value: 10 });
  withE.delete();
  const constant = engine.compile('e*x');
  assert.deepEqual(constant.variables, ['x']);
  assert.equal(constant.evaluate([1]).value, Math.E);
  constant.delete();
  const defaults = engine.compile('a = 3; b = a*x');
  assert.deepEqual(defaults.variables, ['a', 'x']);
  assert.ok(Number.isNaN(defaults.defaults[1]) && defaults.defaults[0] === 3);
  assert.deepEqual(defaults.gradient({ x: 2 }), { value: 6, grad: { a: 2, x: 3 } });
  defaults.delete();
});

test('compile: a 10,000-node program gives engine.gradient\'s numbers bit for bit', () => {
  const lines = ['v0 = a', 'v1 = b'];
  for (let k = 2; k < 2502; k++) lines.push(`v${k} = tanh(v${k - 1}*a + v${k - 2}*b)`);
  const text = lines.join('; ');
  const p = engine.compile(text);
  const { value, grad } = p.gradient([0.9, 0.6]);
  assert.deepEqual({ value, grad: { a: grad[0], b: grad[1] } }, engine.gradient(text, { a: 0.9, b: 0.6 }));
  p.delete();
});

test('the text is sent once while it repeats: alternating texts and a second engine get their own answers', async () => {
  const other = await createEngine();
  assert.deepEqual(engine.evaluate('x + 1', { x: 1 }), { value: 2 });
  assert.deepEqual(other.evaluate('x*10', { x: 1 }), { value: 10 });
  assert.deepEqual(engine.evaluate('x + 1', { x: 2 }), { value: 3 });
  assert.deepEqual(other.evaluate('x*10', { x: 2 }), { value: 20 });
  assert.deepEqual(engine.gradient('x*x', { x: 3 }), { value: 9, grad: { x: 6 } });
  assert.deepEqual(engine.evaluate('x + 1', { x: 2 }), { value: 3 });
  assertError(engine.evaluate('x + \0', { x: 1 }), { start: 4, end: 5, includes: /NUL/ });
  assert.deepEqual(engine.evaluate('x + 1', { x: 5 }), { value: 6 });
});
