"""The `sinosoviet` command: validate the data, build the data package, cite a figure."""

from __future__ import annotations

import sys
from pathlib import Path

import click

CHECKOUT_HELP = "A checkout of sinosoviet: the folder holding datasets/ and schemas/."


def _checkout(root: Path) -> Path:
    if not (root / "datasets").is_dir() or not (root / "schemas" / "package.json").is_file():
        error = f"{root} is not a sinosoviet checkout: it needs datasets/ and schemas/package.json."
        raise click.ClickException(error)
    return root


def _report(problems) -> None:
    for problem in problems:
        click.echo(str(problem))
    files = len({p.file for p in problems})
    click.echo(f"{len(problems)} problem(s) in {files} file(s).", err=True)


@click.group()
@click.version_option(package_name="sinosoviet")
def main() -> None:
    """Cited figures on the Soviet deportations of Chinese people and the 1962 exodus."""


@main.command()
@click.option(
    "--datasets",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of table CSVs. Default: ./datasets if there is one, else the installed data.",
)
@click.option(
    "--source-texts",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of <source_id>.txt files: check that every quote occurs in its source.",
)
def validate(datasets: Path | None, source_texts: Path | None) -> None:
    """Check every table: structure, types, rules, keys, and quotes. Exit 1 on any problem."""
    from sinosoviet.validation import validate_datasets

    if datasets is None and Path("datasets").is_dir():
        datasets = Path("datasets")
    problems = validate_datasets(datasets, source_texts)
    if problems:
        _report(problems)
        sys.exit(1)
    click.echo("No problems found.")


@main.command()
@click.option("--check", is_flag=True, help="Do not write: exit 1 if datapackage.json is stale.")
@click.option(
    "--root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help=CHECKOUT_HELP,
)
@click.option(
    "--source-texts",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Also check every quote against these source texts before building.",
)
def build(check: bool, root: Path, source_texts: Path | None) -> None:
    """Validate, then write datapackage.json and the README's table list (nothing if validation fails)."""
    from sinosoviet.descriptor import DESCRIPTOR, build_descriptor, render, write_atomically
    from sinosoviet.docs import with_tables_section
    from sinosoviet.validation import validate_datasets

    root = _checkout(root)
    problems = validate_datasets(root / "datasets", source_texts)
    if problems:
        _report(problems)
        click.echo(f"{DESCRIPTOR} was not written.", err=True)
        sys.exit(1)
    readme = root / "README.md"
    outputs = {root / DESCRIPTOR: render(build_descriptor(root))}
    if readme.is_file():
        try:
            outputs[readme] = with_tables_section(readme.read_text(encoding="utf-8"), root / "schemas")
        except ValueError as error:
            raise click.ClickException(str(error)) from None
    stale = [
        path for path, text in outputs.items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]  # fmt: skip
    if check:
        if stale:
            names = " and ".join(p.name for p in stale)
            click.echo(f"{names} is stale: run `sinosoviet build` and commit it.", err=True)
            sys.exit(1)
        click.echo(f"{DESCRIPTOR} is up to date.")
        return
    if not stale:
        click.echo(f"{DESCRIPTOR} is already up to date.")
        return
    for path in stale:
        write_atomically(path, outputs[path])
        click.echo(f"Wrote {path.name}.")


@main.command()
def tables() -> None:
    """List the tables with their row counts."""
    import sinosoviet

    for name in sinosoviet.tables():
        click.echo(f"{name}\t{len(sinosoviet.load(name))}")


@main.command()
@click.argument("identifier")
def cite(identifier: str) -> None:
    """Print a citation for the claim or source IDENTIFIER."""
    import sinosoviet

    try:
        click.echo(sinosoviet.cite(identifier))
    except KeyError as error:
        raise click.ClickException(error.args[0]) from None


if __name__ == "__main__":
    main()
