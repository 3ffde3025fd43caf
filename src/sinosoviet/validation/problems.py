"""A problem found in the data, in the form a curator can act on: `file:line: column: what is wrong`."""

from __future__ import annotations

import numbers
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


class ValidationError(ValueError):
    """Raised by ``sinosoviet.load(..., validate=True)``; ``.problems`` lists every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(map(str, problems))
        super().__init__(f"{len(problems)} problem(s) in the dataset:\n{lines}")


def display_path(path: Path) -> str:
    """The path as the curator knows it: relative to the working folder when inside it."""
    try:
        return Path(os.path.relpath(path)).as_posix() if path.is_absolute() else path.as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def show(value: object) -> str:
    """A cell value quoted for a message, shortened so one line stays one line."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else str(value)  # 3000.0 -> 3000
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return repr(text)
