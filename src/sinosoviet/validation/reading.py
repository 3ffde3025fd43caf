"""Read a CSV file as text cells, catching everything wrong with the file itself.

Encoding, byte-order mark, line ends, header and row shape are checked here, before any
cell is typed, so that a malformed file gives a clear message instead of a traceback.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from sinosoviet.validation.problems import Problem, display_path

BOM = b"\xef\xbb\xbf"
NOT_UTF8 = re.compile("[\udc80-\udcff]")


@dataclass
class RawTable:
    """The cells of one CSV as strings (empty cell = missing) and the file line of each row."""

    file: str
    frame: pd.DataFrame | None
    lines: np.ndarray = field(default_factory=lambda: np.array([], dtype=np.int64))
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, index: int) -> int:
        return int(self.lines[index])


def read_raw(path: Path, expected_columns: list[str], schema_name: str) -> RawTable:
    name = display_path(path)
    data = path.read_bytes()
    problems: list[Problem] = []

    def fail(line: int, message: str, column: str = "") -> RawTable:
        problems.append(Problem(name, line, column, message))
        return RawTable(name, None, problems=problems)

    if not data.strip():
        return fail(1, "the file is empty; it needs at least the header row")
    if data.startswith(BOM):
        problems.append(
            Problem(name, 1, "", "the file starts with a byte-order mark; save it as UTF-8 without BOM")
        )
        data = data[len(BOM) :]
    text = data.decode("utf-8", errors="surrogateescape")
    bad_bytes = list(NOT_UTF8.finditer(text))
    for match in bad_bytes:
        line = text.count("\n", 0, match.start()) + 1
        byte = ord(match.group()) - 0xDC00
        problems.append(Problem(name, line, "", f"byte 0x{byte:02x} is not UTF-8; save the file as UTF-8"))
    if bad_bytes:
        return RawTable(name, None, problems=_first_per_line(problems))
    if "\r" in text:
        line = text.count("\n", 0, text.index("\r")) + 1
        problems.append(Problem(name, line, "", "line ends with a carriage return (CRLF); use LF line ends"))
        text = text.replace("\r\n", "\n")

    header = next(csv.reader(io.StringIO(text[: text.find("\n") if "\n" in text else len(text)])))
    missing = [c for c in expected_columns if c not in header]
    extra = [c for c in header if c not in expected_columns]
    for column in missing:
        problems.append(Problem(name, 1, column, f"column is missing from the header (see {schema_name})"))
    for column in extra:
        problems.append(Problem(name, 1, column, f"column is not in {schema_name}"))
    if not missing and not extra and header != expected_columns:
        problems.append(
            Problem(name, 1, "", f"columns are out of order; expected {', '.join(expected_columns)}")
        )
    if missing or extra or len(set(header)) != len(header):
        return RawTable(name, None, problems=problems)

    try:
        # pyarrow is strict about row width both ways (the C engine pads short rows) and fast.
        frame = pd.read_csv(
            io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""], engine="pyarrow"
        )
        lines = np.arange(2, len(frame) + 2)
    except (pd.errors.ParserError, ValueError, csv.Error):
        frame, lines, shape_problems = _read_slowly(name, text, header)
        problems += shape_problems
    if frame is None:
        return RawTable(name, None, problems=problems)
    if frame.empty:
        problems.append(Problem(name, 1, "", "the file has a header but no rows"))
        return RawTable(name, None, problems=problems)
    return RawTable(name, frame[expected_columns], lines, problems)


def _read_slowly(name: str, text: str, header: list[str]):
    """Row by row with the csv module, for a file the fast reader refused.

    It finds every row of the wrong width and an unclosed quote by line, and reads cells
    that span lines, which the fast reader does not accept.
    """
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text), strict=True)
    next(reader)
    rows, starts, line = [], [], 2
    try:
        for row in reader:
            if len(row) != len(header):
                message = f"row has {len(row)} cells, the header has {len(header)}"
                problems.append(Problem(name, line, "", message))
            else:
                rows.append(row)
                starts.append(line)
            line = reader.line_num + 1
    except csv.Error:
        problems.append(Problem(name, line, "", "a quoted cell that starts on this line is never closed"))
    if problems:
        return None, None, problems
    frame = pd.DataFrame(rows, columns=header, dtype="str").replace("", np.nan)
    return frame, np.array(starts, dtype=np.int64), problems


def _first_per_line(problems: list[Problem]) -> list[Problem]:
    seen, kept = set(), []
    for p in problems:
        if (p.line, p.column) not in seen:
            seen.add((p.line, p.column))
            kept.append(p)
    return kept
