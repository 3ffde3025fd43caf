"""The release recipe: validate, build datapackage.json, then the wheel, the sdist and the
data package zip, all into dist/.

Run from the repository root:  python build/release.py [--source-texts ../shared/sources]
(This folder has no __init__.py on purpose: a package named `build` would shadow PyPA's
`python -m build`, which this script calls.)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from sinosoviet import __version__
from sinosoviet.descriptor import data_package_zip

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--source-texts", type=Path, help="check every quote against these texts")
    args = parser.parse_args()
    sinosoviet = [sys.executable, "-m", "sinosoviet.cli"]

    # Validate and write datapackage.json; stop before any artefact if the data is bad.
    texts = ["--source-texts", str(args.source_texts)] if args.source_texts else []
    subprocess.run([*sinosoviet, "build", "--root", str(ROOT), *texts], check=True)

    # The Python package, whose wheel carries the data.
    dist = ROOT / "dist"
    # --no-isolation: build with the hatchling installed here instead of downloading one.
    build = [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(ROOT)]
    subprocess.run(build, check=True)

    # The data package alone, for those who want the CSVs without Python.
    archive = dist / f"sinosoviet-data-{__version__}.zip"
    archive.write_bytes(data_package_zip(ROOT))
    print(f"Wrote {archive.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
