#!/usr/bin/env bash
# Runs fuzz targets one after another (never two at once: the machine is shared), each for a given
# time, and prints per target: executions, coverage (cov, ft), corpus size and findings (crash,
# timeout and out-of-memory inputs saved under fuzz/artifacts/<target>/).
#
#   fuzz/run.sh SECONDS [TARGET...]      default: every target
#   RUNS=1000000 fuzz/run.sh SECONDS …    stop a target at RUNS executions, or SECONDS if sooner
#   NICE=5 fuzz/run.sh SECONDS …          run at that niceness (default 19: others keep the machine)
#
# Bounds: an input taking over 1 s is a timeout, over 2 GB of memory an out-of-memory. libFuzzer
# measures wall time, and on the shared machine a fuzzer under `nice -n 19` is at times descheduled
# for over a second (three "timeouts" replayed in 0-2 ms), so it saves inputs over 1 s as
# slow-unit-* without stopping, stops only at 3 s, and the script replays every slow unit: only one
# still over 1 s on its own is a finding. The
# working corpora (fuzz/corpus/<target>/) are seeded from fixtures/ on first use and kept between
# runs; the dictionaries are fuzz/dict/. Safe Rust: no sanitizer (-s none).
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(ttml vue tsx jsonc app_config suppressions project)

# Which fixture files seed which target, and which dictionary it uses.
seed_glob() {
  case $1 in
    ttml) echo "*.ttml" ;;
    vue) echo "*.vue" ;;
    tsx) echo "*.tsx *.jsx *.ts *.js" ;;
    jsonc) echo "*.json" ;;
    app_config) echo "*.config.ts *.config.js" ;;
    suppressions) echo "*.js *.ttml" ;;
    project) echo "" ;;
  esac
}
dict_of() {
  case $1 in
    ttml | vue) echo dict/markup.dict ;;
    tsx | app_config) echo dict/script.dict ;;
    jsonc) echo dict/json.dict ;;
    suppressions) echo dict/suppress.dict ;;
    project) echo dict/markup.dict ;;
  esac
}

if [ -z "${NO_BUILD:-}" ]; then
  nice -n "${NICE:-19}" cargo +nightly fuzz build -s none >/dev/null 2>build.log ||
    { tail -30 build.log; exit 1; }
fi
bin=target/x86_64-unknown-linux-gnu/release

printf '%-13s %9s %12s %8s %8s %7s %s\n' target seconds execs cov ft corpus findings
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  if [ -z "$(ls -A "corpus/$t")" ]; then
    for g in $(seed_glob "$t"); do
      find ../fixtures -name "$g" -size -64k -exec sh -c 'cp "$1" "corpus/'"$t"'/$(echo "$1" | md5sum | cut -c1-16)"' _ {} \;
    done
  fi
  log="logs/$t.$(date +%Y%m%d-%H%M%S).log"
  mkdir -p logs
  before=$(ls "artifacts/$t" | wc -l)
  start=$(date +%s)
  # Parsers: small inputs explore faster; the engine's structured input needs more bytes, and
  # from the start: at a few hundred inputs a second, libFuzzer's slow growth of the length
  # limit (len_control) kept it at a dozen bytes, too few to describe a project, for an hour.
  max_len=8192 len_control=100
  [ "$t" = project ] && max_len=65536 len_control=0
  TTLINT_FUZZ_STATS=1 nice -n "${NICE:-19}" "$bin/$t" "corpus/$t" \
    -max_total_time="$seconds" ${RUNS:+-runs=$RUNS} -timeout=3 -report_slow_units=1 -rss_limit_mb=2048 -max_len=$max_len -len_control=$len_control \
    -dict="$(dict_of "$t")" -artifact_prefix="artifacts/$t/" -print_final_stats=1 \
    >"$log" 2>&1
  took=$(($(date +%s) - start))
  # Replay each slow unit alone, three times: still over 1 s at its fastest, it is a timeout;
  # otherwise the machine was busy (a replay under `nice` on a busy machine is itself slowed).
  for f in artifacts/$t/slow-unit-*; do
    [ -e "$f" ] || continue
    ms=
    for _ in 1 2 3; do
      run=$(nice -n "${NICE:-19}" "$bin/$t" "$f" 2>&1 | grep -o 'in [0-9]* ms' | grep -o '[0-9]*')
      if [ -z "$ms" ] || [ "${run:-0}" -lt "$ms" ]; then ms=${run:-0}; fi
    done
    if [ "${ms:-0}" -gt 1000 ]; then
      mv "$f" "artifacts/$t/timeout-${f##*slow-unit-}"
    else
      rm "$f"
    fi
  done
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | grep -E 'cov: ' | tail -1)
  cov=$(echo "$last" | grep -o 'cov: [0-9]*' | grep -o '[0-9]*')
  ft=$(echo "$last" | grep -o 'ft: [0-9]*' | grep -o '[0-9]*')
  corpus=$(ls "corpus/$t" | wc -l)
  after=$(ls "artifacts/$t" | wc -l)
  found=$((after - before))
  printf '%-13s %9s %12s %8s %8s %7s %s\n' "$t" "$took" "${execs:-?}" "${cov:-?}" "${ft:-?}" \
    "$corpus" "$found$( [ "$found" -gt 0 ] && echo " (see artifacts/$t, $log)")"
  grep -h '#project-pass' "$log" | tail -1
done
