"""Shared fixtures: a throw-away checkout built from the small valid dataset in tests/fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
VALID = FIXTURES / "valid"
# The source texts the real dataset is curated from sit beside the repository.
SOURCE_TEXTS = REPO.parent / "shared" / "sources"


def make_checkout(root: Path, *overlays: Path) -> Path:
    """A checkout at `root`: the repository's schemas, the valid fixture tables, then `overlays`
    (folders of CSVs that replace or add tables)."""
    shutil.copytree(REPO / "schemas", root / "schemas")
    shutil.copytree(VALID / "datasets", root / "datasets")
    for overlay in overlays:
        for path in overlay.iterdir():
            shutil.copy(path, root / "datasets" / path.name)
    return root


@pytest.fixture
def checkout(tmp_path, monkeypatch) -> Path:
    """A valid fixture checkout, and the working folder set to it (so paths print as datasets/...)."""
    root = make_checkout(tmp_path / "checkout")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def source_texts() -> Path:
    if not SOURCE_TEXTS.is_dir():
        pytest.skip("the source texts (shared/sources beside the repository) are not here")
    return SOURCE_TEXTS


@pytest.fixture
def fixture_package(checkout, monkeypatch) -> Path:
    """The package API reading the valid fixture checkout instead of the bundled data."""
    from sinosoviet import data_files

    monkeypatch.setattr(data_files, "data_root", lambda: checkout)
    return checkout
