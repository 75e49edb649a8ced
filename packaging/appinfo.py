"""The app's name, version, description and icon, read once from pyproject.toml for every packaging file.

`python packaging/appinfo.py` prints them as shell assignments (for build scripts); the spec file and
the installers read them from here."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_NAME = "Horizonscan"  # the product name users see; the Python project is `horizonscan`
APP_ID = "nl.brabant.horizonscan"
ICON_SVG = ROOT / "desktop" / "resources" / "horizonscan.svg"


def project() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["project"]


def info() -> dict[str, str]:
    meta = project()
    return {"APP_NAME": APP_NAME, "APP_ID": APP_ID, "APP_VERSION": meta["version"],
            "APP_DESCRIPTION": meta["description"], "APP_ICON_SVG": str(ICON_SVG)}


if __name__ == "__main__":
    for key, value in info().items():
        escaped = value.replace("'", "'\\''")
        sys.stdout.write(f"{key}='{escaped}'\n")
