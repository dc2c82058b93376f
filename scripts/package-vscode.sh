#!/usr/bin/env bash
# Builds the VS Code extension into editors/vscode/ttlint-<version>.vsix.
#
#   scripts/package-vscode.sh                  # extension without a bundled binary (uses PATH / npm / ttlint.path)
#   scripts/package-vscode.sh target/release/ttlint   # bundle this ttlint binary as bin/ttlint
#
# A bundled binary only runs on the platform it was built for: to publish per-platform
# extensions, pass the matching binary and add `--target linux-x64` (etc.) via VSCE_ARGS.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
binary="${1:-}"
if [[ -n "$binary" ]]; then
  binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
  [[ -f "$binary" ]] || { echo "package-vscode: no file at $binary" >&2; exit 2; }
fi

cd "$repo/editors/vscode"
npm ci --no-audit --no-fund
npm run compile
# The server test (test/server.test.js) speaks to the binary being bundled, if one is given.
TTLINT_BINARY="$binary" npm test

rm -rf bin
if [[ -n "$binary" ]]; then
  mkdir -p bin
  case "$binary" in
    *.exe) cp "$binary" bin/ttlint.exe ;;
    *) cp "$binary" bin/ttlint && chmod +x bin/ttlint ;;
  esac
  echo "package-vscode: bundled $binary"
fi

version="$(node -p "require('./package.json').version")"
out="ttlint-$version.vsix"
rm -f "$out"
# With dependencies: the extension is not bundled, so vscode-languageclient ships in node_modules.
# shellcheck disable=SC2086
npx --no-install vsce package --out "$out" ${VSCE_ARGS:-}
rm -rf bin

echo "$repo/editors/vscode/$out"
