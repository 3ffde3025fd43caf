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
import pyarrow as pa
from pyarrow import csv as pa_csv

from sinosoviet.validation.problems import Problem, display_path

BOM = b"\xef\xbb\xbf"
NOT_UTF8 = re.compile("[\udc80-\udcff]")
HEAD_BYTES = 1 << 16  # enough for the header row
CHUNK_BYTES = 1 << 24
# Table Schema type -> the arrow type it is read as, and arrow -> pandas (the `str` dtype of
# pandas 3 is arrow-backed, so text is not copied).
ARROW_TYPES = {"integer": pa.int64(), "number": pa.float64()}
PANDAS_TYPES = {
    pa.string(): pd.StringDtype("pyarrow", na_value=np.nan),
    pa.int64(): pd.Int64Dtype(),
    pa.float64(): pd.Float64Dtype(),
}


@dataclass
class RawTable:
    """The cells of one CSV as strings (empty cell = missing) and the file line of each row."""

    file: str
    frame: pd.DataFrame | None
    lines: np.ndarray = field(default_factory=lambda: np.array([], dtype=np.int64))
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, index: int) -> int:
        return int(self.lines[index])


def read_raw(path: Path, field_types: dict[str, str], schema_name: str) -> RawTable:
    """The cells of the CSV at `path`, or the problems that stop it being read.

    A good file is read straight into pandas by pyarrow without ever being decoded whole in
    Python (a table of a million rows stays fast and small); only a file that pyarrow refuses
    is read again slowly, line by line, to say exactly where it is broken.
    """
    name = display_path(path)
    expected_columns = list(field_types)
    problems: list[Problem] = []

    def say(line: int, message: str, column: str = "") -> None:
        problems.append(Problem(name, line, column, message))

    with path.open("rb") as file:
        head = file.read(HEAD_BYTES)
        if not head.strip():
            say(1, "the file is empty; it needs at least the header row")
            return RawTable(name, None, problems=problems)
        file.seek(0)
        carriage_return = _first_carriage_return_line(file)
        if carriage_return:
            say(carriage_return, "line ends with a carriage return (CRLF); use LF line ends")
    if head.startswith(BOM):
        message = "the file starts with a byte-order mark; save it as UTF-8 without BOM"
        problems.insert(0, Problem(name, 1, "", message))

    first_line = head.removeprefix(BOM).split(b"\n", 1)[0].decode("utf-8", errors="replace").rstrip("\r")
    header = next(csv.reader([first_line]))
    missing = [c for c in expected_columns if c not in header]
    extra = [c for c in header if c not in expected_columns]
    for column in missing:
        say(1, f"column is missing from the header (see {schema_name})", column)
    for column in extra:
        say(1, f"column is not in {schema_name}", column)
    if not missing and not extra and header != expected_columns:
        say(1, f"columns are out of order; expected {', '.join(expected_columns)}")
    if missing or extra or len(set(header)) != len(header):
        return RawTable(name, None, problems=problems)

    frame = _read_fast(path, field_types)
    if frame is not None:
        lines = np.arange(2, len(frame) + 2)
    else:
        frame, lines, slow_problems = _read_slowly(name, path.read_bytes().removeprefix(BOM), header)
        problems += slow_problems
    if frame is None:
        return RawTable(name, None, problems=problems)
    if frame.empty:
        say(1, "the file has a header but no rows")
        return RawTable(name, None, problems=problems)
    return RawTable(name, frame[expected_columns], lines, problems)


def _first_carriage_return_line(file) -> int | None:
    """The line of the first carriage return, read in chunks so a big file is never held whole."""
    offset = 0
    while chunk := file.read(CHUNK_BYTES):
        position = chunk.find(b"\r")
        if position != -1:
            # Rare: only now count the lines before it.
            file.seek(0)
            return file.read(offset + position).count(b"\n") + 1
        offset += len(chunk)
    return None


def _read_fast(path: Path, field_types: dict[str, str]) -> pd.DataFrame | None:
    """Read with pyarrow, numbers typed as they are read; None if pyarrow refuses the file.

    pyarrow checks UTF-8 and the width of every row, and is several times faster than
    pandas' own readers. A cell that is not of its column's type makes it refuse the whole
    file: then the caller reads every cell as text and says which ones are wrong.
    """
    for typed in (True, False):
        column_types = {
            column: ARROW_TYPES.get(kind, pa.string()) if typed else pa.string()
            for column, kind in field_types.items()
        }
        options = pa_csv.ConvertOptions(
            column_types=column_types,
            null_values=[""],
            strings_can_be_null=True,
            quoted_strings_can_be_null=True,
        )
        try:
            table = pa_csv.read_csv(path, convert_options=options)
        except pa.ArrowInvalid as error:
            if typed and "conversion error" in str(error).lower() and "utf8" not in str(error).lower():
                continue  # a cell of the wrong type: read it all as text
            return None
        return table.to_pandas(types_mapper=PANDAS_TYPES.get)
    return None


def _read_slowly(name: str, data: bytes, header: list[str]):
    """Row by row with the csv module, for a file the fast reader refused.

    It finds every byte that is not UTF-8, every row of the wrong width and an unclosed
    quote, by line, and reads cells that span lines, which the fast reader does not accept.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    problems = []
    for match in NOT_UTF8.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        byte = ord(match.group()) - 0xDC00
        problems.append(Problem(name, line, "", f"byte 0x{byte:02x} is not UTF-8; save the file as UTF-8"))
    if problems:
        return None, None, _first_per_line(problems)
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
    frame = pd.DataFrame(rows, columns=header, dtype=PANDAS_TYPES[pa.string()]).replace("", np.nan)
    return frame, np.array(starts, dtype=np.int64), problems


def _first_per_line(problems: list[Problem]) -> list[Problem]:
    seen, kept = set(), []
    for p in problems:
        if (p.line, p.column) not in seen:
            seen.add((p.line, p.column))
            kept.append(p)
    return kept
