"""The page of one figure table: filters, the chart of its claims, caption, table, download.

`claims_view` does the work and is what the tests call; the Dash callback only wraps it.
"""

from __future__ import annotations

from functools import lru_cache

from dash import Input, Output, callback, dcc, html

from dashboard import ids
from dashboard.components import chart, claims_table, no_claims_yet, problems_banner, url_sync
from dashboard.data import cleared_with_dataset, dataset
from dashboard.figures import claims_chart, humanize
from dashboard.state import (
    YEAR_MAX,
    YEAR_MIN,
    claim_filters,
    claim_options,
    claims_query,
    filter_claims,
    params_query,
)
from dashboard.summaries import claims_summary, sources_named

INTROS = {
    "population": "How many Chinese (and neighbouring groups) lived in a place, remained "
    "there, or made up a share of it, according to each source.",
    "arrests": "People arrested, detained, imprisoned, repressed or released.",
    "deportations": "People deported, expelled or forcibly resettled, from an origin to a destination.",
    "deaths": "People killed, shot, drowned or otherwise dead, and survivors of massacres.",
    "migrations": "Movements that were not deportations: the 1915 labour recruitment, "
    "resettlement, and the 1962 flight from Ili and Tacheng into the USSR.",
}


def _labels(table: str) -> dict[str, dict[str, str]]:
    data = dataset()
    places = dict(zip(data.places["id"], data.places["name"], strict=True))
    sources = dict(zip(data.sources["id"], data.sources["title"], strict=True))
    events = dict(zip(data.events["id"], data.events["name"], strict=True))
    return {"event": events, "place": places, "source": sources}


def _options(values: list[str], labels: dict[str, str] | None = None, human: bool = False):
    labels = labels or {}
    return [{"label": labels.get(v) or (humanize(v) if human else v), "value": v} for v in values]


@cleared_with_dataset
@lru_cache(maxsize=512)
def _view(table: str, query: str) -> dict:
    data = dataset()
    claims = data.table_claims(table)
    options = claim_options(claims)
    from dashboard.state import parse_query

    state = claim_filters(parse_query(query), options)
    shown = filter_claims(claims, state)
    default_unit = options["unit"][0] if options["unit"] else None
    canonical = claims_query(state, default_unit)
    return {
        "state": state,
        "options": options,
        "claims": shown,
        "figure": claims_chart(shown, unit=state["unit"], scale=state["scale"]),
        "query": canonical,
        "download": f"/download/claims/{table}.csv{canonical}",
        "summary": f"Chart of {table}: " + claims_summary(shown),
        "caption": sources_named(shown),
        "count": f"{len(shown)} of {len(claims)} claims shown",
    }


def claims_view(table: str, query: str) -> dict:
    """Everything the page shows for one filter state (cached: the data does not change)."""
    return _view(table, query or "")


def state_query(table: str, event, years, group, place, source, reliability, unit, scale) -> str:
    """The query string of the filter components' values."""
    years = years if isinstance(years, list | tuple) and len(years) == 2 else [YEAR_MIN, YEAR_MAX]
    state = {
        "event": event or [], "group": group or [], "place": place or [],
        "source": source or [], "reliability": reliability or [],
        "from": years[0], "to": years[1], "unit": unit, "scale": scale or "auto",
    }  # fmt: skip
    return claims_query(state, None)


