"""The dashboard's view of the dataset: every table loaded once, claims stacked and labelled.

Everything is read through the `sinosoviet` package. The data is being curated while the
dashboard runs, so a table that cannot be read (a half-typed row) becomes an empty table and
a message, never a crash.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd

import sinosoviet

RELIABILITIES = ("high", "medium", "low")
QUALIFIER_WORDS = {
    "exact": "",
    "approximately": "about ",
    "at_least": "at least ",
    "more_than": "more than ",
    "at_most": "at most ",
    "fewer_than": "fewer than ",
    "nearly": "nearly ",
}
# How a claim is drawn: a point, a closed range, a range open upwards or downwards, a band.
OPEN_UP = {"at_least", "more_than"}
OPEN_DOWN = {"at_most", "fewer_than", "nearly"}
UNIT_WORDS = {
    "people": "people",
    "percent": "percent",
    "families": "families",
    "head_of_livestock": "head of livestock",
    "people_per_month": "people a month",
}
CLAIM_COLUMNS = [
    "table", "id", "event_id", "event_name", "measure", "group", "place_id",
    "origin_place_id", "destination_place_id", "place_label", "date_start", "date_end",
    "year_start", "year_end", "x", "x_start", "x_end", "value", "value_low", "value_high",
    "y", "y_low", "y_high", "shape", "qualifier", "unit", "as_stated", "claim_group",
    "source_id", "source_title", "reliability", "attributed_to", "attributed_title",
    "locator", "quote", "notes",
]  # fmt: skip
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def date_bounds(text: object) -> tuple[float, float] | None:
    """The period an ISO date of any precision covers, as fractional years [start, end)."""
    match = _DATE.match(str(text)) if isinstance(text, str) else None
    if not match:
        return None
    year, month, day = match.groups()
    start = int(year)
    if month is None:
        return float(start), float(start + 1)
    m = min(max(int(month), 1), 12)
    if day is None:
        return start + (m - 1) / 12, start + m / 12
    d = min(max(int(day), 1), 31)
    begin = start + (m - 1) / 12 + (d - 1) / 372
    return begin, begin + 1 / 372


def format_number(value: float | None, unit: str = "people") -> str:
    """12000 -> '12,000'; 48.5 percent -> '48.5%'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "?"
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    return f"{text}%" if unit == "percent" else text


def as_stated(row: dict) -> str:
    """The number as the source states it: 'at least 12,000', '7,000–8,000', 'vague: …'."""
    unit = row.get("unit") or "people"
    value, low, high = row.get("value"), row.get("value_low"), row.get("value_high")
    qualifier = row.get("qualifier") or "exact"
    suffix = "" if unit in ("people", "percent") else f" {UNIT_WORDS.get(unit, unit)}"
    if qualifier == "vague":
        word = _vague_word(row.get("quote") or "")
        if not _missing(low) and not _missing(high):
            reading = f"{format_number(low, unit)}–{format_number(high, unit)}"
        elif not _missing(low):
            reading = f"at least {format_number(low, unit)}"
        elif not _missing(high):
            reading = f"at most {format_number(high, unit)}"
        else:
            reading = ""
        reading = f" (read as {reading})" if reading else ""
        return f"\u201c{word}\u201d{reading}{suffix}" if word else f"an unspecified number{reading}{suffix}"
    if qualifier == "range" or (_missing(value) and not _missing(low) and not _missing(high)):
        return f"{format_number(low, unit)}–{format_number(high, unit)}{suffix}"
    return f"{QUALIFIER_WORDS.get(qualifier, '')}{format_number(value, unit)}{suffix}"


# The words of vague amounts, longest first, as the sources write them.
VAGUE_WORDS = ("several thousand", "a few hundred", "thousands", "hundreds", "dozens")


