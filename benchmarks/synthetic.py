"""A large synthetic dataset for the benchmarks: the real tables, with `arrests` grown to N rows.

The real arrest claims are repeated with new ids, so the big table stays valid and its cells
look like the real ones (same quotes, dates and keys).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from sinosoviet.data_files import data_root


def synthetic_checkout(target: Path, rows: int) -> Path:
    """A checkout at `target` whose datasets/arrests.csv has `rows` valid rows."""
    source = data_root()
    shutil.copytree(source / "schemas", target / "schemas", dirs_exist_ok=True)
    shutil.copytree(source / "datasets", target / "datasets", dirs_exist_ok=True)
    real = pd.read_csv(source / "datasets" / "arrests.csv", dtype=str, keep_default_na=False)
    repeats = -(-rows // len(real))
    big = pd.concat([real] * repeats, ignore_index=True).iloc[:rows]
    big["id"] = big["id"] + "-" + pd.Series(range(rows)).astype(str)
    big.to_csv(target / "datasets" / "arrests.csv", index=False, lineterminator="\n")
    return target
