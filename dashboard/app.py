"""The Dash app: `create_app()` builds it, `server` is what `gunicorn dashboard.app:server` runs.

Everything the browser loads comes from this app (scripts, styles, map shapes), compressed;
the data is loaded once, when the app is created.
"""

from __future__ import annotations

from pathlib import Path

import dash
import pandas as pd
from dash import ClientsideFunction, Input, Output, dcc, html
from flask import Response, abort, request

from dashboard import ids
from dashboard.data import Dataset, dataset, to_csv, use_dataset
from dashboard.state import parse_query

HERE = Path(__file__).parent
TOPOJSON_DIR = HERE / "assets" / "topojson"
TITLE = "Sino-Soviet figures: who counted what"
NAV = [
    ("Overview", "/"),
    ("Population", "/population"),
    ("Arrests", "/arrests"),
    ("Deportations", "/deportations"),
    ("Deaths", "/deaths"),
    ("Migrations", "/migrations"),
    ("Claims compared", "/compare"),
    ("Map", "/map"),
    ("Sources", "/sources"),
    ("Data", "/data"),
]


def create_app(data: Dataset | None = None) -> dash.Dash:
    """Build the app. `data` replaces the bundled dataset (the tests pass a small one)."""
    use_dataset(data)
    dataset()  # load now: requests never pay for reading CSVs
    app = dash.Dash(
        __name__,
        use_pages=True,
        pages_folder=str(HERE / "pages"),
        assets_folder=str(HERE / "assets"),
        assets_ignore=r"topojson/.*",
        compress=True,
        serve_locally=True,
        title=TITLE,
        update_title=None,
        suppress_callback_exceptions=True,
        meta_tags=[
            {"name": "viewport", "content": "width=device-width, initial-scale=1"},
            {
                "name": "description",
                "content": "Cited figures on the Soviet deportations of "
                "Chinese people (1900-1942) and the 1962 exodus from Xinjiang, source by source.",
            },
        ],
    )
    app.layout = _layout
    app.clientside_callback(
        ClientsideFunction(namespace="sinosoviet", function_name="writeQuery"),
        Output({"type": ids.URL_SYNCED, "page": dash.MATCH}, "data"),
        Input({"type": ids.URL_QUERY, "page": dash.MATCH}, "data"),
    )
    _add_routes(app)
    _add_security_headers(app)
    _warm_up()
    return app


def _warm_up() -> None:
    """Build the default view of every page once, so that no reader waits for it."""
    from dashboard.claims_page import claims_view
    from dashboard.views import compare_view, map_view, overview_view, sources_view

    overview_view()
    compare_view("")
    for table in dataset().figure_tables:
        compare_view(f"?table={table}")
    map_view("")
    sources_view()
    for table in dataset().figure_tables:
        claims_view(table, "")


def _layout() -> html.Div:
    return html.Div(
        [
            html.A("Skip to content", href="#main", className="skip"),
            html.Header(
                [
                    html.A(
                        [
                            html.Span("sinosoviet", className="brand"),
                            html.Span(" figures, source by source", className="tagline"),
                        ],
                        href="/",
                        className="home",
                    ),
                    html.Nav(
                        [dcc.Link(name, href=path, className="nav-link") for name, path in NAV],
                        **{"aria-label": "Pages"},
                    ),
                ],
                className="site-header",
            ),
            html.Main(dash.page_container, id="main"),
            html.Footer(
                [
                    "Data: CC BY-SA 4.0; quotes from their sources. Code: MIT. ",
                    "Every number links to a verbatim quote; sources disagree and both are shown. ",
                    html.A("Download the data", href="/data"),
                ],
                className="site-footer",
            ),
        ]
    )


