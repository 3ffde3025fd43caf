"""Table Schemas: the one source of truth for columns, types and rules.

Everything else (pandas dtypes, pandera checks, the codebook, the README table list) is
derived from the JSON files in `schemas/`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from sinosoviet.data_files import schemas_dir

# Table Schema type -> pandas dtype of a loaded column. Counts are nullable integers.
PANDAS_DTYPES = {"integer": "Int64", "number": "Float64", "string": "str"}


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    constraints: dict[str, Any]

    @property
    def required(self) -> bool:
        return bool(self.constraints.get("required"))

    @property
    def enum(self) -> list[str] | None:
        return self.constraints.get("enum")

    @property
    def pandas_dtype(self) -> Any:
        if self.enum:
            return pd.CategoricalDtype(self.enum)
        return PANDAS_DTYPES[self.type]


@dataclass(frozen=True)
class TableSchema:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[dict[str, Any], ...]

    @classmethod
    def from_file(cls, path: Path) -> TableSchema:
        name = path.name.removesuffix(".schema.json")
        raw = json.loads(path.read_text(encoding="utf-8"))
        fields = tuple(
            Field(f["name"], f["type"], f.get("description", ""), f.get("constraints", {}))
            for f in raw["fields"]
        )
        primary_key = raw.get("primaryKey", ())
        if isinstance(primary_key, str):
            primary_key = (primary_key,)
        return cls(
            name=name,
            title=raw.get("title", name),
            description=raw.get("description", ""),
            fields=fields,
            primary_key=tuple(primary_key),
            foreign_keys=tuple(raw.get("foreignKeys", ())),
        )

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def is_figure_table(self) -> bool:
        """Figure tables hold claims: a number with its quote."""
        return {"value", "qualifier", "quote"} <= set(self.field_names)

    def pandas_dtypes(self) -> dict[str, Any]:
        return {f.name: f.pandas_dtype for f in self.fields}


@cache
def package_metadata(directory: Path | None = None) -> dict[str, Any]:
    """`schemas/package.json`: the data package's metadata and the order of its tables."""
    path = (directory or schemas_dir()) / "package.json"
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def table_schema(name: str, directory: Path | None = None) -> TableSchema:
    names = package_metadata(directory)["resources"]
    if name not in names:
        error = f"Unknown table {name!r}. The tables are: {', '.join(names)}."
        raise ValueError(error)
    return TableSchema.from_file((directory or schemas_dir()) / f"{name}.schema.json")
