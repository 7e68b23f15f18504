"""File › Export chart…: PNG at a chosen width, SVG and CSV of the history.

pyqtgraph's exporters and Qt's SVG module load on the first export, not with the window.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QGuiApplication, QPainter

from app.csvlog import HistoryCsv
from app.history import History

DEFAULT_WIDTH = 1920
FILE_FILTERS = "PNG image (*.png);;SVG drawing (*.svg);;CSV table (*.csv)"


def suffix_for_filter(chosen: str) -> str:
    """The file suffix a save-dialog filter stands for ('.png' when unknown)."""
    for suffix in (".svg", ".csv", ".png"):
        if suffix[1:] in chosen.lower():
            return suffix
    return ".png"


def _dressed(item: pg.GraphicsItem, width: int | None) -> AbstractContextManager[None]:
    """The item's own preparation for export (``exporting(width)``: no hover overlay, a title,
    text sized for the picture), when it has one."""
    exporting = getattr(item, "exporting", None)
    return exporting(width) if callable(exporting) else nullcontext()


def export_png(item: pg.GraphicsItem, path: str, width: int = DEFAULT_WIDTH) -> None:
    """Render the chart to a PNG ``width`` pixels wide (height keeps the on-screen proportions)."""
    from pyqtgraph.exporters import ImageExporter

    with _dressed(item, int(width)):
        exporter = ImageExporter(item)
        exporter.parameters()["width"] = int(width)
        exporter.parameters()["antialias"] = True
        exporter.export(path)
    if not Path(path).exists():  # the exporter reports failure only by not writing
        raise OSError(f"the image could not be written to {path}")


def export_svg(item: pg.GraphicsItem, path: str) -> None:
    """Write the chart as SVG (vector, opens in a browser).

    Qt's own SVG generator paints the scene: pyqtgraph's SVGExporter fails on the path data
    Qt 6 writes ("not enough values to unpack" in correctCoordinates).
    """
    if item.scene() is None:
        raise ValueError("the chart is not on screen")
    with _dressed(item, None):
        _render_svg(item, path)
    if not Path(path).exists():
        raise OSError(f"the drawing could not be written to {path}")


def _render_svg(item: pg.GraphicsItem, path: str) -> None:
    from PySide6.QtSvg import QSvgGenerator

    scene = item.scene()
    source = item.sceneBoundingRect()
    generator = QSvgGenerator()
    generator.setFileName(path)
    generator.setSize(source.size().toSize())
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle("RAMLens memory history")
    # The axes size their ticks and text by the device's DPI: match the screen's, or the SVG's
    # default 72 dpi shrinks them against the plot area.
    screen = QGuiApplication.primaryScreen()
    generator.setResolution(round(screen.logicalDotsPerInch()) if screen else 96)
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"the drawing could not be written to {path}")
    try:
        scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    finally:
        painter.end()


def export_csv(history: History, path: str) -> int:
    """The history as the CSV ``ramlens watch --csv`` writes (app/csvlog.py); returns the rows written."""
    with open(path, "w", newline="", encoding="utf-8") as fh:
        log = HistoryCsv(fh)
        log.header()
        return log.history(history)
