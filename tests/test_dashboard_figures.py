"""Figure functions and the data shaping behind them: DataFrames in, go.Figure out."""

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent / "browser"))
from dashboard_testing import REPO, load_fixture_dataset

from dashboard import figures
from dashboard.data import as_stated, date_bounds, format_number


@pytest.fixture(scope="module")
def data():
    return load_fixture_dataset()


@pytest.fixture(scope="module")
def claims(data):
    return data.claims


def points(fig):
    """The traces that carry claims (one point per claim, with its id)."""
    return [t for t in fig.data if t.customdata is not None]


def test_date_bounds_follow_the_precision_given():
    assert date_bounds("1938") == (1938.0, 1939.0)
    start, end = date_bounds("1938-05")
    assert start == pytest.approx(1938 + 4 / 12) and end == pytest.approx(1938 + 5 / 12)
    start, end = date_bounds("1938-05-20")
    assert 1938.33 < start < end < 1938.42
    assert date_bounds("May 1938") is None
    assert date_bounds(None) is None


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"value": 12000.0, "qualifier": "at_least"}, "at least 12,000"),
        ({"value": 19000.0, "qualifier": "approximately"}, "about 19,000"),
        ({"value": 70000.0, "qualifier": "nearly"}, "nearly 70,000"),
        ({"value": 3000.0, "qualifier": "more_than"}, "more than 3,000"),
        ({"value": 1379.0, "qualifier": "exact"}, "1,379"),
        ({"value": None, "value_low": 7000.0, "value_high": 8000.0, "qualifier": "range"},
         "7,000–8,000"),
        ({"value": None, "value_low": 1000.0, "value_high": 9999.0, "qualifier": "vague"},
         "an unspecified number (read as 1,000–9,999)"),
        ({"value": None, "value_low": 2000.0, "qualifier": "vague",
          "quote": "Thousands of Chinese in Irkutsk were arrested"},
         "\u201cthousands\u201d (read as at least 2,000)"),
        ({"value": None, "value_low": 3000.0, "value_high": 9000.0, "qualifier": "vague",
          "quote": "several thousand Chinese traders were deported"},
         "\u201cseveral thousand\u201d (read as 3,000–9,000)"),
        ({"value": 48.5, "qualifier": "exact", "unit": "percent"}, "48.5%"),
        ({"value": 300.0, "qualifier": "exact", "unit": "families"}, "300 families"),
    ],
)  # fmt: skip
def test_numbers_are_worded_as_the_source_states_them(row, expected):
    assert as_stated(row) == expected


def test_format_number_handles_missing_values():
    assert format_number(float("nan")) == "?"
    assert format_number(67.0, "percent") == "67%"


def test_claims_are_stacked_with_names_positions_and_shapes(claims):
    error = "every claim of the five fixture tables is stacked"
    assert len(claims) == 16, error
    row = claims.set_index("id").loc["dep-1937-1939-total-xinjiang"]
    assert row["place_label"] == "Russian Far East → Xinjiang"
    assert row["shape"] == "open_up"
    assert row["reliability"] == "medium"
    assert row["attributed_title"] == "Soviet government records on the 1938 deportation"
    assert row["year_start"] == 1937 and row["year_end"] == 1939
    vague = claims.set_index("id").loc["arr-1937-far-east-thousands"]
    assert vague["shape"] == "vague" and vague["y_low"] == 1000 and vague["y_high"] == 9999
    assert claims.set_index("id").loc["mig-1962-nearly-70000", "shape"] == "open_down"
    assert claims.set_index("id").loc["arr-1938-vladivostok-detained", "shape"] == "range"


def test_claims_chart_draws_one_point_per_claim_coloured_by_reliability(claims):
    shown = claims[claims["table"] == "migrations"]
    fig = figures.claims_chart(shown)
    ids = [i for t in points(fig) for i in t.customdata]
    assert sorted(ids) == sorted(shown["id"])
    colours = {t.marker.color for t in points(fig)}
    assert colours == {figures.RELIABILITY_COLOURS["low"]}
    assert fig.layout.yaxis.type == "linear", "60,000 to 670,000 is not wide enough for log"


def test_claims_chart_uses_a_log_axis_for_a_wide_spread(claims):
    people = claims[claims["unit"] == "people"]
    assert figures.claims_chart(people).layout.yaxis.type == "log", "1,379 to 670,000"
    assert figures.claims_chart(people, scale="linear").layout.yaxis.type == "linear"


def test_claims_chart_marks_open_ended_claims_with_arrows(claims):
    fig = figures.claims_chart(claims[claims["table"] == "migrations"], scale="linear")
    arrows = [t for t in fig.data if t.mode == "lines+markers"]
    assert arrows, "'more than' and 'nearly' claims get a dashed arrow"
    symbols = {s for t in arrows for s in t.marker.symbol}
    assert {"arrow-up", "arrow-down"} <= symbols
    assert fig.layout.yaxis.type == "linear"


