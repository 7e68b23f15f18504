"""File › Save / Open / Compare snapshots through the real main window."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton

from app import snapshot as snap
from app.backends.base import Capabilities
from app.backends.linux.filecache import PageCacheFiles
from app.filesummary import FileSummary
from tests.fake_backend import GIB, FakeBackend
from tests.snapshot_samples import MIB, snapshot
from tests.ui.helpers import click_menu_item, menu_action, save_png
from ui.filescan_progress import FileScanProgress


def test_file_menu_has_the_snapshot_items_before_export(make_window):
    window = make_window()
    texts = [a.text().replace("&", "") for a in window.file_menu.actions() if a.text()]
    assert texts[:4] == ["Save snapshot…", "Open snapshot…", "Compare snapshots…", "Export chart…"]


def test_save_from_the_menu_writes_a_full_snapshot(make_window, qtbot, tmp_path, monkeypatch):
    window = make_window()
    for _ in range(5):
        window.sampler.sample_now()
    target = tmp_path / "saved.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click_menu_item(qtbot, window.file_menu, "Save snapshot")
    loaded = snap.load(target)
    assert loaded.sample.backend == "fake"
    assert loaded.history is not None and len(loaded.history) == len(window.history)
    assert loaded.processes  # the live process table
    assert "Snapshot saved" in window.result_label.text()


def test_save_to_an_unwritable_place_says_so(make_window, tmp_path):
    window = make_window()
    assert not window.snapshots.save_to(str(tmp_path / "missing" / "dir" / "s.json"))
    box = window.snapshots.last_error
    assert box is not None and box.isVisible()
    assert "could not be written" in box.text()


def test_open_shows_every_view_read_only(make_window, qtbot, tmp_path, monkeypatch, artifacts):
    window = make_window()
    path = tmp_path / "before-clean.json"
    snap.save(path, snapshot())
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    click_menu_item(qtbot, window.file_menu, "Open snapshot")
    assert len(window.snapshots.open_windows) == 1
    viewer = window.snapshots.open_windows[0]
    qtbot.waitExposed(viewer)
    assert viewer.windowTitle() == "RAMLens — before-clean.json (snapshot, read-only)"
    assert viewer.tab_titles() == ["Memory lists", "History", "Processes", "Fragmentation", "Machine"]
    assert viewer.lists_view.sample.to_json() == snapshot().sample.to_json()
    assert viewer.process_model.rowCount() == 3
    assert viewer.history_view is not None and len(viewer.history_view.history) == 120
    assert window.windowTitle() == "RAMLens"  # the live window is untouched
    for index, name in enumerate(("lists", "history", "processes", "fragmentation", "machine")):
        viewer.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        if viewer.history_view is not None:
            viewer.history_view.refresh(force=True)
        save_png(viewer.grab(), artifacts / f"snapshot-open-{name}.png")


def test_a_broken_file_gets_a_clear_message_and_changes_nothing(make_window, tmp_path):
    window = make_window()
    good = tmp_path / "good.json"
    snap.save(good, snapshot())
    viewer = window.snapshots.open_path(str(good))
    assert viewer is not None
    shown_before = viewer.lists_view.sample
    cases = {
        "truncated.json": json.dumps(snapshot().to_json())[:500].encode(),
        "junk.json": bytes(range(256)) * 64,
        "other.json": b'{"hello": "world"}',
        "newer.json": json.dumps({**snapshot().to_json(), "schema": 99}).encode(),
    }
    expected = {
        "truncated.json": "truncated",
        "junk.json": "not UTF-8",
        "other.json": "not a RAMLens snapshot",
        "newer.json": "newer RAMLens",
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        assert window.snapshots.open_path(str(tmp_path / name)) is None
        box = window.snapshots.last_error
        assert box is not None and box.isVisible()
        assert box.text().startswith(name) and expected[name] in box.text(), box.text()
        box.close()
    assert window.snapshots.open_windows == [viewer]
    assert viewer.lists_view.sample is shown_before


def test_compare_two_snapshots(make_window, tmp_path, artifacts):
    window = make_window()
    backend = window.backend
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert window.snapshots.save_to(str(a))
    backend.move("standby", "free", 1.0)  # as a purge would
    window.sampler.sample_now()
    assert window.snapshots.save_to(str(b))
    dialog = window.snapshots.compare(str(a), str(b))
    assert dialog is not None
    rows = {
        dialog.lists_table.item(r, 0).text(): dialog.lists_table.item(r, 3).text()
        for r in range(dialog.lists_table.rowCount())
    }
    assert rows["Standby"] == "−8.0 GiB" and rows["Free"] == "+8.0 GiB"
    assert dialog.windowTitle() == "Compare a.json → b.json"
    dialog.resize(860, 560)
    save_png(dialog.grab(), artifacts / "snapshot-compare.png")


def test_compare_with_now_from_the_picker(make_window, tmp_path, qtbot):
    backend = FakeBackend()
    window = make_window(backend)
    a = tmp_path / "then.json"
    assert window.snapshots.save_to(str(a))
    backend.move("active", "standby", 0.5)
    window.sampler.sample_now()

    menu_action(window.file_menu, "Compare snapshots").trigger()
    picker = window.snapshots.last_picker
    assert picker is not None and picker.isVisible()
    picker.a_edit.setText(str(a))
    picker.now_box.setChecked(True)
    picker.accept()
    assert not picker.isVisible()
    dialog = window.snapshots.last_compare
    assert dialog is not None and dialog.windowTitle() == "Compare then.json → now"
    changes = {d.key: d.delta for d in dialog.diff.lists}
    assert changes["active"] == -3 * GIB and changes["standby"] == 3 * GIB


def test_the_picker_keeps_what_was_typed_when_the_comparison_fails(make_window, tmp_path, qtbot):
    window = make_window(FakeBackend())
    a = tmp_path / "a.json"
    assert window.snapshots.save_to(str(a))
    (tmp_path / "b.json").write_text("{ not a snapshot")
    picker = window.snapshots.compare_dialog()
    picker.a_edit.setText(str(a))
    picker.b_edit.setText(str(tmp_path / "b.json"))
    picker.accept()
    assert picker.isVisible()  # still open, with the reason and the input
    assert "cannot be compared" in picker.error.text()
    assert picker.a_edit.text() == str(a) and picker.b_edit.text() == str(tmp_path / "b.json")
    assert window.snapshots.last_error is None  # no message box over it
    picker.b_edit.setText("")
    picker.accept()
    assert picker.isVisible() and "Choose snapshot A" in picker.error.text()
    picker.b_edit.setText(str(a))
    picker.accept()
    assert not picker.isVisible() and window.snapshots.last_compare is not None


def test_the_compare_dialog_lists_no_process_that_did_not_change(make_window, tmp_path):
    from dataclasses import replace

    from app import snapshot as snap
    from ui.snapshots import CompareDialog

    window = make_window(FakeBackend())
    a_path = tmp_path / "a.json"
    assert window.snapshots.save_to(str(a_path))
    a = snap.load(str(a_path))
    kthread = next(p for p in a.processes if p.working_set) if a.processes else None
    assert kthread is not None
    zero = replace(kthread, pid=99999, name="kworker/0:1-events", working_set=0)
    b = replace(a, processes=(*a.processes, zero))
    dialog = CompareDialog(snap.diff(a, b), "a", "b", window)
    names = [dialog.process_table.item(r, 1).text() for r in range(dialog.process_table.rowCount())]
    assert "kworker/0:1-events" not in names
    assert "1 without memory of their own" in dialog.process_summary.text()


def test_compare_with_a_broken_file(make_window, tmp_path):
    window = make_window()
    a = tmp_path / "a.json"
    snap.save(a, snapshot())
    (tmp_path / "b.json").write_text("{")
    assert window.snapshots.compare(str(a), str(tmp_path / "b.json")) is None
    assert "b.json" in window.snapshots.last_error.text()
    assert window.snapshots.last_compare is None


def test_opened_snapshot_reaches_compare_with_now(make_window, tmp_path, qtbot):
    window = make_window()
    path = tmp_path / "s.json"
    assert window.snapshots.save_to(str(path))
    viewer = window.snapshots.open_path(str(path))
    now_button = next(b for b in viewer.findChildren(QPushButton) if b.text() == "Compare with now")
    now_button.click()
    assert window.snapshots.last_compare is not None
    assert window.snapshots.last_compare.windowTitle() == "Compare s.json → now"
    assert Path(path).exists()


class _StubCensusSource:
    """Stands in for the page-census capability (taking a real census needs root and time)."""

    def problem(self) -> str:
        return "not taken in this test"  # the view then never starts one by itself

    def take(self, progress=None, map_counts=False):  # type: ignore[no-untyped-def]
        raise AssertionError("not called")


class _StubCensus:
    """Stands in for a finished census of the Physical pages view."""

    def bytes_of(self, key: str) -> int:
        return {"free": 2 * GIB, "standby": 3 * GIB}.get(key, 0)


def test_the_last_census_goes_into_the_snapshot(make_window, tmp_path):
    from app.backends.base import Capabilities

    window = make_window(FakeBackend(capabilities=Capabilities(page_census=_StubCensusSource())))
    assert window.made_view("pages") is None  # made the first time it is shown
    window.view("pages").census = _StubCensus()
    assert window.snapshots.save_to(str(tmp_path / "c.json"))
    census = snap.load(tmp_path / "c.json").census
    assert census["free"] == 2 * GIB and census["standby"] == 3 * GIB
    assert "anonymous" in census  # every class, zero or not
    viewer = window.snapshots.open_path(str(tmp_path / "c.json"))
    assert viewer is not None and "Machine" in viewer.tab_titles()


def test_empty_action_markers_are_saved_and_drawn_in_the_opened_snapshot(make_window, tmp_path, qtbot):
    from app import snapshot as snap

    backend = FakeBackend()
    window = make_window(backend)
    for _ in range(3):
        window.sampler.sample_now()
    with qtbot.waitSignal(window.runner.finished, timeout=5000):
        menu_action(window.empty_menu, "Purge kernel caches").trigger()
    path = tmp_path / "with-actions.json"
    assert window.snapshots.save_to(str(path))
    saved = snap.load(str(path))
    assert [(a.label, a.ok, a.automatic) for a in saved.actions] == [("Purge kernel caches", True, False)]
    assert saved.actions[0].text.startswith("In use −")
    assert window.made_view("history") is None  # saving builds no chart: the marks wait for it
    window.show_view("history")
    assert window.history_view.action_marks() == saved.actions  # drawn when it is made
    viewer = window.snapshots.open_path(str(path))
    assert viewer is not None and viewer.history_view is not None
    assert viewer.history_view.action_marks() == saved.actions


def test_a_snapshot_with_a_malformed_action_is_refused_with_the_reason(make_window, tmp_path):
    import json

    from app import snapshot as snap

    window = make_window(FakeBackend())
    path = tmp_path / "s.json"
    assert window.snapshots.save_to(str(path))
    doc = json.loads(path.read_text())
    doc["actions"] = [{"time": "yesterday", "label": "x", "text": "", "ok": True}]
    path.write_text(json.dumps(doc))
    with pytest.raises(snap.SnapshotError, match="an action's time"):
        snap.load(str(path))


def _files_backend() -> FakeBackend:
    """The fake lists with this machine's real file-cache capability."""
    return FakeBackend(capabilities=Capabilities(file_cache=PageCacheFiles()))