def _vague_word(quote: str) -> str:
    lowered = quote.lower()
    return next((w for w in VAGUE_WORDS if w in lowered), "")


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _shape(qualifier: str, value: float, low: float, high: float) -> str:
    if qualifier == "vague":
        return "vague"
    if qualifier in OPEN_UP and _missing(high):
        return "open_up"
    if qualifier in OPEN_DOWN and _missing(low):
        return "open_down"
    if not _missing(low) or not _missing(high):
        return "range"
    return "point"


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Categoricals and nullable dtypes as plain objects and floats, missing as None/NaN."""
    out = pd.DataFrame(index=frame.index)
    for column in frame.columns:
        series = frame[column]
        if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
            out[column] = series.astype("float64")
        else:
            out[column] = series.astype(object).where(series.notna(), None)
    return out


def _safe_load(name: str) -> tuple[pd.DataFrame, str | None]:
    try:
        return sinosoviet.load(name), None
    except (ValueError, TypeError, KeyError, OSError, pd.errors.ParserError) as error:
        columns = sinosoviet.describe(name)["column"].tolist()
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        return pd.DataFrame(columns=columns), f"The table {name} could not be read: {first_line}"


@dataclass
class Dataset:
    """All tables, loaded once, with the claims of every figure table stacked and labelled."""

    tables: dict[str, pd.DataFrame]
    problems: list[str] = field(default_factory=list)

    @classmethod
    def load(cls) -> Dataset:
        tables, problems = {}, []
        for name in sinosoviet.tables():
            tables[name], problem = _safe_load(name)
            if problem:
                problems.append(problem)
        return cls(tables=tables, problems=problems)

    @property
    def figure_tables(self) -> list[str]:
        return [name for name in sinosoviet.figure_tables() if name in self.tables]

    @cached_property
    def sources(self) -> pd.DataFrame:
        return _plain(self.tables["sources"])

    @cached_property
    def places(self) -> pd.DataFrame:
        return _plain(self.tables["places"])

    @cached_property
    def events(self) -> pd.DataFrame:
        return _plain(self.tables["events"])

    @cached_property
    def claims(self) -> pd.DataFrame:
        """One row per claim of every figure table, with names, positions and wording."""
        source_titles = dict(zip(self.sources["id"], self.sources["title"], strict=True))
        reliability = dict(zip(self.sources["id"], self.sources["reliability"], strict=True))
        place_names = dict(zip(self.places["id"], self.places["name"], strict=True))
        event_names = dict(zip(self.events["id"], self.events["name"], strict=True))
        rows = []
        for table in self.figure_tables:
            for row in _plain(self.tables[table]).to_dict("records"):
                rows.append(_claim(table, row, source_titles, reliability, place_names, event_names))
        claims = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
        for column in ("value", "value_low", "value_high", "y", "y_low", "y_high", "x",
                       "x_start", "x_end", "year_start", "year_end"):  # fmt: skip
            claims[column] = claims[column].astype("float64")
        for column in claims.columns:
            # pandas 3 infers a str dtype whose missing cells are NaN (truthy): use None.
            if claims[column].dtype != "float64":
                claims[column] = claims[column].astype(object).where(claims[column].notna(), None)
        return claims

    def table_claims(self, table: str) -> pd.DataFrame:
        return self.claims[self.claims["table"] == table]

    def rows_of(self, table: str, ids: list[str] | pd.Series) -> pd.DataFrame:
        """The original rows of a table with these ids, in the table's own columns and order."""
        frame = self.tables[table]
        return frame[frame["id"].isin(list(ids))] if "id" in frame else frame.iloc[0:0]


def _claim(table, row, source_titles, reliability, place_names, event_names) -> dict:
    origin = row.get("origin_place_id")
    destination = row.get("destination_place_id")
    place = row.get("place_id")
    if "origin_place_id" in row or "destination_place_id" in row:
        origin_name = place_names.get(origin, origin) if origin else "unstated origin"
        dest_name = place_names.get(destination, destination) if destination else "unstated"
        place_label = f"{origin_name} → {dest_name}"
    else:
        place_label = place_names.get(place, place) if place else "no place stated"
    start = date_bounds(row.get("date_start"))
    end = date_bounds(row.get("date_end")) or start
    x_start = start[0] if start else math.nan
    x_end = end[1] if end else math.nan
    value, low, high = row.get("value"), row.get("value_low"), row.get("value_high")
    qualifier = str(row.get("qualifier") or "exact")
    shape = _shape(qualifier, value, low, high)
    if not _missing(value):
        y = value
    elif not _missing(low) and not _missing(high):
        y = math.sqrt(low * high) if low > 0 else (low + high) / 2
    else:
        y = low if not _missing(low) else high
    source_id = row.get("source_id")
    attributed = row.get("attributed_to")
    return {
        "table": table,
        "id": row.get("id"),
        "event_id": row.get("event_id"),
        "event_name": event_names.get(row.get("event_id"), row.get("event_id")),
        "measure": row.get("measure"),
        "group": row.get("group"),
        "place_id": place if place else origin,
        "origin_place_id": origin,
        "destination_place_id": destination,
        "place_label": place_label,
        "date_start": row.get("date_start"),
        "date_end": row.get("date_end"),
        "year_start": math.floor(x_start) if start else math.nan,
        "year_end": math.ceil(x_end) - 1 if end else math.nan,
        "x": (x_start + x_end) / 2,
        "x_start": x_start,
        "x_end": x_end,
        "value": value,
        "value_low": low,
        "value_high": high,
        "y": y,
        "y_low": low if not _missing(low) else y,
        "y_high": high if not _missing(high) else y,
        "shape": shape,
        "qualifier": qualifier,
        "unit": row.get("unit") or "people",
        "as_stated": as_stated(row),
        "claim_group": row.get("claim_group"),
        "source_id": source_id,
        "source_title": source_titles.get(source_id, source_id),
        "reliability": reliability.get(source_id) or "unknown",
        "attributed_to": attributed,
        "attributed_title": source_titles.get(attributed, attributed) if attributed else None,
        "locator": row.get("locator"),
        "quote": row.get("quote"),
        "notes": row.get("notes"),
    }


def to_csv(frame: pd.DataFrame) -> str:
    """A table in the dataset's own CSV form: LF, UTF-8, 67 not 67.0."""
    out = frame.copy()
    for column in out.columns:
        if str(out[column].dtype) in ("Float64", "float64"):
            text = out[column].astype("str")
            out[column] = text.str.removesuffix(".0").where(out[column].notna(), "")
    return out.to_csv(index=False, lineterminator="\n")


_DATASET: Dataset | None = None


def dataset() -> Dataset:
    """The process-wide dataset, loaded on first use (at app creation)."""
    global _DATASET
    if _DATASET is None:
        _DATASET = Dataset.load()
    return _DATASET


def use_dataset(data: Dataset | None) -> None:
    """Install a dataset (tests pass their own), or None to load the bundled one next time."""
    global _DATASET
    _DATASET = data
    for clear in _CACHE_CLEARERS:
        clear()


_CACHE_CLEARERS: list = []


def cleared_with_dataset(function):
    """Register an lru_cache'd function whose results depend on the dataset."""
    _CACHE_CLEARERS.append(function.cache_clear)
    return function
