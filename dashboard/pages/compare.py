"""Claims compared: every quantity more than one claim speaks to, source beside source."""

from urllib.parse import urlencode

import dash
from dash import Input, Output, callback, dcc, html

from dashboard import ids
from dashboard.components import chart, no_claims_yet, problems_banner, url_sync
from dashboard.data import dataset
from dashboard.figures import humanize
from dashboard.state import params_query
from dashboard.views import compare_view

dash.register_page(
    __name__, path="/compare", name="Claims compared", order=6,
    title="Claims compared: where the sources disagree · sinosoviet",
)  # fmt: skip


def _heading(claims) -> str:
    first = claims.iloc[0]
    dates = sorted({str(d) for d in claims["date_start"].dropna()})
    when = dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}" if dates else ""
    return (f"{humanize(first['group'])} {humanize(first['measure']).lower()}, "
            f"{first['place_label']}, {when}")  # fmt: skip


def _sources(claims) -> str:
    documents = claims["source_id"].nunique()
    originals = claims["attributed_to"].dropna().nunique()
    text = "one document" if documents == 1 else f"{documents} documents"
    if originals:
        text += f", crediting {originals} original source{'s' if originals != 1 else ''}"
    return text


def _card(card: dict) -> html.Article:
    claims = card["claims"]
    notes = [
        html.Li([html.Strong(f"{c['source_title']}: "), c["notes"]])
        for c in claims.to_dict("records") if c["notes"]
    ]  # fmt: skip
    return html.Article(
        [
            html.H2(_heading(claims)),
            html.P(
                [
                    html.Code(card["group"]),
                    f" · {humanize(claims['table'].iloc[0])} · ",
                    f"{len(claims)} claims from {_sources(claims)}. ",
                    html.Strong(card["spread"]),
                ],
                className="muted",
            ),
            chart(
                f"compare-graph-{card['group']}",
                card["figure"],
                summary=card["summary"],
                caption=[card["caption"]],
                download_href=card["download"],
                legend=False,
            ),
            html.Div(
                [html.H3("Why they differ: the curator's notes"), html.Ul(notes)]
                if notes
                else html.P("No notes on this disagreement yet.", className="muted"),
                className="notes-box",
            ),
        ],
        className="card compare-card",
        id=f"group-{card['group']}",
    )


def cards(query: str) -> list:
    view = compare_view(query)
    if not view["cards"]:
        return [no_claims_yet("quantities with more than one claim")]
    return [
        html.P(
            [
                f"{len(view['cards'])} quantities with more than one claim, earliest first. ",
                html.A(
                    "Download all compared claims (CSV)", href=view["download"], className="button download"
                ),
            ],
            role="status",
        ),
        *[_card(card) for card in view["cards"]],
    ]


def layout(**params):
    query = params_query(params)
    view = compare_view(query)
    tables = sorted(set(dataset().claims["table"]))
    return html.Div(
        [
            url_sync("compare", view["query"]),
            problems_banner(dataset().problems),
            html.H1("Claims compared"),
            html.P(
                "Each block is one quantity (a claim group) that more than one claim estimates: "
                "one row per claim, the point at the number stated, the bar from its lower to "
                "its upper bound, the colour the source's reliability. Below each chart, the "
                "curator's notes on why the numbers differ.",
                className="lede",
            ),
            html.Div(
                [
                    html.Label("Table", htmlFor=ids.COMPARE_TABLE),
                    dcc.Dropdown(
                        id=ids.COMPARE_TABLE,
                        value=view["state"]["table"] or None,
                        options=[{"label": humanize(t), "value": t} for t in tables],
                        placeholder="All tables",
                        clearable=True,
                    ),
                ],
                className="filters filter",
            ),
            html.Div(cards(view["query"]), id=ids.COMPARE_CARDS),
        ],
        className="page compare",
    )


@callback(
    Output(ids.COMPARE_CARDS, "children"),
    Output({"type": ids.URL_QUERY, "page": "compare"}, "data"),
    Input(ids.COMPARE_TABLE, "value"),
    prevent_initial_call=True,
)
def update_compare(table):
    query = "?" + urlencode({"table": table}) if table else ""
    return cards(query), compare_view(query)["query"]
