"""Build the wheel, install it in a fresh virtual environment, and load every table from there."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

import sinosoviet
from tests.conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    # Without --wheel or --sdist, `build` makes the sdist, then the wheel from that sdist:
    # the path a user of the sdist takes, which must carry the data too.
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO)],
        check=True,
        capture_output=True,
    )
    assert len(list(out.glob("sinosoviet-*.tar.gz"))) == 1
    (path,) = out.glob("sinosoviet-*.whl")
    return path


def test_wheel_carries_the_real_data_not_symlinks(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for table in sinosoviet.tables():
        assert f"sinosoviet/_data/datasets/{table}.csv" in names
        assert f"sinosoviet/_data/schemas/{table}.schema.json" in names
    assert "sinosoviet/_data/datapackage.json" in names
    assert "sinosoviet/_data/LICENSE-DATA" in names
    assert not [n for n in names if n.startswith(("datasets/", "schemas/", "tests/"))]


def test_wheel_installed_in_a_fresh_venv_loads_every_table(wheel, tmp_path):
    env = tmp_path / "venv"
    venv.create(env, with_pip=False)
    python = env / "bin" / "python"
    target = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # The wheel goes into the fresh venv; its dependencies (pandas, click) are lent by this
    # environment through a .pth file, so the test needs no network.
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", target, str(wheel)],
        check=True,
    )
    lent = sysconfig.get_paths()["purelib"]
    (Path(target) / "zz_lent_dependencies.pth").write_text(lent + "\n")
    probe = (
        "import json, sinosoviet; "
        "print(json.dumps({'file': sinosoviet.__file__, "
        "'rows': {t: len(sinosoviet.load(t)) for t in sinosoviet.tables()}}))"
    )
    result = subprocess.run(
        [str(python), "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    report = json.loads(result.stdout)
    assert report["file"].startswith(target)
    assert report["rows"] == {t: len(sinosoviet.load(t)) for t in sinosoviet.tables()}
