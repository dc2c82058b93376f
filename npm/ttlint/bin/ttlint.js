#!/usr/bin/env node
// ttlint launcher. The linter is a native binary: npm installs the one for this machine as the
// optional dependency `ttlint-<platform>-<arch>` (its `os`/`cpu`/`libc` fields make npm skip the
// others). This script finds it and runs it with the same arguments, standard streams and exit
// code. TTLINT_BINARY=/path/to/ttlint overrides the lookup (a binary built from source).
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const SUPPORTED = [
  'linux-x64',
  'linux-arm64',
  'darwin-x64',
  'darwin-arm64',
  'win32-x64',
  'win32-arm64',
];

const target = `${process.platform}-${process.arch}`;
const packageName = `ttlint-${target}`;
const exeName = process.platform === 'win32' ? 'ttlint.exe' : 'ttlint';

function ownVersion() {
  try {
    return require('../package.json').version;
  } catch (_) {
    return 'latest';
  }
}

/** True on Linux with musl libc (Alpine), where the glibc binaries cannot run. */
function isMusl() {
  if (process.platform !== 'linux') return false;
  try {
    let report = process.report && process.report.getReport();
    if (typeof report === 'string') report = JSON.parse(report);
    return Boolean(report && report.header && !report.header.glibcVersionRuntime);
  } catch (_) {
    return false;
  }
}

function fail(english, chinese) {
  process.stderr.write(`ttlint: ${english}\n\nttlint：${chinese}\n`);
  // 2 is ttlint's own "could not run" exit code.
  process.exit(2);
}

/** The binary to run: TTLINT_BINARY, or the one in the platform package; exits if none. */
function findBinary() {
  const override = process.env.TTLINT_BINARY;
  if (override) {
    if (!fs.existsSync(override)) {
      fail(
        `TTLINT_BINARY is set to ${override}, but no file is there.`,
        `环境变量 TTLINT_BINARY 指向 ${override}，但该文件不存在。`,
      );
    }
    return { binary: override, fromPackage: false };
  }

  let packageJson;
  try {
    packageJson = require.resolve(`${packageName}/package.json`);
  } catch (_) {
    packageJson = null;
  }
  if (packageJson) {
    const binary = path.join(path.dirname(packageJson), 'bin', exeName);
    if (fs.existsSync(binary)) {
      warnOnVersionMismatch(packageJson);
      return { binary, fromPackage: true };
    }
    fail(
      `the package ${packageName} is installed but has no bin/${exeName}: reinstall ttlint ` +
        `(delete node_modules and install again).`,
      `已安装 ${packageName}，但其中缺少 bin/${exeName}。请删除 node_modules 后重新安装 ttlint。`,
    );
  }

  const version = ownVersion();
  const fromSource =
    'Or build it from source (Rust 1.95+): `cargo install douyin-lint`, then run `ttlint` from ' +
    'your PATH or set TTLINT_BINARY=/path/to/ttlint.';
  const fromSourceZh =
    '也可以从源码构建（需要 Rust 1.95+）：`cargo install douyin-lint`，然后直接运行 PATH 中的 ' +
    '`ttlint`，或设置 TTLINT_BINARY=/path/to/ttlint。';

  if (!SUPPORTED.includes(target)) {
    fail(
      `no prebuilt binary for this platform (${target}). Prebuilt binaries exist for: ` +
        `${SUPPORTED.join(', ')}.\n${fromSource}`,
      `没有适用于当前平台（${target}）的预编译二进制文件。已提供预编译文件的平台：` +
        `${SUPPORTED.join('、')}。\n${fromSourceZh}`,
    );
  }
  if (isMusl()) {
    fail(
      `this Linux uses musl libc (Alpine?); the prebuilt ${packageName} needs glibc, so npm ` +
        `did not install it. Use a glibc-based image (e.g. node:20-slim instead of node:20-alpine).` +
        `\n${fromSource}`,
      `当前 Linux 使用 musl libc（Alpine？），而预编译的 ${packageName} 需要 glibc，因此 npm ` +
        `没有安装它。请改用基于 glibc 的镜像（如用 node:20-slim 代替 node:20-alpine）。\n${fromSourceZh}`,
    );
  }
  fail(
    `the native binary for this platform is missing: the package ${packageName} is not ` +
      `installed.\n` +
      `It is an optional dependency of ttlint, so npm skips it when optional dependencies are ` +
      `omitted (--no-optional, --omit=optional, omit=optional in .npmrc), or when ` +
      `package-lock.json was written on another OS by an older npm.\n` +
      `Fix: reinstall with optional dependencies (delete node_modules, and package-lock.json if ` +
      `it came from another OS, then \`npm install\`), or add it explicitly: ` +
      `\`npm i -D ${packageName}@${version}\`.\n${fromSource}`,
    `缺少当前平台的可执行文件：未安装 ${packageName}。\n` +
      `它是 ttlint 的可选依赖（optionalDependencies）。使用 --no-optional、--omit=optional（或 .npmrc 中的 omit=optional）安装，` +
      `或 package-lock.json 由旧版 npm 在其他操作系统上生成时，npm 会跳过它。\n` +
      `解决办法：删除 node_modules（若 package-lock.json 来自其他操作系统也一并删除）后重新执行 ` +
      `\`npm install\`，或显式安装：\`npm i -D ${packageName}@${version}\`。\n${fromSourceZh}`,
  );
  return null; // unreachable: fail() exits
}

/** A platform package from another ttlint release (a stale lockfile) still runs, but say so. */
function warnOnVersionMismatch(packageJson) {
  try {
    const theirs = JSON.parse(fs.readFileSync(packageJson, 'utf8')).version;
    const ours = ownVersion();
    if (theirs && ours && theirs !== ours) {
      process.stderr.write(
        `ttlint: warning: ${packageName} is version ${theirs} but ttlint is ${ours}; ` +
          `reinstall so that both match.\n`,
      );
    }
  } catch (_) {
    // Not worth failing over.
  }
}

function run(binary) {
  return spawnSync(binary, process.argv.slice(2), {
    stdio: 'inherit',
    shell: false,
    windowsHide: true,
  });
}

const { binary, fromPackage } = findBinary();
let result = run(binary);

// Some installers drop the executable bit from files inside a tarball: restore it once.
if (result.error && result.error.code === 'EACCES' && fromPackage && process.platform !== 'win32') {
  try {
    fs.chmodSync(binary, 0o755);
    result = run(binary);
  } catch (_) {
    // Fall through to the error below.
  }
}

if (result.error) {
  fail(
    `cannot run ${binary}: ${result.error.message}`,
    `无法运行 ${binary}：${result.error.message}`,
  );
}

if (result.signal) {
  // The binary was killed by a signal: end the same way, so that callers (shells, CI runners,
  // `npm run`) see it. Node ignores a few signals (SIGPIPE), hence the exit code fallback.
  const number = os.constants.signals[result.signal] || 0;
  process.exitCode = 128 + number;
  try {
    process.kill(process.pid, result.signal);
  } catch (_) {
    // Exit with 128 + the signal number instead.
  }
} else {
  process.exitCode = result.status === null ? 2 : result.status;
}