def test_claims_chart_draws_ranges_and_vague_bands_as_error_bars(claims):
    fig = figures.claims_chart(claims[claims["table"] == "arrests"], scale="linear")
    main = points(fig)
    by_id = {i: (t, n) for t in main for n, i in enumerate(t.customdata)}
    trace, n = by_id["arr-1938-vladivostok-detained"]
    y = trace.y[n]
    assert y + trace.error_y.array[n] == pytest.approx(8000)
    assert y - trace.error_y.arrayminus[n] == pytest.approx(7000)
    bands = [t for t in fig.data if t.error_y and t.error_y.thickness == 14]
    assert bands, "a vague claim is drawn as a wide pale band"


def test_hover_shows_the_number_as_stated_source_and_quote(claims):
    fig = figures.claims_chart(claims[claims["table"] == "deportations"])
    texts = " ".join(t for trace in points(fig) for t in trace.hovertext)
    assert "at least 12,000" in texts
    assert "Group: Chinese" in texts
    assert "Place: Russian Far East → Xinjiang" in texts
    assert "Source: Soviet deportations of Chinese people (medium reliability)" in texts
    assert "the first batch of 1,379 Chinese departed" in texts
    assert "Dates: 1937 to 1939" in texts


def test_hover_escapes_html_in_quotes(claims):
    row = claims.iloc[0].to_dict() | {"quote": "<script>alert(1)</script>"}
    assert "<script>" not in figures.hover_text(row)


def test_empty_claims_give_a_figure_that_says_so(claims):
    fig = figures.claims_chart(claims.iloc[0:0])
    assert fig.layout.annotations[0].text == "No claims match these filters"
    assert figures.compare_chart(claims.iloc[0:0]).layout.annotations
    assert figures.timeline_chart(pd.DataFrame(columns=["id"]), claims.iloc[0:0]).layout.annotations
    assert figures.map_figure(claims.iloc[0:0], pd.DataFrame(columns=["id"])).layout.annotations


def test_compare_chart_puts_each_claim_on_its_own_row(claims):
    group = claims[claims["claim_group"] == "mig-1962-exodus"]
    fig = figures.compare_chart(group)
    rows = [y for t in points(fig) for y in t.y]
    assert len(rows) == len(set(rows)) == 3
    assert any("more than 670,000" in r for r in rows)


def test_timeline_has_a_bar_per_event_and_a_dot_per_claim(data, claims):
    fig = figures.timeline_chart(data.events, claims)
    bars = [t for t in fig.data if t.type == "bar"]
    assert len(bars[0].y) == len(data.events)
    dots = [i for t in points(fig) if t.type == "scatter" for i in t.customdata]
    assert set(dots) == set(claims["id"])
    assert fig.layout.xaxis.range[0] <= 1900 and fig.layout.xaxis.range[1] >= 1962


def test_map_sizes_places_and_draws_routes(data, claims):
    fig = figures.map_figure(claims, data.places)
    places = next(t for t in fig.data if t.mode == "markers+text")
    assert "central-asia" not in places.customdata, "a place without coordinates is left out"
    sizes = dict(zip(places.customdata, places.marker.size, strict=True))
    assert sizes["kazakh-ssr"] > sizes["ayagoz"], "670,000 claimed there vs 1,379"
    segments = sum(len(t.lon) // 3 for t in fig.data if t.mode == "lines")
    assert segments == 4, "Vladivostok-Ayagoz, Far East-Xinjiang, Far East-Kazakh SSR, Ili-Kazakh SSR"
    midpoints = [t for t in fig.data if t.mode == "markers"]
    assert sum(len(t.lon) for t in midpoints) == 4, "each route has a hover point"
    assert fig.layout.geo.resolution == 50


def test_great_circle_midpoint():
    lon, lat = figures.great_circle_midpoint(0, 0, 90, 0)
    assert lon == pytest.approx(45) and lat == pytest.approx(0, abs=1e-9)
    lon, lat = figures.great_circle_midpoint(80, 45, 132, 43)
    assert 45 < lat < 55, "the arc between two mid-latitude points bows towards the pole"


def test_sources_chart_counts_claims_per_source(data):
    from dashboard.data import use_dataset
    from dashboard.views import source_counts

    use_dataset(data)
    counts = source_counts().set_index("id")
    assert counts.loc["wikipedia-soviet-deportations-of-chinese-people", "claims"] == 12
    assert counts.loc["soviet-government-records", "attributed"] == 2
    assert counts.loc["memorial-victims-database", "cited_via"] == "Soviet deportations of Chinese people"
    fig = figures.sources_chart(counts.reset_index())
    # Each bar is every claim a source backs: as the document read or as the original credited.
    assert sum(sum(t.x) for t in fig.data) == counts["claims"].sum() + counts["attributed"].sum()


def test_figures_module_does_not_import_dash():
    code = "import sys, dashboard.figures, dashboard.views; print('dash' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                         check=True)  # fmt: skip
    assert out.stdout.strip() == "False"
