"""Dash building blocks shared by the pages: chart frames, captions, claim tables."""

from __future__ import annotations

import plotly.graph_objects as go
from dash import dcc, html

from dashboard import ids
from dashboard.figures import SHAPE_LEGEND, humanize

# Served by the app itself (see app.py): Plotly's geo charts fetch map shapes from here.
GRAPH_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "topojsonURL": "/topojson/",
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def url_sync(page: str, query: str = "") -> html.Div:
    """The page's state as a query string; a clientside callback writes it to the address bar."""
    return html.Div(
        [
            dcc.Store(id={"type": ids.URL_QUERY, "page": page}, data=query),
            dcc.Store(id={"type": ids.URL_SYNCED, "page": page}),
        ],
        hidden=True,
    )


def chart(
    graph_id: str,
    figure: go.Figure,
    *,
    summary: str,
    caption: list,
    download_href: str,
    download_id: str | None = None,
    caption_id: str | None = None,
    summary_id: str | None = None,
    legend: bool = True,
) -> html.Figure:
    """A chart with its text alternative, its caption naming sources and its CSV download."""
    download = html.A(
        "Download these rows (CSV)", href=download_href, className="button download",
        download="", **({"id": download_id} if download_id else {}),
    )  # fmt: skip
    return html.Figure(
        className="chart",
        role="group",
        **{"aria-label": summary},
        children=[
            html.P(summary, className="sr-summary", **({"id": summary_id} if summary_id else {})),
            dcc.Graph(id=graph_id, figure=figure, config=GRAPH_CONFIG, className="graph"),
            html.Figcaption(
                [
                    html.Div(caption, className="caption-text", **({"id": caption_id} if caption_id else {})),
                    html.P(SHAPE_LEGEND, className="shape-legend") if legend else None,
                    download,
                ]
            ),
        ],
    )


def claims_table(claims, *, table_id: str | None = None) -> html.Details:
    """The claims a chart shows, as a readable table: the chart's text alternative in full."""
    header = html.Tr(
        [html.Th(h, scope="col") for h in
         ("Number as stated", "Counted", "Place", "Dates", "Source", "Quote", "Notes")]
    )  # fmt: skip
    body = []
    for claim in claims.sort_values(["x", "y"]).to_dict("records"):
        dates = str(claim["date_start"] or "")
        if claim["date_end"] and claim["date_end"] != claim["date_start"]:
            dates += f" to {claim['date_end']}"
        source = [claim["source_title"] or "", html.Br(),
                  html.Span(f"{claim['reliability']} reliability",
                            className=f"badge rel-{claim['reliability']}")]  # fmt: skip
        if claim.get("attributed_title"):
            source += [html.Br(), html.Small(f"crediting {claim['attributed_title']}")]
        body.append(
            html.Tr(
                [
                    html.Td(html.Strong(claim["as_stated"])),
                    html.Td(f"{humanize(claim['group'])}, {humanize(claim['measure']).lower()}"),
                    html.Td(claim["place_label"]),
                    html.Td(dates),
                    html.Td(source),
                    html.Td(html.Q(claim["quote"] or ""), className="quote"),
                    html.Td(claim["notes"] or "", className="notes"),
                ],
                id={"type": "claim-row", "claim": str(claim["id"])},
            )
        )
    return html.Details(
        [
            html.Summary(f"The {len(claims)} claims in this chart, with their quotes"),
            html.Div(
                html.Table([html.Thead(header), html.Tbody(body)], className="claims"),
                className="table-scroll",
            ),
        ],
        className="claims-details",
        **({"id": table_id} if table_id else {}),
    )


def problems_banner(problems: list[str]) -> html.Div | None:
    if not problems:
        return None
    return html.Div(
        [html.Strong("Some data could not be read: "), html.Ul([html.Li(p) for p in problems])],
        className="banner warning", role="status",
    )  # fmt: skip


def no_claims_yet(what: str = "claims") -> html.Div:
    return html.Div(
        [
            html.Strong(f"No {what} yet."),
            " The dataset is being curated; this page fills in as rows are added to ",
            html.Code("datasets/"), ".",
        ],
        className="banner empty", role="status",
    )  # fmt: skip
