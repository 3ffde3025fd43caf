"""Data: browse, sort and filter any table; download what is shown, a table, or everything."""

from urllib.parse import urlencode

import dash
from dash import Input, Output, State, callback, dash_table, dcc, html

import sinosoviet
from dashboard import ids
from dashboard.components import problems_banner, url_sync
from dashboard.data import dataset, to_csv
from dashboard.figures import FONT, humanize
from dashboard.state import _single

dash.register_page(__name__, path="/data", name="Data", order=9, title="Data: every table · sinosoviet")
PAGE_SIZE = 20


def _records(frame) -> list[dict]:
    """JSON-safe rows: missing cells as None, numbers as numbers."""
    plain = frame.astype(object).where(frame.notna(), None)
    return plain.to_dict("records")


# Long free text stays on one line in the grid (rows of 20 lines each made the table
# unreadable); the whole text shows on hover.
LONG_TEXT = ("quote", "notes", "summary", "reliability_note", "locator", "title")


def _tooltips(frame) -> list[dict]:
    columns = [c for c in LONG_TEXT if c in frame.columns]
    return [
        {c: {"value": str(row[c]), "type": "text"} for c in columns if isinstance(row[c], str)}
        for row in frame[columns].to_dict("records")
    ]


def _columns(name: str) -> list[dict]:
    codebook = sinosoviet.describe(name)
    return [
        {"name": row["column"], "id": row["column"],
         "type": "numeric" if row["type"] in ("integer", "number") else "text"}
        for row in codebook.to_dict("records")
    ]  # fmt: skip


def _query(table: str, filter_query: str, sort_by: list) -> str:
    params = {"table": table}
    if filter_query:
        params["filter"] = filter_query
    if sort_by:
        params["sort"] = ",".join(f"{s['column_id']}:{s['direction']}" for s in sort_by)
    return "?" + urlencode(params)


def _sort(raw, columns: set[str]) -> list[dict]:
    sort_by = []
    for item in (_single(raw) or "").split(","):
        column, _, direction = item.partition(":")
        if column in columns and direction in ("asc", "desc"):
            sort_by.append({"column_id": column, "direction": direction})
    return sort_by


def layout(**params):
    data = dataset()
    names = list(data.tables)
    table = _single(params.get("table"))
    table = table if table in names else names[0]
    frame = data.tables[table]
    columns = _columns(table)
    filter_query = _single(params.get("filter")) or ""
    if len(filter_query) > 500:
        filter_query = ""
    sort_by = _sort(params.get("sort"), {c["id"] for c in columns})
    codebook = sinosoviet.describe(table)
    return html.Div(
        [
            url_sync("data", _query(table, filter_query, sort_by)),
            problems_banner(data.problems),
            html.H1("Data"),
            html.P(
                "Every table of the dataset. Sort by clicking a column header; filter by typing "
                "in the row under the headers (for example 'chinese', '> 1000' or "
                "'contains Vladivostok'). The download buttons give exactly the rows shown.",
                className="lede",
            ),
            html.Div(
                [
                    html.Div(
                        [
                            html.Label("Table", htmlFor=ids.DATA_TABLE_SELECT),
                            dcc.Dropdown(
                                id=ids.DATA_TABLE_SELECT,
                                value=table,
                                clearable=False,
                                options=[{"label": humanize(n), "value": n} for n in names],
                            ),
                        ],
                        className="filter narrow",
                    ),
                    html.Div(
                        [
                            html.Button(
                                "Download the rows shown (CSV)",
                                id=ids.DATA_DOWNLOAD_SHOWN,
                                className="button download",
                            ),
                            html.A(
                                f"Download the whole {table} table (CSV)",
                                href=f"/download/table/{table}.csv",
                                id=ids.DATA_FULL_LINK,
                                className="button download",
                                download="",
                            ),
                            html.A(
                                "Download the data package (zip)",
                                href="/download/sinosoviet-data.zip",
                                className="button download",
                                download="",
                            ),
                        ],
                        className="downloads",
                    ),
                ],
                className="filters",
            ),
            html.P(f"{len(frame)} rows", id=ids.DATA_COUNT, role="status", className="count"),
            dcc.Download(id=ids.DATA_DOWNLOAD),
            html.Div(
                dash_table.DataTable(
                    id=ids.DATA_GRID,
                    data=_records(frame),
                    columns=columns,
                    sort_action="native",
                    sort_mode="multi",
                    sort_by=sort_by,
                    filter_action="native",
                    filter_query=filter_query,
                    filter_options={"case": "insensitive"},
                    page_action="native",
                    page_size=PAGE_SIZE,
                    style_table={"overflowX": "auto"},
                    style_cell={
                        "fontFamily": FONT,
                        "fontSize": "13px",
                        "textAlign": "left",
                        "whiteSpace": "normal",
                        "height": "auto",
                        "minWidth": "80px",
                        "maxWidth": "360px",
                        "padding": "4px 6px",
                    },
                    style_cell_conditional=[
                        {
                            "if": {"column_id": c},
                            "whiteSpace": "nowrap",
                            "overflow": "hidden",
                            "textOverflow": "ellipsis",
                            "maxWidth": "320px",
                        }
                        for c in LONG_TEXT
                    ],
                    tooltip_data=_tooltips(frame),
                    tooltip_duration=None,
                    style_header={"fontWeight": "600", "backgroundColor": "#f1f4f8"},
                    tooltip_header={
                        c["id"]: r["description"]
                        for c, r in zip(columns, codebook.to_dict("records"), strict=True)
                    },
                    css=[{"selector": ".dash-spreadsheet-menu", "rule": "display: none"}],
                ),
                className="grid",
            ),
            html.Details(
                [
                    html.Summary(f"Codebook of {table}"),
                    html.Div(
                        html.Table(
                            [
                                html.Thead(
                                    html.Tr([html.Th(h) for h in ("Column", "Type", "Rules", "Meaning")])
                                ),
                                html.Tbody(
                                    [
                                        html.Tr(
                                            [
                                                html.Td(html.Code(r["column"])),
                                                html.Td(r["type"]),
                                                html.Td(r["constraints"]),
                                                html.Td(r["description"]),
                                            ]
                                        )
                                        for r in codebook.to_dict("records")
                                    ]
                                ),
                            ],
                            className="claims",
                        ),
                        className="table-scroll",
                    ),
                ],
                className="claims-details",
            ),
        ],
        className="page data",
    )


