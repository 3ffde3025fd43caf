"""Sources: the bibliography, each source's reliability and how many claims it backs."""

from urllib.parse import urlencode

import dash
from dash import dcc, html

from dashboard import ids
from dashboard.components import chart, no_claims_yet, problems_banner
from dashboard.data import dataset
from dashboard.figures import humanize
from dashboard.views import cited_via_chain, sources_view

dash.register_page(__name__, path="/sources", name="Sources", order=8, title="Sources · sinosoviet")


def _text(value) -> str:
    return "" if value is None or value != value else str(value)


def _entry(source: dict, counts: dict, sources) -> html.Article:
    chain = cited_via_chain(source["id"], sources)
    reference = ", ".join(
        _text(source.get(k)) for k in ("author", "publisher", "published") if _text(source.get(k))
    )
    links = [
        dcc.Link(f"{humanize(table)} ({n})", href=f"/{table}?" + urlencode({"source": source["id"]}))
        for table, n in counts.items() if n
    ]  # fmt: skip
    joined = []
    for link in links:
        joined += [link, ", "]
    reliability = _text(source.get("reliability")) or "unknown"
    return html.Article(
        [
            html.H3(_text(source["title"])),
            html.P([reference, ". " if reference else "", humanize(source.get("kind")),
                    f" ({source['language']})" if _text(source.get("language")) else ""]),
            html.P([html.Span(f"{reliability} reliability", className=f"badge rel-{reliability}"),
                    " ", _text(source.get("reliability_note"))]),
            html.P(["Known through: ", " → ".join(chain)]) if chain else None,
            html.P(["URL: ", html.A(_text(source["url"]), href=_text(source["url"]),
                                    rel="noopener noreferrer")]) if _text(source.get("url")) else None,
            html.P(_text(source.get("notes")), className="muted") if _text(source.get("notes")) else None,
            html.P(["Claims: ", *joined[:-1]] if joined else "No claims cite it directly yet.",
                   className="claim-links"),
            html.Code(source["id"], className="muted"),
        ],
        className="card source",
        id=f"source-{source['id']}",
    )  # fmt: skip


def layout(**_params):
    data = dataset()
    view = sources_view()
    counts = view["counts"].set_index("id")
    tables = data.figure_tables
    entries = []
    order = {"high": 0, "medium": 1, "low": 2}
    for source in sorted(data.sources.to_dict("records"),
                         key=lambda s: (order.get(s["reliability"], 3), _text(s["title"]))):  # fmt: skip
        per_table = (
            {t: int(counts.loc[source["id"], t]) for t in tables} if source["id"] in counts.index else {}
        )
        entries.append(_entry(source, per_table, data.sources))
    body = (
        [no_claims_yet("sources")]
        if data.sources.empty
        else [
            chart(ids.SOURCES_GRAPH, view["figure"], summary=view["summary"],
                  caption=[view["caption"]], download_href="/download/sources-chart.csv",
                  legend=False),
            html.H2("Bibliography"),
            html.Div(entries, className="bibliography"),
        ]
    )  # fmt: skip
    return html.Div(
        [
            problems_banner(data.problems),
            html.H1("Sources"),
            html.P(
                "The documents the claims are quoted from, and the original sources those "
                "documents credit. A source read only through another (a newspaper cited by an "
                "encyclopedia) says so under 'Known through'. Reliability is the curator's "
                "grade of how far to trust the figures it gives, with the reason.",
                className="lede",
            ),
            *body,
        ],
        className="page sources",
    )
