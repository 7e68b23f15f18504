"""The Empty menu, built once from app/policy.py's model; the menu bar, the toolbar and the tray share it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from app import actions, policy
from app.backends.base import Backend
from ui.runner import ActionRunner


class EmptyMenu(QMenu):
    """One item per action of this platform, then "Empty all"; disabled items say why in their tooltip.

    Availability is asked again each time the menu opens (the helper may have been set up since);
    the items say which action runs and which wait.
    """

    def __init__(
        self, backend: Backend, runner: ActionRunner, request: Callable[[str], object], parent: QWidget
    ):
        super().__init__("&Empty", parent)
        self.backend = backend
        self.runner = runner
        self.setToolTipsVisible(True)
        self.items: dict[str, QAction] = {}
        for decision in policy.menu(backend.availability(), backend.platform):
            if decision.action_id == actions.ALL:
                self.addSeparator()
            item = QAction(decision.label, self)
            item.triggered.connect(lambda _=False, i=decision.action_id: request(i))
            self.addAction(item)
            self.items[decision.action_id] = item
        self.aboutToShow.connect(self.refresh)
        runner.queue_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Texts, tooltips and enabled state from the policy, the running action and the queue."""
        current = self.runner.current
        pending = self.runner.pending
        availability = self.backend.availability()
        for action_id, item in self.items.items():
            decision = policy.decide(availability, action_id, self.backend.platform)
            text = decision.label
            if action_id == current:
                text += " — running…"
            elif action_id in pending:
                text += " — waiting"
            item.setText(text)
            item.setEnabled(decision.can_run)
            item.setToolTip(decision.tooltip)
