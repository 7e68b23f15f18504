"""Render ui/resources/ramlens.svg to the PNG sizes desktops and Windows want.

QT_QPA_PLATFORM=offscreen python resources/make_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent.parent / "ui" / "resources"
SIZES = (256,)


def render(size: int, target: Path) -> None:
    """Draw the SVG at ``size`` × ``size`` pixels into ``target``."""
    renderer = QSvgRenderer(str(HERE / "ramlens.svg"))
    if not renderer.isValid():
        raise SystemExit("ui/resources/ramlens.svg is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target)):
        raise SystemExit(f"could not write {target}")


def main() -> int:
    """Write ramlens.png (256 px)."""
    _app = QGuiApplication(sys.argv[:1])
    for size in SIZES:
        render(size, HERE / "ramlens.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
