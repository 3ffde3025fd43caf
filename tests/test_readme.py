"""The README's promises: its table list is fresh, and its two commands are the ones CI runs."""

from __future__ import annotations

import re

from sinosoviet.docs import with_tables_section
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_table_list_is_generated_from_the_schemas_and_fresh():
    assert with_tables_section(README, REPO / "schemas") == README
    for name in ("population", "arrests", "deportations", "deaths", "migrations", "sources"):
        assert f"| `{name}` |" in README


def test_the_two_set_up_commands_are_documented_and_ci_runs_the_test_one():
    commands = re.findall(r"^make (\w+)", README, flags=re.MULTILINE)
    assert commands[:2] == ["dashboard", "test"]
    ci = (REPO / ".ci" / "run").read_text()
    assert "make test" in ci
    makefile = (REPO / "Makefile").read_text()
    assert re.search(r"^dashboard:.*\n(\t.*\n)*\t\$\(BIN\)/python -m dashboard", makefile, re.MULTILINE)
    assert re.search(r"^test:.*\n(\t.*\n)*\t\$\(BIN\)/pytest", makefile, re.MULTILINE)


def test_every_cli_command_is_in_the_readme():
    from sinosoviet.cli import main

    for command in main.commands:
        assert f"sinosoviet {command}" in README, command
