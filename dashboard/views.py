"""What each page shows for a given state: the claims, figures and words, without Dash.

The pages render these views, the download routes serve their rows, and the tests check them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlencode

import pandas as pd

from dashboard.data import cleared_with_dataset, dataset, format_number
from dashboard.figures import compare_chart, map_figure, sources_chart, timeline_chart
from dashboard.state import _list, _single, parse_query
from dashboard.summaries import claims_summary, sources_named, spread

# ---------------------------------------------------------------- Overview: headline figures


@dataclass(frozen=True)
class Headline:
    title: str
    table: str
    measures: tuple[str, ...]
    years: tuple[int, int]
    groups: tuple[str, ...]
    link: str
    # The claim groups that answer the question, chosen by the editors; when none is in the
    # data (a test fixture, a dataset being built), the best-supported group is picked.
    claim_groups: tuple[str, ...] = ()


CHINESE = ("chinese", "chinese_nationals", "ethnic_chinese", "chinese_workers",
           "chinese_traders", "chinese_railway_workers", "koreans_and_chinese")  # fmt: skip
HEADLINES = (
    Headline("Chinese people deported from the Far East, 1937–39", "deportations",
             ("deported", "expelled", "resettled", "relocated"), (1937, 1939), CHINESE,
             "/deportations?from=1937&to=1939",
             ("chinese-deported-total-1937-39", "chinese-deported-to-china-xinjiang-1937-39")),
    Headline("Chinese people shot in 1938", "deaths", ("shot", "executed", "killed"),
             (1937, 1938), CHINESE, "/deaths?from=1937&to=1938"),
    Headline("People who fled Xinjiang into the USSR in 1962", "migrations",
             ("fled", "migrated"), (1962, 1962), (), "/migrations?from=1962&to=1962"),
)  # fmt: skip


def headline_claims(headline: Headline) -> pd.DataFrame:
    """The claims of the one claim group that best answers a headline question.

    Candidates are the table's claims of people, of those measures and groups, overlapping
    those years; the group chosen is the one most sources speak to (then the largest).
    """
    claims = dataset().table_claims(headline.table)
    chosen = claims[claims["claim_group"].isin(headline.claim_groups)]
    if not chosen.empty:
        return chosen.sort_values("y")
    mask = (
        claims["measure"].isin(headline.measures)
        & (claims["unit"] == "people")
        & (claims["year_end"] >= headline.years[0])
        & (claims["year_start"] <= headline.years[1])
    )
    if headline.groups:
        mask &= claims["group"].isin(headline.groups)
    candidates = claims[mask]
    if candidates.empty:
        return candidates
    ranking = candidates.groupby("claim_group").agg(
        sources=("source_id", "nunique"), claims=("id", "size"), largest=("y", "max")
    )
    best = ranking.sort_values(["sources", "claims", "largest"], ascending=False).index[0]
    return candidates[candidates["claim_group"] == best].sort_values("y")


def headline_range(claims: pd.DataFrame) -> str:
    """'11,200 to 19,000', or the one number, or a placeholder.

    Vague amounts ("thousands") count only when no claim gives a number: their bounds are
    the curator's reading, not the sources' words.
    """
    stated = claims[claims["qualifier"] != "vague"]
    claims = stated if not stated.empty else claims
    lows = pd.concat([claims["value"], claims["value_low"]]).dropna()
    highs = pd.concat([claims["value"], claims["value_high"]]).dropna()
    if lows.empty:
        return "no number yet"
    low, high = float(lows.min()), float(highs.max()) if not highs.empty else float(lows.max())
    if low == high:
        return format_number(low)
    return f"{format_number(low)} to {format_number(high)}"


@cleared_with_dataset
@lru_cache(maxsize=1)
def overview_view() -> dict:
    data = dataset()
    claims = data.claims
    with_events = claims[claims["event_id"].isin(set(data.events["id"]))]
    return {
        "headlines": [(h, headline_claims(h)) for h in HEADLINES],
        "figure": timeline_chart(data.events, with_events),
        "claims": with_events,
        "summary": "Timeline of the events, 1900 to 1962, with each claim as a dot on its "
        "event: " + claims_summary(with_events),
        "caption": sources_named(with_events),
    }


# ---------------------------------------------------------------- Claims compared


def compared_claims(params: dict) -> pd.DataFrame:
    """Claims of every claim group with more than one claim, optionally of one table/group."""
    claims = dataset().claims
    sizes = claims.groupby("claim_group")["id"].transform("size")
    shown = claims[sizes > 1]
    table = _single(params.get("table"))
    if table in set(claims["table"]):
        shown = shown[shown["table"] == table]
    group = _single(params.get("group"))
    if group and group in set(shown["claim_group"]):
        shown = shown[shown["claim_group"] == group]
    return shown


@cleared_with_dataset
@lru_cache(maxsize=64)
def compare_view(query: str) -> dict:
    params = parse_query(query)
    shown = compared_claims(params)
    cards = []
    order = shown.groupby("claim_group")["x"].min().sort_values().index
    for group in order:
        claims = shown[shown["claim_group"] == group]
        cards.append(
            {
                "group": group,
                "claims": claims,
                "figure": compare_chart(claims),
                "spread": spread(claims),
                "caption": sources_named(claims),
                "summary": f"Claims of {group}: " + claims_summary(claims),
                "download": "/download/compare.csv?" + urlencode({"group": group}),
            }
        )
    table = _single(params.get("table"))
    tables = set(dataset().claims["table"])
    state = {"table": table if table in tables else ""}
    group = _single(params.get("group"))
    if group and group in set(shown["claim_group"]):
        state["group"] = group
    canonical = {k: v for k, v in state.items() if v}
    return {
        "cards": cards,
        "claims": shown,
        "state": state,
        "query": "?" + urlencode(canonical) if canonical else "",
        "download": "/download/compare.csv" + ("?" + urlencode(canonical) if canonical else ""),
    }


# ---------------------------------------------------------------- Map

MAP_TABLES = ("population", "arrests", "deportations", "deaths", "migrations")


@cleared_with_dataset
@lru_cache(maxsize=128)
def map_view(query: str) -> dict:
    params = parse_query(query)
    data = dataset()
    claims = data.claims
    tables = _list(params.get("tables"), MAP_TABLES) or list(MAP_TABLES)
    events = _list(params.get("event"), sorted(set(claims["event_id"].dropna())))
    shown = claims[claims["table"].isin(tables)]
    if events:
        shown = shown[shown["event_id"].isin(events)]
    state = {"tables": tables, "event": events}
    canonical = {}
    if set(tables) != set(MAP_TABLES):
        canonical["tables"] = ",".join(tables)
    if events:
        canonical["event"] = ",".join(events)
    query = "?" + urlencode(canonical) if canonical else ""
    mapped_places = set(data.places.dropna(subset=["latitude", "longitude"])["id"])
    on_map = shown[
        shown["place_id"].isin(mapped_places)
        | shown["origin_place_id"].isin(mapped_places)
        | shown["destination_place_id"].isin(mapped_places)
    ]
    return {
        "state": state,
        "query": query,
        "claims": on_map,
        "figure": map_figure(shown, data.places),
        "summary": "Map of the places the claims name, and the routes of deportations and "
        "migrations: " + claims_summary(on_map),
        "caption": sources_named(on_map),
        "download": f"/download/map.csv{query}",
    }


# ---------------------------------------------------------------- Sources


def cited_via_chain(source_id: str, sources: pd.DataFrame) -> list[str]:
    """The titles a source is known through, nearest first (cycles are cut)."""
    by_id = sources.set_index("id")
    chain, seen = [], {source_id}
    current = by_id["cited_via"].get(source_id) if source_id in by_id.index else None
    while isinstance(current, str) and current and current not in seen:
        seen.add(current)
        chain.append(str(by_id["title"].get(current, current)))
        current = by_id["cited_via"].get(current) if current in by_id.index else None
    return chain


@cleared_with_dataset
@lru_cache(maxsize=1)
def source_counts() -> pd.DataFrame:
    """One row per source: how many claims it backs, as the document read or as the original."""
    data = dataset()
    sources, claims = data.sources, data.claims
    rows = []
    for source in sources.to_dict("records"):
        direct = claims[claims["source_id"] == source["id"]]
        credited = claims[claims["attributed_to"] == source["id"]]
        row = {
            "id": source["id"],
            "title": source["title"],
            "reliability": source["reliability"] or "unknown",
            "claims": len(direct),
            "attributed": len(credited),
            "cited_via": " → ".join(cited_via_chain(source["id"], sources)),
        }
        for table in data.figure_tables:
            row[table] = int((direct["table"] == table).sum() + (credited["table"] == table).sum())
        rows.append(row)
    columns = ["id", "title", "reliability", "claims", "attributed", "cited_via",
               *data.figure_tables]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


@cleared_with_dataset
@lru_cache(maxsize=1)
def sources_view() -> dict:
    counts = source_counts()
    return {
        "counts": counts,
        "figure": sources_chart(counts),
        "summary": f"Bar chart of claims per source: {len(counts)} sources; "
        + "; ".join(f"{r['title']}: {r['claims']} claims, {r['reliability']} reliability"
                    for r in counts.sort_values("claims", ascending=False).to_dict("records")[:8]),
        "caption": "Counts of claims in this dataset by the document they are quoted from "
        "(bar) and by the original source a document credits (in the hover). Reliability is "
        "the curator's grade, with its reason in the bibliography below.",
    }  # fmt: skip
