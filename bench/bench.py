#!/usr/bin/env python3
"""ttlint's benchmark: one table of wall time and peak memory beside its peers.

    python3 bench/bench.py                  # the full table (about 10 minutes on 2 cores)
    python3 bench/bench.py --pages 5000 --runs 3 --no-eslint

What it does:
  1. builds ttlint as it ships (`scripts/build-release.sh`: release, with profile-guided
     optimisation trained on the bundled apps, never on these corpora; `--no-pgo` skips it) and
     the parse floors (`bench/floor`, release, fat LTO as ttlint, no PGO);
  2. generates the corpora with `bench/gen_corpus.py` (seed 42, `--app`: one mini-program, so the
     project pass runs): native pages at each `--pages` count, and the same pages as uni-app
     `.vue` and Taro `.tsx` at the first count;
  3. installs oxlint and ESLint from npm into a scratch folder outside the repository (`--peers`,
     default `$TMPDIR/ttlint-bench/peers`), with the one-rule configurations in `bench/peers/`;
  4. runs every command once to warm the page cache, then `--runs` rounds, each running every
     command once (in a rotating order); ESLint runs once, on the first count only (it takes
     about 45 s);
  5. prints one table: medians of each command's wall time, CPU time and peak RSS, and ratios
     taken round by round (A/B within the same round, then the median), so that a machine whose
     speed drifts still compares like with like.

The commands: ttlint with all rules at the app root (`--threads 1` and `--threads 2`; ttlint
otherwise uses one thread per core, and `RAYON_NUM_THREADS` sets the default too); two floors
that read and parse every script and do nothing else, on the same threads: swc's (the floor the
performance issue set its bar with) and oxc's (ttlint's own parse); oxlint with one rule on
`pages/`; ESLint with the same rule on `pages/`.

Timing uses `wait4(2)`: wall time around the process, its CPU time and its peak resident set
size as the kernel accounts them, which is what `/usr/bin/time -v` reports.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
PEER_PACKAGES = ["oxlint@1.94.0", "eslint@10", "@typescript-eslint/parser@8"]
SEED = 42


def log(*args):
    print(*args, file=sys.stderr, flush=True)


FLOOR = BENCH / "floor"


def build(pgo):
    """Builds the binary that ships (`scripts/build-release.sh`: PGO unless `pgo` is false) and
    the parse floors (release, without PGO)."""
    log("building ttlint as it ships" + ("" if pgo else " (without PGO)") + ", and the parse floors…")
    script = [str(REPO / "scripts" / "build-release.sh")] + ([] if pgo else ["--no-pgo"])
    subprocess.run(script, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=FLOOR, check=True)


def target_dir():
    out = subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps"], cwd=REPO,
                         check=True, capture_output=True, text=True).stdout
    return Path(json.loads(out)["target_directory"])


def corpus(work, pages, dialect):
    """The corpus of `pages` pages in `dialect`, generated unless it is already there."""
    out = work / f"corpus-{dialect}-{pages}"
    manifest = out / "manifest.json"
    if manifest.exists():
        m = json.loads(manifest.read_text())
        if m.get("pages") == pages and m.get("seed") == SEED and m.get("app"):
            return out, m
        shutil.rmtree(out)
    log(f"generating {pages} {dialect} pages in {out}…")
    subprocess.run([sys.executable, str(BENCH / "gen_corpus.py"), "--out", str(out), "--pages",
                    str(pages), "--seed", str(SEED), "--app", "--dialect", dialect],
                   check=True, stdout=subprocess.DEVNULL)
    return out, json.loads(manifest.read_text())


def peers(folder):
    """oxlint and ESLint installed in `folder` (outside the repository), with their configs."""
    folder.mkdir(parents=True, exist_ok=True)
    bins = folder / "node_modules" / ".bin"
    if not (bins / "oxlint").exists() or not (bins / "eslint").exists():
        log(f"installing {' '.join(PEER_PACKAGES)} into {folder}…")
        if not (folder / "package.json").exists():
            (folder / "package.json").write_text('{ "private": true, "type": "module" }\n')
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", *PEER_PACKAGES],
                       cwd=folder, check=True)
    # ESLint resolves the parser the config imports from the config's own folder.
    for name in ("eslint.config.mjs", "oxlintrc.json"):
        shutil.copy(BENCH / "peers" / name, folder / name)
    return bins


def measure(cmd, cwd):
    """Runs a command to completion: (wall s, CPU s, peak RSS MB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def machine():
    model = "unknown processor"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({model}){mem}, {platform.system()} {platform.release()}"


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout
        return out.strip().splitlines()[0].replace("Version: ", "") if out.strip() else "?"
    except (OSError, subprocess.SubprocessError):
        return "?"


def source_bytes(manifest):
    return sum(manifest["bytes"].values())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", default="5000,10000",
                    help="page counts of the native corpora, comma-separated (default 5000,10000); "
                         "the first is also generated as .vue and .tsx")
    ap.add_argument("--runs", type=int, default=5, help="rounds (default 5)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "ttlint-bench",
                    help="where corpora are generated (default $TMPDIR/ttlint-bench)")
    ap.add_argument("--peers", type=Path, default=None,
                    help="where oxlint and ESLint are installed (default WORK/peers)")
    ap.add_argument("--no-eslint", action="store_true", help="skip the ESLint run")
    ap.add_argument("--no-build", action="store_true", help="use the binaries already built")
    ap.add_argument("--no-pgo", action="store_true",
                    help="build ttlint without profile-guided optimisation (as `cargo build "
                         "--release` does; the build takes half the time)")
    a = ap.parse_args()
    counts = [int(n) for n in a.pages.split(",")]
    if not a.no_build:
        build(not a.no_pgo)
    target = target_dir() / "release"
    ttlint, floor = str(target / "ttlint"), str(FLOOR / "target" / "release" / "floor")
    bins = peers(a.peers or a.work / "peers")
    oxlint, eslint = str(bins / "oxlint"), str(bins / "eslint")
    peer_dir = (a.peers or a.work / "peers")

    # (label, corpus dir, manifest, command): every command that runs in each round.
    jobs = []
    corpora = {}
    for i, pages in enumerate(counts):
        dialects = ["native", "uni", "taro"] if i == 0 else ["native"]
        for dialect in dialects:
            root, manifest = corpus(a.work, pages, dialect)
            corpora[(dialect, pages)] = (root, manifest)
            for threads in (1, 2):
                if dialect != "native" and threads == 1:
                    continue
                jobs.append(((dialect, pages, f"ttlint, {threads} thread{'s' * (threads > 1)}"), root,
                             [ttlint, "--threads", str(threads), "--format", "json", "."]))
                for parser in ("swc", "oxc"):
                    jobs.append(((dialect, pages, f"{parser} parse floor, {threads} thread{'s' * (threads > 1)}"),
                                 root, [floor, "--parser", parser, "--threads", str(threads), "."]))
            if dialect == "native":
                jobs.append(((dialect, pages, "oxlint, 1 rule"), root,
                             [oxlint, "-c", str(peer_dir / "oxlintrc.json"), "pages"]))

    log("warming up…")
    for _, root, cmd in jobs:
        measure(cmd, root)
    results = {label: [] for label, _, _ in jobs}
    for r in range(a.runs):
        log(f"round {r + 1}/{a.runs}…")
        order = jobs[r % len(jobs):] + jobs[:r % len(jobs)]
        for label, root, cmd in order:
            results[label].append(measure(cmd, root))
    if not a.no_eslint:
        root, _ = corpora[("native", counts[0])]
        log("ESLint, one run…")
        label = ("native", counts[0], "ESLint, 1 rule (one run)")
        results[label] = [measure([eslint, "-c", str(peer_dir / "eslint.config.mjs"), "pages"], root)]

    def med(label, i):
        return statistics.median(r[i] for r in results[label])

    def ratio(a_label, b_label, i=0):
        """The median over rounds of A/B (ESLint has one run: its value over B's median)."""
        xs, ys = results[a_label], results[b_label]
        if len(xs) == 1 or len(ys) == 1:
            return xs[0][i] / statistics.median(y[i] for y in ys)
        return statistics.median(x[i] / y[i] for x, y in zip(xs, ys))

    first = counts[0]
    print(f"{version([ttlint, '--version'])}; oxlint {version([oxlint, '--version'])}; "
          f"ESLint {version([eslint, '--version'])}")
    print(f"machine: {machine()}; {a.runs} rounds, medians; ratios are medians of per-round ratios")
    print()
    print("| corpus | command | wall s | CPU s | peak RSS MB | wall / oxlint | wall / swc floor "
          "| wall / oxc floor | RSS / oxlint |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    rows = list(results)
    es = [r for r in rows if r[2].startswith("ESLint")]
    if es:
        # ESLint's row goes under oxlint's, on the corpus it ran on.
        rows.remove(es[0])
        rows.insert(rows.index(("native", first, "oxlint, 1 rule")) + 1, es[0])
    for label in rows:
        dialect, pages, name = label
        ox = (dialect, pages, "oxlint, 1 rule")
        threads = name.rsplit(", ", 1)[-1] if name.startswith("ttlint") else None
        floors = [(dialect, pages, f"{parser} parse floor, {threads}") for parser in ("swc", "oxc")]
        cells = [f"{pages} {dialect}", name, f"{med(label, 0):.2f}", f"{med(label, 1):.2f}",
                 f"{med(label, 2):.0f}"]
        cells.append(f"{ratio(label, ox):.2f}×" if ox in results and ox != label else "")
        for fl in floors:
            cells.append(f"{ratio(label, fl):.2f}×" if threads and fl in results else "")
        cells.append(f"{ratio(label, ox, 2):.2f}×" if ox in results and ox != label else "")
        print("| " + " | ".join(cells) + " |")
    t1, t2 = (("native", first, "ttlint, 1 thread"), ("native", first, "ttlint, 2 threads"))
    print()
    print(f"- two threads against one (ttlint, {first} pages): {ratio(t1, t2):.2f}× faster")
    if len(counts) > 1:
        big = counts[1]
        b2 = ("native", big, "ttlint, 2 threads")
        print(f"- {big} pages against {first} (ttlint, 2 threads): {ratio(b2, t2):.2f}× the time, "
              f"{ratio(b2, t2, 2):.2f}× the peak memory")
    native_bytes = source_bytes(corpora[("native", first)][1])
    for dialect, ext in (("uni", ".vue"), ("taro", ".tsx")):
        label = (dialect, first, "ttlint, 2 threads")
        if label not in results:
            continue
        per_byte = ratio(label, t2) * native_bytes / source_bytes(corpora[(dialect, first)][1])
        print(f"- cost per byte of {ext} pages against native .js/.ts + .ttml (ttlint, 2 threads): "
              f"{per_byte:.2f}×")
    for (dialect, pages), (_, manifest) in sorted(corpora.items()):
        print(f"- {pages} {dialect}: {source_bytes(manifest) / 1e6:.1f} MB of source, "
              f"{sum(v for k, v in manifest['truth'].items() if k.startswith('tt.pay') and 'comment' not in k)} "
              f"tt.pay uses")


if __name__ == "__main__":
    main()
