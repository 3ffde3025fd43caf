"""Malformed files: each gives a clear message naming the file and line, and the build writes nothing."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from sinosoviet.cli import main
from tests.conftest import FIXTURES, make_checkout

EXPECTED = {
    "empty": ["datasets/events.csv:1: the file is empty; it needs at least the header row"],
    "header-only": ["datasets/events.csv:1: the file has a header but no rows"],
    "missing-column": [
        "datasets/events.csv:1: notes: column is missing from the header (see schemas/events.schema.json)"
    ],
    "extra-column": ["datasets/events.csv:1: comment: column is not in schemas/events.schema.json"],
    "byte-order-mark": [
        "datasets/events.csv:1: the file starts with a byte-order mark; save it as UTF-8 without BOM"
    ],
    "crlf": ["datasets/events.csv:1: line ends with a carriage return (CRLF); use LF line ends"],
    "not-utf8": ["datasets/events.csv:2: byte 0xe9 is not UTF-8; save the file as UTF-8"],
    "unclosed-quote": ["datasets/events.csv:3: a quoted cell that starts on this line is never closed"],
    "extra-cell": ["datasets/events.csv:4: row has 7 cells, the header has 6"],
    "missing-cell": ["datasets/events.csv:4: row has 5 cells, the header has 6"],
}


def test_every_malformed_fixture_has_an_expected_message():
    assert sorted(EXPECTED) == sorted(p.name for p in (FIXTURES / "malformed").iterdir())


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_malformed_file_gives_a_clear_error_and_the_build_writes_nothing(case, tmp_path, monkeypatch):
    root = make_checkout(tmp_path / "checkout", FIXTURES / "malformed" / case)
    monkeypatch.chdir(root)
    runner = CliRunner()

    checked = runner.invoke(main, ["validate"])
    assert checked.exit_code == 1
    assert checked.exception is None or isinstance(checked.exception, SystemExit)
    lines = checked.stdout.splitlines()
    # A file that cannot be read hides its events from the foreign keys of other tables,
    # so only this file's own lines are compared.
    assert [line for line in lines if line.startswith("datasets/events.csv")] == EXPECTED[case]

    built = runner.invoke(main, ["build"])
    assert built.exit_code == 1
    assert "datapackage.json was not written." in built.stderr
    assert not (root / "datapackage.json").exists()
    assert sorted(p.name for p in root.iterdir()) == ["datasets", "schemas"]


def test_a_failed_build_keeps_the_previous_descriptor(checkout):
    runner = CliRunner()
    assert runner.invoke(main, ["build"]).exit_code == 0
    before = (checkout / "datapackage.json").read_bytes()
    (checkout / "datasets" / "events.csv").write_bytes(b"")
    assert runner.invoke(main, ["build"]).exit_code == 1
    assert (checkout / "datapackage.json").read_bytes() == before
