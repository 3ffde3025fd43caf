"""One small broken fixture per rule, each with the exact message a curator sees."""

from __future__ import annotations

import pytest

from sinosoviet.validation import validate_datasets
from tests.conftest import FIXTURES, VALID, make_checkout

TEXTS = VALID / "source_texts"

EXPECTED = {
    "integer": ["datasets/arrests.csv:2: value_low: 'abc' is not an integer"],
    "number": ["datasets/places.csv:2: latitude: 'north' is not a number"],
    "required": ["datasets/arrests.csv:2: qualifier: a value is required"],
    "enum": [
        "datasets/arrests.csv:2: measure: 'arested' is not one of arrested, detained, imprisoned, "
        "released, repressed"
    ],
    "pattern": ["datasets/arrests.csv:2: id: 'Bad Id' does not match the pattern ^[a-z0-9]+(-[a-z0-9]+)*$"],
    "unique": ["datasets/arrests.csv:3: id: 'arr-1929-09-vladivostok-jailed' is already used on line 2"],
    "primary-key": [
        "datasets/excluded_numbers.csv:3: source_id: (source_id, number, quote) repeats an earlier row"
    ],
    "minimum": ["datasets/deaths.csv:2: value: -5 is less than the minimum 0"],
    "maximum": ["datasets/places.csv:2: latitude: 95 is more than the maximum 90"],
    "calendar": ["datasets/deaths.csv:2: date_start: '1938-02-30' is not a real date"],
    "date-order": ["datasets/deaths.csv:2: date_end: '1938-07' is before date_start '1938-08'"],
    "low-above-high": ["datasets/arrests.csv:3: value_high: 7000 is less than value_low 8000"],
    "low-above-value": [
        "datasets/arrests.csv:3: value_low: 8000 is greater than value 7000",
        "datasets/arrests.csv:3: qualifier: 'at_least' needs value and value_low filled and "
        "value_high empty, with value_low equal to value",
    ],
    "qualifier-shape": [
        "datasets/population.csv:2: qualifier: 'exact' needs value filled and value_low and value_high empty"
    ],
    "vague-without-notes": [
        "datasets/arrests.csv:4: notes: a vague amount needs a note saying how its bounds were read"
    ],
    "number-not-in-quote": ["datasets/deportations.csv:2: value: 1380 is not a number the quote states"],
    "formula": [
        "datasets/deportations.csv:2: notes: '=HYPERLINK(\"http://example.com\")' starts with '=', "
        "which a spreadsheet would run as a formula"
    ],
    "foreign-key": ["datasets/arrests.csv:2: event_id: 'no-such-event' is not an id in datasets/events.csv"],
    "self-foreign-key": ["datasets/sources.csv:3: cited_via: 'nobody' is not an id in datasets/sources.csv"],
    "quote-not-in-source": [
        "datasets/deaths.csv:2: quote: 'there were 3,932 Chinese shot in 1938' does not occur in "
        "wikipedia-soviet-deportations-of-chinese-people.txt"
    ],
    "unknown-table": ["datasets/extras.csv:1: no table of that name in schemas/package.json"],
}


def test_every_broken_fixture_has_an_expected_message():
    assert sorted(EXPECTED) == sorted(p.name for p in (FIXTURES / "broken").iterdir())


def test_the_valid_fixture_has_no_problem(checkout):
    assert validate_datasets(checkout / "datasets", TEXTS) == []


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_broken_fixture_gives_its_message(rule, tmp_path, monkeypatch):
    root = make_checkout(tmp_path / "checkout", FIXTURES / "broken" / rule)
    monkeypatch.chdir(root)
    problems = validate_datasets(root / "datasets", TEXTS)
    assert [str(p) for p in problems] == EXPECTED[rule]


def test_all_problems_of_all_files_come_in_one_run(tmp_path, monkeypatch):
    overlays = [FIXTURES / "broken" / r for r in ("integer", "maximum", "formula", "date-order")]
    root = make_checkout(tmp_path / "checkout", *overlays)
    monkeypatch.chdir(root)
    problems = [str(p) for p in validate_datasets(root / "datasets", TEXTS)]
    # Each overlay replaces a different table, so each rule's message is there, in table order.
    assert problems == [
        *EXPECTED["integer"],
        *EXPECTED["formula"],
        *EXPECTED["date-order"],
        *EXPECTED["maximum"],
    ]


def test_a_rule_that_crashes_is_reported_not_passed(checkout, monkeypatch):
    from sinosoviet.validation import rules

    def crash(frame):
        raise RuntimeError("boom")

    monkeypatch.setattr(rules, "_qualifier_fits", crash)
    problems = [str(p) for p in validate_datasets(checkout / "datasets", TEXTS)]
    assert (
        'datasets/population.csv:1: the check qualifier_shape could not run: RuntimeError("boom")' in problems
    )
    assert len(problems) == 5  # once per figure table
