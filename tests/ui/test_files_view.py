"""The Files tab (real cachestat on real files); Use Counts and Physical Ranges in the Physical pages tab."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from app import pagecensus
from app.backends.base import Capabilities
from app.backends.linux import census as cz
from app.backends.linux.filecache import PageCacheFiles
from app.backends.linux.physranges import ProcPhysicalRanges
from app.backends.linux.usecounts import use_counts
from app.units import format_bytes
from tests.fake_backend import FakeBackend
from tests.live_census import shared_census
from tests.ui.helpers import settle
from tests.ui.test_pages_view import Source
from ui.views.files import FILE_ROLE, PATH_ROLE, FilesView

MIB = 1 << 20


class FileCacheBackend(FakeBackend):
    """The fake lists, with the real Linux file-cache and physical-ranges sources."""

    def capabilities(self) -> Capabilities:
        return Capabilities(file_cache=PageCacheFiles(), physical_ranges=ProcPhysicalRanges())


def _tree(root: Path) -> dict[str, Path]:
    files = {}
    for rel, size in (("lib/a.bin", 3 * MIB), ("lib/b.bin", MIB), ("share/doc/c.txt", 64 << 10)):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(size))
        path.read_bytes()
        files[rel] = path
    return files


def _scan(qtbot, view: FilesView, paths: list[str] | None) -> None:  # type: ignore[no-untyped-def]
    view.start(paths)
    qtbot.waitUntil(lambda: not view.busy, timeout=120000)


def test_folder_scan_builds_a_tree_with_totals_sorting_and_filter(qtbot, tmp_path: Path) -> None:
    files = _tree(tmp_path)
    view = FilesView(PageCacheFiles())
    qtbot.addWidget(view)
    _scan(qtbot, view, [str(tmp_path)])
    assert view.scan is not None and view.scan.complete
    a = view.row_for(str(files["lib/a.bin"]))
    assert a is not None and a.data(FILE_ROLE) is True
    assert a.siblingAtColumn(1).data() == format_bytes(3 * MIB)
    lib = view.row_for(str(tmp_path / "lib"))
    assert lib is not None and lib.data(FILE_ROLE) is False
    assert lib.siblingAtColumn(1).data() == format_bytes(4 * MIB)  # the folder holds the sum of its files
    assert (
        view.proxy.rowCount(lib) == 2 and view.proxy.index(0, 0, lib).data() == "a.bin"
    )  # most cached first
    view.tree.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    lib = view.row_for(str(tmp_path / "lib"))  # indexes move when the proxy sorts
    assert lib is not None and view.proxy.index(0, 0, lib).data() == "b.bin"
    view.filter.setText("c.txt")
    assert view.row_for(str(files["lib/a.bin"])) is None
    assert view.row_for(str(files["share/doc/c.txt"])) is not None
    assert "files hold" in view.summary.text()


def test_evict_from_the_context_selection_moves_pages_out(qtbot, tmp_path: Path) -> None:
    files = _tree(tmp_path)
    view = FilesView(PageCacheFiles())
    qtbot.addWidget(view)
    _scan(qtbot, view, [str(tmp_path)])
    row = view.row_for(str(tmp_path / "lib"))
    assert row is not None
    view.tree.selectionModel().select(
        row, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    )
    assert view.selected_paths() == [str(tmp_path / "lib")]
    view.evict(view.selected_paths())
    qtbot.waitUntil(lambda: not view.busy, timeout=60000)
    assert {r.path for r in view.last_eviction} == {str(files["lib/a.bin"]), str(files["lib/b.bin"])}
    assert all(r.after is not None and r.after.cached_bytes == 0 for r in view.last_eviction)
    assert sum(r.moved_bytes for r in view.last_eviction) >= 4 * MIB
    assert "left the page cache" in view.status.text()
    assert view.row_for(str(files["lib/a.bin"])) is None  # no longer cached: gone from the tree
    assert view.row_for(str(files["share/doc/c.txt"])) is not None


def test_cancel_stops_a_system_scan_with_partial_results(qtbot) -> None:
    view = FilesView(PageCacheFiles())
    qtbot.addWidget(view)
    view.start(None)
    assert view.cancel_button.isEnabled() and not view.scan_button.isEnabled()
    qtbot.waitUntil(lambda: "Scanning…" in view.status.text(), timeout=60000)  # progress arrived
    view.cancel_button.click()
    qtbot.waitUntil(lambda: not view.busy, timeout=60000)
    assert view.scan is not None and not view.scan.complete
    assert "partial" in view.status.text()
    assert view.model.rowCount() > 0  # what was found before Cancel is shown
    assert view.scan_button.isEnabled() and not view.cancel_button.isEnabled()


def test_closing_the_window_stops_a_scan_and_waits_for_it(make_window, qtbot) -> None:
    window = make_window(FileCacheBackend())
    window.show_view("files")
    view = window.view("files")
    view.start(None)  # processes' files, then every local file system: seconds
    qtbot.waitUntil(lambda: "Scanning…" in view.status.text(), timeout=60000)
    window.close()
    assert view.wait(0)  # no worker outlives the window's close
    settle()
    assert view.scan is not None and not view.scan.complete  # stopped, not waited out


def test_the_tab_compares_with_the_lists_and_is_installed_by_capability(make_window, qtbot, tmp_path) -> None:
    _tree(tmp_path)
    window = make_window(FileCacheBackend())
    window.resize(1200, 700)
    assert window.made_view("files") is None  # made when first shown
    window.show_view("files")
    view = window.view("files")
    assert isinstance(view, FilesView)
    _scan(qtbot, view, [str(tmp_path)])
    qtbot.waitUntil(lambda: "Standby" in view.summary.text(), timeout=10000)
    standby = window.sampler.latest.bytes_of("standby")
    assert format_bytes(standby) in view.summary.text()
    view.evict([str(tmp_path / "lib" / "a.bin")])
    qtbot.waitUntil(lambda: "→" in view.lists_change.text(), timeout=20000)  # the next reading of the lists
    assert view.lists_change.text().startswith("Standby ")
    assert "files" not in make_window(FakeBackend()).view_keys()  # no file-cache source: no tab


def test_screenshot_of_the_files_tab(make_window, qtbot, artifacts: Path) -> None:
    """Scans numpy's folder (real, cached files) and saves the tab (artifacts/files.png)."""
    window = make_window(FileCacheBackend())
    window.resize(1200, 720)
    window.show_view("files")
    view = window.view("files")
    assert isinstance(view, FilesView)
    root = str(Path(np.__file__).resolve().parent)
    _scan(qtbot, view, [root])
    assert view.scan is not None and view.scan.files
    top = view.proxy.index(0, 0)
    view.tree.expand(top)
    settle()
    assert window.grab().save(str(artifacts / "files.png"), "PNG")


