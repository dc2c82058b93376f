#!/usr/bin/env bash
# Builds the ttlint binary that ships (the npm package packs it, the benchmark times it):
# `cargo build --release`, optimised with a profile of ttlint's own runs (profile-guided
# optimisation, PGO), the way rustc and CPython ship theirs.
#
# usage: scripts/build-release.sh [--no-pgo]
#
#   (no flag)   1. builds an instrumented binary (into target/pgo/);
#               2. runs it over the bundled example apps (fixtures/) and the precision corpora
#                  (tests/precision/): every dialect, the pretty and JSON reports, one thread
#                  and all of them;
#               3. merges what the runs counted, and builds target/release/ttlint with it.
#               About eight minutes on two cores. On the benchmark's 5,000 pages the binary
#               takes 0.85x to 0.89x the time of a plain release build (paired runs, the two
#               builds in alternation, 10 pairs in each of two sessions); the training runs
#               never see the benchmark's pages.
#   --no-pgo    a plain `cargo build --release`.
#
# Needs rustup's llvm-tools component (for llvm-profdata), added when missing. Honours
# CARGO_TARGET_DIR. Progress goes to stderr; stdout gets the binary's absolute path.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

say() { printf 'build-release: %s\n' "$*" >&2; }
die() { printf 'build-release: error: %s\n' "$*" >&2; exit 2; }

pgo=1
while (($#)); do
  case "$1" in
    --no-pgo) pgo=0 ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done

target_dir="${CARGO_TARGET_DIR:-target}"
[[ "$target_dir" = /* ]] || target_dir="$repo/$target_dir"
binary="$target_dir/release/ttlint"

if ((pgo)); then
  host="$(rustc -vV | sed -n 's/^host: //p')"
  profdata="$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata"
  if [[ ! -x "$profdata" ]]; then
    say "adding rustup's llvm-tools component (llvm-profdata)"
    rustup component add llvm-tools >&2
  fi
  [[ -x "$profdata" ]] || die "no llvm-profdata at $profdata"

  work="$target_dir/pgo"
  rm -rf "$work/counts"
  mkdir -p "$work/counts"
  say "building the instrumented binary"
  RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-generate=$work/counts" \
    cargo build --release --locked --quiet --target-dir "$work/target" >&2
  trained="$work/target/release/ttlint"

  say "training on fixtures/ and tests/precision/"
  for app in fixtures/*/ tests/precision/*/; do
    for run in "--format json" "--format json --threads 1" "--color never"; do
      # Exit 1 is an app with findings; 2 would be ttlint failing, which no profile should hide.
      status=0
      # shellcheck disable=SC2086 # the run's flags are words on purpose
      (cd "$app" && "$trained" . $run >/dev/null 2>&1) || status=$?
      ((status <= 1)) || die "the instrumented ttlint failed (exit $status) on $app with $run"
    done
  done
  "$profdata" merge -o "$work/ttlint.profdata" "$work/counts"

  say "building the release binary with the profile"
  RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-use=$work/ttlint.profdata" \
    cargo build --release --locked --quiet >&2
else
  say "cargo build --release"
  cargo build --release --locked --quiet >&2
fi

[[ -x "$binary" ]] || die "no binary at $binary"
printf '%s\n' "$binary"
