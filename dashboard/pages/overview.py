"""Overview: what the dataset covers, the headline figures with their sources, the timeline."""

import dash
from dash import dcc, html

from dashboard import ids
from dashboard.components import chart, no_claims_yet, problems_banner
from dashboard.data import dataset
from dashboard.figures import humanize
from dashboard.views import headline_range, overview_view

dash.register_page(
    __name__, path="/", name="Overview", order=0,
    title="Sino-Soviet figures: who counted what · sinosoviet",
    description="Cited figures on the Soviet deportations of Chinese people (1900-1942) and "
    "the 1962 exodus from Xinjiang, source by source, with every disagreement shown.",
)  # fmt: skip


def _headline_card(headline, claims) -> html.Article:
    if claims.empty:
        body = [html.P("No claims yet.", className="big muted")]
    else:
        n_sources = claims["source_id"].nunique()
        originals = claims["attributed_to"].dropna().nunique()
        agree = "one document" if n_sources == 1 else f"{n_sources} documents"
        if originals:
            agree += f" crediting {originals} original source{'s' if originals != 1 else ''}"
        body = [
            html.P(headline_range(claims), className="big"),
            html.P(f"{len(claims)} claim{'s' if len(claims) != 1 else ''} from {agree}:", className="muted"),
            html.Ul(
                [
                    html.Li(
                        [
                            html.Strong(c["as_stated"]),
                            f" ({_period(c)}) ",
                            html.Span(c["reliability"], className=f"badge rel-{c['reliability']}"),
                            html.Br(),
                            html.Small(
                                [html.Q(c["quote"]), f" ({c['source_title']}"]
                                + ([f", crediting {c['attributed_title']}"] if c["attributed_title"] else [])
                                + [")"]
                            ),
                        ],
                    )
                    for c in claims.to_dict("records")
                ],
                className="headline-claims",
            ),
        ]
    return html.Article(
        [html.H2(headline.title), *body,
         dcc.Link("All these claims →", href=headline.link, className="more")],
        className="card headline",
    )  # fmt: skip


def _event_list(view) -> html.Details:
    data = dataset()
    claims = view["claims"]
    items = []
    for event in data.events.sort_values("date_start").to_dict("records"):
        mine = claims[claims["event_id"] == event["id"]].sort_values("y", ascending=False)
        figures = [
            html.Li(f"{c['as_stated']} {humanize(c['measure']).lower()} "
                    f"({humanize(c['group']).lower()}), {c['source_title']}")
            for c in mine.head(6).to_dict("records")
        ]  # fmt: skip
        if len(mine) > 6:
            figures.append(html.Li(f"and {len(mine) - 6} more"))
        items.append(
            html.Li(
                [html.Strong(event["name"]), f" ({event['date_start']} to {event['date_end']}): ",
                 event["summary"] or "", html.Ul(figures) if figures else None]
            )
        )  # fmt: skip
    return html.Details(
        [html.Summary("The events and their figures, as text"), html.Ul(items)],
        className="claims-details",
    )


def layout(**_params):
    data = dataset()
    view = overview_view()
    if data.claims.empty and data.events.empty:
        timeline = [no_claims_yet("claims or events")]
    else:
        timeline = [
            chart(
                ids.OVERVIEW_TIMELINE, view["figure"], summary=view["summary"],
                caption=[view["caption"]], download_href="/download/timeline.csv",
            ),
            _event_list(view),
        ]  # fmt: skip
    return html.Div(
        [
            problems_banner(data.problems),
            html.H1("Chinese people in Russia and the USSR: the numbers, source by source"),
            html.P(
                [
                    "Between the 1900 Blagoveshchensk massacre and the NKVD operation of "
                    "1937–39, Russian and then Soviet authorities expelled, deported, imprisoned "
                    "and shot Chinese people of the Russian Far East; in the spring of 1962, "
                    "border residents of Ili and Tacheng in Xinjiang fled the other way, into "
                    "the Soviet Union. ",
                    "This dataset records every number a source gives for these events with its "
                    "verbatim quote, and where sources disagree it shows each of them, side by "
                    "side, instead of picking one.",
                ],
                className="lede",
            ),
            html.Section(
                [_headline_card(h, c) for h, c in view["headlines"]],
                className="headlines",
                **{"aria-label": "Headline figures"},
            ),
            html.P(
                [
                    "Ranges run from the smallest to the largest number the sources give for "
                    "the same quantity. Where they disagree, see ",
                    dcc.Link("Claims compared", href="/compare"),
                    ".",
                ],
                className="help",
            ),
            html.H2("Timeline, 1900–1962"),
            *timeline,
        ],
        className="page overview",
    )


def _period(claim: dict) -> str:
    """1938, or 1937–1939 when the claim spans a period."""
    start, end = claim["date_start"], claim["date_end"]
    return start if end == start else f"{start}–{end}"
