"""Rules across tables and files: foreign keys, and quotes that must occur in their source text."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from sinosoviet.schema import TableSchema
from sinosoviet.validation.problems import Problem, display_path, show
from sinosoviet.validation.reading import RawTable


def foreign_key_problems(
    schema: TableSchema, raw: RawTable, frames: dict[str, pd.DataFrame], files: dict[str, str]
) -> list[Problem]:
    """Every filled key cell that names no row of the table it points to."""
    problems = []
    frame = frames[schema.name]
    for key in schema.foreign_keys:
        column = key["fields"] if isinstance(key["fields"], str) else key["fields"][0]
        target = key["reference"]["resource"] or schema.name
        target_column = key["reference"]["fields"]
        target_column = target_column if isinstance(target_column, str) else target_column[0]
        if target not in frames:  # the target table is unreadable; its own problems say why
            continue
        known = frames[target][target_column].dropna().unique()
        dangling = frame[column].notna() & ~frame[column].isin(known)
        for index, value in frame.loc[dangling, column].items():
            message = f"{show(value)} is not an id in {files[target]}"
            problems.append(Problem(raw.file, raw.line_of(index), column, message))
    return problems


def normalise(text: str) -> str:
    """Runs of whitespace (line breaks, double spaces) count as one space."""
    return " ".join(text.split())


def _source_text(path: Path) -> str | None:
    """The normalised text of a source, read once for all the tables that quote it."""
    if not path.is_file():
        return None
    stat = path.stat()
    return _normalised_file(path, stat.st_mtime_ns, stat.st_size)


@cache
def _normalised_file(path: Path, mtime_ns: int, size: int) -> str:
    # mtime and size are part of the key, so an edited text is read again.
    return normalise(path.read_text(encoding="utf-8"))


def quote_problems(raw: RawTable, frame: pd.DataFrame, texts_dir: Path) -> list[Problem]:
    """Every quote that does not occur, verbatim up to whitespace, in the text of its source."""
    problems = []
    texts: dict[str, str | None] = {}
    pairs = frame[["source_id", "quote"]].dropna().drop_duplicates()
    for index, source_id, quote in pairs.itertuples():
        if source_id not in texts:
            texts[source_id] = _source_text(texts_dir / f"{source_id}.txt")
            if texts[source_id] is None:
                message = f"no source text {source_id}.txt in {display_path(texts_dir)}"
                problems.append(Problem(raw.file, raw.line_of(index), "source_id", message))
        text = texts[source_id]
        if text is not None and normalise(quote) not in text:
            rows = frame.index[(frame["source_id"] == source_id) & (frame["quote"] == quote)]
            for row in rows:
                message = f"{show(quote)} does not occur in {source_id}.txt"
                problems.append(Problem(raw.file, raw.line_of(row), "quote", message))
    return problems
