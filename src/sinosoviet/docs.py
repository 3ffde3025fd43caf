"""Documentation generated from the schemas: the README's list of tables."""

from __future__ import annotations

import re
from pathlib import Path

from sinosoviet.schema import package_metadata, table_schema

START, END = "<!-- tables:start -->", "<!-- tables:end -->"
SECTION = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)


def tables_markdown(schemas: Path) -> str:
    """A Markdown table of every table with its description and its columns."""
    lines = ["| table | what a row is | columns |", "|---|---|---|"]
    for name in package_metadata(schemas)["resources"]:
        schema = table_schema(name, schemas)
        columns = ", ".join(f"`{c}`" for c in schema.field_names)
        lines.append(f"| `{name}` | {schema.description} | {columns} |")
    return "\n".join(lines)


def with_tables_section(readme: str, schemas: Path) -> str:
    """The README text with its generated section replaced by the current one."""
    if not SECTION.search(readme):
        error = f"README.md has no {START} ... {END} section to fill"
        raise ValueError(error)
    return SECTION.sub(lambda _: f"{START}\n{tables_markdown(schemas)}\n{END}", readme)