@callback(
    Output({"type": ids.URL_QUERY, "page": "data"}, "data"),
    Output(ids.DATA_COUNT, "children"),
    Input(ids.DATA_GRID, "filter_query"),
    Input(ids.DATA_GRID, "sort_by"),
    Input(ids.DATA_GRID, "derived_virtual_indices"),
    State(ids.DATA_TABLE_SELECT, "value"),
    prevent_initial_call=True,
)
def remember_view(filter_query, sort_by, indices, table):
    total = len(dataset().tables.get(table, []))
    shown = len(indices) if indices is not None else total
    return _query(table, filter_query or "", sort_by or []), f"{shown} of {total} rows"


@callback(
    Output(ids.DATA_GRID, "data"),
    Output(ids.DATA_GRID, "columns"),
    Output(ids.DATA_GRID, "tooltip_data"),
    Output(ids.DATA_GRID, "filter_query"),
    Output(ids.DATA_GRID, "sort_by"),
    Output(ids.DATA_FULL_LINK, "href"),
    Output(ids.DATA_FULL_LINK, "children"),
    Input(ids.DATA_TABLE_SELECT, "value"),
    prevent_initial_call=True,
)
def switch_table(table):
    data = dataset()
    if table not in data.tables:
        table = next(iter(data.tables))
    return (_records(data.tables[table]), _columns(table), _tooltips(data.tables[table]), "", [],
            f"/download/table/{table}.csv", f"Download the whole {table} table (CSV)")  # fmt: skip


@callback(
    Output(ids.DATA_DOWNLOAD, "data"),
    Input(ids.DATA_DOWNLOAD_SHOWN, "n_clicks"),
    State(ids.DATA_GRID, "derived_virtual_indices"),
    State(ids.DATA_TABLE_SELECT, "value"),
    prevent_initial_call=True,
)
def download_shown(_clicks, indices, table):
    """The rows the grid shows after its filter and sort, in that order (all pages)."""
    frame = dataset().tables[table]
    if indices is not None:
        frame = frame.iloc[[i for i in indices if 0 <= i < len(frame)]]
    return {"content": to_csv(frame), "filename": f"sinosoviet-{table}-shown.csv",
            "type": "text/csv", "base64": False}  # fmt: skip
