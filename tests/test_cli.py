"""The `sinosoviet` command driven through click's CliRunner: exit codes and messages."""

from __future__ import annotations

import json

from click.testing import CliRunner

import sinosoviet
from sinosoviet.cli import main
from tests.conftest import FIXTURES, VALID


def test_validate_a_clean_checkout(checkout):
    result = CliRunner().invoke(main, ["validate", "--source-texts", str(VALID / "source_texts")])
    assert result.exit_code == 0, result.output
    assert result.stdout == "No problems found.\n"


def test_validate_reports_every_problem_and_exits_1(checkout):
    for rule in ("integer", "maximum"):
        for path in (FIXTURES / "broken" / rule).iterdir():
            (checkout / "datasets" / path.name).write_bytes(path.read_bytes())
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "datasets/arrests.csv:2: value_low: 'abc' is not an integer",
        "datasets/places.csv:2: latitude: 95 is more than the maximum 90",
    ]
    assert result.stderr == "2 problem(s) in 2 file(s).\n"
    assert "Traceback" not in result.output


def test_validate_another_folder(tmp_path, checkout):
    result = CliRunner().invoke(main, ["validate", "--datasets", str(checkout / "datasets")])
    assert result.exit_code == 0


def test_build_writes_a_descriptor_then_check_passes(checkout):
    runner = CliRunner()
    first = runner.invoke(main, ["build"])
    assert first.exit_code == 0 and first.stdout == "Wrote datapackage.json.\n"
    descriptor = json.loads((checkout / "datapackage.json").read_text())
    assert descriptor["version"] == sinosoviet.__version__
    assert [r["name"] for r in descriptor["resources"]] == sinosoviet.tables()
    check = runner.invoke(main, ["build", "--check"])
    assert check.exit_code == 0 and check.stdout == "datapackage.json is up to date.\n"


def test_build_is_deterministic(checkout):
    runner = CliRunner()
    runner.invoke(main, ["build"])
    first = (checkout / "datapackage.json").read_bytes()
    (checkout / "datapackage.json").unlink()
    runner.invoke(main, ["build"])
    assert (checkout / "datapackage.json").read_bytes() == first


def test_build_check_fails_when_data_changed(checkout):
    runner = CliRunner()
    runner.invoke(main, ["build"])
    events = checkout / "datasets" / "events.csv"
    events.write_text(events.read_text().replace("war economy", "war industry"))
    result = runner.invoke(main, ["build", "--check"])
    assert result.exit_code == 1
    assert result.stderr == "datapackage.json is stale: run `sinosoviet build` and commit it.\n"


def test_build_outside_a_checkout_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 1
    assert "is not a sinosoviet checkout: it needs datasets/ and schemas/package.json." in result.output


def test_cite_command(fixture_package):
    ok = CliRunner().invoke(main, ["cite", "memorial-database"])
    assert ok.exit_code == 0 and "Database of victims of state terror" in ok.stdout
    missing = CliRunner().invoke(main, ["cite", "nope"])
    assert missing.exit_code == 1
    assert missing.output == "Error: No claim or source has the id 'nope'.\n"


def test_tables_command(fixture_package):
    result = CliRunner().invoke(main, ["tables"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == ["population\t2", "arrests\t3"]


def test_data_package_zip_is_complete_and_reproducible(checkout):
    import io
    import zipfile

    from sinosoviet.descriptor import data_package_zip

    assert CliRunner().invoke(main, ["build"]).exit_code == 0
    first = data_package_zip(checkout)
    assert data_package_zip(checkout) == first
    names = zipfile.ZipFile(io.BytesIO(first)).namelist()
    assert "sinosoviet/datapackage.json" in names
    for table in sinosoviet.tables():
        assert f"sinosoviet/datasets/{table}.csv" in names
        assert f"sinosoviet/schemas/{table}.schema.json" in names
