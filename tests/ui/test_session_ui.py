"""Tools › Start with the session, Start as administrator without the prompt, Global hotkey…"""

from __future__ import annotations

import ctypes
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.backends.base import Capabilities
from app.backends.linux.autostart import XdgAutostart
from app.backends.windows import win32
from tests.fake_backend import FakeBackend
from tests.ui.helpers import menu_action
from tests.windows.conftest import backend_on
from tests.windows.fake_kernel import ERROR_ACCESS_DENIED, FakeWindows
from tests.windows.published import RUN_KEY, WIN32
from ui import session


def _on_windows(make_window, **fake_kwargs):  # type: ignore[no-untyped-def]
    """A window whose session capabilities are the Windows backend's over a fake kernel."""
    fake = FakeWindows(**fake_kwargs)
    windows, schtasks = backend_on(fake)
    window = make_window(FakeBackend(platform="windows", capabilities=windows.capabilities()))
    return fake, schtasks, window, window.plugins["session"]


def test_the_tools_menu_offers_what_the_backend_can(make_window, tmp_path: Path) -> None:
    _fake, _tasks, window, _ui = _on_windows(make_window)
    tools = window.plugins["autoclean"].tools_menu
    for text in ("Start with the session", "Start as administrator without the prompt", "Global hotkey…"):
        assert menu_action(tools, text).isEnabled()
    linux = make_window(
        FakeBackend(capabilities=Capabilities(session_start=XdgAutostart(tmp_path, ["ramlens"])))
    )
    texts = [a.text() for a in linux.plugins["autoclean"].tools_menu.actions()]
    assert "Start with the session" in texts and "Global hotkey…" not in texts
    assert make_window(FakeBackend()).plugins.get("session") is None  # nothing offered: nothing added


def test_start_with_the_session_writes_the_autostart_entry(make_window, tmp_path: Path) -> None:
    start = XdgAutostart(tmp_path / "autostart", ["ramlens"])
    window = make_window(FakeBackend(capabilities=Capabilities(session_start=start)))
    action = window.plugins["session"].start_action
    action.trigger()
    assert (tmp_path / "autostart" / "ramlens.desktop").is_file() and action.isChecked()
    assert window.message_bar.level == "success"
    action.trigger()
    assert not (tmp_path / "autostart" / "ramlens.desktop").exists()


def test_a_refused_run_key_is_said_and_the_check_mark_goes_back(make_window) -> None:
    fake, _tasks, window, ui = _on_windows(make_window)
    ui.start_action.trigger()
    assert fake.registry[(RUN_KEY[0].lower(), "ramlens")][1].decode("utf-16-le").endswith("--minimized\0")
    ui.start_action.trigger()
    fake.registry_error = ERROR_ACCESS_DENIED
    ui.start_action.trigger()
    assert not ui.start_action.isChecked()
    assert window.message_bar.level == "error" and "ERROR_ACCESS_DENIED" in window.message_bar.label.text()


def test_skip_uac_installs_and_removes_the_task(make_window) -> None:
    _fake, tasks, _window, ui = _on_windows(make_window)
    ui.skip_uac_action.trigger()
    assert len(tasks.tasks) == 1 and "<LogonTrigger>" not in next(iter(tasks.tasks.values()))
    ui.skip_uac_action.trigger()
    assert tasks.tasks == {}


def test_the_hotkey_dialog_keeps_its_input_on_a_refusal_and_the_hotkey_runs_the_clean(
    make_window, qtbot, settings
) -> None:
    fake, _tasks, window, ui = _on_windows(make_window)
    fake.taken_by_others.add((WIN32["MOD_CONTROL"][0] | WIN32["MOD_ALT"][0], ord("M")))
    dialog = ui.open_hotkey_dialog()
    dialog.enabled.setChecked(True)
    dialog.action.setCurrentIndex(dialog.action.findData("registry-cache"))  # asks no question
    dialog.keys.setText("Ctrl+Alt+M")
    dialog.accept()
    assert dialog.isVisible() and "another program already uses" in dialog.error.text()
    assert dialog.keys.text() == "Ctrl+Alt+M"  # what was typed stays
    dialog.keys.setText("Ctrl+Alt+R")
    dialog.accept()
    assert not dialog.isVisible()
    hwnd = int(window.winId())
    assert fake.hotkeys[(hwnd, session.HOTKEY_ID)][1] == ord("R")
    assert settings.value(session.SETTING_HOTKEY) == "Ctrl+Alt+R"
    msg = win32.MSG(hwnd=hwnd, message=WIN32["WM_HOTKEY"][0], wParam=session.HOTKEY_ID)
    handled, _result = ui.filter.nativeEventFilter(session.NATIVE_MESSAGE, ctypes.addressof(msg))
    assert handled
    with qtbot.waitSignal(window.runner.finished, timeout=5000) as finished:
        QApplication.processEvents()
    assert finished.args[0].action_id == "registry-cache"
    msg.message = 0x0100  # WM_KEYDOWN: not ours
    assert ui.filter.nativeEventFilter(session.NATIVE_MESSAGE, ctypes.addressof(msg)) == (False, 0)
