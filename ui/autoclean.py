"""Auto-clean in the window: the engine driven by the sampler, its settings dialog, its log, its state.

The engine (app/autoclean.py) decides; this module feeds it every sample, runs what it decides
through the window's action runner as *automatic* jobs (so the history chart marks them as
auto-clean), hands the results back, and shows its state where a person will see it: the
status bar, the Tools menu, the log tab and the tray. Settings persist in QSettings as JSON.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import actions
from app.autoclean import (
    MIN_COOLDOWN,
    STUTTER_ACTIONS,
    STUTTER_ADVICE,
    AutoClean,
    AutoCleanSettings,
    Event,
    EventKind,
    SettingsError,
    State,
    Status,
    stutter_actions,
)
from app.backends.base import Availability
from app.model import ActionResult, Sample
from ui.i18n import translate
from ui.storedsettings import SettingsProblems, read_json

if TYPE_CHECKING:
    from ui.window_api import WindowApi

SETTINGS_KEY = "autoclean/settings"
SETTING_LOG_VISIBLE = "autoclean/log_visible"
LOG_ROWS = 500
NOT_RUNNING_STYLE = "color: #b3261e; font-weight: bold"
RUNNING_STYLE = "color: #2f8a46"
EVENT_COLORS = {
    EventKind.FIRED: "#6b5bd6",
    EventKind.DONE: "#2f8a46",
    EventKind.FAILED: "#b3261e",
    EventKind.BLOCKED: "#b3261e",
}


def load_settings(store: QSettings) -> tuple[AutoCleanSettings, str]:
    """The saved settings, or the defaults and what was wrong with the saved ones ("" when nothing)."""
    problems = SettingsProblems()
    data = read_json(store, SETTINGS_KEY, problems, "auto-clean settings")
    if data is not None:
        try:
            return AutoCleanSettings.from_dict(data), ""
        except (ValueError, TypeError) as exc:  # SettingsError, wrong types: a hand-edited or old file
            problems.add("auto-clean settings", str(exc))
    return AutoCleanSettings(), "; ".join(problems.found)


def save_settings(store: QSettings, settings: AutoCleanSettings) -> None:
    """Persist the settings (as one JSON value, validated on the way back in)."""
    store.setValue(SETTINGS_KEY, json.dumps(settings.to_dict()))
    store.sync()


def status_text(status: Status, settings: AutoCleanSettings) -> str:
    """The engine's status in the window's language (the engine's own text is English, for the CLI)."""
    if status.state is not State.ON:
        return translate("autoclean", status.text)
    rules = []
    if settings.usage_rule:
        rules.append(
            translate("autoclean", "in use > {percent} %").format(percent=f"{settings.usage_percent:g}")
        )
    if settings.standby_rule:
        rules.append(translate("autoclean", "standby > {size} GiB").format(size=f"{settings.standby_gib:g}"))
    if settings.interval_rule:
        rules.append(translate("autoclean", "every {minutes} min").format(minutes=settings.interval_minutes))
    text = translate("autoclean", "on: {rules}").format(rules=", ".join(rules))
    if status.failures:
        text += translate("autoclean", "; backing off ({count} clean(s) did not help)").format(
            count=status.failures
        )
    return text


class AutoCleanController(QObject):
    """Connects the engine to the sampler and the runner; owns the persisted settings."""

    status_changed = Signal(object)  # the engine's Status
    event_logged = Signal(object)  # app.autoclean.Event

    def __init__(self, window: WindowApi):
        super().__init__(window.widget)
        self.window = window
        settings, self.settings_problem = load_settings(window.settings)
        self.engine = AutoClean(settings, window.backend.availability(), on_event=self.event_logged.emit)
        self._last_status = ""
        window.sampler.sampled.connect(self.on_sample)
        window.runner.job_finished.connect(self.on_job_finished)

    def on_sample(self, sample: Sample) -> None:
        """Ask the engine; run what it decides as automatic jobs."""
        decision = self.engine.consider(sample)
        if decision.fire:
            for action_id in decision.run:
                self.window.runner.run(action_id, automatic=True)
        self._emit_status()

    def on_job_finished(self, result: ActionResult, automatic: bool) -> None:
        """Hand the engine the results of its own jobs (a person's actions are not its business)."""
        if automatic:
            self.engine.finished(result)
            self._emit_status()

    def apply(self, settings: AutoCleanSettings) -> None:
        """Use and persist new settings; re-reads what the backend can run (rights may have changed)."""
        self.engine.set_availability(self.window.backend.availability())
        self.engine.configure(settings)
        save_settings(self.window.settings, settings)
        self._emit_status(force=True)

    def set_enabled(self, on: bool) -> None:
        """The on/off switch of the Tools menu and the tray."""
        if on != self.engine.settings.enabled:
            self.apply(replace(self.engine.settings, enabled=on))

    def _emit_status(self, force: bool = False) -> None:
        status = self.engine.status()
        if force or status.text != self._last_status:
            self._last_status = status.text
            self.status_changed.emit(status)


def stutter_warning_text(action_ids: list[str]) -> str:
    """app.autoclean.stutter_warning in the window's language ("" when no chosen action stutters)."""
    chosen = stutter_actions(action_ids)
    if not chosen:
        return ""
    lines = [
        translate("AutoCleanDialog", "{action}: {effect}").format(
            action=translate("actions", a.label), effect=translate("actions", a.effect)
        )
        for a in chosen
    ]
    return "\n".join([*lines, translate("autoclean", STUTTER_ADVICE)])


class AutoCleanDialog(QDialog):
    """Tools › Auto-clean settings: rules, actions (with the stutter warning), cooldown, and the state."""

    def __init__(
        self,
        settings: AutoCleanSettings,
        availability: tuple[Availability, ...],
        status: Status,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(translate("AutoCleanDialog", "Auto-clean"))
        self.setMinimumWidth(560)
        column = QVBoxLayout(self)

        self.enabled = QCheckBox(translate("AutoCleanDialog", "Clean automatically"))
        self.enabled.setChecked(settings.enabled)
        column.addWidget(self.enabled)
        self.status_label = QLabel(
            translate("AutoCleanDialog", "Now: {text}").format(text=status_text(status, settings))
        )
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet(NOT_RUNNING_STYLE if status.state is State.NOT_RUNNING else "")
        column.addWidget(self.status_label)

        rules = QGroupBox(translate("AutoCleanDialog", "When"))
        form = QFormLayout(rules)
        self.usage_rule = QCheckBox(translate("AutoCleanDialog", "Memory in use is above"))
        self.usage_rule.setChecked(settings.usage_rule)
        self.usage_percent = QDoubleSpinBox()
        self.usage_percent.setRange(1, 99)
        self.usage_percent.setDecimals(0)
        self.usage_percent.setSuffix(" %")
        self.usage_percent.setValue(settings.usage_percent)
        form.addRow(self.usage_rule, self.usage_percent)
        self.standby_rule = QCheckBox(translate("AutoCleanDialog", "Standby is above"))
        self.standby_rule.setChecked(settings.standby_rule)
        self.standby_gib = QDoubleSpinBox()
        self.standby_gib.setRange(0.1, 1 << 20)
        self.standby_gib.setDecimals(1)
        self.standby_gib.setSuffix(" GiB")
        self.standby_gib.setValue(settings.standby_gib)
        form.addRow(self.standby_rule, self.standby_gib)
        self.interval_rule = QCheckBox(translate("AutoCleanDialog", "Every"))
        self.interval_rule.setChecked(settings.interval_rule)
        self.interval_minutes = QSpinBox()
        self.interval_minutes.setRange(1, 7 * 24 * 60)
        self.interval_minutes.setSuffix(" min")
        self.interval_minutes.setValue(settings.interval_minutes)
        form.addRow(self.interval_rule, self.interval_minutes)
        self.cooldown = QSpinBox()
        self.cooldown.setRange(int(MIN_COOLDOWN), 24 * 3600)
        self.cooldown.setSuffix(" s")
        self.cooldown.setValue(int(settings.cooldown_seconds))
        self.cooldown.setToolTip(
            translate(
                "AutoCleanDialog",
                "The least time between two automatic cleans. When a clean does not "
                "bring memory below the threshold the wait doubles each time (up to "
                "the maximum) instead of cleaning in a loop.",
            )
        )
        form.addRow(translate("AutoCleanDialog", "Wait at least"), self.cooldown)
        self.max_cooldown = QSpinBox()
        self.max_cooldown.setRange(2 * int(MIN_COOLDOWN), 7 * 24 * 3600)
        self.max_cooldown.setSuffix(" s")
        self.max_cooldown.setValue(int(settings.max_cooldown_seconds))
        form.addRow(translate("AutoCleanDialog", "Back off to at most"), self.max_cooldown)
        column.addWidget(rules)

        chosen = QGroupBox(translate("AutoCleanDialog", "Run"))
        actions_column = QVBoxLayout(chosen)
        self.action_boxes: dict[str, QCheckBox] = {}
        for avail in availability:
            box = QCheckBox(translate("actions", actions.label(avail.action_id)))
            box.setChecked(avail.action_id in settings.actions)
            tip = translate("actions", actions.get(avail.action_id).description)
            if not avail.available:
                box.setText(
                    translate("AutoCleanDialog", "{text} — unavailable: {reason}").format(
                        text=box.text(), reason=translate("reasons", avail.reason)
                    )
                )
                tip = translate("reasons", avail.reason)
            elif avail.prompts:
                box.setText(
                    translate("AutoCleanDialog", "{text} — needs root for automatic cleans").format(
                        text=box.text()
                    )
                )
            box.setToolTip(tip)
            box.toggled.connect(self._update_warning)
            actions_column.addWidget(box)
            self.action_boxes[avail.action_id] = box
        self.warning = QLabel("")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "background: #fff4d6; border: 1px solid #e0a43a; padding: 6px; color: #5a4100"
        )
        actions_column.addWidget(self.warning)
        column.addWidget(chosen)

        self.error_label = QLabel("")
        self.error_label.setStyleSheet(NOT_RUNNING_STYLE)
        self.error_label.setWordWrap(True)
        column.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.result_settings: AutoCleanSettings | None = None
        self._update_warning()

    def _update_warning(self) -> None:
        chosen = [a for a, box in self.action_boxes.items() if box.isChecked()]
        text = stutter_warning_text(chosen)
        changed = self.warning.text() != (f"⚠ {text}" if text else "")
        self.warning.setText(f"⚠ {text}" if text else "")
        stutter = any(a in STUTTER_ACTIONS for a in chosen)
        if stutter != self.warning.isVisibleTo(self) or changed:
            self.warning.setVisible(stutter)
            # Make room for the warning (or give it back) instead of clipping it: a dialog's layout
            # does not ask a wrapped label for its height at this width, so say it.
            self.warning.setMinimumHeight(self.warning.heightForWidth(max(self.warning.width(), 400)))
            self.adjustSize()

    def settings(self) -> AutoCleanSettings:
        """The settings as the dialog shows them; SettingsError when they are not valid."""
        chosen = tuple(a for a, box in self.action_boxes.items() if box.isChecked())
        return AutoCleanSettings(
            enabled=self.enabled.isChecked(),
            usage_rule=self.usage_rule.isChecked(),
            usage_percent=float(self.usage_percent.value()),
            standby_rule=self.standby_rule.isChecked(),
            standby_gib=float(self.standby_gib.value()),
            interval_rule=self.interval_rule.isChecked(),
            interval_minutes=int(self.interval_minutes.value()),
            actions=chosen,
            cooldown_seconds=float(self.cooldown.value()),
            max_cooldown_seconds=float(self.max_cooldown.value()),
        )

    def _accept(self) -> None:
        try:
            self.result_settings = self.settings()
        except SettingsError as exc:
            self.error_label.setText(str(exc).capitalize())
            return
        self.accept()


class AutoCleanLogView(QWidget):
    """The auto-clean log: the state in words, an on/off switch, and every decision the engine made."""

    def __init__(
        self,
        controller: AutoCleanController,
        open_settings: Callable[[], object],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.controller = controller
        top = QHBoxLayout()
        self.state = QLabel("")
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.state, 1)
        settings_button = QPushButton(translate("AutoCleanLogView", "Settings…"))
        settings_button.clicked.connect(open_settings)
        top.addWidget(settings_button)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [
                translate("AutoCleanLogView", "Time"),
                translate("AutoCleanLogView", "Event"),
                translate("AutoCleanLogView", "Rule"),
                translate("AutoCleanLogView", "What happened"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_hint = QLabel(
            translate(
                "AutoCleanLogView",
                "No automatic clean yet. Every decision auto-clean makes is listed here.",
            )
        )
        self.empty_hint.setStyleSheet("color: #666")
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.empty_hint)
        column.addWidget(self.table, 1)
        for event in controller.engine.events:
            self.add_event(event)
        controller.event_logged.connect(self.add_event)
        controller.status_changed.connect(self.set_status)
        self.set_status(controller.engine.status())

    def set_status(self, status: Status) -> None:
        """Show the engine's state; "not running" in red so it cannot be missed."""
        self.state.setText(
            translate("AutoCleanLogView", "Auto-clean: {text}").format(
                text=status_text(status, self.controller.engine.settings)
            )
        )
        self.state.setStyleSheet(NOT_RUNNING_STYLE if status.state is State.NOT_RUNNING else RUNNING_STYLE)

    def add_event(self, event: Event) -> None:
        """Newest first; at most LOG_ROWS rows (the engine keeps the same number)."""
        self.empty_hint.hide()
        self.table.insertRow(0)
        cells = (
            time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(event.time)),
            event.kind.value,
            event.rule,
            event.message,
        )
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(event.message)
            if col == 1 and event.kind in EVENT_COLORS:
                item.setForeground(Qt.GlobalColor.white)
                item.setBackground(QColor(EVENT_COLORS[event.kind]))
            self.table.setItem(0, col, item)
        while self.table.rowCount() > LOG_ROWS:
            self.table.removeRow(self.table.rowCount() - 1)


class AutoCleanUI(QObject):
    """Everything auto-clean adds to the window: Tools menu, status-bar state, the log dock."""

    def __init__(self, window: WindowApi):
        super().__init__(window.widget)
        self.window = window
        self.controller = AutoCleanController(window)
        self.tools_menu = QMenu(translate("AutoCleanUI", "&Tools"), window.widget)
        window.widget.menuBar().insertMenu(window.help_menu.menuAction(), self.tools_menu)
        self.toggle_action = QAction(translate("AutoCleanUI", "&Auto-clean"), self)
        self.toggle_action.setCheckable(True)
        self.toggle_action.setChecked(self.controller.engine.settings.enabled)
        self.toggle_action.toggled.connect(self.controller.set_enabled)
        self.tools_menu.addAction(self.toggle_action)
        self.settings_action = QAction(translate("AutoCleanUI", "Auto-clean &settings…"), self)
        self.settings_action.triggered.connect(self.open_settings)
        self.tools_menu.addAction(self.settings_action)
        self.status_label = QLabel("")
        window.widget.statusBar().addPermanentWidget(self.status_label)
        # A dock rather than a tab: the log stays in sight next to whichever view is shown. Its view
        # is made when the dock is first shown (it fills itself from the engine's log): most windows
        # never show it, and it was a tenth of the window's construction.
        self._log_view: AutoCleanLogView | None = None
        self.dock = QDockWidget(translate("AutoCleanUI", "Auto-clean log"), window.widget)
        self.dock.setObjectName("autocleanDock")
        self.dock.visibilityChanged.connect(self._on_dock_visibility)
        window.widget.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.setVisible(bool(window.settings.value(SETTING_LOG_VISIBLE, False, type=bool)))
        self.log_action = self.dock.toggleViewAction()
        self.log_action.setText(translate("AutoCleanUI", "Auto-clean &log"))
        self.log_action.toggled.connect(lambda on: window.settings.setValue(SETTING_LOG_VISIBLE, bool(on)))
        self.tools_menu.addAction(self.log_action)
        self.controller.status_changed.connect(self._on_status)
        self._on_status(self.controller.engine.status())

    @property
    def log_view(self) -> AutoCleanLogView:
        """The log in the dock (made now if it was not yet)."""
        if self._log_view is None:
            self._log_view = AutoCleanLogView(self.controller, self.open_settings, self.window.widget)
            self.dock.setWidget(self._log_view)
        return self._log_view

    def _on_dock_visibility(self, visible: bool) -> None:
        if visible:
            self.log_view  # noqa: B018 (made on first sight)

    def _on_status(self, status: Status) -> None:
        text = status_text(status, self.controller.engine.settings)
        short = text if len(text) <= 60 else text[:57] + "…"
        self.status_label.setText(translate("AutoCleanUI", "Auto-clean: {short}").format(short=short))
        self.status_label.setToolTip(translate("AutoCleanUI", "Auto-clean: {text}").format(text=text))
        self.status_label.setStyleSheet(NOT_RUNNING_STYLE if status.state is State.NOT_RUNNING else "")
        self.toggle_action.blockSignals(True)
        self.toggle_action.setChecked(self.controller.engine.settings.enabled)
        self.toggle_action.blockSignals(False)

    def open_settings(self) -> AutoCleanDialog:
        """Show the settings dialog (modeless, so the window keeps updating); apply on OK."""
        availability = self.window.backend.availability()
        self.controller.engine.set_availability(availability)
        dialog = AutoCleanDialog(
            self.controller.engine.settings,
            availability,
            self.controller.engine.status(),
            self.window.widget,
        )
        dialog.accepted.connect(lambda: self._apply_from(dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _apply_from(self, dialog: AutoCleanDialog) -> None:
        if dialog.result_settings is not None:
            self.controller.apply(dialog.result_settings)


def install(window: WindowApi) -> AutoCleanUI:
    """Attach auto-clean to the main window."""
    return AutoCleanUI(window)
