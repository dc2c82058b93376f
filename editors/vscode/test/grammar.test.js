// Smoke test of the TTML grammar without VS Code: tokenise sample lines with the same
// TextMate engine VS Code uses (vscode-textmate + vscode-oniguruma) and check the scopes.
// `source.js` is replaced by a tiny stand-in grammar, so the test also proves that `{{ }}`
// and <sjs> content are handed to the JavaScript grammar.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.join(__dirname, '..');
const manifest = require(path.join(root, 'package.json'));
const grammarContribution = manifest.contributes.grammars.find((g) => g.language === 'ttml');

// A stand-in for VS Code's JavaScript grammar: identifiers, numbers, `!` and `===`.
const fakeJs = {
  scopeName: 'source.js',
  patterns: [{ include: '#expression' }],
  repository: {
    expression: {
      patterns: [
        { match: '\\b[A-Za-z_$][\\w$]*\\b', name: 'variable.other.readwrite.js' },
        { match: '\\b\\d+\\b', name: 'constant.numeric.js' },
        { match: '===|!', name: 'keyword.operator.js' },
      ],
    },
  },
};

let registryPromise;
function registry() {
  if (!registryPromise) {
    const bytes = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    const wasm = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const onigLib = oniguruma.loadWASM(wasm).then(() => ({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }));
    registryPromise = Promise.resolve(
      new vsctm.Registry({
        onigLib,
        loadGrammar: async (scopeName) => {
          if (scopeName === grammarContribution.scopeName) {
            const file = path.join(root, grammarContribution.path);
            return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
          }
          if (scopeName === 'source.js') {
            return vsctm.parseRawGrammar(JSON.stringify(fakeJs), 'fake-js.json');
          }
          return null;
        },
      }),
    );
  }
  return registryPromise;
}

/** Tokenises `lines` and returns [{ text, scopes }] for every token. */
async function tokenize(lines) {
  const grammar = await (await registry()).loadGrammar('text.html.ttml');
  assert.ok(grammar, 'the TTML grammar loads');
  let state = vsctm.INITIAL;
  const tokens = [];
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      tokens.push({ text: line.substring(token.startIndex, token.endIndex), scopes: token.scopes });
    }
    state = result.ruleStack;
  }
  return tokens;
}

function scopesOf(tokens, text, nth = 0) {
  const found = tokens.filter((t) => t.text === text);
  assert.ok(found.length > nth, `a token "${text}" exists (tokens: ${tokens.map((t) => JSON.stringify(t.text)).join(' ')})`);
  return found[nth].scopes;
}

function assertHas(scopes, scope, what) {
  assert.ok(scopes.includes(scope), `${what}: expected ${scope} in [${scopes.join(', ')}]`);
}

test('manifest wires the grammar and the embedded languages', () => {
  assert.equal(grammarContribution.scopeName, 'text.html.ttml');
  assert.equal(grammarContribution.embeddedLanguages['meta.embedded.expression.ttml'], 'javascript');
  assert.equal(grammarContribution.embeddedLanguages['meta.embedded.block.sjs'], 'javascript');
  const ttml = manifest.contributes.languages.find((l) => l.id === 'ttml');
  assert.deepEqual(ttml.extensions, ['.ttml']);
  const sjs = manifest.contributes.languages.find((l) => l.id === 'javascript');
  assert.deepEqual(sjs.extensions, ['.sjs']);
});

test('tag name, tt:if directive and {{ }} embedded JavaScript', async () => {
  const tokens = await tokenize(['<view class="tip" tt:if="{{!isIOS}}">开通会员</view>']);

  const tag = scopesOf(tokens, 'view');
  assertHas(tag, 'entity.name.tag.ttml', 'tag name');
  assertHas(tag, 'meta.tag.ttml', 'tag name');

  assertHas(scopesOf(tokens, 'class'), 'entity.other.attribute-name.html', 'plain attribute');

  const directive = scopesOf(tokens, 'if');
  assertHas(directive, 'keyword.control.directive.ttml', 'tt:if');
  assertHas(directive, 'meta.attribute.directive.ttml', 'tt:if');
  assertHas(scopesOf(tokens, 'tt'), 'keyword.control.directive.namespace.ttml', 'tt: prefix');

  assertHas(scopesOf(tokens, '{{'), 'punctuation.definition.template-expression.begin.ttml', '{{');
  assertHas(scopesOf(tokens, '}}'), 'punctuation.definition.template-expression.end.ttml', '}}');
  const expr = scopesOf(tokens, 'isIOS');
  assertHas(expr, 'meta.embedded.expression.ttml', 'expression');
  assertHas(expr, 'source.js', 'expression');
  assertHas(expr, 'variable.other.readwrite.js', 'expression is tokenised by the JS grammar');
  assertHas(expr, 'string.quoted.double.html', 'expression inside the attribute value');

  const text = scopesOf(tokens, '开通会员');
  assert.ok(!text.some((s) => s.startsWith('entity') || s.startsWith('source.js')), 'text content stays plain');
  assertHas(scopesOf(tokens, 'view', 1), 'entity.name.tag.ttml', 'closing tag name');
});