def test_compare_view_lists_the_files_that_entered_or_left(make_window, tmp_path, artifacts):
    def summary(files: dict[str, int]) -> FileSummary:
        return FileSummary("cachestat", True, len(files), len(files), sum(files.values()), files)

    a, b = tmp_path / "a.json", tmp_path / "b.json"
    lib = "/usr/lib/x86_64-linux-gnu/libLLVM.so.17"
    snap.save(
        a, replace(snapshot(), files=summary({lib: 90 * MIB, "/var/log/old.log": 8 * MIB, "/bin/sh": MIB}))
    )
    snap.save(
        b, replace(snapshot(), files=summary({"/srv/db/table.ibd": 400 * MIB, lib: 30 * MIB, "/bin/sh": MIB}))
    )
    window = make_window()
    dialog = window.snapshots.compare(str(a), str(b))
    assert dialog is not None
    table = dialog.files_table
    rows = {
        table.item(r, 0).text(): tuple(table.item(r, c).text() for c in range(1, 5))
        for r in range(table.rowCount())
    }
    assert rows == {
        "/srv/db/table.ibd": ("entered", "0 B", "400.0 MiB", "+400.0 MiB"),
        lib: ("shrank", "90.0 MiB", "30.0 MiB", "−60.0 MiB"),
        "/var/log/old.log": ("left", "8.0 MiB", "0 B", "−8.0 MiB"),
    }
    assert dialog.files_summary.text() == "Files: 1 entered, 1 left, 0 grew, 1 shrank"
    table.sortItems(4)  # by change, numerically: the file that left most first
    assert table.item(0, 0).text() == lib
    dialog.resize(900, 640)
    save_png(dialog.grab(), artifacts / "snapshot-compare-files.png")


