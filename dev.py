#!/usr/bin/env python3
"""Set up RAMLens in a virtual environment, then start it or test it.

    python3 dev.py run [ramlens arguments]   set up (once) and start RAMLens
    python3 dev.py test [pytest arguments]   set up (once) and run the checks and the tests
    python3 dev.py bench                     set up (once) and run the benchmarks
    py dev.py dist                           (Windows) build dist/RAMLens with PyInstaller

Only the standard library is used here, so this works on a machine with nothing but Python 3.
Setting up is skipped when pyproject.toml has not changed since the last install.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("RAMLENS_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".ramlens-installed"

# Shared libraries the Qt wheels need from the OS on Debian/Ubuntu (the wheels ship Qt itself).
QT_DEBIAN_PACKAGES = ["libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3", "libglib2.0-0"]
# And those its X11 (xcb) platform plugin needs to open a window on a display.
XCB_DEBIAN_PACKAGES = [
    "libxcb-cursor0",
    "libxkbcommon-x11-0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-randr0",
    "libxcb-xinerama0",
    "libxcb-xkb1",
    "libx11-xcb1",
]
GUI_STAMP = VENV / ".ramlens-display-ok"


def _say(msg: str) -> None:
    print(f"[dev] {msg}", flush=True)


def _run(cmd: Sequence[object], **kw: Any) -> int:
    return subprocess.call([str(c) for c in cmd], **kw)


def setup() -> None:
    """Create the venv and install RAMLens with its test extra, unless already up to date."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PY.exists() and STAMP.exists() and STAMP.read_text().strip() == digest:
        return
    if not PY.exists():
        _say(f"creating virtual environment in {VENV}")
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except Exception as exc:  # ensurepip missing on some distributions
            shutil.rmtree(VENV, ignore_errors=True)
            sys.exit(f"[dev] no virtual environment ({exc}); on Debian: apt-get install python3-venv")
    _say("installing RAMLens and its dependencies (first run only)")
    pip = [PY, "-m", "pip", "--disable-pip-version-check", "-q"]
    if _run([*pip, "install", "--upgrade", "pip"]) or _run([*pip, "install", "-e", f"{ROOT}[test]"]):
        sys.exit("[dev] pip install failed; see the messages above")
    _ensure_qt_libraries()
    STAMP.write_text(digest)


def _ensure_qt_libraries() -> None:
    """Qt's wheels need a few OS libraries; install them on Debian when root, else say which."""
    if os.name == "nt":
        return
    probe = [PY, "-c", "import PySide6.QtWidgets, PySide6.QtGui"]
    _ensure_os_packages(probe, QT_DEBIAN_PACKAGES, "Qt cannot load")


def _ensure_display_libraries() -> None:
    """Before the first start on a display: make sure Qt's platform plugin can open a window there."""
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if os.name == "nt" or os.environ.get("QT_QPA_PLATFORM") or not has_display or GUI_STAMP.exists():
        return
    probe = [PY, "-c", "from PySide6.QtGui import QGuiApplication; QGuiApplication([])"]
    _ensure_os_packages(probe, XCB_DEBIAN_PACKAGES, "Qt cannot open a window on this display")
    GUI_STAMP.touch()


def _ensure_os_packages(probe: list[object], packages: list[str], problem: str) -> None:
    """Run ``probe``; when it fails, install ``packages`` with apt-get as root, else say which to install."""
    if _run(probe, stderr=subprocess.DEVNULL) == 0:
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        _say("installing the OS libraries Qt needs: " + " ".join(packages))
        _run(["apt-get", "update", "-qq"])
        _run(["apt-get", "install", "-y", "-qq", *packages])
    if _run(probe) != 0:
        sys.exit(f"[dev] {problem}. On Debian/Ubuntu: sudo apt-get install " + " ".join(packages))


def dist() -> int:
    """Build the Windows distribution (dist/RAMLens) with PyInstaller; Windows only."""
    if os.name != "nt":
        _say("dist needs Windows: PyInstaller builds for the OS it runs on")
        return 2
    if _run([PY, "-m", "pip", "--disable-pip-version-check", "-q", "install", "pyinstaller>=6.3"]):
        _say("could not install PyInstaller")
        return 1
    return _run([PY, ROOT / "packaging" / "windows" / "build.py"], cwd=ROOT)


def main(argv: list[str]) -> int:
    """Dispatch run / test / bench."""
    if not argv or argv[0] not in {"run", "test", "bench", "setup", "dist"}:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    setup()
    if command == "setup":
        return 0
    if command == "dist":
        return dist()
    if command == "run":
        if not rest:  # the window: its platform plugin may need more OS libraries than the tests do
            _ensure_display_libraries()
        return _run([BIN / "ramlens", *rest])
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if command == "bench":
        return _run([PY, ROOT / "bench" / "run.py", *rest], env=env, cwd=ROOT)
    checks = [
        ("ruff", [PY, "-m", "ruff", "check", "app", "ui", "tests", "bench", "dev.py"]),
        ("mypy", [PY, "-m", "mypy"]),
    ]
    for name, cmd in checks:
        _say(f"{name} …")
        if _run(cmd, cwd=ROOT, env=env):
            _say(f"{name} failed")
            return 1
    return _run([PY, "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
