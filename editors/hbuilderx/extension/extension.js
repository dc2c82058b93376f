// ttlint for HBuilderX: lints a file with the ttlint command line when it is saved (or from the
// editor's context menu) and shows the findings as wavy underlines through
// hx.languages.createDiagnosticCollection, plus one line per finding in the ttlint console.
//
// Only documented HBuilderX plugin APIs are used (https://hx.dcloud.net.cn/ExtensionDocs/Api/README):
// hx.workspace.onDidSaveTextDocument, hx.workspace.getConfiguration, hx.window.getActiveTextEditor,
// hx.window.createOutputChannel, hx.window.showErrorMessage, hx.commands.registerCommand,
// hx.languages.createDiagnosticCollection. The plugin process is Node (v16 in current HBuilderX),
// so this file sticks to ES2017 and Node's own modules.
'use strict';

const hx = require('hbuilderx');
const childProcess = require('child_process');
const fs = require('fs');
const path = require('path');

/** Files ttlint reads. */
const LINTED = ['.js', '.ts', '.jsx', '.tsx', '.vue', '.ttml', '.sjs', '.json'];

/**
 * HBuilderX line/column base for DiagnosticItem. The API docs do not say; TextDocument.lineAt
 * is documented as 0-based ("行号，从0开始") and the DiagnosticItem examples use line 0, so 0.
 * ttlint's JSON positions are 1-based.
 */
const POSITION_BASE = 0;

/** Findings from more than this many milliseconds of linting are not waited for. */
const TIMEOUT_MS = 30000;

let diagnostics;
let output;
/** The binary whose absence was already reported: one error message, not one per save. */
let reportedMissing = null;
/** Per file: the number of the latest run, so a slow run never overwrites a newer one. */
const runs = new Map();

function activate(context) {
  diagnostics = hx.languages.createDiagnosticCollection('ttlint');
  output = hx.window.createOutputChannel('ttlint');

  context.subscriptions.push(
    hx.workspace.onDidSaveTextDocument(function (document) {
      if (setting('validateOnSave', true)) {
        lintDocument(document, false);
      }
    }),
  );
  context.subscriptions.push(
    hx.commands.registerCommand('ttlint.lintFile', function () {
      reportedMissing = null;
      return hx.window.getActiveTextEditor().then(function (editor) {
        if (editor && editor.document) {
          return lintDocument(editor.document, true);
        }
        return undefined;
      });
    }),
  );
}

function deactivate() {}

function setting(key, fallback) {
  try {
    const value = hx.workspace.getConfiguration('ttlint').get(key, fallback);
    return value === undefined || value === null ? fallback : value;
  } catch (e) {
    return fallback;
  }
}

