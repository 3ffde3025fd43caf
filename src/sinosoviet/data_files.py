"""Where the bundled data lives: inside the wheel, or in the checkout for an editable install."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path


@cache
def data_root() -> Path:
    """The folder holding `datasets/`, `schemas/` and `datapackage.json`.

    A wheel ships them under `sinosoviet/_data/`; an editable install or a plain checkout
    reaches the repository's own folders through the committed symlinks in `_data/`.
    """
    bundled = Path(str(files("sinosoviet") / "_data"))
    if (bundled / "schemas").is_dir():
        return bundled
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "schemas").is_dir():
        return checkout
    error = f"sinosoviet's data files are missing: looked in {bundled} and {checkout}"
    raise FileNotFoundError(error)


def datasets_dir() -> Path:
    return data_root() / "datasets"


def schemas_dir() -> Path:
    return data_root() / "schemas"
