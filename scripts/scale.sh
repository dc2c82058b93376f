#!/usr/bin/env bash
# Hostile input at scale, through the release binary: each case is generated once, linted under
# /usr/bin/time -v, and checked against its bounds on the project's 2-core, 24 GB machine.
#
#   scripts/scale.sh [WORK_DIR]          default WORK_DIR: target/scale
#
# | case      | input                                         | bounds          |
# | tree      | 100,000 files: mini-programs, loose code, …   | ≤ 60 s, ≤ 2 GB  |
# | minified  | one 50 MB minified line, a tt.pay per 100     | ≤ 15 s, ≤ 3 GB  |
# | template  | one 10 MB TTML template                       | ≤ 10 s          |
# | app       | a mini-program of 10,000 pages                | ≤ 30 s          |
#
# A case passes when the run stays in bounds, exits 0 or 1 (never 2 or a crash), and reports the
# findings planted in it. Runs under `nice -n 19`: the machine is shared. Exits 1 if a case fails.
set -uo pipefail
cd "$(dirname "$0")/.."
work=${1:-target/scale}
mkdir -p "$work"
nice -n 19 cargo build --release --quiet || exit 1
bin=$PWD/target/release/ttlint
gen="python3 scripts/scale_gen.py"

[ -d "$work/tree" ] || $gen tree "$work/tree" 100000
[ -d "$work/minified" ] || $gen minified "$work/minified" 50
[ -d "$work/template" ] || $gen template "$work/template" 10
if [ ! -d "$work/app" ]; then
  # The benchmark corpus generator, when shared/ is beside the repository; ours otherwise.
  corpus=${GEN_CORPUS:-/work/shared/bench/gen_corpus.py}
  if [ -f "$corpus" ]; then
    python3 "$corpus" --out "$work/app" --pages 10000 --seed 42 --app >/dev/null
  else
    $gen app "$work/app" 10000
  fi
fi

status=0
printf '| %-9s | %8s | %8s | %7s | %9s | %9s | %9s | %4s | %8s | %-4s |\n' \
  case files MB "wall s" "bound s" "peak MB" "bound MB" exit findings ok
printf '|%s|\n' "-----------|----------|----------|---------|-----------|-----------|-----------|------|----------|------"
# case, bound seconds, bound MB (0: none), planted finding (a substring of the JSON output)
run() {
  local name=$1 bound_s=$2 bound_mb=$3 planted=$4
  local dir="$work/$name" out="$work/$name.findings.json" time="$work/$name.time"
  local files mb
  files=$(find "$dir" -type f | wc -l)
  mb=$(du -sm "$dir" | cut -f1)
  /usr/bin/time -v -o "$time" nice -n 19 "$bin" "$dir" --format json >"$out" 2>"$work/$name.stderr"
  local code=$?
  local wall rss secs peak findings ok=yes
  wall=$(grep 'Elapsed (wall clock)' "$time" | awk '{print $NF}')
  secs=$(echo "$wall" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
  rss=$(grep 'Maximum resident set size' "$time" | awk '{print $NF}')
  peak=$((rss / 1024))
  findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["diagnostics"]))' "$out" 2>/dev/null || echo "?")
  awk -v s="$secs" -v b="$bound_s" 'BEGIN { exit !(s <= b) }' || ok=no
  [ "$bound_mb" -eq 0 ] || [ "$peak" -le "$bound_mb" ] || ok=no
  [ "$code" -le 1 ] || ok=no
  grep -q -- "$planted" "$out" || ok=no
  [ "$ok" = yes ] || status=1
  printf '| %-9s | %8s | %8s | %7s | %9s | %9s | %9s | %4s | %8s | %-4s |\n' \
    "$name" "$files" "$mb" "$secs" "≤ $bound_s" "$peak" "$([ "$bound_mb" -eq 0 ] && echo - || echo "≤ $bound_mb")" \
    "$code" "$findings" "$ok"
}
run tree 60 2048 '"rule": "deprecated-tt-pay"'
run minified 15 3072 '"rule": "deprecated-tt-pay"'
run template 10 0 '"rule": "drainage-contact"'
run app 30 0 '"rule": "deprecated-tt-pay"'
exit $status
