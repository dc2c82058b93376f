// The extension's side of the protocol against the real server: `ttlint lsp` started as
// startClient() starts it (arguments `lsp`, no `--stdio`, stdio transport), spoken to with
// vscode-jsonrpc, the library vscode-languageclient is built on. It checks what the extension
// relies on: the server's commands, the initialization options "auto" sends (none) with VS Code's
// own locale spelling (`zh-cn`), and publishDiagnostics for a TTML document.
//
// The binary: $TTLINT_BINARY, else the one bundled in bin/, else the repository's newest build
// (target/release or target/debug). Without one the test is skipped.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const rpc = require('vscode-jsonrpc/node');

const root = path.join(__dirname, '..');
const exe = process.platform === 'win32' ? 'ttlint.exe' : 'ttlint';
const built = ['release', 'debug']
  .map((profile) => path.join(root, '..', '..', 'target', profile, exe))
  .filter((candidate) => fs.existsSync(candidate))
  .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
const binary = [process.env.TTLINT_BINARY, path.join(root, 'bin', exe), ...built].find(
  (candidate) => candidate && fs.existsSync(candidate),
);

test('ttlint lsp speaks to the extension', { skip: !binary && 'no ttlint binary' }, async () => {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'ttlint-vscode-')));
  fs.writeFileSync(path.join(dir, 'app.json'), '{ "pages": ["pages/index/index"] }');
  fs.mkdirSync(path.join(dir, 'pages', 'index'), { recursive: true });
  const ttml = '<view wx:if="{{show}}">首页</view>\n';
  fs.writeFileSync(path.join(dir, 'pages', 'index', 'index.ttml'), ttml);
  fs.writeFileSync(path.join(dir, 'pages', 'index', 'index.js'), 'Page({});\n');

  const server = cp.spawn(binary, ['lsp'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(server.stdout),
    new rpc.StreamMessageWriter(server.stdin),
  );
  const uri = `file://${path.join(dir, 'pages', 'index', 'index.ttml')}`;
  const published = new Promise((resolve) => {
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      if (params.uri === uri) {
        resolve(params);
      }
    });
  });
  connection.listen();
  try {
    const init = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: `file://${dir}`,
      capabilities: {},
      initializationOptions: {},
      locale: 'zh-cn',
    });
    assert.deepEqual(init.capabilities.executeCommandProvider.commands, ['ttlint.showDocumentation']);
    assert.equal(init.capabilities.hoverProvider, true);
    connection.sendNotification('initialized', {});
    connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'ttml', version: 1, text: ttml },
    });
    const { diagnostics } = await published;
    const directive = diagnostics.find((d) => d.code === 'wechat-only-feature');
    assert.ok(directive, JSON.stringify(diagnostics));
    assert.deepEqual(directive.range, {
      start: { line: 0, character: 6 },
      end: { line: 0, character: 11 },
    });
    assert.match(directive.message, /^`wx:if` 是微信的指令/);
    await connection.sendRequest('shutdown');
    const exited = new Promise((resolve) => server.on('exit', resolve));
    connection.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    connection.dispose();
    server.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
