"""Bounded load on gunicorn (2 workers, 127.0.0.1 only): wrk, 20 connections, 30 s each, on
the Overview page and on a chart callback (the deportations filter, POST). Prints requests/s,
latency and errors as wrk reports them.

    .venv/bin/python benchmarks/dashboard_load.py [--seconds 30]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tempfile
import urllib.request

from dashboard_common import gunicorn

CALLBACK = {
    "output": "..deportations-graph.figure...deportations-caption.children..."
    "deportations-summary.children...deportations-download.href...deportations-count.children..."
    'deportations-table.children...{"page":"deportations","type":"url-query"}.data..',
}


def wrk(url: str, seconds: int, script: str | None = None) -> dict:
    command = ["wrk", "-t2", "-c20", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if script:
        command += ["-s", script]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True,
                         timeout=seconds + 60).stdout  # fmt: skip
    result = {"requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    result["p50"] = re.search(r"50%\s+(\S+)", out).group(1)
    result["p99"] = re.search(r"99%\s+(\S+)", out).group(1)
    errors = re.search(r"Socket errors: (.*)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result["errors"] = (errors.group(1) if errors else "none") + (
        f"; non-2xx: {non2xx.group(1)}" if non2xx else "; non-2xx: 0"
    )
    return result


def callback_body(base: str) -> str:
    dependencies = json.load(urllib.request.urlopen(base + "/_dash-dependencies"))
    dep = next(d for d in dependencies if d["output"].startswith("..deportations-graph.figure"))
    values = {"deportations-years": [1930, 1940], "deportations-unit": "people",
              "deportations-scale": "auto"}  # fmt: skip
    inputs = [{**i, "value": values.get(i["id"], [])} for i in dep["inputs"]]
    outputs = []
    for part in dep["output"].strip(".").split("..."):
        target, _, prop = part.rpartition(".")
        outputs.append({"id": json.loads(target) if target.startswith("{") else target,
                        "property": prop})  # fmt: skip
    return json.dumps({"output": dep["output"], "outputs": outputs, "inputs": inputs,
                       "state": [], "changedPropIds": ["deportations-years.value"]})  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=30)
    args = parser.parse_args()
    with gunicorn("dashboard.app:server", workers=2) as base:
        body = callback_body(base)
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
            lua.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                      f"wrk.body = {json.dumps(body)}\n")  # fmt: skip
        page = wrk(base + "/", args.seconds)
        callback = wrk(base + "/_dash-update-component", args.seconds, lua.name)
    for name, result in (("GET / (Overview page)", page), ("POST deportations filter callback", callback)):
        print(
            f"{name}: {result['requests_per_s']:.0f} requests/s, p50 {result['p50']}, "
            f"p99 {result['p99']}, errors: {result['errors']}"
        )


if __name__ == "__main__":
    main()
