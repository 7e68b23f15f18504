"""Screenshots: the artefacts of every view for people to look at, and `ramlens --screenshot`."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage

from app import actions
from tests.fake_backend import GIB, FakeBackend
from tests.ui.helpers import QUICK_PACING, run_screenshot_mode, save_png, settle

ROOT = Path(__file__).resolve().parents[2]


def _window_with_an_hour_of_history(make_window, platform: str):  # type: ignore[no-untyped-def]
    backend = FakeBackend(platform=platform, start=time.time() - 3600, step=1.0)
    window = make_window(backend)
    window.set_refresh(0)
    window.resize(1200, 760)
    for second in range(3600):
        if second == 1200:
            backend.move("active", "standby", 0.15)  # a program exits; its files stay cached
        if second in (1800, 3000):
            window.mark_action(backend.run("standby-list" if second == 1800 else "working-sets"))
        if second > 1800:
            backend.move("free", "standby", 0.0015)  # the cache fills again
        window.history.append(backend.sample())  # straight into the history: redrawing 3600 times is slow
    window.sampler.sample_now()  # the views show the newest reading
    window.set_span(3600)
    return window


@pytest.mark.parametrize("platform", ["linux", "windows"])
def test_screenshot_of_every_view(make_window, qtbot, artifacts, platform):
    window = _window_with_an_hour_of_history(make_window, platform)
    window.notify("Purge standby list: Standby −7.1 GiB, Free +7.1 GiB, 0.4 s", "success")
    for key in ("lists", "history", "processes"):
        window.show_view(key)
        if key == "processes":
            with qtbot.waitSignal(window.processes_view._relay.done, timeout=10000):
                window.processes_view.refresh(force=True)
        settle()
        if key == "history":  # hover where the purge happened: the crosshair's readout
            view = window.history_view
            marker = view.markers[0]
            point = QPointF(view.chart_x(marker.time) + 1, 4 * GIB)
            view.hover(view.view_box.mapViewToScene(point))
            assert "Purge standby list" in view.readout.text()
        target = artifacts / f"view-{key}-{platform}.png"
        assert save_png(window.grab(), target)
        image = QImage(str(target))
        assert image.width() >= 1000 and image.height() >= 600
    window.empty_menu.aboutToShow.emit()
    assert len(window.history_view.markers) == 2


def test_screenshot_mode_renders_a_tab_exits_0_and_prints_no_plugin_noise(tmp_path, artifacts):
    if not sys.platform.startswith("linux"):
        pytest.skip("screenshot mode is checked with the Linux backend")
    # The lists tab: what is about the process (exit status, stderr, settings) is the same for every
    # tab, and the chart's pyqtgraph would be a third of the child's cost. The chart is rendered
    # in screenshot mode in-process (test_screenshot_mode_writes_jpeg_for_a_jpg_name).
    target = tmp_path / "lists.png"
    done = run_screenshot_mode(target, "lists", tmp_path)
    assert done.returncode == 0, done.stderr
    image = QImage(str(target))
    assert not image.isNull() and image.width() >= 1000
    assert not (tmp_path / "config").exists()
    assert "propagateSizeHints" not in done.stderr
    (artifacts / "screenshot-mode-lists.png").write_bytes(target.read_bytes())


def test_screenshot_mode_rejects_an_unknown_tab(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--screenshot", str(tmp_path / "x.png"), "--tab", "nope"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "no tab 'nope'; choose from lists, history, processes" in done.stderr


@pytest.mark.parametrize("mode", [["--screenshot", "x.png"], []], ids=["screenshot", "window"])
def test_an_unknown_tab_is_refused_before_the_window_is_built(tmp_path, monkeypatch, capsys, mode):
    from ui import main

    backend = FakeBackend(platform="windows")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("app.backends.detect", lambda: backend)
    monkeypatch.setattr("ui.mainwindow.MainWindow", lambda *a, **k: pytest.fail("the window was built"))
    assert main.run_gui([*mode, "--tab", "fragmentation"]) == 2  # a Linux tab
    assert "no tab 'fragmentation'; choose from lists, history, processes" in capsys.readouterr().err


def test_catalogue_labels_cover_trim():
    from ui.runner import action_title

    assert action_title(actions.TRIM_PROCESSES) == "Trim working set"
    assert action_title("standby-list") == "Purge standby list"


def test_screenshot_mode_paces_its_readings_as_told(make_window, tmp_path):
    from ui.main import ScreenshotPacing, take_screenshot

    backend = FakeBackend()
    window = make_window(backend)
    before = backend.samples_taken
    waits: list[float] = []
    pacing = ScreenshotPacing(samples=3, interval=0.5, settle=0.01, wait=waits.append)
    assert take_screenshot(window, str(tmp_path / "shot.png"), pacing) == 0
    assert waits == [0.5] * 3 + [0.01] * 5  # the pauses go through the injected wait, none elsewhere
    assert backend.samples_taken - before >= 3  # every reading is real
    assert (tmp_path / "shot.png").stat().st_size > 10000


def test_screenshot_mode_writes_jpeg_for_a_jpg_name(qtbot, tmp_path, artifacts):
    from ui.main import render_screenshot

    target = tmp_path / "history.jpg"
    assert render_screenshot(FakeBackend(), str(target), "history", QUICK_PACING) == 0
    assert target.read_bytes()[:3] == b"\xff\xd8\xff"  # JPEG's SOI marker, not PNG's signature
    image = QImage(str(target))
    assert image.width() >= 1000
    (artifacts / "screenshot-mode-history.jpg").write_bytes(target.read_bytes())


def test_screenshot_mode_refuses_a_format_it_cannot_write(tmp_path):
    done = run_screenshot_mode(tmp_path / "lists.gif", "lists", tmp_path)
    assert done.returncode == 2 and ".png or .jpg" in done.stderr
    assert not (tmp_path / "lists.gif").exists()


def test_screenshot_mode_says_why_it_could_not_write(tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("screenshot mode is checked with the Linux backend")
    done = run_screenshot_mode(tmp_path / "missing" / "lists.png", "lists", tmp_path)
    assert done.returncode == 1
    assert "could not write" in done.stderr and "No such file or directory" in done.stderr
    assert done.stdout == ""  # said before any window: no picture was rendered


def test_the_target_is_tried_without_a_trace(tmp_path):
    from ui.main import target_problem

    kept = tmp_path / "kept.png"
    kept.write_bytes(b"an earlier picture")
    assert target_problem(str(kept)) == ""
    assert kept.read_bytes() == b"an earlier picture"  # not emptied before the new one is rendered
    assert target_problem(str(tmp_path / "new.png")) == ""
    assert list(tmp_path.iterdir()) == [kept]  # the file made by the try is gone again
    assert target_problem(str(tmp_path)) == "Is a directory"
    assert target_problem(str(tmp_path / "missing" / "x.png")) == "No such file or directory"


def test_a_wrong_folder_is_said_before_memory_is_read(tmp_path, monkeypatch, capsys):
    from ui import main

    monkeypatch.setattr("app.backends.detect", lambda: pytest.fail("memory read first"))
    assert main.run_gui(["--screenshot", str(tmp_path / "missing" / "lists.png")]) == 1
    assert "could not write" in capsys.readouterr().err


def test_a_picture_that_cannot_be_saved_after_the_readings_says_why(make_window, tmp_path, capsys):
    from ui.main import ScreenshotPacing, take_screenshot

    window = make_window()
    pacing = ScreenshotPacing(samples=1, interval=0.0, settle=0.0)
    assert take_screenshot(window, str(tmp_path / "gone" / "lists.png"), pacing) == 1
    err = capsys.readouterr().err
    assert "could not write" in err and "No such file or directory" in err
