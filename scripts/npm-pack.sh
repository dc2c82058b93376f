#!/usr/bin/env bash
# Builds ttlint's npm packages, the way oxlint and Biome ship theirs: the launcher `ttlint` (a
# small Node script) and the platform package `ttlint-<os>-<arch>` that holds the native binary,
# both at the version in Cargo.toml, then packs each with `npm pack` into target/npm/dist/.
#
# usage: scripts/npm-pack.sh [--skip-build] [--binary PATH] [--platform OS-ARCH] [--out DIR]
#
#   (no flag)        scripts/build-release.sh (release, profile-guided), then pack
#                    target/release/ttlint (or $CARGO_TARGET_DIR/release/ttlint) for this machine
#   --skip-build     do not build: pack the binary a previous build left there
#   --binary PATH    pack this binary instead (implies --skip-build)
#   --platform P     the npm platform the binary is for: linux-x64, linux-arm64, darwin-x64,
#                    darwin-arm64, win32-x64 or win32-arm64 (default: this machine's). Release CI
#                    uses it with --binary to package binaries built on other runners.
#   --out DIR        where to generate the packages (default: target/npm; tarballs in DIR/dist)
#
# Progress goes to stderr; stdout gets exactly two lines, the launcher's tarball and the
# platform package's tarball, as absolute paths.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

supported="linux-x64 linux-arm64 darwin-x64 darwin-arm64 win32-x64 win32-arm64"
build=1
binary=""
platform=""
out="$repo/target/npm"

say() { printf 'npm-pack: %s\n' "$*" >&2; }
die() { printf 'npm-pack: error: %s\n' "$*" >&2; exit 2; }

