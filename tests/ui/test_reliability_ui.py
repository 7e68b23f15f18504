"""Issue 12 in the window: corrupt settings, one window per settings store, files read off the UI
thread, the cooldown floor, and --screenshot leaving nothing behind.

Each test failed before the fix: nested JSON in a setting raised RecursionError while the window
was built (every start, until the file was edited); ``view/refresh=abc`` read as 0.0 and started
the window paused without a word; a second window simply opened; the window read files on the UI
thread (a FIFO froze it); a 5 s cooldown equal to its maximum was accepted; each screenshot left a
``ramlens-shot-*`` folder in the temp folder.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app import snapshot as snap
from app.autoclean import AutoCleanSettings, SettingsError
from tests.fake_backend import FakeBackend
from tests.snapshot_samples import snapshot
from ui import singleinstance

ROOT = Path(__file__).resolve().parents[2]


def test_deeply_nested_json_in_a_setting_starts_with_the_defaults_and_one_note(make_window, settings):
    settings.setValue("autoclean/settings", "[" * 20_000 + "]" * 20_000)
    settings.setValue("view/refresh", "abc")
    window = make_window(FakeBackend(), settings)
    assert window.autoclean.controller.engine.settings == AutoCleanSettings()
    assert window.sampler.interval == 1.0  # not 0.0: a junk value does not start the window paused
    note = window.result_label.text()
    assert note.startswith("Some saved settings were invalid and have their defaults:")
    assert (
        "view/refresh ('abc' is not one of the choices)" in note
        and "auto-clean settings (nested too deeply)" in note
    )
    assert window.message_bar.level == "warning"


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("view/refresh", "nan", "view/refresh"),
        ("view/refresh", "3", "not one of the choices"),
        ("view/span", "1e400", "view/span"),
        ("autoclean/settings", '{"usage_percent": "ninety"}', "usage_percent"),
        ("autoclean/settings", "not json", "not JSON"),
        ("autoclean/settings", "x" * 70_000, "70,000 characters long"),
    ],
)
def test_each_junk_value_falls_back_and_is_named(make_window, settings, key, value, words):
    settings.setValue(key, value)
    window = make_window(FakeBackend(), settings)
    assert words in window.result_label.text()
    assert window.sampler.interval == 1.0 and window.history_view.span == 300


def test_an_ini_line_with_commas_is_named_not_dropped(make_window, tmp_path):
    path = tmp_path / "handmade.ini"
    path.write_text('[autoclean]\nsettings={"enabled": true, "usage_percent": 80}\n')  # unquoted: a list
    window = make_window(FakeBackend(), QSettings(str(path), QSettings.Format.IniFormat))
    assert "auto-clean settings (not a single JSON text)" in window.result_label.text()


def test_a_second_start_on_the_same_settings_hands_over(qtbot, tmp_path):
    first = singleinstance.claim(str(tmp_path / "a.ini"))
    assert first is not None
    try:
        with qtbot.waitSignal(first.raise_requested, timeout=5000):
            assert singleinstance.claim(str(tmp_path / "a.ini")) is None
        other = singleinstance.claim(str(tmp_path / "b.ini"))  # other settings: a window of its own
        assert other is not None
        other.server.close()
    finally:
        first.server.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="starts the real window on the live backend")
def test_two_ramlens_windows_the_second_exits_0_and_the_cli_is_unaffected(tmp_path):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path),
        "HOME": str(tmp_path),
    }
    start = [sys.executable, "-m", "ui.launcher"]
    name = singleinstance.server_name(str(tmp_path / "RAMLens" / "RAMLens.conf"))
    first = subprocess.Popen(start, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_listener(name, first)
        second = subprocess.run(start, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0
        assert "already open; brought it to the front" in second.stderr
        assert first.poll() is None  # the first window is still there
        status = subprocess.run(
            [*start, "status", "--json"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
        )
        assert status.returncode == 0 and '"total_bytes"' in status.stdout
    finally:
        first.kill()
        first.wait()
        # A killed window cannot remove its socket file, and pytest may give a later run this same tmp_path
        # (so the same name): a file left here made that run's second window start before its first listened.
        (Path(tempfile.gettempdir()) / name).unlink(missing_ok=True)


def _wait_for_listener(name: str, process: subprocess.Popen[str]) -> None:
    """Until the first window listens (a connection to its socket is accepted, not merely a file there:
    one may be left by a killed window); fails if it exits instead."""
    path = Path(tempfile.gettempdir()) / name
    for _ in range(600):
        with socket.socket(socket.AF_UNIX) as probe:
            if probe.connect_ex(str(path)) == 0:
                return
        assert process.poll() is None, process.stderr.read() if process.stderr else "exited"
        threading.Event().wait(0.1)
    pytest.fail("the first window never listened")


def test_open_reads_the_file_off_the_ui_thread(make_window, tmp_path, monkeypatch):
    window = make_window()
    path = tmp_path / "s.json"
    snap.save(path, snapshot())
    readers: list[threading.Thread] = []
    real_load = snap.load

    def spying_load(p):  # type: ignore[no-untyped-def]
        readers.append(threading.current_thread())
        return real_load(p)

    monkeypatch.setattr(snap, "load", spying_load)
    assert window.snapshots.open_path(str(path)) is not None
    assert window.snapshots.compare(str(path), str(path)) is not None
    assert len(readers) == 3 and threading.main_thread() not in readers


@pytest.mark.skipif(os.name != "posix", reason="FIFOs are POSIX")
def test_opening_a_fifo_in_the_window_says_why_and_returns(make_window, tmp_path):
    window = make_window()
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert window.snapshots.open_path(str(fifo)) is None
    assert "is a FIFO (named pipe), not a snapshot file" in window.snapshots.last_error.text()


def test_cooldown_has_a_floor_and_room_to_back_off(make_window, qtbot):
    with pytest.raises(SettingsError, match="cooldown_seconds"):
        AutoCleanSettings(cooldown_seconds=5)
    with pytest.raises(SettingsError, match="max_cooldown_seconds"):
        AutoCleanSettings(cooldown_seconds=60, max_cooldown_seconds=60)
    window = make_window()
    dialog = window.autoclean.open_settings()
    qtbot.waitExposed(dialog)
    assert dialog.cooldown.minimum() == 30
    dialog.cooldown.setValue(600)
    dialog.max_cooldown.setValue(600)
    dialog._accept()
    assert dialog.result_settings is None and "Max_cooldown_seconds" in dialog.error_label.text()
    dialog.reject()


def test_screenshot_leaves_no_folder_behind(qtbot, tmp_path, monkeypatch):
    from ui import main

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.setattr("app.backends.detect", FakeBackend)
    shot = tmp_path / "shot.png"
    assert (
        main.run_gui(["--screenshot", str(shot)], main.ScreenshotPacing(samples=1, interval=0.0, settle=0.0))
        == 0
    )
    assert shot.stat().st_size > 0
    assert list(scratch.iterdir()) == []
