"""The package API: typed tables, the codebook, citations, and an import that reads nothing."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

import sinosoviet
from sinosoviet.schema import table_schema
from sinosoviet.tables import write_csv

EXPECTED_DTYPES = {"integer": "Int64", "number": "Float64", "string": "str"}


def test_tables_lists_every_schema_in_package_order():
    assert sinosoviet.tables() == [
        "population", "arrests", "deportations", "deaths", "migrations",
        "sources", "places", "events", "excluded_numbers",
    ]  # fmt: skip
    assert sinosoviet.figure_tables() == ["population", "arrests", "deportations", "deaths", "migrations"]


@pytest.mark.parametrize("name", sinosoviet.tables())
def test_load_types_every_column_from_the_schema(name):
    frame = sinosoviet.load(name)
    schema = table_schema(name)
    assert list(frame.columns) == schema.field_names
    for field in schema.fields:
        dtype = frame[field.name].dtype
        if field.enum:
            assert isinstance(dtype, pd.CategoricalDtype), field.name
            assert list(dtype.categories) == field.enum
        else:
            assert str(dtype) == EXPECTED_DTYPES[field.type], field.name


@pytest.mark.parametrize("name", sinosoviet.tables())
def test_load_then_write_gives_back_the_same_bytes(name, tmp_path):
    from sinosoviet.data_files import datasets_dir

    out = tmp_path / f"{name}.csv"
    write_csv(sinosoviet.load(name), out)
    assert out.read_bytes() == (datasets_dir() / f"{name}.csv").read_bytes()


def test_figure_counts_are_nullable_integers():
    frame = sinosoviet.load("deportations")
    assert frame["value"].dtype == "Int64"
    assert frame["value"].isna().any() or frame["value"].notna().all()  # blanks stay <NA>
    assert str(sinosoviet.load("population")["value"].dtype) == "Float64"  # shares such as 48.5 %


def test_unknown_table_names_the_valid_ones():
    with pytest.raises(ValueError, match=r"Unknown table 'arest'\. The tables are: population, arrests"):
        sinosoviet.load("arest")


def test_describe_is_the_codebook():
    codebook = sinosoviet.describe("arrests")
    assert list(codebook.columns) == ["column", "type", "dtype", "required", "constraints", "description"]
    assert codebook["column"].tolist() == table_schema("arrests").field_names
    qualifier = codebook.set_index("column").loc["qualifier"]
    assert qualifier["required"]
    assert "at_least" in qualifier["constraints"]
    assert codebook["description"].str.len().min() > 10


def test_load_with_validate_raises_on_bad_data(fixture_package):
    from sinosoviet.validation import ValidationError
    from tests.conftest import FIXTURES

    assert len(sinosoviet.load("arrests", validate=True)) == 3
    broken = FIXTURES / "broken" / "enum" / "arrests.csv"
    (fixture_package / "datasets" / "arrests.csv").write_bytes(broken.read_bytes())
    with pytest.raises(ValidationError, match="'arested' is not one of") as raised:
        sinosoviet.load("arrests", validate=True)
    assert [p.line for p in raised.value.problems] == [2]


def test_import_reads_no_data_file_and_skips_the_validation_stack():
    # An audit hook sees every open() made while `import sinosoviet` runs.
    probe = """
import json, sys
import pandas, click
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
import sinosoviet
data = [p for p in opened if p.endswith((".csv", ".json", ".txt"))]
print(json.dumps({"data": data, "heavy": sorted(m for m in ("pandera", "frictionless", "dash") if m in sys.modules)}))
"""
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    report = json.loads(result.stdout)
    assert report == {"data": [], "heavy": []}


def test_version_has_one_source():
    from importlib.metadata import version

    assert version("sinosoviet") == sinosoviet.__version__


def test_a_value_outside_an_enum_is_an_error_not_a_blank(fixture_package):
    from tests.conftest import FIXTURES

    broken = FIXTURES / "broken" / "enum" / "arrests.csv"
    (fixture_package / "datasets" / "arrests.csv").write_bytes(broken.read_bytes())
    with pytest.raises(
        ValueError, match=r"arrests\.csv:2: measure: 'arested' is not one of arrested, detained"
    ):
        sinosoviet.load("arrests")
