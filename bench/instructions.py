#!/usr/bin/env python3
"""Instructions ttlint executes, counted by valgrind: a noise-free yardstick for CPU work.

    python3 bench/instructions.py --vs /path/to/ttlint-before          # against a saved binary
    python3 bench/instructions.py --binary target/release/ttlint --vs OLD --work /tmp/ins

Wall time on a shared machine drifts by a fifth between runs, so a change worth a few percent
cannot be told from noise with `bench.py`; the number of instructions a run executes is the same
to 0.01% from run to run. It is a proxy (it ignores cache misses, page faults and the second
thread), so claim time with `bench.py` or with paired runs (the two binaries in alternation, the
ratio taken pair by pair), and use this to see which way a change goes and by how much.

It runs each binary on one thread (`--threads 1`, JSON output) under
`valgrind --tool=cachegrind --cache-sim=no` over small corpora generated with
`bench/gen_corpus.py` (seed 42, `--app`: native 400 pages, uni-app 200, Taro 200) and the bundled
example app, and prints the instruction counts and their ratio. Needs valgrind (`apt install
valgrind`); each binary takes about a minute.
"""
import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = 42
CORPORA = [("native", 400), ("uni", 200), ("taro", 200)]


def corpus(work, dialect, pages):
    """The generated corpus, made unless it is already there."""
    out = work / f"corpus-{dialect}-{pages}"
    if not (out / "manifest.json").exists():
        subprocess.run([sys.executable, str(REPO / "bench" / "gen_corpus.py"), "--out", str(out),
                        "--pages", str(pages), "--seed", str(SEED), "--app", "--dialect", dialect],
                       check=True, stdout=subprocess.DEVNULL)
    return out


def instructions(binary, folder):
    """Instructions a one-thread run of `binary` on `folder` executes."""
    run = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no",
                          "--cachegrind-out-file=/dev/null", binary, "--threads", "1",
                          "--format", "json", "."],
                         cwd=folder, capture_output=True, text=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if not found:
        sys.exit(f"valgrind gave no count for {binary} on {folder}:\n{run.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=str(REPO / "target" / "release" / "ttlint"),
                    help="the ttlint to measure (default target/release/ttlint)")
    ap.add_argument("--vs", required=True, help="the ttlint to compare it with")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "ttlint-bench",
                    help="where corpora are generated (default $TMPDIR/ttlint-bench)")
    a = ap.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed (apt install valgrind)")
    folders = [(f"{d} {n} pages", corpus(a.work, d, n)) for d, n in CORPORA]
    folders.append(("fixtures/demo-shop", REPO / "fixtures" / "demo-shop"))
    print("| corpus | instructions | baseline | ratio |")
    print("|---|---:|---:|---:|")
    for label, folder in folders:
        new, old = instructions(a.binary, folder), instructions(a.vs, folder)
        print(f"| {label} | {new:,} | {old:,} | {new / old:.4f} |", flush=True)


if __name__ == "__main__":
    main()
