"""Check every table of a dataset folder and return every problem found, in file order."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from sinosoviet.data_files import datasets_dir, schemas_dir
from sinosoviet.schema import TableSchema, package_metadata, table_schema
from sinosoviet.validation.cells import forget_columns, type_cells
from sinosoviet.validation.problems import Problem, display_path, show
from sinosoviet.validation.reading import RawTable, read_raw
from sinosoviet.validation.references import foreign_key_problems, quote_problems
from sinosoviet.validation.rules import pandera_schema, row_rules


def schemas_for(datasets: Path) -> Path:
    """The schemas beside a dataset folder (a checkout's), else the bundled ones."""
    beside = datasets.parent / "schemas"
    return beside if (beside / "package.json").is_file() else schemas_dir()


def validate_datasets(datasets: Path | None = None, source_texts: Path | None = None) -> list[Problem]:
    """Every problem in the tables of `datasets` (default: the bundled data).

    With `source_texts`, a folder of `<source_id>.txt` files, each quote must also occur in
    the text of its source.
    """
    datasets = Path(datasets) if datasets else datasets_dir().resolve()
    schemas = schemas_for(datasets)
    names = package_metadata(schemas)["resources"]
    problems: list[Problem] = []
    files = {name: display_path(datasets / f"{name}.csv") for name in names}
    for path in sorted(datasets.glob("*.csv")):
        if path.stem not in names:
            problems.append(
                Problem(display_path(path), 1, "", "no table of that name in schemas/package.json")
            )

    raws: dict[str, RawTable] = {}
    for name in names:
        schema = table_schema(name, schemas)
        path = datasets / f"{name}.csv"
        if not path.is_file():
            problems.append(Problem(files[name], 1, "", "the file is missing"))
            continue
        field_types = {f.name: f.type for f in schema.fields}
        raw = read_raw(path, field_types, f"schemas/{name}.schema.json")
        problems += raw.problems
        if raw.frame is not None:
            raws[name] = raw

    frames = {name: raw.frame for name, raw in raws.items()}
    for name, raw in raws.items():
        schema = table_schema(name, schemas)
        typed, cell_problems = type_cells(raw, schema)
        problems += cell_problems
        untyped_lines = {p.line for p in cell_problems}
        try:
            problems += rule_problems(schema, raw, typed, untyped_lines)
        finally:
            forget_columns()  # its cache holds this table's columns
        problems += foreign_key_problems(schema, raw, frames, files)
        if source_texts is not None and {"source_id", "quote"} <= set(schema.field_names):
            problems += quote_problems(raw, typed, Path(source_texts))
    return _one_per_cell(problems, list(files.values()))


def rule_problems(
    schema: TableSchema, raw: RawTable, typed: pd.DataFrame, untyped_lines: set[int]
) -> list[Problem]:
    """Run the pandera schema and turn its failure cases into one line per bad cell.

    Rules across columns are not reported on lines where a cell did not parse: the cell's
    own message says what is wrong, and a rule seeing it empty would only add noise.
    """
    try:
        pandera_schema(schema).validate(typed, lazy=True)
    except pa.errors.SchemaErrors as error:
        cases = error.failure_cases
    else:
        return []
    # A check that raised instead of answering is a bug in a rule: say so, never pass quietly.
    broken = cases[cases["index"].isna() & ~cases["check"].isin(["column_in_schema", "column_in_dataframe"])]
    problems = [
        Problem(
            raw.file,
            1,
            case.column if case.schema_context == "Column" else "",
            f"the check {case.check} could not run: {case.failure_case}",
        )
        for case in broken.itertuples()
    ]
    cases = cases[cases["index"].notna()].drop_duplicates(["index", "check", "column"])
    rules = {rule.name: rule for rule in row_rules(schema)}
    # A column's own check speaks first; a rule across columns on the same cell is then dropped.
    cases = cases.sort_values("schema_context", key=lambda c: c != "Column", kind="stable")
    for case in cases.itertuples():
        index = int(case.index)
        line = raw.line_of(index)
        if case.check in rules:
            if line in untyped_lines:
                continue
            rule = rules[case.check]
            problems.append(Problem(raw.file, line, rule.column, rule.message(typed.loc[index])))
        elif case.schema_context == "Column":
            field = schema.field(case.column)
            message = _column_message(field, case.check, case.failure_case, typed, raw)
            problems.append(Problem(raw.file, line, case.column, message))
        elif case.check == "multiple_fields_uniqueness":
            key = ", ".join(schema.primary_key)
            problems.append(Problem(raw.file, line, schema.primary_key[0], f"({key}) repeats an earlier row"))
    return list(dict.fromkeys(problems))


# What a failed column check means, in a curator's words: check name -> message(value, rules).
COLUMN_MESSAGES = {
    "not_nullable": lambda value, rules: "a value is required",
    "enum": lambda value, rules: f"{show(value)} is not one of {', '.join(rules['enum'])}",
    "pattern": lambda value, rules: f"{show(value)} does not match the pattern {rules['pattern']}",
    "calendar": lambda value, rules: f"{show(value)} is not a real date",
    "minimum": lambda value, rules: f"{show(value)} is less than the minimum {rules['minimum']}",
    "maximum": lambda value, rules: f"{show(value)} is more than the maximum {rules['maximum']}",
    "formula": lambda value, rules: (
        f"{show(value)} starts with {str(value)[0]!r}, which a spreadsheet would run as a formula"
    ),
}


def _column_message(field, check: str, value: object, typed: pd.DataFrame, raw: RawTable) -> str:
    if check == "unique":
        first = typed.index[typed[field.name] == value][0]
        return f"{show(value)} is already used on line {raw.line_of(first)}"
    if check in COLUMN_MESSAGES:
        return COLUMN_MESSAGES[check](value, field.constraints)
    return f"{show(value)} fails {check}"


def _one_per_cell(problems: list[Problem], file_order: list[str]) -> list[Problem]:
    """Sorted by file (in table order), line and column; one problem per cell, the first found."""
    rank = {name: i for i, name in enumerate(file_order)}
    ordered = sorted(problems, key=lambda p: (rank.get(p.file, -1), p.file, p.line))
    seen, kept = set(), []
    for problem in ordered:
        cell = (problem.file, problem.line, problem.column)
        if problem.column and cell in seen:
            continue
        seen.add(cell)
        kept.append(problem)
    return kept
