// Checks that need no VS Code: every %key% in package.json has an English and a Chinese
// string, and every runtime string passed to vscode.l10n.t has a Chinese translation.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');

test('package.json placeholders are translated', () => {
  const keys = new Set([...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
  assert.ok(keys.size > 5);
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const nls = JSON.parse(read(file));
    for (const key of keys) {
      assert.equal(typeof nls[key], 'string', `${file} has "${key}"`);
    }
    for (const key of Object.keys(nls)) {
      assert.ok(keys.has(key), `${file}: "${key}" is used in package.json`);
    }
  }
});

test('runtime strings have a zh-cn translation', () => {
  const source = read('src/extension.ts');
  // vscode.l10n.t('…') or vscode.l10n.t(\n '…' — single-quoted literals only, as in the source.
  const used = [...source.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));
  assert.ok(used.length > 5);
  const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json'));
  for (const message of used) {
    assert.equal(typeof bundle[message], 'string', `zh-cn bundle translates: ${message}`);
    const placeholders = (s) => (s.match(/\{\d+\}/g) ?? []).sort().join(',');
    assert.equal(placeholders(bundle[message]), placeholders(message), `same placeholders: ${message}`);
  }
  for (const key of Object.keys(bundle)) {
    assert.ok(used.includes(key), `bundle entry is used: ${key}`);
  }
});