def _csv_response(frame: pd.DataFrame, filename: str) -> Response:
    return Response(
        to_csv(frame),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _add_routes(app: dash.Dash) -> None:
    server = app.server

    shapes = {path.name: path for path in TOPOJSON_DIR.glob("*.json")}

    @server.route("/topojson/<name>")
    def topojson(name: str):
        # Plotly asks for e.g. world_50m.json; only the files shipped here exist. Read into
        # memory (not streamed) so that flask-compress gzips them: 1.1 MB becomes about 0.3 MB.
        if name not in shapes:
            abort(404)
        response = Response(shapes[name].read_bytes(), mimetype="application/json")
        response.cache_control.max_age = 86400
        response.cache_control.public = True
        return response

    @server.route("/download/table/<name>.csv")
    def full_table(name: str):
        data = dataset()
        if name not in data.tables:
            abort(404)
        return _csv_response(data.tables[name], f"sinosoviet-{name}.csv")

    @server.route("/download/claims/<table>.csv")
    def chart_claims(table: str):
        from dashboard.claims_page import claims_view

        data = dataset()
        if table not in data.figure_tables:
            abort(404)
        view = claims_view(table, request.query_string.decode("utf-8", "replace"))
        rows = data.rows_of(table, view["claims"]["id"])
        return _csv_response(rows, f"sinosoviet-{table}-shown.csv")

    @server.route("/download/compare.csv")
    def compare_claims():
        from dashboard.views import compared_claims

        claims = compared_claims(parse_query(request.query_string.decode("utf-8", "replace")))
        return _csv_response(_claim_rows(claims), "sinosoviet-claims-compared.csv")

    @server.route("/download/map.csv")
    def map_claims():
        from dashboard.views import map_view

        view = map_view(request.query_string.decode("utf-8", "replace"))
        return _csv_response(_claim_rows(view["claims"]), "sinosoviet-map-claims.csv")

    @server.route("/download/timeline.csv")
    def timeline_claims():
        return _csv_response(_claim_rows(dataset().claims), "sinosoviet-timeline-claims.csv")

    @server.route("/download/sources-chart.csv")
    def sources_counts():
        from dashboard.views import source_counts

        return _csv_response(source_counts(), "sinosoviet-claims-per-source.csv")

    @server.route("/download/sinosoviet-data.zip")
    def data_zip():
        return Response(
            _data_zip(),
            mimetype="application/zip",
            headers={"Content-Disposition": 'attachment; filename="sinosoviet-data.zip"'},
        )


def _claim_rows(claims: pd.DataFrame) -> pd.DataFrame:
    """The original rows behind claims from several tables, with the table name first."""
    data = dataset()
    parts = []
    for table in data.figure_tables:
        ids_here = claims.loc[claims["table"] == table, "id"]
        if ids_here.empty:
            continue
        rows = data.rows_of(table, ids_here).copy()
        rows.insert(0, "table", table)
        parts.append(rows)
    if not parts:
        return pd.DataFrame(columns=["table", "id"])
    return pd.concat(parts, ignore_index=True)


def _data_zip() -> bytes:
    """The data package as shipped: datapackage.json, the CSVs, their Table Schemas, the licence."""
    from sinosoviet.data_files import data_root
    from sinosoviet.descriptor import data_package_zip

    return data_package_zip(data_root())


def _add_security_headers(app: dash.Dash) -> None:
    def policy() -> str:
        scripts = " ".join(["'self'", *app.csp_hashes()])
        return "; ".join(
            [
                "default-src 'self'",
                # Plotly compiles some functions at run time, and Dash evaluates callbacks.
                f"script-src {scripts} 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'",
            ]
        )

    cached: dict[str, str] = {}

    @app.server.after_request
    def headers(response: Response) -> Response:
        if "csp" not in cached:
            cached["csp"] = policy()
        response.headers["Content-Security-Policy"] = cached["csp"]
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "same-origin"
        return response


def __getattr__(name: str):
    # `gunicorn dashboard.app:server` builds the app on first access, not on every import.
    if name in ("app", "server"):
        global app, server
        app = create_app()
        server = app.server
        return globals()[name]
    error = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(error)