function fsPathOf(uri) {
  if (!uri) return '';
  if (typeof uri === 'string') return uri.replace(/^file:\/\//, '');
  return uri.fsPath || uri.path || '';
}

/** The project folder the document belongs to, else the folder holding it. */
function projectDirOf(document, file) {
  const folder = document.workspaceFolder;
  const dir = folder ? fsPathOf(folder.uri) : '';
  return dir && fs.existsSync(dir) ? dir : path.dirname(file);
}

function lintDocument(document, manual) {
  const file = fsPathOf(document.uri);
  if (!file || LINTED.indexOf(path.extname(file).toLowerCase()) < 0) {
    if (manual) {
      hx.window.setStatusBarMessage('ttlint: 该类型的文件不检查 / this file type is not linted', 3000, 'info');
    }
    return Promise.resolve();
  }
  const cwd = projectDirOf(document, file);
  const binary = resolveBinary(cwd);
  const run = (runs.get(file) || 0) + 1;
  runs.set(file, run);

  return Promise.resolve(document.getText())
    .then(function (text) {
      return runTtlint(binary, cwd, file, text);
    })
    .then(function (result) {
      if (runs.get(file) !== run) return; // a newer run owns this file now
      if (result.error) {
        reportFailure(binary, result);
        return;
      }
      reportedMissing = null;
      let report;
      try {
        report = JSON.parse(result.stdout);
      } catch (e) {
        reportFailure(binary, { error: 'unreadable output', stderr: result.stderr + result.stdout });
        return;
      }
      const found = (report.diagnostics || []).filter(function (d) {
        return path.resolve(cwd, d.file) === path.resolve(file);
      });
      diagnostics.set(file, found.map(toDiagnosticItem));
      if (found.length > 0 || manual) {
        found.forEach(function (d) {
          output.appendLine(
            path.resolve(cwd, d.file) + ':' + d.start.line + ':' + d.start.column + ': ' +
              d.severity + ' ' + d.rule + ': ' + d.message,
          );
        });
        if (manual) {
          output.appendLine('ttlint: ' + path.basename(file) + ' — ' + found.length + ' finding(s) / 个问题');
          output.show();
        }
      }
    });
}

function toDiagnosticItem(d) {
  const help = d.help ? '\n' + d.help : '';
  return {
    line: d.start.line - 1 + POSITION_BASE,
    column: d.start.column - 1 + POSITION_BASE,
    message: d.message + ' [' + d.rule + ']' + help,
    // HBuilderX documents 'error' and 'warn' only; infos show as warnings.
    severity: d.severity === 'error' ? 'error' : 'warn',
  };
}

/**
 * The ttlint to run: the `ttlint.path` setting; else the npm package in the project
 * (`npm i -D ttlint`): its native binary, else node_modules/.bin/ttlint; else `ttlint` on PATH.
 */
function resolveBinary(cwd) {
  const configured = String(setting('path', '') || '').trim();
  if (configured) {
    return path.isAbsolute(configured) || /[\\/]/.test(configured) ? path.resolve(cwd, configured) : configured;
  }
  const exe = process.platform === 'win32' ? 'ttlint.exe' : 'ttlint';
  const candidates = [
    path.join(cwd, 'node_modules', 'ttlint-' + process.platform + '-' + process.arch, 'bin', exe),
    path.join(cwd, 'node_modules', '.bin', process.platform === 'win32' ? 'ttlint.cmd' : 'ttlint'),
  ];
  for (let i = 0; i < candidates.length; i++) {
    if (fs.existsSync(candidates[i])) return candidates[i];
  }
  return 'ttlint';
}

/** Runs `ttlint --format json --stdin-filename FILE` with TEXT on standard input. */
function runTtlint(binary, cwd, file, text) {
  return new Promise(function (resolve) {
    const args = ['--format', 'json', '--color', 'never', '--stdin-filename', path.relative(cwd, file) || file];
    const isBatch = process.platform === 'win32' && /\.(cmd|bat)$/i.test(binary);
    let child;
    try {
      child = childProcess.spawn(isBatch ? '"' + binary + '"' : binary, args, {
        cwd: cwd,
        shell: isBatch,
        windowsHide: true,
        env: Object.assign({}, process.env, { NO_COLOR: '1' }),
      });
    } catch (e) {
      resolve({ error: e });
      return;
    }
    let stdout = '';
    let stderr = '';
    let done = false;
    const finish = function (result) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(function () {
      child.kill();
      finish({ error: 'timed out after ' + TIMEOUT_MS / 1000 + ' s', stderr: stderr });
    }, TIMEOUT_MS);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', function (chunk) { stdout += chunk; });
    child.stderr.on('data', function (chunk) { stderr += chunk; });
    child.on('error', function (e) { finish({ error: e, stderr: stderr }); });
    child.on('close', function (code) {
      // 0: clean, 1: findings that fail the check, 2: ttlint could not run.
      if (code === 0 || code === 1) finish({ stdout: stdout, stderr: stderr });
      else finish({ error: 'exit code ' + code, stderr: stderr });
    });
    child.stdin.on('error', function () { /* the process may exit before reading everything */ });
    child.stdin.end(text, 'utf8');
  });
}

function reportFailure(binary, result) {
  const missing = result.error && (result.error.code === 'ENOENT' || result.error.code === 'EACCES');
  const reason = result.error && result.error.message ? result.error.message : String(result.error);
  output.appendLine('ttlint: ' + binary + ': ' + reason);
  if (result.stderr) output.appendLine(String(result.stderr).trim());
  if (reportedMissing === binary) return;
  reportedMissing = binary;
  if (missing) {
    hx.window.showErrorMessage(
      '未找到 ttlint。请在项目中执行 <code>npm i -D ttlint</code>，或执行 <code>cargo install douyin-lint</code>，' +
        '或在【设置 - 插件配置 - ttlint】中填写 ttlint 的路径。<br>' +
        'ttlint was not found: run <code>npm i -D ttlint</code> in the project or ' +
        '<code>cargo install douyin-lint</code>, or set its path in the plugin settings.',
    );
  } else {
    hx.window.showErrorMessage(
      'ttlint 运行失败，详见控制台。<br>ttlint failed to run; see the ttlint console for details.',
    );
  }
}

module.exports = {
  activate: activate,
  deactivate: deactivate,
  // for tests
  _toDiagnosticItem: toDiagnosticItem,
  _resolveBinary: resolveBinary,
  _runTtlint: runTtlint,
};