def test_compare_without_file_summaries_says_so(make_window, tmp_path):
    window = make_window()
    a = tmp_path / "a.json"
    snap.save(a, snapshot())
    dialog = window.snapshots.compare(str(a), str(a))
    assert dialog is not None and "not compared" in dialog.files_summary.text()
    assert dialog.files_table.rowCount() == 0 and not dialog.files_table.isVisibleTo(dialog)


def test_save_with_the_files_tick_box_scans_the_files_processes_use(make_window, tmp_path, settings):
    window = make_window(_files_backend())
    action = window.snapshots.files_action
    assert action is not None and action.isCheckable() and not action.isChecked()
    texts = [a.text().replace("&", "") for a in window.file_menu.actions() if a.text()]
    assert texts[:2] == ["Save snapshot…", "Include the files in memory"]
    plain = tmp_path / "plain.json"
    assert window.snapshots.save_to(str(plain))
    assert snap.load(plain).files is None
    action.setChecked(True)
    assert settings.value("snapshots/files", type=bool) is True  # remembered
    path = tmp_path / "with-files.json"
    assert window.snapshots.save_to(str(path))
    loaded = snap.load(path)
    assert loaded.files is not None and loaded.files.complete and loaded.files.total_files > 0
    assert os.path.realpath(sys.executable) in {os.path.realpath(p) for p in loaded.files.files}
    assert "cached files" in window.result_label.text()


def test_stopping_the_file_scan_keeps_what_was_found(make_window, qtbot):
    window = make_window(_files_backend())
    progress = FileScanProgress(window.backend, window)
    progress.cancel.set()  # Stop pressed before the first file
    scan = progress.run()
    assert scan is not None and not scan.complete and scan.examined == 0
    assert not progress.dialog.isVisible()


def test_no_tick_box_without_the_capability(make_window):
    window = make_window()
    assert window.snapshots.files_action is None