while (($#)); do
  case "$1" in
    --skip-build) build=0 ;;
    --binary)
      [[ $# -ge 2 ]] || die "--binary needs a path"
      binary="$2"; build=0; shift ;;
    --binary=*) binary="${1#*=}"; build=0 ;;
    --platform)
      [[ $# -ge 2 ]] || die "--platform needs a value"
      platform="$2"; shift ;;
    --platform=*) platform="${1#*=}" ;;
    --out)
      [[ $# -ge 2 ]] || die "--out needs a folder"
      out="$2"; shift ;;
    --out=*) out="${1#*=}" ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done

export npm_config_update_notifier=false npm_config_audit=false npm_config_fund=false

command -v node >/dev/null || die "node is not installed (needed to write package.json files)"
command -v npm >/dev/null || die "npm is not installed"

host="$(node -p 'process.platform + "-" + process.arch')"
platform="${platform:-$host}"
[[ " $supported " == *" $platform "* ]] || die "unsupported platform '$platform' (one of: $supported)"

# The version: `version = "…"` in Cargo.toml's [package] table.
version="$(awk '
  /^[[:space:]]*\[/ { in_package = ($0 ~ /^[[:space:]]*\[package\][[:space:]]*$/); next }
  in_package && /^[[:space:]]*version[[:space:]]*=/ {
    sub(/^[^"]*"/, ""); sub(/".*$/, ""); print; exit
  }' Cargo.toml)"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$ ]] ||
  die "cannot read a semver version from Cargo.toml's [package] table (got '$version')"

exe="ttlint"
[[ "$platform" == win32-* ]] && exe="ttlint.exe"

if [[ -z "$binary" ]]; then
  target_dir="${CARGO_TARGET_DIR:-target}"
  [[ "$target_dir" = /* ]] || target_dir="$repo/$target_dir"
  binary="$target_dir/release/$exe"
  if ((build)); then
    [[ "$platform" == "$host" ]] || die "--platform $platform is not this machine ($host): build it there, or pass --binary"
    say "scripts/build-release.sh"
    "$repo/scripts/build-release.sh" >/dev/null
  fi
fi
[[ -f "$binary" ]] || die "no binary at $binary (build first, or pass --binary PATH)"
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"

# A binary for this machine can be asked its version: refuse to pack a stale one.
if [[ "$platform" == "$host" ]]; then
  reported="$("$binary" --version 2>/dev/null || true)"
  [[ "$reported" == "ttlint $version" ]] ||
    die "$binary reports '${reported:-nothing}', but Cargo.toml says $version: rebuild it (or drop --skip-build)"
fi

mkdir -p "$out"
out="$(cd "$out" && pwd)"
dist="$out/dist"
launcher_dir="$out/ttlint"
platform_dir="$out/ttlint-$platform"
rm -rf "$launcher_dir" "$platform_dir"
mkdir -p "$dist" "$launcher_dir/bin" "$platform_dir/bin"

say "version $version, platform $platform, binary $binary"

# Launcher: the files from npm/ttlint with the version filled in.
cp npm/ttlint/bin/ttlint.js "$launcher_dir/bin/ttlint.js"
chmod 0755 "$launcher_dir/bin/ttlint.js"
cp npm/ttlint/README.md "$launcher_dir/README.md"
# Platform package: the template, the binary in bin/.
cp "$binary" "$platform_dir/bin/$exe"
chmod 0755 "$platform_dir/bin/$exe"
sed "s/OS-ARCH/$platform/g" npm/platform-template/README.md >"$platform_dir/README.md"
if [[ -f LICENSE ]]; then
  cp LICENSE "$launcher_dir/LICENSE"
  cp LICENSE "$platform_dir/LICENSE"
fi

VERSION="$version" PLATFORM="$platform" EXE="$exe" SUPPORTED="$supported" \
LAUNCHER_DIR="$launcher_dir" PLATFORM_DIR="$platform_dir" node - <<'JS'
const fs = require('fs');
const path = require('path');
const { VERSION, PLATFORM, EXE, SUPPORTED, LAUNCHER_DIR, PLATFORM_DIR } = process.env;
const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const write = (file, data) => fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');

const launcher = read('npm/ttlint/package.json');
launcher.version = VERSION;
const expected = SUPPORTED.split(' ').map((p) => `ttlint-${p}`).sort();
const listed = Object.keys(launcher.optionalDependencies || {}).sort();
if (JSON.stringify(expected) !== JSON.stringify(listed)) {
  console.error(`npm-pack: error: npm/ttlint/package.json's optionalDependencies (${listed}) ` +
    `are not the supported platforms (${expected})`);
  process.exit(2);
}
for (const name of listed) launcher.optionalDependencies[name] = VERSION;
write(path.join(LAUNCHER_DIR, 'package.json'), launcher);

const [os, cpu] = PLATFORM.split('-');
const pkg = read('npm/platform-template/package.json');
pkg.name = `ttlint-${PLATFORM}`;
pkg.version = VERSION;
pkg.description = pkg.description.replace(/OS-ARCH/g, PLATFORM);
pkg.os = [os];
pkg.cpu = [cpu];
// Linux binaries are built for glibc (x86_64/aarch64-unknown-linux-gnu): npm >= 10 skips the
// package on musl (Alpine), and the launcher then says why. Other systems have no libc choice.
if (os === 'linux') pkg.libc = ['glibc'];
else delete pkg.libc;
pkg.publishConfig = { ...(pkg.publishConfig || {}), executableFiles: [`bin/${EXE}`] };
write(path.join(PLATFORM_DIR, 'package.json'), pkg);
JS

pack() {
  local dir="$1" file log="$out/npm-pack.log"
  # `npm pack` prints the tarball's file name on stdout, its notices on stderr.
  if ! file="$(cd "$dir" && npm pack --ignore-scripts --pack-destination "$dist" 2>"$log")"; then
    cat "$log" >&2
    die "npm pack failed in $dir"
  fi
  file="$(printf '%s\n' "$file" | tail -n 1)"
  [[ -n "$file" && -f "$dist/$file" ]] || { cat "$log" >&2; die "npm pack wrote no tarball in $dist"; }
  say "packed $dist/$file"
  printf '%s\n' "$dist/$file"
}

pack "$launcher_dir"
pack "$platform_dir"
