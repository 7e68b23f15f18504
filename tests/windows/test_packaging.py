"""The parts of the Windows build that can be checked without Windows: icon, version resource, manifest."""

from __future__ import annotations

import ast
import importlib.util
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging" / "windows"


def _build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ramlens_windows_build", PACKAGING / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_icon_is_an_ico_holding_the_256_pixel_png() -> None:
    png = (ROOT / "resources" / "ramlens.png").read_bytes()
    ico = _build().ico_from_png(png)
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind, count) == (0, 1, 1)
    width, height, _colours, _r, planes, bits, size, offset = struct.unpack_from("<BBBBHHII", ico, 6)
    assert (width, height, planes, bits) == (0, 0, 1, 32)  # 0 means 256
    assert ico[offset : offset + size] == png


def test_the_version_resource_carries_the_project_version() -> None:
    build = _build()
    version = build.project_version((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    text = build.version_file(version)
    ast.parse(text, mode="eval")  # PyInstaller evaluates it as one expression
    numbers = tuple(int(n) for n in (version.split(".") + ["0"] * 4)[:4])
    assert f"filevers={numbers}" in text and "'ProductName', 'RAMLens'" in text


def test_the_manifest_asks_for_no_elevation_at_start() -> None:
    root = ET.parse(PACKAGING / "RAMLens.manifest").getroot()
    levels = [e.get("level") for e in root.iter() if e.tag.endswith("requestedExecutionLevel")]
    assert levels == ["asInvoker"]


def test_the_build_refuses_off_windows_with_the_reason(capsys: pytest.CaptureFixture[str]) -> None:
    if sys.platform == "win32":
        pytest.skip("on Windows the build runs for real (py dev.py dist)")
    assert _build().main() == 2
    assert "on Windows" in capsys.readouterr().out
