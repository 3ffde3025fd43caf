"""Page state <-> URL query string. Unknown or malformed parameters fall back to defaults.

A filter state is a plain dict of lists and scalars so that it round-trips through the URL,
the Dash components and the CSV download links without a server error on any input.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import parse_qs, urlencode

import pandas as pd

YEAR_MIN, YEAR_MAX = 1850, 1965
SCALES = ("auto", "linear", "log")
LIST_PARAMS = ("event", "group", "place", "source", "reliability")


def params_query(params: Mapping[str, object]) -> str:
    """The query string of a page's keyword arguments ('' when there are none)."""
    text = {k: v for k, v in params.items() if isinstance(v, str)}
    return "?" + urlencode(text) if text else ""


def parse_query(search: str | None) -> dict[str, str]:
    """'?a=1&b=2' -> {'a': '1', 'b': '2'}; the last value wins, junk is dropped."""
    if not search:
        return {}
    try:
        parsed = parse_qs(search.lstrip("?"), keep_blank_values=False, max_num_fields=50)
    except ValueError:
        return {}
    return {key: values[-1] for key, values in parsed.items() if values}


def _single(raw: object) -> str | None:
    if isinstance(raw, list | tuple):
        raw = raw[-1] if raw else None
    return raw if isinstance(raw, str) else None


def _list(raw: object, allowed: Iterable[str]) -> list[str]:
    text = _single(raw)
    if not text:
        return []
    allowed = list(allowed)
    wanted = {item.strip() for item in text.split(",")}
    return [item for item in allowed if item in wanted]


def _year(raw: object, default: int) -> int:
    text = _single(raw)
    try:
        year = int(text) if text is not None else default
    except ValueError:
        return default
    return min(max(year, YEAR_MIN), YEAR_MAX)


def claim_options(claims: pd.DataFrame) -> dict[str, list]:
    """The values each filter can take, from the claims of one table."""

    def values(column: str) -> list[str]:
        return sorted({str(v) for v in claims[column].dropna()})

    places = sorted(
        {str(v) for c in ("place_id", "origin_place_id", "destination_place_id")
         for v in claims[c].dropna()}
    )  # fmt: skip
    units = claims["unit"].value_counts()
    return {
        "event": values("event_id"),
        "group": values("group"),
        "place": places,
        # A source counts both as the document read and as the original it credits.
        "source": sorted(set(values("source_id")) | set(values("attributed_to"))),
        "reliability": [r for r in ("high", "medium", "low", "unknown") if r in set(claims["reliability"])],
        "unit": list(units.index),
    }


def claim_filters(params: Mapping[str, object], options: Mapping[str, list]) -> dict:
    """The filter state a query asks for, restricted to what exists; defaults elsewhere."""
    year_from = _year(params.get("from"), YEAR_MIN)
    year_to = _year(params.get("to"), YEAR_MAX)
    if year_from > year_to:
        year_from, year_to = YEAR_MIN, YEAR_MAX
    unit = _single(params.get("unit"))
    units = options.get("unit", [])
    if unit not in units:
        unit = units[0] if units else "people"
    scale = _single(params.get("scale"))
    state = {key: _list(params.get(key), options.get(key, [])) for key in LIST_PARAMS}
    state.update(
        {"from": year_from, "to": year_to, "unit": unit,
         "scale": scale if scale in SCALES else "auto"}
    )  # fmt: skip
    return state


def claims_query(state: Mapping[str, object], default_unit: str | None = None) -> str:
    """The query string of a filter state, leaving out what is at its default."""
    params: dict[str, str] = {}
    for key in LIST_PARAMS:
        values = state.get(key) or []
        if values:
            params[key] = ",".join(values)
    if state.get("from", YEAR_MIN) != YEAR_MIN:
        params["from"] = str(state["from"])
    if state.get("to", YEAR_MAX) != YEAR_MAX:
        params["to"] = str(state["to"])
    if state.get("unit") and state.get("unit") != default_unit:
        params["unit"] = str(state["unit"])
    if state.get("scale", "auto") != "auto":
        params["scale"] = str(state["scale"])
    return "?" + urlencode(params) if params else ""


def filter_claims(claims: pd.DataFrame, state: Mapping[str, object]) -> pd.DataFrame:
    """The claims a filter state selects. An empty list means 'all'."""
    keep = pd.Series(True, index=claims.index)
    if state.get("event"):
        keep &= claims["event_id"].isin(state["event"])
    if state.get("group"):
        keep &= claims["group"].isin(state["group"])
    if state.get("source"):
        keep &= claims["source_id"].isin(state["source"]) | claims["attributed_to"].isin(state["source"])
    if state.get("reliability"):
        keep &= claims["reliability"].isin(state["reliability"])
    if state.get("place"):
        places = state["place"]
        keep &= (
            claims["place_id"].isin(places)
            | claims["origin_place_id"].isin(places)
            | claims["destination_place_id"].isin(places)
        )
    if state.get("unit"):
        keep &= claims["unit"] == state["unit"]
    year_from = state.get("from", YEAR_MIN)
    year_to = state.get("to", YEAR_MAX)
    if year_from != YEAR_MIN or year_to != YEAR_MAX:
        # A claim is kept when its period overlaps the years asked for.
        keep &= (claims["year_end"] >= year_from) & (claims["year_start"] <= year_to)
    return claims[keep]
