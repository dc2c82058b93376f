// The ttlint VS Code extension: starts `ttlint lsp` over stdio and lets it do the work
// (diagnostics, code actions, hover). Everything here is about finding the binary, starting
// it in the right workspaces, and failing with one clear message when it is missing.

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DocumentSelector,
  Executable,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';

const CLIENT_ID = 'ttlint';

/** Files that make a folder a mini-program (uni-app: pages.json; Taro: app.config.*). */
const MARKER_GLOB = '**/{app.json,pages.json,app.config.ts,app.config.js}';
const MARKER_EXCLUDE = '**/{node_modules,miniprogram_npm,.git}/**';

/** Files whose changes on disk matter to cross-file rules. */
const WATCH_GLOB = '**/{app.json,pages.json,project.config.json,ttlint.json,app.config.ts,app.config.js}';

const DOCUMENT_SELECTOR: DocumentSelector = [
  { scheme: 'file', language: 'javascript' },
  { scheme: 'file', language: 'typescript' },
  { scheme: 'file', language: 'javascriptreact' },
  { scheme: 'file', language: 'typescriptreact' },
  { scheme: 'file', language: 'vue' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
  { scheme: 'file', language: 'ttml' },
  { scheme: 'file', pattern: '**/*.sjs' },
  // VS Code itself has no `vue` language: without a Vue extension a .vue file is plain text.
  { scheme: 'file', pattern: '**/*.vue' },
];

/**
 * While starting, failures are reported once by this extension (with install hints), so the
 * client's own "couldn't create connection" / "initialization failed" pop-ups are kept to the
 * output channel. After a successful start the client reports as usual.
 */
class TtlintClient extends LanguageClient {
  starting = true;

  override error(message: string, data?: unknown, showNotification?: boolean | 'force'): void {
    super.error(message, data, this.starting ? false : showNotification);
  }
}

let client: TtlintClient | undefined;
let watcher: vscode.FileSystemWatcher | undefined;
/** Whether this workspace should have a server: it holds a mini-program, or the user asked. */
let wanted = false;
let output: vscode.OutputChannel | undefined;
/** Serialises start/stop so that quick setting changes never run two servers. */
let queue: Promise<void> = Promise.resolve();
/** The binary we last failed to find, so the error is shown once, not on every restart. */
let reportedMissing: string | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('ttlint');
  context.subscriptions.push(output);

  context.subscriptions.push(
    vscode.commands.registerCommand('ttlint.restart', () => {
      reportedMissing = undefined;
      wanted = true;
      return enqueue(async () => {
        await stopClient();
        await startClient(context, true);
      });
    }),
    vscode.commands.registerCommand('ttlint.showOutput', () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (
        event.affectsConfiguration('ttlint.enable') ||
        event.affectsConfiguration('ttlint.path') ||
        event.affectsConfiguration('ttlint.lang')
      ) {
        if (!wanted) {
          return;
        }
        reportedMissing = undefined;
        void enqueue(async () => {
          await stopClient();
          await startClient(context, false);
        });
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (!wanted) {
        return;
      }
      void enqueue(async () => {
        await stopClient();
        await startClient(context, false);
      });
    }),
  );

  // `workspaceContains` globs can match an app.json that is no mini-program (an Expo app, a
  // package inside node_modules): start only when a real marker or a .ttml file is there,
  // and otherwise wait for the first .ttml file to be opened.
  if (await looksLikeMiniProgram()) {
    wanted = true;
    void enqueue(() => startClient(context, false));
  } else {
    const waiter = vscode.workspace.onDidOpenTextDocument((document) => {
      if (document.languageId === 'ttml' && !wanted) {
        waiter.dispose();
        wanted = true;
        void enqueue(() => startClient(context, false));
      }
    });
    context.subscriptions.push(waiter);
  }
}

export async function deactivate(): Promise<void> {
  await enqueue(stopClient);
}

function enqueue(task: () => Promise<void>): Promise<void> {
  queue = queue.then(task, task).catch((error) => log(`ttlint: ${String(error)}`));
  return queue;
}

