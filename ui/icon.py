"""The application icon, from ui/resources/ (package data; drawn by resources/make_icon.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

RESOURCES = Path(__file__).resolve().parent / "resources"


def app_icon() -> QIcon:
    """RAMLens's icon: the SVG for every size, the PNG where SVG cannot be read."""
    icon = QIcon()
    for name in ("ramlens.svg", "ramlens.png"):
        path = RESOURCES / name
        if path.exists():
            icon.addFile(str(path))
    return icon
