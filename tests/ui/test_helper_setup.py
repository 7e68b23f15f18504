"""The window's part of the helper: "Set up…" on the not-elevated bar, Tools-menu entries, no restart needed.

A stand-in for the backend's helper_setup capability records the calls and, when "installed", makes
the root-only actions available, as the real Linux backend does after it probes its rights again
(tests/test_helper_e2e.py drives the real one through pkexec and polkitd).
"""

from __future__ import annotations

import pytest

from app.backends.base import Capabilities
from app.helper_state import HelperState, SetupResult
from tests.fake_backend import FakeBackend
from tests.ui.conftest import ARTIFACTS
from tests.ui.helpers import save_png

ROOT_ONLY = {"standby-list": "needs root", "kernel-caches": "needs root", "compact": "needs root"}


class FakeSetup:
    """Implements HelperSetupSource; ``install`` grants the backend the root-only actions."""

    def __init__(self, backend: FakeBackend, installed: bool = False, current: bool = True, fail: str = ""):
        self.backend = backend
        self.installed = installed
        self.current = current
        self.fail = fail
        self.calls: list[tuple[str, bool]] = []

    def state(self) -> HelperState:
        if not self.installed:
            return HelperState(False, False, "not installed")
        return HelperState(True, self.current, "installed" if self.current else "installed, older")

    def install(self, no_password: bool = False) -> SetupResult:
        self.calls.append(("install", no_password))
        if self.fail:
            return SetupResult(False, self.fail)
        self.installed = self.current = True
        self.backend.unavailable = {}
        self.backend.via_helper = True
        return SetupResult(True, "installed the privileged helper")

    def uninstall(self) -> SetupResult:
        self.calls.append(("uninstall", False))
        self.installed = False
        self.backend.unavailable = dict(ROOT_ONLY)
        return SetupResult(True, "removed the privileged helper")


class HelperBackend(FakeBackend):
    def __init__(self, **kw: object):
        super().__init__(privileged=False, unavailable=ROOT_ONLY, **kw)  # type: ignore[arg-type]
        self.setup = FakeSetup(self)

    def capabilities(self) -> Capabilities:
        return Capabilities(helper_setup=self.setup)


def test_set_up_makes_greyed_actions_available_without_restart(make_window, qtbot, monkeypatch) -> None:
    backend = HelperBackend()
    window = make_window(backend)
    ui = window.plugins["helper_setup"]
    button = ui.bar_button
    assert button is not None and button.isVisible() and button.text() == "Set up…"
    assert not window.empty_menu.items["standby-list"].isEnabled()
    assert window.empty_menu.items["modified-list"].isEnabled()
    assert ui.install_action.isEnabled() and not ui.uninstall_action.isEnabled()
    ARTIFACTS.mkdir(exist_ok=True)
    save_png(window.elevation_bar.grab(), ARTIFACTS / "helper-setup-bar.png")
    monkeypatch.setattr(ui, "ask_password_choice", lambda: True)
    with qtbot.waitSignal(ui.finished, timeout=10000) as blocker:
        button.click()
    assert blocker.args[0].ok
    assert backend.setup.calls == [("install", True)]  # the choice in the dialog reaches the set-up
    assert window.empty_menu.items["standby-list"].isEnabled()
    assert not button.isVisible()
    assert window.message_bar.level == "success" and "installed" in window.message_bar.label.text()
    assert ui.uninstall_action.isEnabled() and not ui.install_action.isEnabled()


def test_the_dialog_offers_the_password_choice_unticked(make_window) -> None:
    window = make_window(HelperBackend())
    box = window.plugins["helper_setup"].password_dialog()
    box.show()
    save_png(box.grab(), ARTIFACTS / "helper-setup-dialog.png")
    assert box.checkBox().text() == "Don't ask for a password in my desktop session"
    assert not box.checkBox().isChecked()  # off by default
    assert "administrator password" in box.text() and box.informativeText().startswith("If you tick this")
    box.close()


def test_cancelling_the_dialog_changes_nothing(make_window, monkeypatch) -> None:
    backend = HelperBackend()
    window = make_window(backend)
    monkeypatch.setattr(window.plugins["helper_setup"], "ask_password_choice", lambda: None)
    window.plugins["helper_setup"].bar_button.click()
    assert backend.setup.calls == [] and not window.plugins["helper_setup"].busy


def test_an_older_helper_offers_an_update_and_a_failure_is_shown(make_window, qtbot, monkeypatch) -> None:
    backend = HelperBackend()
    backend.setup.installed, backend.setup.current = True, False
    backend.setup.fail = "authentication was cancelled or refused: nothing was changed"
    window = make_window(backend)
    ui = window.plugins["helper_setup"]
    assert ui.bar_button.text() == "Update helper…" and ui.bar_button.isVisible()
    assert ui.install_action.text() == "Update privileged &helper…"
    monkeypatch.setattr(ui, "ask_password_choice", lambda: False)
    with qtbot.waitSignal(ui.finished, timeout=10000):
        ui.install_action.trigger()
    assert backend.setup.calls == [("install", False)]
    assert window.message_bar.level == "error"
    assert "nothing was changed" in window.message_bar.label.text()
    assert not window.empty_menu.items["standby-list"].isEnabled()


def test_remove_from_the_tools_menu_greys_the_actions_again(make_window, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    backend = HelperBackend()
    backend.setup.install()
    backend.setup.calls.clear()
    window = make_window(backend)
    ui = window.plugins["helper_setup"]
    assert window.empty_menu.items["standby-list"].isEnabled() and not ui.bar_button.isVisible()
    tools = [a.menu() for a in window.menuBar().actions() if a.menu() and "Tools" in a.menu().title()]
    assert len(tools) == 1 and ui.uninstall_action in tools[0].actions()  # joins auto-clean's Tools menu
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(ui.finished, timeout=10000):
        ui.uninstall_action.trigger()
    assert backend.setup.calls == [("uninstall", False)]
    assert not window.empty_menu.items["standby-list"].isEnabled()
    assert ui.bar_button.isVisible() and ui.bar_button.text() == "Set up…"


@pytest.mark.parametrize("privileged", [True, False])
def test_no_capability_no_set_up(make_window, privileged: bool) -> None:
    window = make_window(FakeBackend(privileged=privileged))
    assert "helper_setup" not in window.plugins
    from PySide6.QtWidgets import QPushButton

    if window.elevation_bar is not None:
        assert window.elevation_bar.findChildren(QPushButton) == []
