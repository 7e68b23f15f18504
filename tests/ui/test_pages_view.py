"""The Physical pages tab: a real census off the UI thread, its tables and map, and the not-root message."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from app import pagecensus as cz
from app.backends.base import BackendError
from app.backends.linux.census import access_problem
from tests.ui.helpers import QUICK_PACING, colour_share, settle


class Source:
    """A page-census source from two functions: ``take(progress)`` and ``problem()``."""

    def __init__(self, take, problem=lambda: ""):  # type: ignore[no-untyped-def]
        self._take = take
        self.problem = problem

    def take(self, progress=None, map_counts=False):  # type: ignore[no-untyped-def]
        return self._take(progress)


as_root = pytest.mark.skipif(
    os.geteuid() != 0 or not Path("/proc/kpageflags").exists(),
    reason="the census reads /proc/kpageflags: root",
)


@as_root
def test_census_from_the_tab_as_root(make_window, qtbot, artifacts):
    from app.backends.linux import LinuxBackend
    from tests.fake_backend import FakeBackend

    window = make_window(FakeBackend(capabilities=LinuxBackend().capabilities()))
    window.resize(1200, 760)
    assert window.made_view("pages") is None  # nothing is made, nor read, before the tab is shown
    window.show_view("pages")  # the first show starts a census by itself
    view = window.view("pages")
    qtbot.waitUntil(lambda: view.census is not None, timeout=60000)
    result = view.census
    assert sum(result.totals) == result.frames
    assert view.totals.rowCount() == len(cz.CLASSES)
    labels = [view.totals.item(r, 0).text() for r in range(view.totals.rowCount())]
    assert labels == [c.label for c in cz.CLASSES]
    free_row = labels.index("Free")
    assert view.totals.item(free_row, 6).text() == "MemFree"
    assert view.combos.rowCount() == min(len(result.combinations), 200)
    assert view.combos.item(0, 3).text().startswith("0x")
    names = view.combos.item(0, 4)
    assert names.toolTip() == names.text() and view.combos.horizontalHeaderItem(4).text() == "Flag names"
    assert not view.placeholder.isVisible() and view.plot.getAxis("left").isVisible()
    image = view.image.image
    assert image is not None and image.shape[1] == 1024 and image.shape[2] == 4
    assert "page frames" in view.status.text()
    settle()
    window.grab().save(str(artifacts / "pages.png"), "PNG")


def test_the_census_runs_off_the_ui_thread_with_progress(qtbot):
    from ui.views.pages import PagesView

    threads: list[threading.Thread] = []
    release = threading.Event()
    frames = np.zeros(2048, dtype=np.uint8)
    frames[:1000] = cz.FREE

    def take(progress):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        progress(1, 2)
        release.wait(10)
        return cz.Census(4096, 2048, (1048, 1000) + (0,) * 9, {0: 1048, 0x400: 1000}, 1, frames, {})

    view = PagesView(Source(take))
    qtbot.addWidget(view)
    qtbot.mouseClick(view.button, Qt.MouseButton.LeftButton)
    assert view.running and not view.button.isEnabled()
    qtbot.waitUntil(lambda: view.progress.value() == 500)  # progress crossed back to the UI thread
    assert threads and threads[0] is not threading.main_thread()
    release.set()
    qtbot.waitUntil(lambda: view.census is not None)
    assert view.button.isEnabled() and view.button.text() == "Take census again"
    assert view.totals.item(1, 1).text() == "1,000"
    assert view.totals.item(1, 0).text() == "Free"


def test_failure_is_shown(qtbot):
    from ui.views.pages import PagesView

    def take(progress):  # type: ignore[no-untyped-def]
        raise BackendError("/proc/kpageflags cannot be read: Input/output error")

    view = PagesView(Source(take))
    qtbot.addWidget(view)
    view.start()
    qtbot.waitUntil(lambda: "failed" in view.status.text())
    assert "Input/output error" in view.status.text() and view.button.isEnabled()


def test_not_root_is_a_clear_message(qtbot):
    from ui.views.pages import PagesView

    started = []
    view = PagesView(Source(lambda p: started.append(1), lambda: access_problem(Path("/nonexistent"))))
    qtbot.addWidget(view)
    view.show()
    assert not view.button.isEnabled() and started == []
    assert (
        "unavailable" in view.status.text() and "/nonexistent/kpageflags does not exist" in view.status.text()
    )
    # No census, no addresses: the map shows a sentence, not axes from −500 to 500 "(x0.001)".
    assert not view.plot.getAxis("left").isVisible() and not view.plot.getAxis("bottom").isVisible()
    assert view.placeholder.isVisible() and "No census yet" in view.placeholder.toPlainText()


def test_access_problem_as_ordinary_user(tmp_path):
    (tmp_path / "kpageflags").write_bytes(b"")
    (tmp_path / "kpageflags").chmod(0o000)
    if os.geteuid() == 0:
        assert access_problem(tmp_path) == ""  # root reads anything
    else:
        assert access_problem(tmp_path) == f"needs root: {tmp_path}/kpageflags is readable only by root"


def test_class_colours_follow_the_lists():
    from ui.colors import LIST_COLORS
    from ui.views.pages import CLASS_COLORS, class_lut

    for key in ("free", "standby", "modified"):
        assert CLASS_COLORS[key].name() == LIST_COLORS[key]
    assert CLASS_COLORS["anonymous"].name() == LIST_COLORS["active"]
    lut = class_lut()
    assert len({tuple(lut[c.index]) for c in cz.CLASSES}) == len(cz.CLASSES)  # every class distinct
    assert tuple(lut[cz.NO_CELL]) == (255, 255, 255, 255)


@as_root
def test_screenshot_mode_renders_the_pages_tab_with_its_census(qtbot, artifacts):
    from app.backends.linux import LinuxBackend
    from ui.main import render_screenshot
    from ui.views.pages import class_color

    target = artifacts / "screenshot-mode-pages.png"
    assert render_screenshot(LinuxBackend(), str(target), "pages", QUICK_PACING) == 0
    # The census finished before the picture: the map and the legend show the classes' colours
    # (before it there is a white map saying "No census yet").
    in_use = [class_color(c) for c in cz.CLASSES if c.key != "reserved"]
    assert colour_share(QImage(str(target)), in_use) > 0.02


def test_closing_the_window_ends_a_running_census_and_waits_for_it(make_window, qtbot):
    """A census still running when Python shut down emitted on a deleted relay ("Signal source has
    been deleted") and crashed the process: closing the window now stops it at its next chunk."""
    from app.backends.base import Capabilities
    from tests.fake_backend import FakeBackend

    chunks: list[int] = []
    ended: list[str] = []
    frames = np.zeros(1, dtype=np.uint8)

    def take(progress):  # type: ignore[no-untyped-def]
        try:
            for i in range(10_000):  # ten seconds and more: only a stop ends it while the test runs
                chunks.append(i)
                progress(i, 10_000)
                time.sleep(0.001)
        except BaseException as exc:
            ended.append(type(exc).__name__)
            raise
        ended.append("ran to the end")
        return cz.Census(4096, 1, (1,) + (0,) * 10, {0: 1}, 1, frames, {})

    window = make_window(FakeBackend(capabilities=Capabilities(page_census=Source(take))))
    window.show_view("pages")  # the first show starts the census
    view = window.view("pages")
    qtbot.waitUntil(lambda: len(chunks) > 3)
    window.close()
    assert view.wait(0)  # the worker is idle once close() returns
    assert ended == ["_Stopped"] and len(chunks) < 10_000
    assert view.census is None
