"""The Physical pages tab on the Windows backend over the fake kernel: the PFN census's views."""

from __future__ import annotations

import ctypes

import pytest

from app.backends.windows import WindowsBackend
from tests.ui.helpers import save_png, settle
from tests.windows.fake_kernel import FakeWindows
from tests.windows.test_pfn_census import WINDOWS_LISTS

pytestmark = pytest.mark.skipif(ctypes.sizeof(ctypes.c_void_p) != 8, reason="the fake packs x64 layouts")


def _window(make_window, **kwargs):  # type: ignore[no-untyped-def]
    fake = FakeWindows(**kwargs)
    window = make_window(WindowsBackend(fake.seam()))
    window.resize(1400, 860)
    return fake, window


def test_the_windows_census_in_the_tab(make_window, qtbot, artifacts) -> None:  # type: ignore[no-untyped-def]
    fake, window = _window(make_window)
    window.show_view("processes")  # made first, so the census can hand it the owners
    window.show_view("pages")  # the first show starts the census
    view = window.view("pages")
    qtbot.waitUntil(lambda: view.census is not None, timeout=60000)
    census = view.census
    assert census.frames == fake.total
    labels = [view.totals.item(r, 0).text() for r in range(view.totals.rowCount())]
    assert labels == WINDOWS_LISTS
    assert view.totals.horizontalHeaderItem(4).text() == "class 80 (memory lists)"
    free = labels.index("Free")
    assert view.totals.item(free, 6).text() == "FreePageCount" and view.totals.item(free, 5).text() == "+0 B"
    tabs = [view.details.tabText(i) for i in range(view.details.count())]
    assert tabs == ["Page kinds", "Use Counts", "Priority Summary", "Physical Ranges", "Physical Pages"]
    # Use Counts: RAMMap's rows, the lists as columns, the totals row last.
    uc = view.use_counts
    rows = [uc.item(r, 0).text() for r in range(uc.rowCount())]
    assert rows[0] == "Process private" and "Large page" in rows and rows[-1] == "Total"
    assert uc.horizontalHeaderItem(2).text() == "Standby"
    # Priority Summary: the census's standby per priority next to class 80's.
    pt = view.priorities.table
    assert pt.rowCount() == 9
    assert pt.item(5, 3).text() == f"{fake.repurposed[5]:,}"
    assert pt.item(5, 1).text() == pt.item(5, 2).text()
    # The page kinds filter.
    view.combos_filter.setText("Standby")
    shown = [r for r in range(view.combos.rowCount()) if not view.combos.isRowHidden(r)]
    assert shown and all("Standby" in view.combos.item(r, 4).text() for r in shown)  # the names, last
    assert len(shown) < view.combos.rowCount()
    # Physical Ranges, read when its tab is shown.
    view.details.setCurrentWidget(view.ranges_view)
    qtbot.waitUntil(lambda: view.ranges_view.ranges is not None)
    assert view.ranges_view.table.rowCount() == len(fake.pfn_database().ranges)
    # The map is coloured by list, white outside RAM.
    image = view.image.image
    assert image is not None and image.shape[1] == 1024
    # The Processes tab got per-process standby and modified pages.
    processes = window.view("processes")
    from ui.views.processes import COL_MODIFIED, COL_STANDBY

    assert not processes.table.isColumnHidden(COL_STANDBY) and not processes.table.isColumnHidden(
        COL_MODIFIED
    )
    assert processes.model.owners[100][0] > 0
    # Physical Pages: the frames at an address (as a click on the map asks), filterable.
    view.show_frames(0x100000)
    frames = view.frames_view
    assert view.details.currentWidget() is frames
    assert frames.model.rowCount() == 4096 and frames.model.text(0, 0) == "0x000000100000"
    frames.filter.setText("Standby")
    shown = [r for r in range(frames.model.rowCount()) if not frames.table.isRowHidden(r)]
    assert shown and all(frames.model.text(r, 2) == "Standby" for r in shown)
    assert len(shown) < frames.model.rowCount()
    settle()
    save_png(window.grab(), artifacts / "windows-physical-pages.png")
    frames.filter.setText("")
    frames.address.setText("zz")
    frames.read_typed()
    assert "not an address" in frames.status.text() and frames.model.rowCount() == 4096
    view.combos_filter.setText("")
    view.details.setCurrentIndex(1)
    settle()
    save_png(window.grab(), artifacts / "windows-pages.png")
    view.details.setCurrentIndex(2)
    settle()
    save_png(window.grab(), artifacts / "windows-priorities.png")


def test_refusals_in_the_tab(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    _fake, window = _window(make_window, sysmain_running=False)
    window.show_view("pages")
    view = window.view("pages")
    qtbot.waitUntil(lambda: "failed" in view.status.text(), timeout=30000)
    assert "SysMain" in view.status.text() and view.button.isEnabled()


def test_not_elevated_is_said_before_anything_runs(make_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    fake, window = _window(make_window, admin=False)
    window.show_view("pages")
    view = window.view("pages")
    assert "unavailable" in view.status.text() and "administrator" in view.status.text()
    assert not view.button.isEnabled()
    assert not [c for c in fake.calls if c[:2] == ("query", 79)]
