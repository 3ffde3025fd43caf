"""Start the dashboard on the small fixture dataset in this folder, on a free loopback port."""

from __future__ import annotations

import logging
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from werkzeug.serving import make_server

import sinosoviet  # noqa: F401  (loads sinosoviet.tables, patched below)

FIXTURE_DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[2]
# The dashboard is not part of the installed package: import it from the checkout.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


@contextmanager
def fixture_datasets(folder: Path = FIXTURE_DATA):
    """Point `sinosoviet.load` at a folder of CSVs for as long as the block runs."""
    module = sys.modules["sinosoviet.tables"]
    original = module.datasets_dir
    module.datasets_dir = lambda: folder
    try:
        yield
    finally:
        module.datasets_dir = original


def load_fixture_dataset(folder: Path = FIXTURE_DATA):
    from dashboard.data import Dataset

    with fixture_datasets(folder):
        return Dataset.load()


@contextmanager
def serve(app, host: str = "127.0.0.1"):
    """Serve a Dash app's Flask server in a daemon thread; yields its base URL."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server(host, 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)