function log(line: string): void {
  output?.appendLine(line);
}

async function looksLikeMiniProgram(): Promise<boolean> {
  if (vscode.workspace.textDocuments.some((d) => d.languageId === 'ttml')) {
    return true;
  }
  let files: vscode.Uri[];
  try {
    files = await vscode.workspace.findFiles(MARKER_GLOB, MARKER_EXCLUDE, 50);
  } catch {
    return true; // when in doubt, lint
  }
  for (const file of files) {
    const name = path.basename(file.fsPath);
    if (name !== 'app.json') {
      return true;
    }
    try {
      const text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
      if (/"pages"\s*:/.test(text)) {
        return true;
      }
    } catch {
      // unreadable: try the next one
    }
  }
  return false;
}

async function startClient(context: vscode.ExtensionContext, fromCommand: boolean): Promise<void> {
  const config = vscode.workspace.getConfiguration('ttlint');
  if (!config.get<boolean>('enable', true)) {
    log(vscode.l10n.t('ttlint is disabled (ttlint.enable is false).'));
    if (fromCommand) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('ttlint is disabled. Set "ttlint.enable" to true to start it.'),
      );
    }
    return;
  }

  const resolved = resolveBinary(context, config);
  if (!resolved.path) {
    showMissing(resolved.tried);
    return;
  }
  log(vscode.l10n.t('Starting {0} lsp', resolved.path));

  const folder = vscode.workspace.workspaceFolders?.[0];
  const isBatch = process.platform === 'win32' && /\.(cmd|bat)$/i.test(resolved.path);
  const executable: Executable = {
    // No `transport` on purpose: the client then talks over stdio without appending `--stdio`.
    command: isBatch ? `"${resolved.path}"` : resolved.path,
    args: ['lsp'],
    options: {
      cwd: folder?.uri.fsPath,
      env: { ...process.env, NO_COLOR: '1' },
      // Node refuses to spawn .cmd/.bat files (npm's shims on Windows) without a shell.
      shell: isBatch,
    },
  };
  const serverOptions: ServerOptions = { run: executable, debug: executable };

  watcher = vscode.workspace.createFileSystemWatcher(WATCH_GLOB);
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    initializationOptions: initializationOptions(config.get<string>('lang', 'auto')),
    synchronize: { fileEvents: watcher },
    // A restart loop of a broken binary should not bury the user in pop-ups.
    connectionOptions: { maxRestartCount: 4 },
  };

  const next = new TtlintClient(CLIENT_ID, 'ttlint', serverOptions, clientOptions);
  client = next;
  try {
    await next.start();
    next.starting = false;
    reportedMissing = undefined;
  } catch (error) {
    client = undefined;
    log(vscode.l10n.t('ttlint could not start: {0}', String(error)));
    showStartFailure(resolved.path, error);
    await next.dispose().catch(() => undefined);
    watcher?.dispose();
    watcher = undefined;
  }
}

async function stopClient(): Promise<void> {
  const current = client;
  client = undefined;
  watcher?.dispose();
  watcher = undefined;
  if (!current) {
    return;
  }
  try {
    await current.stop(2000);
  } catch (error) {
    log(`ttlint: ${String(error)}`);
  }
  await current.dispose().catch(() => undefined);
}

/**
 * `ttlint.lang` "en" or "zh-CN" is the user's choice and wins on the server over everything
 * else. "auto" sends none: the server then follows the project's ttlint.json ("lang"), else
 * VS Code's display language, which the client sends as `locale`.
 */
export function initializationOptions(lang: string | undefined): { lang?: string } {
  return lang === 'en' || lang === 'zh-CN' ? { lang } : {};
}

interface Resolved {
  path?: string;
  tried: string[];
}

/**
 * Where the server comes from, first match wins:
 * 1. `ttlint.path` (a path, relative paths against the first workspace folder, or a bare name on PATH);
 * 2. the binary bundled in the extension, `bin/ttlint` (`bin/ttlint.exe` on Windows);
 * 3. the npm package in a workspace folder (`npm i -D ttlint`): its native platform binary, else
 *    `node_modules/.bin/ttlint`; trusted workspaces only (it is code from the workspace);
 * 4. `ttlint` on PATH.
 */
