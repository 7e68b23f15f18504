"""`ramlens` with no display at all says so, instead of Qt aborting with a page about plugins."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="DISPLAY/WAYLAND_DISPLAY are how Linux finds one"
)
def test_window_without_a_display_explains_and_exits_2() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "ui.launcher"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )
    assert done.returncode == 2, done.stderr
    assert "no display to open the window on" in done.stderr
    assert "ramlens status" in done.stderr and "--screenshot" in done.stderr
