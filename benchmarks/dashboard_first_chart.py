"""Time from navigation to the first chart drawn, Overview vs a minimal one-graph Dash app.

Both are served by gunicorn (1 worker) on 127.0.0.1 and opened in headless Chromium with an
empty cache (a new browser context per visit) and then reloaded (warm cache), alternating
between the two apps so that both see the same machine state. Prints medians and the ratio.

    .venv/bin/python benchmarks/dashboard_first_chart.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import statistics

from dashboard_common import CHROMIUM_ARGS, gunicorn
from playwright.sync_api import sync_playwright

DRAWN = ".js-plotly-plot .main-svg"


def first_chart_ms(browser, url: str) -> tuple[float, float]:
    """(cold, warm): ms from navigation start to the first chart's SVG, empty then warm cache."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(DRAWN, timeout=30_000)
    cold = page.evaluate("performance.now()")
    page.reload(wait_until="commit")
    page.wait_for_selector(DRAWN, timeout=30_000)
    warm = page.evaluate("performance.now()")
    context.close()
    return cold, warm


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    times = {"overview": [], "minimal": []}
    with (
        gunicorn("dashboard.app:server") as dashboard_url,
        gunicorn("dashboard_minimal_app:server") as minimal_url,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        first_chart_ms(browser, dashboard_url + "/")  # warm the servers' own caches
        first_chart_ms(browser, minimal_url + "/")
        for _ in range(args.rounds):
            times["overview"].append(first_chart_ms(browser, dashboard_url + "/"))
            times["minimal"].append(first_chart_ms(browser, minimal_url + "/"))
        browser.close()
    print(f"rounds: {args.rounds}")
    for label, index in (("cold cache", 0), ("warm cache", 1)):
        overview = statistics.median(t[index] for t in times["overview"])
        minimal = statistics.median(t[index] for t in times["minimal"])
        print(
            f"{label}: overview {overview:.0f} ms, minimal app {minimal:.0f} ms, "
            f"ratio {overview / minimal:.2f}"
        )


if __name__ == "__main__":
    main()
