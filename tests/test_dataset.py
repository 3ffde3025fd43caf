"""The real, curated dataset: it validates against the source texts, every number in the texts
is accounted for, and the committed datapackage.json is fresh and valid for frictionless."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd

import sinosoviet
from sinosoviet.descriptor import build_descriptor, render
from sinosoviet.validation import validate_datasets
from sinosoviet.validation.references import normalise
from tests.conftest import REPO

DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def test_dataset_validates_with_quotes_checked_against_the_source_texts(source_texts):
    problems = validate_datasets(REPO / "datasets", source_texts)
    assert [str(p) for p in problems] == []


def test_every_figure_table_has_claims_from_both_documents():
    claims = pd.concat([sinosoviet.load(t) for t in sinosoviet.figure_tables()])
    documents = set(sinosoviet.load("sources").query("cited_via.isna()")["id"])
    assert set(claims["source_id"]) == documents
    for table in sinosoviet.figure_tables():
        assert len(sinosoviet.load(table)) > 0, table


def _spans(text: str, quote: str) -> list[tuple[int, int]]:
    quote = normalise(quote)
    spans, start = [], text.find(quote)
    while start != -1:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def uncovered_numbers(source_id: str, text: str) -> list[str]:
    """Each number in digits in the text that lies in no claim's quote, nor in a ledger quote
    that names that number."""
    text = normalise(text)
    claims = pd.concat([sinosoviet.load(t) for t in sinosoviet.figure_tables()])
    claim_spans = [s for q in claims.loc[claims["source_id"] == source_id, "quote"] for s in _spans(text, q)]
    ledger = sinosoviet.load("excluded_numbers").query("source_id == @source_id")
    ledger_spans = {}
    for number, quote in ledger[["number", "quote"]].itertuples(index=False):
        ledger_spans.setdefault(number, []).extend(_spans(text, quote))
    missing = []
    for match in DIGITS.finditer(text):
        start, end = match.span()
        spans = claim_spans + ledger_spans.get(match.group(), [])
        if not any(a <= start and end <= b for a, b in spans):
            missing.append(
                f"{source_id}: {match.group()!r} in '...{text[max(0, match.start() - 40) : match.end() + 20]}...'"
            )
    return missing


def test_every_number_in_digits_in_the_source_texts_is_a_figure_or_excluded_with_a_reason(source_texts):
    sources = sinosoviet.load("sources")
    read = sources.loc[sources["cited_via"].isna(), "id"]
    assert len(read) == 2
    missing = []
    for source_id in read:
        missing += uncovered_numbers(source_id, (source_texts / f"{source_id}.txt").read_text())
    assert missing == []


def test_the_coverage_check_can_fail():
    assert uncovered_numbers("wikipedia-soviet-deportations-of-chinese-people", "In 1777, 4242 owls.") == [
        "wikipedia-soviet-deportations-of-chinese-people: '1777' in '...In 1777, 4242 owls....'",
        "wikipedia-soviet-deportations-of-chinese-people: '4242' in '...In 1777, 4242 owls....'",
    ]


def test_committed_datapackage_is_fresh():
    committed = (REPO / "datapackage.json").read_text(encoding="utf-8")
    assert committed == render(build_descriptor(REPO)), "run `sinosoviet build` and commit datapackage.json"


def test_frictionless_validates_the_real_datapackage():
    frictionless = Path(sys.executable).parent / "frictionless"
    result = subprocess.run(
        [str(frictionless), "validate", "--json", "datapackage.json"],
        cwd=REPO, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:]
    assert '"valid": true' in result.stdout


def test_a_bad_value_in_any_cell_of_any_table_is_reported(tmp_path, monkeypatch):
    """Spoil one cell per column of every real table (a different row each time, wrapping
    round short tables) and expect a problem naming each spoiled cell's file, line and column."""
    import csv
    import shutil

    shutil.copytree(REPO / "schemas", tmp_path / "schemas")
    shutil.copytree(REPO / "datasets", tmp_path / "datasets")
    monkeypatch.chdir(tmp_path)
    spoiled = set()
    for table in sinosoviet.tables():
        schema = sinosoviet.schema.table_schema(table)
        path = tmp_path / "datasets" / f"{table}.csv"
        with path.open(encoding="utf-8", newline="") as file:
            rows = list(csv.reader(file))
        for position, field in enumerate(schema.fields):
            row = 1 + position % (len(rows) - 1)
            # Text that a spreadsheet would run; a number column gets a word instead.
            rows[row][position] = "=cmd" if field.type == "string" else "many"
            spoiled.add(f"datasets/{table}.csv:{row + 1}: {field.name}: ")
        with path.open("w", encoding="utf-8", newline="") as file:
            csv.writer(file, lineterminator="\n").writerows(rows)
    reported = {str(p) for p in validate_datasets(tmp_path / "datasets")}
    missing = [cell for cell in sorted(spoiled) if not any(line.startswith(cell) for line in reported)]
    assert missing == []
    assert len(spoiled) == sum(len(sinosoviet.schema.table_schema(t).fields) for t in sinosoviet.tables())
