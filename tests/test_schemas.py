"""The Table Schemas are the one source of truth; what is derived from them must match them."""

from __future__ import annotations

import json

import pandera.pandas as pa
import pytest
from frictionless import Schema
from pandera.engines import pandas_engine

import sinosoviet
from sinosoviet.schema import PANDAS_DTYPES, package_metadata, table_schema
from sinosoviet.validation.rules import PARTIAL_DATE_PATTERN, pandera_schema
from tests.conftest import REPO

SHARED_FIGURE_COLUMNS = [
    "id", "event_id", "measure", "group", "date_start", "date_end", "value", "value_low",
    "value_high", "qualifier", "unit", "claim_group", "source_id", "attributed_to", "locator",
    "quote", "notes",
]  # fmt: skip


@pytest.mark.parametrize("name", sinosoviet.tables())
def test_schema_is_a_valid_table_schema_with_described_fields(name):
    path = REPO / "schemas" / f"{name}.schema.json"
    report = Schema.validate_descriptor(str(path))
    assert report.valid, report.flatten(["type", "note"])
    for field in json.loads(path.read_text())["fields"]:
        assert len(field.get("description", "")) > 10, f"{name}.{field['name']} needs a description"


@pytest.mark.parametrize("name", sinosoviet.tables())
def test_pandera_schema_has_the_same_fields_and_types(name):
    schema = table_schema(name)
    derived = pandera_schema(schema)
    assert list(derived.columns) == schema.field_names
    for field in schema.fields:
        column = derived.columns[field.name]
        assert column.dtype == pandas_engine.Engine.dtype(PANDAS_DTYPES[field.type]), field.name
        assert column.nullable is (not field.required), field.name
        checks = {check.name for check in column.checks}
        assert ("unique" in checks) is bool(field.constraints.get("unique")), field.name
        assert ("enum" in checks) is ("enum" in field.constraints), field.name
        assert ("pattern" in checks) is ("pattern" in field.constraints), field.name


@pytest.mark.parametrize("name", sinosoviet.figure_tables())
def test_figure_tables_share_the_design_columns(name):
    columns = [c for c in table_schema(name).field_names if not c.endswith("place_id")]
    assert columns == SHARED_FIGURE_COLUMNS


def test_partial_dates_share_one_pattern():
    for name in sinosoviet.tables():
        for field in table_schema(name).fields:
            if field.name in ("date_start", "date_end", "published"):
                assert field.constraints["pattern"] == PARTIAL_DATE_PATTERN, f"{name}.{field.name}"


def test_foreign_keys_point_at_real_tables_and_fields():
    for name in sinosoviet.tables():
        schema = table_schema(name)
        for key in schema.foreign_keys:
            assert key["fields"] in schema.field_names
            target = table_schema(key["reference"]["resource"] or name)
            assert key["reference"]["fields"] in target.field_names


def test_package_metadata_lists_exactly_the_schema_files():
    files = sorted(p.name.removesuffix(".schema.json") for p in (REPO / "schemas").glob("*.schema.json"))
    assert sorted(package_metadata()["resources"]) == files


def test_pandera_catches_what_the_table_schema_forbids():
    import pandas as pd

    frame = pd.DataFrame(
        {f: pd.Series([None], dtype=PANDAS_DTYPES[t.type]) for f, t in
         ((x.name, x) for x in table_schema("events").fields)}
    )  # fmt: skip
    with pytest.raises(pa.errors.SchemaErrors) as raised:
        pandera_schema(table_schema("events")).validate(frame, lazy=True)
    required = {f.name for f in table_schema("events").fields if f.required}
    assert set(raised.value.failure_cases["column"]) == required
