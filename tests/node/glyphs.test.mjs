// Every glyph the app can draw is in its font atlas: the characters of every string literal in web/app and
// engine/ (labels, read-outs, the gallery's titles and captions, presets, the engine's derivative and
// notation texts) and the characters the lexer reads (√ ∛ ∜ …, which a learner types and the field shows)
// must lie in web/platform/fonts.cpp's kTextRanges, and DejaVu Sans, which the build cuts down to those
// ranges, must have a glyph for each. A character outside them would be drawn as "?" (ŷ, aᵀ and ∝ were).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';  // Debian's fonts-dejavu-core, as the build

function sources(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) sources(file, out);
    else if (/\.(cpp|hpp)$/.test(entry.name)) out.push(file);
  }
  return out;
}

// The array `name` of fonts.cpp as [first, last] pairs.
function ranges(name) {
  const text = fs.readFileSync(path.join(root, 'web/platform/fonts.cpp'), 'utf8');
  const body = text.match(new RegExp(`${name}\\[\\] = \\{([^}]*)\\}`))[1].replace(/\/\/[^\n]*/g, '');
  const points = [...body.matchAll(/0x([0-9A-Fa-f]+)/g)].map((m) => parseInt(m[1], 16));
  const pairs = [];
  for (let i = 0; i + 1 < points.length; i += 2) pairs.push([points[i], points[i + 1]]);
  return pairs;
}

// Code point → the files whose string literals (or, for the lexer, case labels) use it.
function charactersDrawn() {
  const used = new Map();
  const note = (cp, file) => {
    if (!used.has(cp)) used.set(cp, new Set());
    used.get(cp).add(path.relative(root, file));
  };
  for (const file of [...sources(path.join(root, 'web/app')), ...sources(path.join(root, 'engine'))]) {
    const code = fs.readFileSync(file, 'utf8').replace(/\/\/[^\n]*/g, '');
    for (const [, literal] of code.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) {
      const text = literal.replace(/\\u([0-9A-Fa-f]{4})/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
        .replace(/\\./g, '');
      for (const ch of text) note(ch.codePointAt(0), file);
    }
  }
  // What the lexer reads by code point (its `case 0x221B:` labels): typed, they show in the field.
  const lexer = path.join(root, 'engine/expr/lexer.cpp');
  for (const [, hex] of fs.readFileSync(lexer, 'utf8').matchAll(/case 0x([0-9A-Fa-f]{4,5}):/g)) {
    note(parseInt(hex, 16), lexer);
  }
  return used;
}

const name = (cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${String.fromCodePoint(cp)}`;

test('every character in the app\'s texts is in the font atlas\'s ranges', () => {
  const text = ranges('kTextRanges');
  const used = charactersDrawn();
  assert.ok(used.size > 100, `${used.size} distinct characters found in the sources`);
  const missing = [...used.keys()].filter((cp) => cp >= 0x20 && !text.some(([a, b]) => cp >= a && cp <= b));
  assert.deepEqual(missing.map((cp) => `${name(cp)} in ${[...used.get(cp)].join(', ')}`), []);
  // The ones the issue named, and the families it asked for.
  for (const ch of 'ŷᵀ∝∂∇√∛∜²³⁻⁰₀₁ₓᵢⁿαβγδεθλμπσφωΓΔΣΩ←→↑↓') {
    assert.ok(text.some(([a, b]) => ch.codePointAt(0) >= a && ch.codePointAt(0) <= b), `${ch} is in the atlas`);
  }
});

test('DejaVu Sans has a glyph for every character the app draws, so cutting it down keeps each one', () => {
  const script = 'import sys\nfrom fontTools.ttLib import TTFont\n' +
    'print(" ".join(str(c) for c in TTFont(sys.argv[1]).getBestCmap()))';
  const cmap = new Set(execFileSync('/usr/bin/python3', ['-c', script, FONT], { encoding: 'utf8' })
    .trim().split(' ').map(Number));
  assert.ok(cmap.has(0x41) && cmap.has(0x2202), 'the font\'s character map was read');
  const used = charactersDrawn();
  const missing = [...used.keys()].filter((cp) => cp >= 0x20 && !cmap.has(cp));
  assert.deepEqual(missing.map((cp) => `${name(cp)} in ${[...used.get(cp)].join(', ')}`), []);
});

test('the monospaced font is merged over with the text font, so its numbers never fall back to "?"', () => {
  const fonts = fs.readFileSync(path.join(root, 'web/platform/fonts.cpp'), 'utf8');
  assert.match(fonts, /add\(kUiFont, kUiFontSize, 15, ratio, kTextRanges, true\)/,
    'DejaVu Sans merged into the 15 px monospaced font for the glyphs DejaVu Sans Mono is not cut to');
  const mono = ranges('kMonoRanges');
  for (const ch of '0123456789.-+e−') {
    assert.ok(mono.some(([a, b]) => ch.codePointAt(0) >= a && ch.codePointAt(0) <= b), `${ch} is monospaced`);
  }
});
