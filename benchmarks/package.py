"""Benchmarks of the package, measured side by side in one run and reported as ratios.

1. A fresh process running `import sinosoviet; sinosoviet.load(t)` against one running
   `import pandas; pandas.read_csv(<same file>)` (target: ratio at most 1.1).
2. `sinosoviet validate` on a synthetic 1,000,000-row `arrests` table against
   `frictionless validate` of the same data package (target: at least 10 times faster,
   peak memory under 2 GB).

Run: python benchmarks/package.py [--rows 1000000] [--repeat 15] [--validate-repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import synthetic_checkout

import sinosoviet
from sinosoviet.data_files import datasets_dir
from sinosoviet.descriptor import build_descriptor, render

BIN = Path(sys.executable).parent


def run(command: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        error = f"{' '.join(command)} failed: {child.stderr.read().decode()[-500:]}"
        raise RuntimeError(error)
    return seconds, usage.ru_maxrss / 1024


def load_against_read_csv(repeat: int) -> list[str]:
    rows = [
        "| table | rows | `sinosoviet.load` (median s) | `pandas.read_csv` (median s) | ratio |",
        "|---|---|---|---|---|",
    ]
    for table in sinosoviet.tables():
        path = datasets_dir() / f"{table}.csv"
        ours = [sys.executable, "-c", f"import sinosoviet; sinosoviet.load({table!r})"]
        theirs = [sys.executable, "-c", f"import pandas; pandas.read_csv({str(path)!r})"]
        a, b = [], []
        for _ in range(repeat):  # alternate, so drift in the machine hits both alike
            a.append(run(ours)[0])
            b.append(run(theirs)[0])
        ratio = statistics.median(a) / statistics.median(b)
        rows.append(
            f"| {table} | {len(sinosoviet.load(table))} | {statistics.median(a):.3f} "
            f"| {statistics.median(b):.3f} | {ratio:.2f} |"
        )
    return rows


def validate_against_frictionless(rows: int, repeat: int) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        root = synthetic_checkout(Path(folder), rows)
        (root / "datapackage.json").write_text(render(build_descriptor(root)))
        size = (root / "datasets" / "arrests.csv").stat().st_size / 1e6
        ours_command = [str(BIN / "sinosoviet"), "validate", "--datasets", str(root / "datasets")]
        runs_ours, runs_again, runs_theirs = [], [], []
        for _ in range(repeat):  # alternate, so drift in the machine hits both alike
            runs_theirs.append(run([str(BIN / "frictionless"), "validate", "datapackage.json"], cwd=root))
            runs_ours.append(run(ours_command))
            # The same again at once: the file is now surely in the page cache. (On this
            # machine the kernel reclaims pages not touched for a while, so a run that
            # follows frictionless's minute-long pass often reads part of the file from disk.)
            runs_again.append(run(ours_command))
    theirs = statistics.median(r[0] for r in runs_theirs)
    table = [
        "| validator | wall time, median (s) | peak memory (MB) | frictionless / this |",
        "|---|---|---|---|",
        f"| `frictionless validate datapackage.json` | {theirs:.1f} "
        f"| {max(r[1] for r in runs_theirs):,.0f} | 1 |",
    ]
    for label, runs in (("right after frictionless", runs_ours), ("run again, file cached", runs_again)):
        seconds = statistics.median(r[0] for r in runs)
        table.append(
            f"| `sinosoviet validate`, {label} | {seconds:.1f} | {max(r[1] for r in runs):,.0f} "
            f"| **{theirs / seconds:.1f}** |"
        )
    return [
        f"Synthetic `arrests` table: {rows:,} rows, {size:,.0f} MB, the real tables beside it. "
        f"Median of {repeat} rounds; peak memory is the largest seen.",
        "",
        *table,
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=15, help="runs of each load, per table")
    parser.add_argument("--validate-repeat", type=int, default=3, help="runs of each validator")
    parser.add_argument("--only", choices=["load", "validate"], help="run one of the two")
    args = parser.parse_args()
    if args.only != "validate":
        print("\n".join(load_against_read_csv(args.repeat)), end="\n\n")
    if args.only != "load":
        print("\n".join(validate_against_frictionless(args.rows, args.validate_repeat)))


if __name__ == "__main__":
    main()
