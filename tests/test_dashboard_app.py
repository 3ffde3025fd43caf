"""The app without a browser: URL state, callbacks, downloads, headers, empty and broken data."""

import csv
import io
import json
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "browser"))
from dashboard_testing import FIXTURE_DATA, load_fixture_dataset

from dashboard import ids
from dashboard.app import create_app
from dashboard.claims_page import claims_view, state_query
from dashboard.state import claim_filters, claim_options, parse_query

PAGES = ["/", "/population", "/arrests", "/deportations", "/deaths", "/migrations",
         "/compare", "/map", "/sources", "/data"]  # fmt: skip


@pytest.fixture(scope="module")
def app():
    return create_app(load_fixture_dataset())


@pytest.fixture
def client(app):
    from dashboard.data import use_dataset

    use_dataset(load_fixture_dataset())
    return app.server.test_client()


def rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def layout_json(app, path: str, client) -> str:
    """The page layout the pages router returns for a path and query, as JSON text."""
    pathname, _, search = path.partition("?")
    body = {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [{"id": "_pages_content", "property": "children"},
                    {"id": "_pages_store", "property": "data"}],
        "inputs": [{"id": "_pages_location", "property": "pathname", "value": pathname},
                   {"id": "_pages_location", "property": "search", "value": "?" + search if search else ""}],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }  # fmt: skip
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def test_parse_query_drops_junk():
    assert parse_query("?a=1&b=2&a=3") == {"a": "3", "b": "2"}
    assert parse_query("") == {}
    assert parse_query("?%zz=&&=") == {}


@pytest.mark.parametrize(
    "query",
    ["?from=abc&to=xyz", "?from=1990&to=1800", "?event=nope", "?scale=cubic&unit=furlongs",
     "?reliability=%00", "?" + "x=1&" * 200, "?from=-5&to=99999999999999999999"],
)  # fmt: skip
def test_bad_parameters_fall_back_to_defaults(app, query):
    view = claims_view("deportations", query)
    assert len(view["claims"]) == 4
    assert view["state"]["scale"] in ("auto", "linear", "log")


def test_filters_select_claims(app):
    assert len(claims_view("deportations", "?from=1938&to=1938")["claims"]) == 4
    assert len(claims_view("deaths", "?from=1900&to=1910")["claims"]) == 1
    assert len(claims_view("arrests", "?place=russian-far-east")["claims"]) == 1
    view = claims_view("deportations", "?source=chang-2025")
    assert list(view["claims"]["id"]) == ["dep-1937-1939-total-chang"], "attributed sources count"
    assert len(claims_view("population", "?unit=percent")["claims"]) == 1
    assert len(claims_view("population", "")["claims"]) == 2, "default unit is the most common"
    assert len(claims_view("deaths", "?reliability=medium")["claims"]) == 3
    assert len(claims_view("deaths", "?reliability=high")["claims"]) == 3, "no such option: all"


def test_state_round_trips_through_the_query(app):
    claims = claims_view("deaths", "")["claims"]
    options = claim_options(claims)
    query = state_query("deaths", ["amur-massacre-1900"], [1890, 1910], [], [], [], ["medium"],
                        "people", "log")  # fmt: skip
    state = claim_filters(parse_query(query), options)
    assert state["event"] == ["amur-massacre-1900"] and state["from"] == 1890
    assert state["reliability"] == ["medium"] and state["scale"] == "log"
    expected = "?event=amur-massacre-1900&reliability=medium&from=1890&to=1910&scale=log"
    assert claims_view("deaths", query)["query"] == expected


def test_claims_callback_returns_figure_caption_download_and_query(app, client):
    client.get("/")  # Dash registers the callbacks on the first request
    callback = app.callback_map
    key = next(k for k in callback if k.startswith("..deportations-graph.figure"))
    function = callback[key]["callback"]
    # Dash wraps callbacks; the undecorated function is kept on __wrapped__.
    update = getattr(function, "__wrapped__", function)
    figure, caption, summary, href, count, _table, query = update(
        ["nkvd-operation-1937"], [1938, 1938], None, ["vladivostok"], None, None, "people", "auto"
    )
    assert [i for t in figure.data if t.customdata is not None for i in t.customdata] == [
        "dep-1938-vladivostok-ayagoz-first-batch"
    ]
    assert caption.startswith("Source: Soviet deportations of Chinese people (1 claim")
    assert href == "/download/claims/deportations.csv" + query
    assert "1 of 4" in count and "1 claim" in summary


def test_every_page_renders_for_good_and_bad_urls(app, client):
    for path in PAGES:
        assert client.get(path).status_code == 200
        assert client.get(path + "?from=zz&table=nope&event=%ff&sort=x").status_code == 200
        text = layout_json(app, path + "?from=zz&table=nope&filter=%ff&sort=id:up", client)
        assert "Error" not in text[:200]
    assert "deportations-graph" in layout_json(app, "/deportations?from=1938", client)


def test_unknown_page_is_not_a_server_error(client):
    assert client.get("/no-such-page").status_code in (200, 404)