def _census() -> pagecensus.Census:
    b = {name: 1 << bit for bit, name in cz.KPF_NAMES.items()}
    combos = {
        0: 5000,
        b["BUDDY"]: 9000,
        b["LRU"]: 4000,
        b["LRU"] | b["DIRTY"]: 300,
        b["ANON"] | b["LRU"]: 2500,
    }
    frames = sum(combos.values())
    totals = [0] * pagecensus.N_CLASSES
    for flags, n in combos.items():
        totals[cz.classify_word(flags)] += n
    cells = np.array([cz.classify_word(f) for f in combos for _ in range(combos[f] // 100)], dtype=np.uint8)
    return pagecensus.Census(
        4096, frames, tuple(totals), combos, 100, cells, {}, use_counts=use_counts(combos, 4096)
    )


def test_use_counts_and_physical_ranges_in_the_pages_tab(qtbot) -> None:
    from ui.views.pages import PagesView

    census = _census()
    view = PagesView(Source(lambda progress: census), ranges=ProcPhysicalRanges().read)
    qtbot.addWidget(view)
    view.resize(1200, 720)
    view.show()
    qtbot.waitUntil(lambda: view.census is not None, timeout=10000)
    table = view.use_counts
    labels = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert labels[-1] == "Total"
    file_row = labels.index("File (page cache)")
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert table.item(file_row, headers.index("Standby")).text() == format_bytes(4000 * 4096)
    assert table.item(file_row, headers.index("Modified")).text() == format_bytes(300 * 4096)
    assert table.item(len(labels) - 1, headers.index("Total")).text() == format_bytes(census.frames * 4096)
    ranges = view.ranges_view
    assert ranges is not None and ranges.ranges is not None  # read when the tab was first shown
    kinds = [ranges.table.item(r, 0).text() for r in range(ranges.table.rowCount())]
    assert any(k.startswith("Zone Normal") or k.startswith("Zone DMA32") for k in kinds)
    assert "Memory blocks" in kinds
    if os.geteuid() == 0:
        assert any(k.startswith("RAM") for k in kinds)


@pytest.mark.skipif(os.geteuid() != 0 or not Path("/proc/kpageflags").exists(), reason="census: root")
def test_screenshots_of_use_counts_and_ranges_from_this_machine(qtbot, artifacts: Path) -> None:
    from ui.views.pages import PagesView

    # The real census shared with the census tests: pictures of it need no census of their own (the use
    # counts of a census the CLI takes are checked in tests/test_files_physical.py).
    view = PagesView(Source(lambda progress: shared_census()), ranges=ProcPhysicalRanges().read)
    qtbot.addWidget(view)
    view.resize(1200, 720)
    view.show()  # the first show takes the census
    qtbot.waitUntil(lambda: view.census is not None, timeout=120000)
    counts = view.census.use_counts
    assert counts.total == view.census.frames
    view.details.setCurrentWidget(view.use_counts_box)  # the tab's page (the table sits in it)
    settle()
    assert view.details.currentWidget() is view.use_counts_box  # else the picture shows another tab
    assert view.grab().save(str(artifacts / "use-counts.png"), "PNG")
    view.details.setCurrentWidget(view.ranges_view)
    settle()
    assert view.details.currentWidget() is view.ranges_view
    assert view.grab().save(str(artifacts / "physical-ranges.png"), "PNG")


def test_ranges_name_what_could_not_be_read(qtbot, tmp_path: Path) -> None:
    from ui.views.physical import RangesView

    empty = dataclasses.replace(ProcPhysicalRanges(), proc=tmp_path, sys=tmp_path)
    view = RangesView(empty.read)
    qtbot.addWidget(view)
    view.refresh()
    assert view.table.rowCount() == 0
    assert "iomem" in view.notes.text() and "zoneinfo" in view.notes.text()


@pytest.mark.parametrize("paths", [[], ["/nonexistent-ramlens"]])
def test_evicting_nothing_or_a_missing_file_keeps_the_view_usable(qtbot, paths: list[str]) -> None:
    view = FilesView(PageCacheFiles())
    qtbot.addWidget(view)
    view.evict(paths)
    qtbot.waitUntil(lambda: not view.busy, timeout=10000)
    if paths:
        assert "failed" in view.status.text() and "cannot open" in view.status.text()
    assert view.scan_button.isEnabled()
    row = view.row_for("/nonexistent-ramlens")
    assert row is None and PATH_ROLE
