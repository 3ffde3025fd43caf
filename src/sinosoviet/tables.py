"""Load the tables as typed pandas DataFrames, and describe their columns."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sinosoviet.data_files import datasets_dir
from sinosoviet.schema import package_metadata, table_schema

# Only an empty cell is missing: "NA" or "null" in a quote stays text.
CSV_READ_OPTIONS = {"keep_default_na": False, "na_values": [""], "encoding": "utf-8"}


def tables() -> list[str]:
    """The names of the tables, figure tables first."""
    return list(package_metadata()["resources"])


def figure_tables() -> list[str]:
    """The tables whose rows are claims: population, arrests, deportations, deaths, migrations."""
    return [name for name in tables() if table_schema(name).is_figure_table]


def load(name: str, *, validate: bool = False) -> pd.DataFrame:
    """Load one table as a DataFrame typed from its Table Schema.

    Counts are nullable integers (``Int64``), shares are ``Float64``, enumerated columns
    (measure, group, qualifier, unit, kind, ...) are categoricals, text is ``str``.
    Call ``describe(name)`` for the meaning of each column.

    With ``validate=True`` the whole dataset is checked first (types, rules, keys across
    tables) and a ``ValidationError`` listing every problem is raised if any is found.
    """
    schema = table_schema(name)
    if validate:
        from sinosoviet.validation import ValidationError, validate_datasets

        problems = validate_datasets()
        if problems:
            raise ValidationError(problems)
    path = datasets_dir() / f"{name}.csv"
    dtypes = schema.pandas_dtypes()
    # Enumerated columns are read as text first: pandas would turn a value outside the
    # categories into a silent blank, and nothing may be lost silently.
    as_text = {c: "str" if isinstance(d, pd.CategoricalDtype) else d for c, d in dtypes.items()}
    frame = pd.read_csv(path, dtype=as_text, **CSV_READ_OPTIONS)
    for column, dtype in dtypes.items():
        if isinstance(dtype, pd.CategoricalDtype):
            unknown = frame[column].notna() & ~frame[column].isin(dtype.categories)
            if unknown.any():
                row = int(unknown.to_numpy().argmax())
                error = (
                    f"{path.name}:{row + 2}: {column}: {frame[column].iloc[row]!r} is not one of "
                    f"{', '.join(dtype.categories)}; `sinosoviet validate` lists every problem"
                )
                raise ValueError(error)
            frame[column] = frame[column].astype(dtype)
    return frame


def describe(name: str) -> pd.DataFrame:
    """The codebook of a table: one row per column with its type, rules and meaning."""
    schema = table_schema(name)
    rows = []
    for field in schema.fields:
        rules = {k: v for k, v in field.constraints.items() if k != "required"}
        rows.append(
            {
                "column": field.name,
                "type": field.type,
                "dtype": str(field.pandas_dtype) if not field.enum else "category",
                "required": field.required,
                "constraints": "; ".join(f"{k}: {_show(v)}" for k, v in rules.items()),
                "description": field.description,
            }
        )
    return pd.DataFrame(rows)


def _show(value: object) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write a table back in the dataset's own CSV form (LF, UTF-8, no index, 67 not 67.0)."""
    out = frame.copy()
    for column in out.columns:
        if str(out[column].dtype) == "Float64":
            text = out[column].astype("str")
            out[column] = text.str.removesuffix(".0").where(out[column].notna(), "")
    out.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
