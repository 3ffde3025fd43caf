"""Assemble `datapackage.json` from the schemas' metadata and the data files.

The output depends only on the files, so two builds of the same files are byte-identical.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd

from sinosoviet.schema import package_metadata, table_schema

DESCRIPTOR = "datapackage.json"


def build_descriptor(root: Path) -> dict[str, Any]:
    """The Data Package descriptor of the checkout at `root`."""
    from sinosoviet import __version__

    schemas = root / "schemas"
    meta = package_metadata(schemas)
    resources = []
    for name in meta["resources"]:
        schema = table_schema(name, schemas)
        data = (root / "datasets" / f"{name}.csv").read_bytes()
        resources.append(
            {
                "name": name,
                "path": f"datasets/{name}.csv",
                "title": schema.title,
                "description": schema.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(data),
                "hash": hashlib.md5(data, usedforsecurity=False).hexdigest(),
                "schema": f"schemas/{name}.schema.json",
            }
        )
    descriptor = {key: meta[key] for key in ("name", "title", "description")}
    descriptor["version"] = __version__
    for key in ("licenses", "code_license", "contributors", "keywords"):
        descriptor[key] = meta[key]
    descriptor["sources"] = _documents_read(root)
    descriptor["resources"] = resources
    return descriptor


def _documents_read(root: Path) -> list[dict[str, str]]:
    """The documents the figures were read from: sources cited via no other source."""
    sources = pd.read_csv(root / "datasets" / "sources.csv", dtype=str, keep_default_na=False)
    read = sources[sources["cited_via"] == ""]
    return [{"title": row.title, **({"path": row.url} if row.url else {})} for row in read.itertuples()]


def render(descriptor: dict[str, Any]) -> str:
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"


def write_atomically(path: Path, text: str) -> None:
    """Write all of it or nothing: a reader never sees half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def data_package_files(root: Path) -> list[Path]:
    """What the data package is made of: its descriptor, tables, schemas and data licence."""
    meta = package_metadata(root / "schemas")
    files = [root / DESCRIPTOR, root / "schemas" / "package.json"]
    for name in meta["resources"]:
        files += [root / "datasets" / f"{name}.csv", root / "schemas" / f"{name}.schema.json"]
    licence = root / "LICENSE-DATA"
    return files + ([licence] if licence.is_file() else [])


def data_package_zip(root: Path) -> bytes:
    """The data package as one zip; the same files give the same bytes (fixed timestamps)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in data_package_files(root):
            info = zipfile.ZipInfo(f"sinosoviet/{path.relative_to(root).as_posix()}", (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()