def claims_layout(table: str, params: dict) -> html.Div:
    data = dataset()
    view = claims_view(table, params_query(params))
    state, options = view["state"], view["options"]
    labels = _labels(table)
    pid = lambda part: ids.claims_id(table, part)  # noqa: E731
    total = len(data.table_claims(table))

    def dropdown(part: str, label: str, values, human=False, names=None):
        return html.Div(
            [
                html.Label(label, htmlFor=pid(part)),
                dcc.Dropdown(
                    id=pid(part), options=_options(values, names, human), value=state[part],
                    multi=True, placeholder="All", clearable=True,
                ),
            ],
            className="filter",
        )  # fmt: skip

    filters = html.Div(
        [
            dropdown("event", "Event", options["event"], names=labels["event"]),
            dropdown("group", "Group counted", options["group"], human=True),
            dropdown("place", "Place", options["place"], names=labels["place"]),
            dropdown("source", "Source", options["source"], names=labels["source"]),
            html.Div(
                [
                    html.Label("Years", htmlFor=pid("years")),
                    dcc.RangeSlider(
                        id=pid("years"),
                        min=YEAR_MIN,
                        max=YEAR_MAX,
                        step=1,
                        value=[state["from"], state["to"]],
                        marks={y: str(y) for y in (1860, 1900, 1930, 1962)},
                        tooltip={"placement": "bottom", "always_visible": False},
                        allowCross=False,
                    ),
                ],
                className="filter years",
            ),
            html.Div(
                [
                    html.Span("Source reliability (none ticked: all)", className="label"),
                    dcc.Checklist(
                        id=pid("reliability"),
                        options=[{"label": humanize(r), "value": r} for r in options["reliability"]],
                        value=state["reliability"],
                        inline=True,
                        className="checks",
                    ),
                ],
                className="filter",
            ),
            html.Div(
                [
                    html.Label("Unit", htmlFor=pid("unit")),
                    dcc.Dropdown(
                        id=pid("unit"),
                        options=_options(options["unit"] or ["people"], human=True),
                        value=state["unit"],
                        clearable=False,
                        searchable=False,
                    ),
                ],
                className="filter narrow",
            ),
            html.Div(
                [
                    html.Span("Scale", className="label"),
                    dcc.RadioItems(
                        id=pid("scale"),
                        value=state["scale"],
                        inline=True,
                        className="checks",
                        options=[
                            {"label": "Auto", "value": "auto"},
                            {"label": "Linear", "value": "linear"},
                            {"label": "Log", "value": "log"},
                        ],
                    ),
                ],
                className="filter narrow",
            ),
            html.A("Reset filters", href=f"/{table}", className="reset", id=pid("reset")),
        ],
        className="filters",
        role="search",
        **{"aria-label": f"Filter the {table} claims"},
    )
    body = (
        [no_claims_yet(f"{table} claims")]
        if total == 0
        else [
            html.P(view["count"], id=pid("count"), className="count", role="status"),
            chart(
                pid("graph"), view["figure"], summary=view["summary"],
                caption=[view["caption"]], download_href=view["download"],
                download_id=pid("download"), caption_id=pid("caption"), summary_id=pid("summary"),
            ),
            html.Div(claims_table(view["claims"]), id=pid("table")),
        ]
    )  # fmt: skip
    return html.Div(
        [
            url_sync(table, view["query"]),
            problems_banner(data.problems),
            html.H1(humanize(table)),
            html.P(INTROS.get(table, ""), className="lede"),
            html.P(
                "Each point is one source's claim. Hover (or tap) a point for the number as "
                "stated, the place, the dates, the source and its verbatim quote.",
                className="help",
            ),
            filters,
            *body,
        ],
        className="page claims-page",
    )


def register_claims_callbacks(table: str) -> None:
    pid = lambda part: ids.claims_id(table, part)  # noqa: E731
    inputs = [
        Input(pid(p), "value")
        for p in ("event", "years", "group", "place", "source", "reliability", "unit", "scale")
    ]

    @callback(
        Output(pid("graph"), "figure"),
        Output(pid("caption"), "children"),
        Output(pid("summary"), "children"),
        Output(pid("download"), "href"),
        Output(pid("count"), "children"),
        Output(pid("table"), "children"),
        Output({"type": ids.URL_QUERY, "page": table}, "data"),
        *inputs,
        prevent_initial_call=True,
    )
    def update(event, years, group, place, source, reliability, unit, scale):
        view = claims_view(
            table, state_query(table, event, years, group, place, source, reliability, unit, scale)
        )
        return (
            view["figure"], view["caption"], view["summary"], view["download"], view["count"],
            claims_table(view["claims"]), view["query"],
        )  # fmt: skip

    update.__name__ = f"update_{table}"
