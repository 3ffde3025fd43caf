"""Map: the places the claims name, sized by people counted, and the routes people were moved."""

from urllib.parse import urlencode

import dash
from dash import Input, Output, callback, dcc, html

from dashboard import ids
from dashboard.components import chart, claims_table, no_claims_yet, problems_banner, url_sync
from dashboard.data import dataset
from dashboard.figures import humanize
from dashboard.state import params_query
from dashboard.views import MAP_TABLES, map_view

dash.register_page(__name__, path="/map", name="Map", order=7, title="Map of places and routes · sinosoviet")


def _query(tables, events) -> str:
    params = {}
    if tables and set(tables) != set(MAP_TABLES):
        params["tables"] = ",".join(tables)
    if events:
        params["event"] = ",".join(events)
    return "?" + urlencode(params) if params else ""


def layout(**params):
    query = params_query(params)
    view = map_view(query)
    data = dataset()
    events = dict(zip(data.events["id"], data.events["name"], strict=True))
    event_ids = sorted(set(data.claims["event_id"].dropna()))
    body = (
        [no_claims_yet("places")]
        if data.places.empty
        else [
            chart(
                ids.MAP_GRAPH, view["figure"], summary=view["summary"],
                caption=[view["caption"]], download_href=view["download"],
                download_id=ids.MAP_DOWNLOAD, caption_id=ids.MAP_CAPTION,
                summary_id=ids.MAP_SUMMARY, legend=False,
            ),
            html.Div(claims_table(view["claims"]), id="map-claims"),
        ]
    )  # fmt: skip
    return html.Div(
        [
            url_sync("map", view["query"]),
            problems_banner(data.problems),
            html.H1("Map"),
            html.P(
                "Circles are the places the claims name, sized by the largest number of "
                "people any claim counts there. Lines are the routes of deportations (solid, "
                "vermilion) and other migrations (dashed, green), drawn from origin to "
                "destination, thicker for larger numbers; hover the diamond in the middle of a "
                "route for its claims. Coordinates are representative points from general "
                "knowledge, not from the sources.",
                className="lede",
            ),
            html.Div(
                [
                    html.Div(
                        [
                            html.Span("Tables", className="label"),
                            dcc.Checklist(
                                id=ids.MAP_TABLE,
                                value=view["state"]["tables"],
                                inline=True,
                                options=[{"label": humanize(t), "value": t} for t in MAP_TABLES],
                                className="checks",
                            ),
                        ],
                        className="filter",
                    ),
                    html.Div(
                        [
                            html.Label("Event", htmlFor=ids.MAP_EVENT),
                            dcc.Dropdown(
                                id=ids.MAP_EVENT,
                                value=view["state"]["event"],
                                multi=True,
                                options=[{"label": events.get(e, e), "value": e} for e in event_ids],
                                placeholder="All",
                            ),
                        ],
                        className="filter",
                    ),
                ],
                className="filters",
                role="search",
            ),
            *body,
        ],
        className="page map",
    )


@callback(
    Output(ids.MAP_GRAPH, "figure"),
    Output(ids.MAP_CAPTION, "children"),
    Output(ids.MAP_SUMMARY, "children"),
    Output(ids.MAP_DOWNLOAD, "href"),
    Output("map-claims", "children"),
    Output({"type": ids.URL_QUERY, "page": "map"}, "data"),
    Input(ids.MAP_TABLE, "value"),
    Input(ids.MAP_EVENT, "value"),
    prevent_initial_call=True,
)
def update_map(tables, events):
    view = map_view(_query(tables or [], events or []) if tables else "?tables=none")
    return (view["figure"], view["caption"], view["summary"], view["download"],
            claims_table(view["claims"]), view["query"])  # fmt: skip
