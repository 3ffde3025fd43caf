"""Browser tests: the dashboard on the fixture dataset, served on a free loopback port, driven
through Playwright in Debian's Chromium. Each test fails if the page logged an error or asked
any host but the app's."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from dashboard_testing import load_fixture_dataset, serve

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def base_url():
    from dashboard.app import create_app

    app = create_app(load_fixture_dataset())
    with serve(app) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watch:
    """What a page logged and which hosts it asked, checked after each test."""

    def __init__(self, page, base_url: str):
        self.errors: list[str] = []
        self.foreign: list[str] = []
        own = urlsplit(base_url).netloc
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

        def check(request):
            parts = urlsplit(request.url)
            if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != own:
                self.foreign.append(request.url)

        page.on("request", check)


def _page(browser, base_url, viewport):
    context = browser.new_context(viewport=viewport, accept_downloads=True, base_url=base_url)
    context.set_default_timeout(20_000)
    page = context.new_page()
    watch = Watch(page, base_url)
    yield page
    context.close()
    assert not watch.errors, f"the browser logged errors: {watch.errors}"
    assert not watch.foreign, f"requests to other hosts: {watch.foreign}"


@pytest.fixture
def page(browser, base_url):
    yield from _page(browser, base_url, DESKTOP)


@pytest.fixture
def phone(browser, base_url):
    yield from _page(browser, base_url, PHONE)
