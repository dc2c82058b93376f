#!/usr/bin/env bash
# Tests ttlint's npm packages as a user gets them: packs them (scripts/npm-pack.sh), installs the
# launcher and this machine's platform package together into a scratch project without any
# registry, and runs `npx ttlint` there.
#
# usage: scripts/test-npm-package.sh [--skip-build] [--binary PATH]
#        scripts/test-npm-package.sh --tarballs LAUNCHER.tgz PLATFORM.tgz
#
#   --skip-build, --binary   passed to scripts/npm-pack.sh (reuse a built binary)
#   --tarballs A B           test these two tarballs instead of packing
#
# No network: npm runs with --offline, an empty cache, no user .npmrc and a registry address
# that refuses connections, so any attempt to reach a registry fails the install.
# Prints PASS/FAIL per check and 'N passed, N failed'; exits 1 if any check failed, or if the
# whole test took longer than its budget (TTLINT_NPM_TEST_BUDGET seconds, default 180).
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
start=$SECONDS
budget=${TTLINT_NPM_TEST_BUDGET:-180}
pack_args=()
launcher_tgz=""
platform_tgz=""

while (($#)); do
  case "$1" in
    --skip-build) pack_args+=(--skip-build) ;;
    --binary)
      [[ $# -ge 2 ]] || { echo "test-npm-package: --binary needs a path" >&2; exit 2; }
      pack_args+=(--binary "$2"); shift ;;
    --tarballs)
      [[ $# -ge 3 ]] || { echo "test-npm-package: --tarballs needs two files" >&2; exit 2; }
      launcher_tgz="$2"; platform_tgz="$3"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "test-npm-package: unknown argument: $1" >&2; exit 2 ;;
  esac
  shift
done

passed=0
failed=0
pass() { passed=$((passed + 1)); printf 'PASS: %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAIL: %s\n' "$*"; }
finish() {
  local took=$((SECONDS - start))
  printf 'npm package test: %ss\n' "$took"
  # The time budget: installing from the tarballs is what a user waits for, and a step that
  # creeps past it (a registry timeout retried, a slow postinstall) is a regression.
  if ((took > budget)); then
    fail "took ${took}s, over the budget of ${budget}s (TTLINT_NPM_TEST_BUDGET)"
  fi
  printf '%d passed, %d failed\n' "$passed" "$failed"
  ((failed == 0))
  exit $?
}
# Shows the last lines of a command's output under a FAIL.
show() { sed -e 's/^/    | /' "$1" | tail -n "${2:-25}"; }

scratch="$(mktemp -d "${TMPDIR:-/tmp}/ttlint-npm-test.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# --- pack -------------------------------------------------------------------------------------
if [[ -z "$launcher_tgz" ]]; then
  if bash "$repo/scripts/npm-pack.sh" --out "$scratch/pack" "${pack_args[@]}" >"$scratch/tarballs" 2>"$scratch/pack.log"; then
    launcher_tgz="$(sed -n 1p "$scratch/tarballs")"
    platform_tgz="$(sed -n 2p "$scratch/tarballs")"
    pass "scripts/npm-pack.sh ${pack_args[*]}: $(basename "$launcher_tgz") $(basename "$platform_tgz")"
  else
    fail "scripts/npm-pack.sh ${pack_args[*]}"
    show "$scratch/pack.log"
    finish
  fi
fi
for tgz in "$launcher_tgz" "$platform_tgz"; do
  [[ -f "$tgz" ]] || { fail "no tarball at $tgz"; finish; }
done
launcher_tgz="$(cd "$(dirname "$launcher_tgz")" && pwd)/$(basename "$launcher_tgz")"
platform_tgz="$(cd "$(dirname "$platform_tgz")" && pwd)/$(basename "$platform_tgz")"

version="$(tar -xzOf "$launcher_tgz" package/package.json | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).version')"
platform_pkg="$(tar -xzOf "$platform_tgz" package/package.json | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).name')"
host_pkg="ttlint-$(node -p 'process.platform + "-" + process.arch')"
if [[ "$platform_pkg" == "$host_pkg" ]]; then
  pass "platform package $platform_pkg matches this machine"
else
  fail "platform package is $platform_pkg, this machine needs $host_pkg"
  finish
fi
if tar -tvzf "$platform_tgz" | grep -E ' package/bin/ttlint(\.exe)?$' | grep -q '^-rwx'; then
  pass "the binary in $(basename "$platform_tgz") is executable (mode kept by npm pack)"
else
  fail "the binary in $(basename "$platform_tgz") lost its executable bit"
  tar -tvzf "$platform_tgz" | show /dev/stdin
fi

# --- npm without a registry -------------------------------------------------------------------
export npm_config_cache="$scratch/npm-cache"        # empty: nothing can come from a cache
export npm_config_userconfig="$scratch/npmrc"       # ignore ~/.npmrc
export npm_config_registry="http://127.0.0.1:9/"    # port 9 (discard): connection refused
export npm_config_offline=true
export npm_config_fetch_retries=0                   # fail at once, should anything reach out
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel=warn
: >"$npm_config_userconfig"

new_project() {
  mkdir -p "$1"
  printf '{ "name": "scratch-%s", "version": "1.0.0", "private": true }\n' "$(basename "$1")" >"$1/package.json"
}

# 1. Both tarballs in one install: npm takes the platform package from its tarball, skips the
#    other five platforms' optional dependencies (wrong os/cpu) without fetching them.
project="$scratch/project"
new_project "$project"
if (cd "$project" && npm install --offline --no-audit --no-fund "$launcher_tgz" "$platform_tgz") >"$scratch/install.log" 2>&1; then
  pass "npm install --offline $(basename "$launcher_tgz") $(basename "$platform_tgz")"
else
  fail "npm install --offline of both tarballs (exit $?)"
  show "$scratch/install.log"
  finish
fi
# npm looks up all six optional platform packages (the debug log says `packumentCache ...
# cache-miss`); with --offline a miss is a failed optional dependency, skipped, and no request is
# made. A request would log `http fetch GET <url>` (and fail: ECONNREFUSED).
debug_logs=("$npm_config_cache"/_logs/*-debug-*.log)
lookups="$(cat "${debug_logs[@]}" 2>/dev/null | grep -cE 'packumentCache .*/ttlint-(linux|darwin|win32)-' || true)"
if [[ ! -f "${debug_logs[0]}" ]]; then
  fail "npm wrote no debug log in $npm_config_cache/_logs: cannot check for registry requests"
elif grep -qE 'http fetch|ECONNREFUSED|ENOTCACHED|ETIMEDOUT' "${debug_logs[@]}"; then
  fail "npm tried to reach a registry during the install"
  grep -hE 'http fetch|ECONNREFUSED|ENOTCACHED|ETIMEDOUT' "${debug_logs[@]}" | show /dev/stdin 10
else
  pass "no registry request during the install ($lookups optional platform look-ups, all answered offline)"
fi
others=""
for dir in "$project"/node_modules/ttlint-*; do
  [[ -e "$dir" && "$(basename "$dir")" != "$platform_pkg" ]] && others+="$(basename "$dir") "
done
if [[ -x "$project/node_modules/$platform_pkg/bin/ttlint" || -f "$project/node_modules/$platform_pkg/bin/ttlint.exe" ]] && [[ -z "$others" ]]; then
  pass "node_modules has $platform_pkg (binary executable) and no other platform package"
else
  fail "node_modules: $platform_pkg binary missing or not executable, or other platforms installed: ${others:-none}"
  find "$project/node_modules" -maxdepth 3 -path '*ttlint*' -exec ls -ld {} + 2>&1 | show /dev/stdin
fi
if (cd "$project" && node -e '
  const lock = require("./package-lock.json").packages;
  const deps = lock["node_modules/ttlint"].optionalDependencies || {};
  process.exit(Object.keys(deps).length === 6 ? 0 : 1);') 2>/dev/null; then
  pass "package-lock.json records ttlint's six optionalDependencies"
else
  fail "package-lock.json does not record ttlint's six optionalDependencies"
fi

# 2. npx ttlint --version
out="$(cd "$project" && npx --no-install ttlint --version 2>&1)"
code=$?
if [[ $code -eq 0 && "$out" == "ttlint $version" ]]; then
  pass "npx ttlint --version -> '$out', exit 0"
else
  fail "npx ttlint --version -> exit $code, output '$out' (expected 'ttlint $version', exit 0)"
fi

# 3. npx ttlint <repo>/fixtures/demo-shop: findings, exit 1
(cd "$project" && npx --no-install ttlint --color never "$repo/fixtures/demo-shop") >"$scratch/demo.log" 2>&1
code=$?
if [[ $code -eq 1 ]] && grep -q 'deprecated-tt-pay' "$scratch/demo.log" && grep -qE '✖ [0-9]+ errors?' "$scratch/demo.log"; then
  pass "npx ttlint fixtures/demo-shop -> exit 1, $(grep -E '✖ [0-9]+ error' "$scratch/demo.log" | tail -n 1 | sed 's/^ *//')"
else
  fail "npx ttlint fixtures/demo-shop -> exit $code (expected 1 with findings)"
  show "$scratch/demo.log"
fi

# The remaining checks call the bin link npm made (what npx runs), without npx's start-up cost.
ttlint_bin="$project/node_modules/.bin/ttlint"

# 4. Exit code 2 passes through: a path that does not exist
(cd "$project" && "$ttlint_bin" "$scratch/no-such-folder") >"$scratch/missing.log" 2>&1
code=$?
if [[ $code -eq 2 ]]; then
  pass "ttlint <missing path> -> exit 2"
else
  fail "ttlint <missing path> -> exit $code (expected 2)"
  show "$scratch/missing.log"
fi

# 5. A clean project lints clean: exit 0
clean="$scratch/clean-app"
mkdir -p "$clean/pages/index"
printf '{ "pages": ["pages/index/index"] }\n' >"$clean/app.json"
printf '<view>hello</view>\n' >"$clean/pages/index/index.ttml"
printf 'Page({ data: {} });\n' >"$clean/pages/index/index.js"
(cd "$project" && "$ttlint_bin" --color never "$clean") >"$scratch/clean.log" 2>&1
code=$?
if [[ $code -eq 0 ]]; then
  pass "ttlint <clean mini-program> -> exit 0"
else
  fail "ttlint <clean mini-program> -> exit $code (expected 0)"
  show "$scratch/clean.log"
fi

# 6. The launcher dies by the signal that killed the binary (TTLINT_BINARY override)
if [[ "$(uname -s)" != MINGW* && "$(uname -s)" != MSYS* ]]; then
  printf '#!/bin/sh\nkill -TERM $$\n' >"$scratch/killed.sh"
  chmod +x "$scratch/killed.sh"
  # In an inner shell, which reports the death by signal to its own (discarded) stderr.
  bash -c 'cd "$1" && TTLINT_BINARY="$2" "$3"; exit $?' _ "$project" "$scratch/killed.sh" "$ttlint_bin" >/dev/null 2>&1
  code=$?
  if [[ $code -eq 143 ]]; then
    pass "TTLINT_BINARY override used; SIGTERM forwarded (exit 143)"
  else
    fail "TTLINT_BINARY killed by SIGTERM -> launcher exit $code (expected 143)"
  fi
fi
out="$(cd "$project" && TTLINT_BINARY="$scratch/nothing-here" "$ttlint_bin" --version 2>&1)"
code=$?
if [[ $code -eq 2 && "$out" == *"TTLINT_BINARY"* ]]; then
  pass "TTLINT_BINARY pointing nowhere -> exit 2 with a message"
else
  fail "TTLINT_BINARY pointing nowhere -> exit $code: $out"
fi

# 7. Installed without optional dependencies: a clear message (English and Chinese), exit 2
bare="$scratch/bare"
new_project "$bare"
if (cd "$bare" && npm install --offline --omit=optional --no-audit --no-fund "$launcher_tgz") >"$scratch/bare.log" 2>&1; then
  out="$(cd "$bare" && node_modules/.bin/ttlint --version 2>&1)"
  code=$?
  if [[ $code -eq 2 && "$out" == *"$platform_pkg is not installed"* && "$out" == *"未安装 $platform_pkg"* ]]; then
    pass "installed with --omit=optional: ttlint -> exit 2, explains (English + 中文)"
  else
    fail "installed with --omit=optional: ttlint -> exit $code: $out"
  fi
else
  fail "npm install --offline --omit=optional of the launcher alone"
  show "$scratch/bare.log"
fi

finish
