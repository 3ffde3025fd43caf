"""The dashboard in a real browser: charts drawn, filters, permalinks, downloads, offline map."""

import csv
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.browser

PAGES = ["/", "/population", "/arrests", "/deportations", "/deaths", "/migrations",
         "/compare", "/map", "/sources", "/data"]  # fmt: skip
DRAWN = ".js-plotly-plot .main-svg"

POINT_IDS = """(graphId) => {
    const gd = document.querySelector(`#${CSS.escape(graphId)} .js-plotly-plot`);
    if (!gd || !gd._fullData) return null;
    return gd._fullData.filter(t => t.customdata && t.visible !== false)
        .flatMap(t => Array.from(t.customdata)).sort();
}"""


def point_ids(page, graph_id: str):
    return page.evaluate(POINT_IDS, graph_id)


def wait_for_points(page, graph_id: str, expected: list[str]):
    page.wait_for_function(
        f"(expected) => JSON.stringify(({POINT_IDS})({graph_id!r})) === JSON.stringify(expected)",
        arg=sorted(expected),
    )


def query_of(page) -> dict:
    return {k: v[-1] for k, v in parse_qs(urlsplit(page.url).query).items()}


@pytest.mark.parametrize("path", PAGES)
def test_every_page_draws_its_charts(page, path, tmp_path):
    page.goto(path)
    if path == "/data":
        page.wait_for_selector(".dash-spreadsheet td")
    else:
        page.wait_for_selector(DRAWN)
        assert page.locator("figcaption").first.inner_text().startswith(("Source", "Counts"))
        assert page.locator("a.download").count() >= 1
    page.screenshot(path=tmp_path / f"desktop{path.replace('/', '-') or '-overview'}.png",
                    full_page=True)  # fmt: skip


def test_pages_fit_a_phone(phone, tmp_path):
    for path in PAGES:
        phone.goto(path)
        phone.wait_for_selector(DRAWN if path != "/data" else ".dash-spreadsheet td")
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways on a phone by {overflow}px"
        phone.screenshot(path=tmp_path / f"phone{path.replace('/', '-') or '-overview'}.png",
                         full_page=True)  # fmt: skip


def test_filter_changes_the_chart_and_the_link_reproduces_it(page):
    page.goto("/deportations")
    all_ids = ["dep-1937-1939-total-chang", "dep-1937-1939-total-xinjiang",
               "dep-1938-train-total", "dep-1938-vladivostok-ayagoz-first-batch"]  # fmt: skip
    wait_for_points(page, "deportations-graph", all_ids)
    page.click("#deportations-place")
    page.get_by_role("option", name="Vladivostok").click()
    page.keyboard.press("Escape")
    wait_for_points(page, "deportations-graph", ["dep-1938-vladivostok-ayagoz-first-batch"])
    page.wait_for_function("() => location.search.includes('place=vladivostok')")
    assert page.locator("#deportations-count").inner_text() == "1 of 4 claims shown"
    permalink = page.url
    page.goto("about:blank")
    page.goto(permalink)
    wait_for_points(page, "deportations-graph", ["dep-1938-vladivostok-ayagoz-first-batch"])
    assert "Vladivostok" in page.locator("#deportations-place").inner_text()
    assert query_of(page)["place"] == "vladivostok"


def test_scale_and_years_live_in_the_url(page):
    page.goto("/migrations?scale=log&from=1960&to=1962")
    page.wait_for_selector(DRAWN)
    assert (
        page.evaluate(
            "() => document.querySelector('#migrations-graph .js-plotly-plot')._fullLayout.yaxis.type"
        )
        == "log"
    )
    page.get_by_label("Linear").check()
    page.wait_for_function(
        "() => document.querySelector('#migrations-graph .js-plotly-plot')"
        "._fullLayout.yaxis.type === 'linear'"
    )
    page.wait_for_function("() => location.search.includes('scale=linear')")
    assert query_of(page)["from"] == "1960"


def test_bad_parameters_fall_back_to_the_default_view(page):
    page.goto("/deaths?from=abc&event=nope&scale=%00&reliability=bogus")
    wait_for_points(page, "deaths-graph", ["death-1900-amur", "death-1926-1937-killed-lead",
                                           "death-1938-shot-memorial"])  # fmt: skip


def test_chart_download_has_the_rows_shown(page, tmp_path):
    page.goto("/deportations?place=vladivostok")
    wait_for_points(page, "deportations-graph", ["dep-1938-vladivostok-ayagoz-first-batch"])
    with page.expect_download() as info:
        page.click("#deportations-download")
    path = tmp_path / "shown.csv"
    info.value.save_as(path)
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ["dep-1938-vladivostok-ayagoz-first-batch"]
    assert rows[0]["quote"].startswith("the first batch of 1,379 Chinese")


def test_hover_shows_the_quote(page):
    page.goto("/deaths")
    page.wait_for_selector(DRAWN)
    texts = page.evaluate(
        "() => document.querySelector('#deaths-graph .js-plotly-plot')._fullData"
        ".filter(t => t.customdata).flatMap(t => Array.from(t.hovertext))"
    )
    assert any("there were 3,932 Chinese shot" in t for t in texts)
    assert any("more than 3,000" in t for t in texts)


def test_map_draws_offline_from_the_apps_own_shapes(page):
    asked = []
    page.on("request", lambda r: asked.append(urlsplit(r.url).path))
    page.goto("/map")
    page.wait_for_selector(".js-plotly-plot .geo .layer.bg, .js-plotly-plot .geo path.land, "
                           ".js-plotly-plot .geo .countries path")  # fmt: skip
    assert "/topojson/world_50m.json" in asked
    assert page.locator(".js-plotly-plot .geo .countries path").count() > 0
    page.get_by_role("checkbox", name="Deportations").uncheck()
    page.wait_for_function("() => location.search.includes('tables=')")
    assert "deportations" not in query_of(page)["tables"]


def test_compare_page_filters_by_table(page):
    page.goto("/compare")
    page.wait_for_selector(DRAWN)
    assert page.locator(".compare-card").count() == 3
    page.click("#compare-table")
    page.get_by_role("option", name="Migrations").click()
    page.wait_for_function("() => document.querySelectorAll('.compare-card').length === 1")
    page.wait_for_function("() => location.search === '?table=migrations'")
    assert "Very likely a typo for 67000" in page.locator(".compare-card").inner_text()


def test_data_page_filters_sorts_and_downloads_the_rows_shown(page, tmp_path):
    page.goto("/data?table=places&sort=name:desc")
    page.wait_for_selector(".dash-spreadsheet td")
    first = page.locator(".dash-spreadsheet tbody tr:nth-child(3) td").first.inner_text()
    assert first == "xinjiang", "sorted by name, descending, from the URL (rows 1-2: headers)"
    page.locator("th.dash-filter input:not([type=button])").nth(1).fill("Vladivostok")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#data-count').innerText === '1 of 8 rows'")
    page.wait_for_function("() => location.search.includes('filter=')")
    with page.expect_download() as info:
        page.click("#data-download-shown")
    path = tmp_path / "places.csv"
    info.value.save_as(path)
    with open(path, encoding="utf-8") as handle:
        assert [r["id"] for r in csv.DictReader(handle)] == ["vladivostok"]
    permalink = page.url
    page.goto(permalink)
    page.wait_for_function("() => document.querySelector('#data-count') && "
                           "document.querySelectorAll('.dash-spreadsheet tbody tr').length === 3")  # fmt: skip
