"""Turn text cells into typed columns, reporting every cell that is not of its field's type."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from sinosoviet.schema import PANDAS_DTYPES, TableSchema
from sinosoviet.validation.problems import Problem, show
from sinosoviet.validation.reading import RawTable

TYPE_PATTERNS = {
    "integer": (re.compile(r"[+-]?\d+"), "is not an integer"),
    "number": (re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"), "is not a number"),
}


# Columns already factorised during the validation of one table, by the identity of their
# array: the pattern, date, formula, quote and key checks of a column share one pass over it.
# `forget_columns()` empties it when the table is done.
_factorised: dict[int, tuple[object, np.ndarray, pd.Series]] = {}


def factorise(column: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Codes of each cell (-1 where missing) and the distinct values they point to."""
    known = _factorised.get(id(column.array))
    if known is None or known[0] is not column.array:
        codes, uniques = pd.factorize(column)
        known = (column.array, codes, pd.Series(uniques, dtype="str"))
        _factorised[id(column.array)] = known
    return known[1], known[2]


def forget_columns() -> None:
    _factorised.clear()


def per_distinct(column: pd.Series, compute, missing=np.nan) -> np.ndarray:
    """`compute` (a function of a Series of distinct values, giving a Series) applied once per
    distinct value, then spread back over the rows; a missing cell gets `missing`.

    Real tables repeat values (ids of events, sources, dates, quotes), so working on the
    distinct ones and mapping back is much faster than working on every cell.
    """
    codes, uniques = factorise(column)
    per_value = compute(uniques).to_numpy()
    dtype = per_value.dtype if len(per_value) else np.asarray(missing).dtype
    result = np.full(len(codes), missing, dtype=dtype)
    filled = codes >= 0
    result[filled] = per_value[codes[filled]]
    return result


def repeats_earlier(column: pd.Series) -> pd.Series:
    """True for a filled cell whose value an earlier cell already holds."""
    codes, _ = factorise(column)
    repeated = pd.Series(codes).duplicated().to_numpy() & (codes >= 0)
    return pd.Series(repeated, index=column.index)


def bad_cells(column: pd.Series, ok_unique) -> pd.Series:
    """Mask of filled cells whose value fails `ok_unique`, checked once per distinct value."""
    ok = per_distinct(column, lambda u: ok_unique(u).fillna(False).astype(bool), missing=True)
    return pd.Series(~ok.astype(bool), index=column.index)


def type_cells(raw: RawTable, schema: TableSchema) -> tuple[pd.DataFrame, list[Problem]]:
    """A frame with integer and number columns parsed; a cell that does not parse becomes missing."""
    typed = raw.frame.copy(deep=False)  # only number columns are replaced below
    problems = []
    for field in schema.fields:
        if field.type not in TYPE_PATTERNS or str(raw.frame[field.name].dtype) != "str":
            continue  # text, or a number the reader has already typed
        pattern, message = TYPE_PATTERNS[field.type]
        column = raw.frame[field.name]
        bad = bad_cells(column, lambda u, p=pattern: u.str.fullmatch(p))
        for index, value in column[bad].items():
            problems.append(Problem(raw.file, raw.line_of(index), field.name, f"{show(value)} {message}"))
        parsed = pd.to_numeric(column.where(~bad), errors="coerce")
        typed[field.name] = parsed.astype(PANDAS_DTYPES[field.type])
    return typed, problems
