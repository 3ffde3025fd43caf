"""Words for charts: captions naming sources, and text alternatives for screen readers."""

from __future__ import annotations

import pandas as pd

from dashboard.data import format_number


def sources_named(claims: pd.DataFrame) -> str:
    """'Source: A (3 claims; attributed to B), C (1 claim).' or a no-claims sentence."""
    if claims.empty:
        return "No claims shown, so no sources."
    parts = []
    for (_source_id, title), group in claims.groupby(["source_id", "source_title"], sort=False):
        n = len(group)
        credited = sorted({str(t) for t in group["attributed_title"].dropna()})
        text = f"{title} ({n} claim{'s' if n != 1 else ''}"
        if credited:
            text += "; crediting " + ", ".join(credited)
        parts.append(text + ")")
    label = "Source" if len(parts) == 1 else "Sources"
    return f"{label}: " + "; ".join(parts) + "."


def claims_summary(claims: pd.DataFrame, noun: str = "claims") -> str:
    """A text alternative for a chart of claims: how many, when, smallest and largest."""
    if claims.empty:
        return f"No {noun} match."
    n, sources = len(claims), claims["source_id"].nunique()
    years = claims[["year_start", "year_end"]].stack().dropna()
    when = f", {int(years.min())} to {int(years.max())}" if not years.empty else ""
    text = f"{n} claim{'s' if n != 1 else ''} from {sources} source{'s' if sources != 1 else ''}{when}."
    numbered = claims.dropna(subset=["y"])
    if not numbered.empty:
        # Smallest and largest only among claims in the same unit (people, most often).
        numbered = numbered[numbered["unit"] == numbered["unit"].mode().iloc[0]]
        low = numbered.loc[numbered["y"].idxmin()]
        high = numbered.loc[numbered["y"].idxmax()]
        text += (
            f" Smallest: {low['as_stated']} ({low['source_title']}, {low['date_start']})."
            f" Largest: {high['as_stated']} ({high['source_title']}, {high['date_start']})."
        )
    return text


def spread(claims: pd.DataFrame) -> str:
    """How far apart the claims of one group are: 'from 11,200 to 19,000 (1.7 times)'."""
    lows = pd.concat([claims["value"], claims["value_low"]]).dropna()
    highs = pd.concat([claims["value"], claims["value_high"]]).dropna()
    if lows.empty or highs.empty:
        return "No numbers to compare."
    low, high = float(lows.min()), float(highs.max())
    unit = str(claims["unit"].iloc[0])
    text = f"The claims run from {format_number(low, unit)} to {format_number(high, unit)}"
    if low > 0 and high / low >= 1.05:
        text += f", a factor of {high / low:,.1f}"
    return text + "."