function resolveBinary(context: vscode.ExtensionContext, config: vscode.WorkspaceConfiguration): Resolved {
  const tried: string[] = [];
  const exe = process.platform === 'win32' ? 'ttlint.exe' : 'ttlint';

  const configured = (config.get<string>('path') ?? '').trim();
  if (configured) {
    const expanded = configured.replace(/^~(?=$|[\\/])/, process.env.HOME ?? process.env.USERPROFILE ?? '~');
    if (path.isAbsolute(expanded) || /[\\/]/.test(expanded)) {
      const base = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
      const candidate = path.resolve(base, expanded);
      tried.push(candidate);
      return { path: isExecutableFile(candidate) ? candidate : undefined, tried };
    }
    const onPath = findOnPath(expanded);
    tried.push(`${expanded} (PATH)`);
    return { path: onPath, tried };
  }

  const bundled = path.join(context.extensionPath, 'bin', exe);
  tried.push(bundled);
  if (isExecutableFile(bundled)) {
    return { path: bundled, tried };
  }

  if (vscode.workspace.isTrusted) {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') {
        continue;
      }
      const modules = path.join(folder.uri.fsPath, 'node_modules');
      const candidates = [
        // The native binary of the npm package's platform dependency (npm, yarn: flat layout),
        // so no Node launcher sits between the editor and the server...
        path.join(modules, `ttlint-${process.platform}-${process.arch}`, 'bin', exe),
        // ...else the launcher npm links into .bin (pnpm, or any other layout).
        ...(process.platform === 'win32'
          ? [path.join(modules, '.bin', 'ttlint.exe'), path.join(modules, '.bin', 'ttlint.cmd')]
          : [path.join(modules, '.bin', 'ttlint')]),
      ];
      for (const local of candidates) {
        tried.push(local);
        if (isExecutableFile(local)) {
          return { path: local, tried };
        }
      }
    }
  }

  tried.push('ttlint (PATH)');
  return { path: findOnPath('ttlint'), tried };
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    if (process.platform !== 'win32') {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

function findOnPath(name: string): string | undefined {
  const dirs = (process.env.PATH ?? process.env.Path ?? '').split(path.delimiter).filter(Boolean);
  const exts =
    process.platform === 'win32' && !path.extname(name)
      ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)
      : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext.toLowerCase());
      if (isExecutableFile(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

function showMissing(tried: string[]): void {
  const key = tried.join('|');
  log(vscode.l10n.t('ttlint executable not found. Looked for: {0}', tried.join(', ')));
  if (reportedMissing === key) {
    return;
  }
  reportedMissing = key;
  const openSettings = vscode.l10n.t('Open Settings');
  const showOutput = vscode.l10n.t('Show Output');
  void vscode.window
    .showErrorMessage(
      vscode.l10n.t(
        'ttlint: the ttlint executable was not found. Install it with "npm i -D ttlint" or "cargo install douyin-lint", or set "ttlint.path" to the binary.',
      ),
      openSettings,
      showOutput,
    )
    .then((choice) => {
      if (choice === openSettings) {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'ttlint.path');
      } else if (choice === showOutput) {
        output?.show(true);
      }
    });
}

function showStartFailure(binary: string, error: unknown): void {
  const key = `start|${binary}`;
  if (reportedMissing === key) {
    return;
  }
  reportedMissing = key;
  const showOutput = vscode.l10n.t('Show Output');
  void vscode.window
    .showErrorMessage(
      vscode.l10n.t(
        'ttlint: could not start "{0} lsp" ({1}). Check that it is a ttlint build with the "lsp" command, or reinstall with "npm i -D ttlint" or "cargo install douyin-lint".',
        binary,
        error instanceof Error ? error.message : String(error),
      ),
      showOutput,
    )
    .then((choice) => {
      if (choice === showOutput) {
        output?.show(true);
      }
    });
}
