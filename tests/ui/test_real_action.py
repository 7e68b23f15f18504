"""End to end: a real Linux action, as root, through the window's Empty menu."""

from __future__ import annotations

import os
import sys

import pytest

from tests.ui.helpers import answer_dialog, click_menu_item, press_message_box

pytestmark = pytest.mark.root


def _linux_backend():  # type: ignore[no-untyped-def]
    if not sys.platform.startswith("linux"):
        pytest.skip("needs Linux")
    if os.geteuid() != 0:
        pytest.skip("needs root: purging the page cache writes /proc/sys/vm/drop_caches")
    from app.backends.linux import LinuxBackend

    return LinuxBackend()


def test_purge_standby_list_for_real(make_window, qtbot, tmp_path):
    backend = _linux_backend()
    # 64 MiB of clean page cache that the purge will certainly drop.
    cached = tmp_path / "cache-me"
    with open(cached, "wb") as fh:
        fh.write(os.urandom(1 << 20) * 64)
        fh.flush()
        os.fsync(fh.fileno())
    window = make_window(backend)
    before = window.sampler.sample_now()
    assert before is not None and before.bytes_of("standby") >= 48 << 20
    answer_dialog(press_message_box("Purge standby list"))
    with qtbot.waitSignal(window.runner.finished, timeout=60000) as finished:
        click_menu_item(qtbot, window.empty_menu, "Purge standby list")
    result = finished.args[0]
    assert result.ok, result.message
    assert result.after.bytes_of("standby") < result.before.bytes_of("standby") - (32 << 20)
    assert window.message_bar.level == "success"
    assert "Standby −" in window.message_bar.label.text()
    assert len(window.history_view.markers) == 1
    qtbot.waitUntil(lambda: window.sampler.latest.time >= result.after.time, timeout=5000)


def test_purge_kernel_caches_for_real(make_window, qtbot):
    window = make_window(_linux_backend())
    with qtbot.waitSignal(window.runner.finished, timeout=60000) as finished:
        click_menu_item(qtbot, window.empty_menu, "Purge kernel caches")
    assert finished.args[0].ok, finished.args[0].message
    assert window.message_bar.label.text().startswith("Purge kernel caches: ")
