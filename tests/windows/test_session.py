"""Start with the session (the per-user Run key) and the global hotkey, on the fake kernel."""

from __future__ import annotations

import ctypes

import pytest

from app.backends.base import ActionError
from app.backends.windows import win32
from app.hotkey import parse
from tests.windows.conftest import Make
from tests.windows.fake_kernel import ERROR_ACCESS_DENIED, REG_SZ
from tests.windows.published import RUN_KEY, WIN32


def test_start_with_the_session_writes_the_run_value_and_removes_it(make: Make) -> None:
    fake, backend = make()
    start = backend.capabilities().session_start
    assert start is not None and not start.enabled()
    start.enable()
    kind, raw = fake.registry[(RUN_KEY[0].lower(), "ramlens")]
    command = raw.decode("utf-16-le").rstrip("\0")
    assert kind == REG_SZ and command.endswith("--minimized") and command.startswith('"')
    assert start.enabled() and "CurrentVersion\\Run\\RAMLens" in start.location()
    start.disable()
    assert not start.enabled() and fake.registry == {}
    start.disable()  # already absent: nothing to do, no error


def test_a_refused_run_key_says_why(make: Make) -> None:
    fake, backend = make(registry_error=ERROR_ACCESS_DENIED)
    start = backend.capabilities().session_start
    assert start is not None
    with pytest.raises(ActionError, match="ERROR_ACCESS_DENIED"):
        start.enable()


def test_the_hotkey_is_registered_with_its_modifiers_and_key(make: Make) -> None:
    fake, backend = make()
    hotkeys = backend.capabilities().hotkeys
    assert hotkeys is not None
    hotkeys.register(0x5150, 7, parse("Ctrl+Alt+M"))
    mods = WIN32["MOD_CONTROL"][0] | WIN32["MOD_ALT"][0] | WIN32["MOD_NOREPEAT"][0]
    assert fake.hotkeys == {(0x5150, 7): (mods, ord("M"))}
    hotkeys.register(0x5150, 8, parse("Shift+F1"))
    assert fake.hotkeys[(0x5150, 8)][1] == 0x70  # VK_F1
    hotkeys.unregister(0x5150, 7)
    assert (0x5150, 7) not in fake.hotkeys


def test_a_hotkey_another_program_holds_is_refused_with_the_reason(make: Make) -> None:
    fake, backend = make()
    fake.taken_by_others.add((WIN32["MOD_CONTROL"][0] | WIN32["MOD_ALT"][0], ord("M")))
    hotkeys = backend.capabilities().hotkeys
    assert hotkeys is not None
    with pytest.raises(ActionError, match="another program already uses"):
        hotkeys.register(0x5150, 7, parse("Ctrl+Alt+M"))
    assert fake.hotkeys == {}


def test_wm_hotkey_is_read_out_of_the_native_message(make: Make) -> None:
    _fake, backend = make()
    hotkeys = backend.capabilities().hotkeys
    assert hotkeys is not None
    msg = win32.MSG(hwnd=0x5150, message=WIN32["WM_HOTKEY"][0], wParam=7)
    assert hotkeys.pressed(ctypes.addressof(msg)) == 7
    msg.message = 0x0100  # WM_KEYDOWN
    assert hotkeys.pressed(ctypes.addressof(msg)) is None
