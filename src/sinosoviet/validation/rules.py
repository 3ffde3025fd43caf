"""The pandera schema of a table, derived from its Table Schema, plus the cross-column rules.

Column facts (type, required, enum, pattern, bounds, uniqueness) are read from the Table
Schema, never restated here; this module adds only what a Table Schema cannot say.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pandera.pandas as pa

from sinosoviet.schema import PANDAS_DTYPES, Field, TableSchema
from sinosoviet.validation.cells import bad_cells, factorise, per_distinct, repeats_earlier
from sinosoviet.validation.numbers import stated_numbers
from sinosoviet.validation.problems import show

PARTIAL_DATE_PATTERN = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
FORMULA_STARTS = ("=", "+", "-", "@")
BOUNDS = ("value", "value_low", "value_high")

# Which of value, value_low, value_high each qualifier fills (True), leaves empty (False),
# or leaves to the curator (None), and which bound must equal the value.
QUALIFIER_SHAPES: dict[str, tuple[tuple[bool | None, bool | None, bool | None], str | None]] = {
    "exact": ((True, False, False), None),
    "approximately": ((True, False, False), None),
    "at_least": ((True, True, False), "value_low"),
    "more_than": ((True, True, False), "value_low"),
    "nearly": ((True, False, True), "value_high"),
    "at_most": ((True, False, True), "value_high"),
    "fewer_than": ((True, False, True), "value_high"),
    "range": ((False, True, True), None),
    "vague": ((False, None, None), None),
}


@dataclass(frozen=True)
class RowRule:
    """A rule over several columns of a row: `passes` is True for good rows; `message` explains a bad one."""

    name: str
    column: str
    passes: Callable[[pd.DataFrame], pd.Series]
    message: Callable[[pd.Series], str]


def pandera_schema(schema: TableSchema) -> pa.DataFrameSchema:
    """The pandera schema of a table: its columns built from the Table Schema, plus the row rules."""
    columns = {f.name: _column(f) for f in schema.fields}
    unique = list(schema.primary_key) if len(schema.primary_key) > 1 else None
    checks = [pa.Check(rule.passes, name=rule.name) for rule in row_rules(schema)]
    return pa.DataFrameSchema(
        columns,
        checks=checks,
        strict=True,
        ordered=True,
        unique=unique,
        report_duplicates="exclude_first",
        name=schema.name,
    )


def _column(field: Field) -> pa.Column:
    rules = field.constraints
    checks = []
    if "enum" in rules:
        allowed = list(rules["enum"])
        checks.append(pa.Check(lambda s, a=allowed: s.isin(a), name="enum", ignore_na=True))
    if "pattern" in rules:
        pattern = rules["pattern"]
        checks.append(
            pa.Check(lambda s, p=pattern: ~bad_cells(s, lambda u: u.str.fullmatch(p)), name="pattern")
        )
        if pattern == PARTIAL_DATE_PATTERN:
            checks.append(pa.Check(lambda s: ~bad_cells(s, _real_dates), name="calendar"))
    if rules.get("unique"):
        # Through the column's codes, shared with the pattern check: pandera's own
        # uniqueness check hashes a million strings again.
        checks.append(pa.Check(lambda s: ~repeats_earlier(s), name="unique"))
    if "minimum" in rules:
        checks.append(pa.Check(lambda s, m=rules["minimum"]: s >= m, name="minimum", ignore_na=True))
    if "maximum" in rules:
        checks.append(pa.Check(lambda s, m=rules["maximum"]: s <= m, name="maximum", ignore_na=True))
    if field.type == "string" and "pattern" not in rules and "enum" not in rules:
        # A pattern or an enum already refuses a leading =, +, - or @.
        checks.append(pa.Check(_formula_free, name="formula"))
    return pa.Column(
        PANDAS_DTYPES[field.type],
        checks=checks,
        nullable=not field.required,
        coerce=False,
    )


def _real_dates(values: pd.Series) -> pd.Series:
    """True where a YYYY, YYYY-MM or YYYY-MM-DD value is a real calendar date."""
    return pd.to_datetime(_earliest(values), format="%Y-%m-%d", errors="coerce").notna()


def _formula_free(values: pd.Series) -> pd.Series:
    """False where a cell starts as a spreadsheet formula. Only the first character is read:
    long free text (quotes, notes) is not worth hashing into distinct values."""
    return ~values.str.slice(0, 1).isin(FORMULA_STARTS).fillna(False)


def _earliest(dates: pd.Series) -> pd.Series:
    """The first day a partial date can mean: 1938 -> 1938-01-01, 1938-05 -> 1938-05-01."""
    return dates.mask(dates.str.len() == 4, dates + "-01-01").mask(dates.str.len() == 7, dates + "-01")


def _latest(dates: pd.Series) -> pd.Series:
    """A sort key for the last day a partial date can mean: 1938 -> 1938-12-31, 1938-02 -> 1938-02-31."""
    return dates.mask(dates.str.len() == 4, dates + "-12-31").mask(dates.str.len() == 7, dates + "-31")


def _day_number(dates: pd.Series) -> pd.Series:
    """1938-05-31 -> 19380531: a number that sorts like the date (NaN if it is not one)."""
    return pd.to_numeric(dates.str.replace("-", "", regex=False), errors="coerce").astype("float64")


def _dates_in_order(frame: pd.DataFrame) -> pd.Series:
    """False where the period ends before it starts: its latest end is before its earliest start."""
    end = per_distinct(frame["date_end"], lambda u: _day_number(_latest(u)))
    start = per_distinct(frame["date_start"], lambda u: _day_number(_earliest(u)))
    return pd.Series(~(end < start), index=frame.index)


def row_rules(schema: TableSchema) -> list[RowRule]:
    """The rules across columns that apply to this table."""
    names = set(schema.field_names)
    rules: list[RowRule] = []
    if {"date_start", "date_end"} <= names:
        rules.append(
            RowRule(
                "dates_in_order",
                "date_end",
                _dates_in_order,
                lambda r: f"{show(r['date_end'])} is before date_start {show(r['date_start'])}",
            )
        )
    if schema.is_figure_table:
        rules += _figure_rules()
    return rules


def _figure_rules() -> list[RowRule]:
    rules = [
        RowRule(
            "low_le_value",
            "value_low",
            lambda d: ~(d["value_low"] > d["value"]).fillna(False),
            lambda r: f"{show(r['value_low'])} is greater than value {show(r['value'])}",
        ),
        RowRule(
            "value_le_high",
            "value_high",
            lambda d: ~(d["value"] > d["value_high"]).fillna(False),
            lambda r: f"{show(r['value_high'])} is less than value {show(r['value'])}",
        ),
        RowRule(
            "low_le_high",
            "value_high",
            lambda d: ~(d["value_low"] > d["value_high"]).fillna(False),
            lambda r: f"{show(r['value_high'])} is less than value_low {show(r['value_low'])}",
        ),
        RowRule(
            "qualifier_shape",
            "qualifier",
            _qualifier_fits,
            _qualifier_message,
        ),
        RowRule(
            "vague_has_notes",
            "notes",
            lambda d: ~((d["qualifier"] == "vague") & d["notes"].isna()),
            lambda r: "a vague amount needs a note saying how its bounds were read",
        ),
    ]
    for bound in BOUNDS:
        rules.append(
            RowRule(
                f"{bound}_in_quote",
                bound,
                lambda d, b=bound: _number_in_quote(d, b),
                lambda r, b=bound: f"{show(r[b])} is not a number the quote states",
            )
        )
    return rules


def _qualifier_fits(frame: pd.DataFrame) -> pd.Series:
    fits = pd.Series(True, index=frame.index)
    filled = {b: frame[b].notna() for b in BOUNDS}
    for qualifier, (shape, equal_bound) in QUALIFIER_SHAPES.items():
        rows = frame["qualifier"] == qualifier
        for bound, wanted in zip(BOUNDS, shape, strict=True):
            if wanted is not None:
                fits &= ~(rows & (filled[bound] != wanted))
        if equal_bound:
            fits &= ~(rows & (frame[equal_bound] != frame["value"]).fillna(False))
    return fits


def _qualifier_message(row: pd.Series) -> str:
    qualifier = row["qualifier"]
    shape, equal_bound = QUALIFIER_SHAPES[qualifier]
    wanted = [b for b, w in zip(BOUNDS, shape, strict=True) if w]
    empty = [b for b, w in zip(BOUNDS, shape, strict=True) if w is False]
    text = f"{show(qualifier)} needs {' and '.join(wanted) or 'no value'} filled"
    if empty:
        text += f" and {' and '.join(empty)} empty"
    if equal_bound:
        text += f", with {equal_bound} equal to value"
    return text


def _number_in_quote(frame: pd.DataFrame, bound: str) -> pd.Series:
    """True where the bound is empty, the amount is vague, or the quote states the number.

    Quotes repeat, so each distinct (quote, number) pair is parsed once.
    """
    checked = (frame[bound].notna() & frame["quote"].notna() & (frame["qualifier"] != "vague")).to_numpy()
    result = np.ones(len(frame), dtype=bool)
    if not checked.any():
        return pd.Series(result, index=frame.index)
    quote_codes, quotes = factorise(frame["quote"])
    numbers = frame[bound].to_numpy(dtype="float64", na_value=np.nan)
    pairs = pd.DataFrame({"quote": quote_codes[checked], "number": numbers[checked]})
    distinct = pairs.drop_duplicates()
    distinct["ok"] = [
        number in stated_numbers(quotes.iloc[code]) for code, number in distinct.itertuples(index=False)
    ]
    result[checked] = pairs.merge(distinct, on=["quote", "number"], how="left")["ok"].to_numpy()
    return pd.Series(result, index=frame.index)