test('every tt: directive is highlighted as a directive', async () => {
  for (const name of ['if', 'elif', 'else', 'for', 'for-item', 'for-index', 'key']) {
    const line = name === 'else' ? '<view tt:else>x</view>' : `<view tt:${name}="{{a}}">x</view>`;
    const tokens = await tokenize([line]);
    assertHas(scopesOf(tokens, name), 'keyword.control.directive.ttml', `tt:${name}`);
  }
});

test('bind*/catch* event attributes are distinct from plain attributes', async () => {
  const tokens = await tokenize([
    '<button bindtap="buyVip" catch:touchstart="stop" capture-bind:tap="x" data-im-id="{{imId}}">买</button>',
  ]);
  assertHas(scopesOf(tokens, 'bind'), 'entity.other.attribute-name.event.ttml', 'bindtap');
  assertHas(scopesOf(tokens, 'bind'), 'storage.modifier.event.ttml', 'bindtap');
  assertHas(scopesOf(tokens, 'tap'), 'entity.other.attribute-name.event.ttml', 'bindtap');
  assertHas(scopesOf(tokens, 'catch'), 'entity.other.attribute-name.event.ttml', 'catch:touchstart');
  assertHas(scopesOf(tokens, 'touchstart'), 'entity.other.attribute-name.event.ttml', 'catch:touchstart');
  assertHas(scopesOf(tokens, 'capture-bind'), 'entity.other.attribute-name.event.ttml', 'capture-bind:tap');
  const plain = scopesOf(tokens, 'data-im-id');
  assertHas(plain, 'entity.other.attribute-name.html', 'data-im-id');
  assert.ok(!plain.includes('entity.other.attribute-name.event.ttml'), 'data-im-id is not an event');
  assertHas(scopesOf(tokens, 'buyVip'), 'string.quoted.double.html', 'handler name is a string');
  assertHas(scopesOf(tokens, 'imId'), 'source.js', 'mustache in a data- attribute');
});

test('<sjs> content is JavaScript and ends at </sjs>', async () => {
  const tokens = await tokenize([
    '<sjs module="fmt">',
    'var limit = 10',
    '</sjs>',
    '<sjs src="./fmt.sjs" module="m" />',
    '<text>{{fmt.limit}}</text>',
  ]);
  const v = scopesOf(tokens, 'limit');
  assertHas(v, 'meta.embedded.block.sjs', 'sjs body');
  assertHas(v, 'source.js', 'sjs body');
  assertHas(v, 'variable.other.readwrite.js', 'sjs body');
  assertHas(scopesOf(tokens, '10'), 'constant.numeric.js', 'sjs body');
  assertHas(scopesOf(tokens, 'sjs', 1), 'entity.name.tag.ttml', '</sjs>');
  assert.ok(!scopesOf(tokens, 'sjs', 1).includes('source.js'), '</sjs> closes the JavaScript');
  assertHas(scopesOf(tokens, 'text'), 'entity.name.tag.ttml', 'tag after a self-closing <sjs />');
  assert.ok(!scopesOf(tokens, 'text').includes('source.js'), 'self-closing <sjs /> has no body');
});

test('comments', async () => {
  const tokens = await tokenize(['<!-- ttlint-disable-next-line im-button-invalid -- reason -->', '<view/>']);
  assertHas(scopesOf(tokens, '<!--'), 'comment.block.html', 'comment start');
  assertHas(scopesOf(tokens, ' ttlint-disable-next-line im-button-invalid -- reason '), 'comment.block.html', 'comment body');
  assertHas(scopesOf(tokens, 'view'), 'entity.name.tag.ttml', 'tag after a comment');
});
