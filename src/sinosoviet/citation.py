"""Ready-to-paste citations for a claim or a source."""

from __future__ import annotations

import pandas as pd

from sinosoviet.tables import figure_tables, load


def _source_reference(source: pd.Series) -> str:
    parts = [source.get("author"), f"\u201c{source['title']}\u201d", source.get("publisher")]
    if pd.notna(source.get("published")):
        parts.append(source["published"])
    text = ". ".join(str(p) for p in parts if pd.notna(p) and str(p))
    if pd.notna(source.get("url")):
        text += f". {source['url']}"
    return text + "."


def cite(identifier: str) -> str:
    """A citation for the claim or source with this id, ready to paste into a footnote.

    For a claim: the source document, where in it, the verbatim quote, the original source
    the document credits, and the dataset version and claim id, so a reader can find the row.
    """
    from sinosoviet import __version__

    sources = load("sources").set_index("id")
    if identifier in sources.index:
        source = sources.loc[identifier]
        text = _source_reference(source)
        if pd.notna(source["cited_via"]):
            via = sources.loc[source["cited_via"]]
            text += f" Cited in: {_source_reference(via)}"
        return text
    for table in figure_tables():
        claims = load(table).set_index("id")
        if identifier not in claims.index:
            continue
        claim = claims.loc[identifier]
        reference = _source_reference(sources.loc[claim["source_id"]])
        text = f"{reference} {claim['locator']}: \u201c{claim['quote']}\u201d"
        if pd.notna(claim["attributed_to"]):
            text += f" (attributed to {sources.loc[claim['attributed_to'], 'title']})"
        return f"{text}. Via the sinosoviet dataset v{__version__}, table {table}, claim {identifier}."
    error = f"No claim or source has the id {identifier!r}."
    raise KeyError(error)
