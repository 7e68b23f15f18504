"""A tooltip request to every visible widget of every tab must not raise (pytest-qt fails on any exception
raised inside a Qt event handler): hovering the memory bar once crashed on QHelpEvent.position()."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.backends.base import Capabilities
from app.backends.linux.capabilities import ProcFragmentation
from app.pagecensus import CLASSES, FREE, Census
from tests.fake_backend import FakeBackend

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "linux"


class TinyCensus:
    """A page-census source with a fixed two-class result (a real one needs root)."""

    def problem(self) -> str:
        return ""

    def take(self, progress=None, map_counts=False):  # type: ignore[no-untyped-def]
        cells = np.zeros(4096, dtype=np.uint8)
        cells[:1000] = FREE
        totals = tuple(3096 if c.index == 0 else 1000 if c.index == FREE else 0 for c in CLASSES)
        return Census(4096, 4096, totals, {0: 3096, 0x400: 1000}, 1, cells)


def _hover_everything(window: QWidget) -> int:
    asked = 0
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.width() == 0:
            continue
        for x in (1, widget.width() // 2, widget.width() - 2):
            local = QPoint(x, widget.height() // 2)
            QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, local, widget.mapToGlobal(local)))
            asked += 1
    return asked


def test_every_tab_answers_a_tooltip_request_everywhere(make_window, qtbot) -> None:
    capabilities = Capabilities(
        fragmentation=ProcFragmentation(FIXTURES / "busy-cache", FIXTURES / "no-sys", 4096),
        page_census=TinyCensus(),
    )
    window = make_window(FakeBackend(capabilities=capabilities))
    window.resize(1200, 760)
    keys = window.view_keys()
    assert {"lists", "history", "processes", "fragmentation", "pages"} <= set(keys)
    for key in keys:
        window.show_view(key)
        if key == "pages":
            qtbot.waitUntil(lambda: window.view("pages").census is not None)  # type: ignore[attr-defined]
        QApplication.processEvents()
        assert _hover_everything(window) > 20, key
