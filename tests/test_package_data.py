"""A non-editable install carries the icon, the desktop file and the compiled translations.

The wheel is built from a copy of the sources (so the work tree gets no build/ or egg-info), its file
list is checked, and then it is unpacked alone on sys.path of a fresh interpreter, far from the
repository, where ui/icon.py and ui/i18n.py must find their files.

The wheel comes from the build backend pyproject.toml names, called through its PEP 517
``build_wheel`` hook in one child process: what ``pip wheel`` ends up calling, without pip's own
start-up and the two further hook processes it runs first (the same wheel, byte for byte, for
under half the CPU time).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = (
    "ui/resources/ramlens.png",
    "ui/resources/ramlens.svg",
    "ui/resources/ramlens.desktop",
    "ui/resources/i18n/ramlens_zh_CN.qm",
)

PROBE = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui import i18n, icon
assert not i18n.I18N_DIR.is_relative_to(sys.argv[1]), i18n.I18N_DIR  # the unpacked wheel, not the repository
assert not icon.app_icon().isNull(), "no icon"
assert i18n.install(app, QLocale("zh_CN")), "no zh_CN translation"
print(i18n.translate("MainWindow", "Memory lists"))
"""


BUILD = "import importlib, sys; print(importlib.import_module(sys.argv[1]).build_wheel(sys.argv[2]))"


def build_backend() -> str:
    """The ``build-backend`` of pyproject.toml's [build-system] table."""
    found = re.search(r'^build-backend\s*=\s*"([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.MULTILINE)
    assert found, "pyproject.toml names no build-backend"
    return found.group(1)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel the build backend makes from a copy of pyproject.toml, README.md, app/ and ui/."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for package in ("app", "ui"):
        shutil.copytree(ROOT / package, source / package, ignore=shutil.ignore_patterns("__pycache__"))
    out = base / "out"
    built = subprocess.run(
        # setuptools is in the test extra: built in this environment, as with pip's --no-build-isolation
        [sys.executable, "-c", BUILD, build_backend(), str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=source,  # a PEP 517 hook builds the project in its working directory
    )
    if built.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{built.stderr[-3000:]}")
    return out / built.stdout.splitlines()[-1]


@pytest.mark.slow
def test_the_wheel_holds_icon_desktop_file_and_translations(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert [n for n in SHIPPED if n not in names] == []


@pytest.mark.slow
def test_the_installed_files_are_found_outside_the_repository(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    shown = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path.insert(0, {str(site)!r}); exec({PROBE!r})",
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == "内存列表"
