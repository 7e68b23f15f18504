"""The not-elevated bar: the backend's note on Linux, "Restart as administrator" on Windows."""

from __future__ import annotations

from tests.fake_backend import FakeBackend


def test_linux_not_root_shows_the_backend_note(make_window):
    backend = FakeBackend(privileged=False)
    window = make_window(backend)
    assert window.elevation_bar is not None and window.elevation_bar.isVisible()
    assert window.elevation_bar.label.text() == backend.privilege_note()
    assert window.elevation_bar.relaunch_button is None
    assert "not root" in window.backend_label.text()


def test_windows_offers_restart_as_administrator(make_window, qtbot, monkeypatch):
    monkeypatch.setattr("sys.argv", ["ramlens", "--tab", "history"])
    backend = FakeBackend(platform="windows", privileged=False)
    window = make_window(backend)
    assert "not administrator" in window.backend_label.text()
    button = window.elevation_bar.relaunch_button
    assert button is not None and button.text() == "Restart as administrator"
    button.click()
    assert backend.calls == [("relaunch", "--tab", "history")]
    assert not window.isVisible()  # the elevated copy takes over


def test_a_refused_restart_is_explained(make_window):
    backend = FakeBackend(platform="windows", privileged=False, relaunch_error="the UAC prompt was cancelled")
    window = make_window(backend)
    window.elevation_bar.relaunch_button.click()
    assert window.isVisible()
    assert window.message_bar.level == "error"
    assert "the UAC prompt was cancelled" in window.message_bar.label.text()
