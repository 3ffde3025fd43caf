"""Server time of every Dash callback of the dashboard, p50 and p95, on the bundled data.

Each callback is POSTed to /_dash-update-component through Flask's test client (no network),
with its inputs cycled through realistic values. Callbacks that build figures are timed twice:
"cold", with the view caches emptied before every call so that every figure is rebuilt (the
worst case), and "warm", as a reader meets them once a view has been asked for (the app builds
every page's default view, and every Claims-compared view, at start-up).

    .venv/bin/python benchmarks/dashboard_callbacks.py [--calls 40]
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import time

from dashboard_common import REPO

sys.path.insert(0, str(REPO))

from dashboard.app import create_app
from dashboard.data import dataset, use_dataset

PAGES = ["/", "/population", "/arrests", "/deportations", "/deaths", "/migrations", "/compare",
         "/map", "/sources", "/data"]  # fmt: skip


def body(dependency: dict, values: dict) -> dict:
    """A callback request as the renderer sends it, with the given input values."""
    inputs = [{**i, "value": values.get(f"{i['id']}.{i['property']}")} for i in dependency["inputs"]]
    state = [{**s, "value": values.get(f"{s['id']}.{s['property']}")} for s in dependency["state"]]
    outputs = []
    for part in dependency["output"].strip(".").split("..."):
        target, _, prop = part.rpartition(".")
        outputs.append({"id": json.loads(target) if target.startswith("{") else target,
                        "property": prop})  # fmt: skip
    return {"output": dependency["output"], "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": inputs, "state": state,
            "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"]}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=40)
    parser.add_argument("--per-page", action="store_true")
    args = parser.parse_args()
    app = create_app()
    client = app.server.test_client()
    client.get("/")
    dependencies = {d["output"]: d for d in client.get("/_dash-dependencies").get_json()}
    data = dataset()
    claims = data.claims
    cases: dict[str, tuple[str, list[dict], bool]] = {}

    router = next(d for o, d in dependencies.items() if "_pages_content" in o)
    cases["page layout (pages router), all pages"] = (
        router["output"],
        [{"_pages_location.pathname": p, "_pages_location.search": ""} for p in PAGES],
        False,
    )
    for table in data.figure_tables:
        mine = claims[claims["table"] == table]
        dep = next(d for o, d in dependencies.items() if o.startswith(f"..{table}-graph.figure"))
        values = []
        for event, place in itertools.zip_longest(
            sorted(set(mine["event_id"].dropna())) or [None], sorted(set(mine["place_id"].dropna())) or [None]
        ):
            for years in ([1850, 1965], [1930, 1940]):
                values.append({f"{table}-event.value": [event] if event else [],
                               f"{table}-place.value": [place] if place else [],
                               f"{table}-years.value": years, f"{table}-unit.value": "people",
                               f"{table}-scale.value": "auto"})  # fmt: skip
        cases[f"{table} filters"] = (dep["output"], values, True)
    compare = next(d for o, d in dependencies.items() if o.startswith("..compare-cards"))
    tables = [{"compare-table.value": t} for t in [None, *data.figure_tables]]
    cases["compare: table"] = (compare["output"], tables, True)
    map_dep = next(d for o, d in dependencies.items() if o.startswith("..map-graph"))
    cases["map: tables, event"] = (
        map_dep["output"],
        [{"map-table.value": [t], "map-event.value": []} for t in data.figure_tables]
        + [{"map-table.value": list(data.figure_tables), "map-event.value": [e]}
           for e in sorted(set(claims["event_id"].dropna()))[:5]],
        True,
    )  # fmt: skip
    switch = next(d for o, d in dependencies.items() if o.startswith("..data-grid.data"))
    cases["data: switch table"] = (
        switch["output"],
        [{"data-table-select.value": t} for t in data.tables],
        False,
    )
    remember = next(d for o, d in dependencies.items() if "data-count" in o)
    cases["data: filter/sort to URL"] = (
        remember["output"],
        [{"data-grid.filter_query": "{group} contains chinese", "data-grid.sort_by": [],
          "data-grid.derived_virtual_indices": list(range(10)), "data-table-select.value": t}
         for t in data.figure_tables],
        False,
    )  # fmt: skip
    download = next(d for o, d in dependencies.items() if o.startswith("data-download.data"))
    cases["data: download rows shown"] = (
        download["output"],
        [{"data-download-shown.n_clicks": 1, "data-grid.derived_virtual_indices": list(range(20)),
          "data-table-select.value": t} for t in data.tables],
        False,
    )  # fmt: skip

    print(f"{'callback':42} {'cache':>5} {'calls':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    worst = {"warm": 0.0, "cold": 0.0}
    for name, (output, values, has_cache) in cases.items():
        dependency = dependencies[output]
        for mode in ("cold", "warm") if has_cache else ("warm",):
            times = []
            if mode == "warm":
                for value in values:  # a reader who asked for this view before
                    client.post("/_dash-update-component", json=body(dependency, value))
            for value in itertools.islice(itertools.cycle(values), args.calls):
                if mode == "cold":
                    use_dataset(data)  # empties the view caches: rebuild every figure
                request = body(dependency, value)
                start = time.perf_counter()
                response = client.post("/_dash-update-component", json=request)
                times.append((time.perf_counter() - start) * 1000)
                assert response.status_code in (200, 204), (name, response.get_data(as_text=True)[:300])
            p95 = statistics.quantiles(times, n=20)[-1]
            worst[mode] = max(worst[mode], p95)
            print(
                f"{name:42} {mode:>5} {len(times):5} {statistics.median(times):8.1f} "
                f"{p95:8.1f} {max(times):8.1f}"
            )
    print(f"worst p95: warm {worst['warm']:.1f} ms, cold {worst['cold']:.1f} ms")
    use_dataset(data)
    if "--per-page" in sys.argv:
        for path in PAGES:
            request = body(router, {"_pages_location.pathname": path, "_pages_location.search": ""})
            times = []
            for _ in range(10):
                start = time.perf_counter()
                client.post("/_dash-update-component", json=request)
                times.append((time.perf_counter() - start) * 1000)
            print(path, [round(t) for t in times])


if __name__ == "__main__":
    main()