def test_security_headers(client):
    response = client.get("/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp
    assert "http" not in csp, "no other host is allowed"


def test_responses_are_compressed(client):
    response = client.get("/topojson/world_50m.json", headers={"Accept-Encoding": "gzip"})
    assert response.headers.get("Content-Encoding") == "gzip"


def test_pages_load_nothing_from_another_host(client):
    html = client.get("/").get_data(as_text=True)
    for attribute in ("src=", "href="):
        for quote in ('"', "'"):
            assert f"{attribute}{quote}http" not in html and f"{attribute}{quote}//" not in html


def test_chart_download_has_exactly_the_rows_shown(client):
    got = rows(client.get("/download/claims/deportations.csv?place=vladivostok"))
    assert [r["id"] for r in got] == ["dep-1938-vladivostok-ayagoz-first-batch"]
    assert got[0]["value"] == "1379", "integers keep their CSV form"
    with open(FIXTURE_DATA / "deportations.csv", encoding="utf-8") as file:
        assert list(got[0]) == list(csv.DictReader(file).fieldnames)
    assert client.get("/download/claims/nope.csv").status_code == 404


def test_other_downloads(client):
    compared = rows(client.get("/download/compare.csv?group=mig-1962-exodus"))
    assert {r["id"] for r in compared} == {"mig-1962-title", "mig-1962-nearly-70000", "mig-1962-670000"}
    assert len(rows(client.get("/download/compare.csv"))) == 8
    assert {r["table"] for r in rows(client.get("/download/map.csv?tables=migrations"))} == {"migrations"}
    assert len(rows(client.get("/download/timeline.csv"))) == 16
    assert len(rows(client.get("/download/sources-chart.csv"))) == 5
    assert len(rows(client.get("/download/table/places.csv"))) == 8
    archive = zipfile.ZipFile(io.BytesIO(client.get("/download/sinosoviet-data.zip").data))
    names = archive.namelist()
    assert "sinosoviet/datasets/deportations.csv" in names
    assert "sinosoviet/schemas/deportations.schema.json" in names


def test_topojson_is_served_by_the_app(client):
    shapes = json.loads(client.get("/topojson/world_50m.json").data)
    assert {"land", "countries", "coastlines"} <= set(shapes["objects"])
    assert client.get("/topojson/other.json").status_code == 404
    assert b"create_app" not in client.get("/topojson/../app.py").data
    assert b"create_app" not in client.get("/topojson/%2e%2e%2fapp.py").data


def test_data_page_callbacks(app):
    module = sys.modules["pages.data_browser"]
    data, _columns, tooltips, filter_query, _sort_by, href, _ = module.switch_table("places")
    assert len(tooltips) == len(data)
    assert all(set(tip) <= {"notes"} for tip in tooltips)  # places' only long text is its notes
    assert len(data) == 8 and href == "/download/table/places.csv" and filter_query == ""
    download = module.download_shown(1, [1, 0], "places")
    lines = download["content"].splitlines()
    assert lines[1].startswith("ayagoz") and lines[2].startswith("vladivostok")
    query, count = module.remember_view(
        "{name} contains V", [{"column_id": "id", "direction": "asc"}], [0], "places"
    )
    assert query == "?table=places&filter=%7Bname%7D+contains+V&sort=id%3Aasc" and count == "1 of 8 rows"


def test_compare_and_map_callbacks(app):
    cards, query = sys.modules["pages.compare"].update_compare("migrations")
    assert query == "?table=migrations" and len(cards) == 2
    _figure, caption, _summary, href, _, query = sys.modules["pages.map"].update_map(["migrations"], [])
    assert query == "?tables=migrations" and href == "/download/map.csv?tables=migrations"
    assert "The 1962 border exodus" in caption


@pytest.fixture
def empty_data(tmp_path):
    for path in FIXTURE_DATA.glob("*.csv"):
        (tmp_path / path.name).write_text(path.read_text().splitlines()[0] + "\n")
    return load_fixture_dataset(tmp_path)


def test_empty_tables_show_an_honest_no_claims_state(app, client, empty_data):
    from dashboard.data import use_dataset

    use_dataset(empty_data)
    for path in PAGES:
        text = layout_json(app, path, client)
        assert "Traceback" not in text
    assert "No deportations claims yet" in layout_json(app, "/deportations", client)
    assert "No claims yet" in layout_json(app, "/", client)
    assert rows(client.get("/download/claims/deaths.csv")) == []


def test_a_table_that_cannot_be_read_becomes_a_message(app, client, tmp_path):
    from dashboard.data import use_dataset

    for path in FIXTURE_DATA.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    with open(tmp_path / "deaths.csv", "a") as broken:
        broken.write("half-typed,row,with,value,not-a-number,,,,abc\n")
    use_dataset(load_fixture_dataset(tmp_path))
    text = layout_json(app, "/deaths", client)
    assert "The table deaths could not be read" in text
    assert "deportations-graph" in layout_json(app, "/deportations", client)


def test_ids_are_checked():
    with pytest.raises(ValueError, match="Unknown part"):
        ids.claims_id("deaths", "grpah")
