"""The main window: menus, toolbar, status bar, the views as tabs, and the action flow.

What plugins may use is ui/window_api.py's WindowApi (this class implements it); the plugins
themselves are listed in ui/plugins.py. The three core views are ``lists_view``, ``history_view``
and ``processes_view``; the optional tabs are made the first time they are shown.
"""

from __future__ import annotations

import html
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar, cast

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__, actions, policy, report
from app.backends.base import ActionError, Backend, Capabilities
from app.history import History
from app.model import ActionResult, Sample
from app.snapshot.schema import ActionMark
from ui import i18n
from ui.background import BackgroundWork
from ui.bars import ElevationBar, MessageBar
from ui.empty_menu import EmptyMenu
from ui.i18n import translate
from ui.icon import app_icon
from ui.runner import WINDOW_WORDS, ActionRunner, action_mark, action_title
from ui.sampler import REFRESH_CHOICES, Sampler
from ui.spans import SPAN_CHOICES
from ui.storedsettings import SettingsProblems, default_settings, read_number
from ui.window_api import ViewFactory, WindowApi

if TYPE_CHECKING:
    from ui.autoclean import AutoCleanUI
    from ui.snapshots import SnapshotController
    from ui.tray import Tray
    from ui.views.history import HistoryView
    from ui.views.lists import ListsView
    from ui.views.processes import ProcessesView

P = TypeVar("P")
DEFAULT_REFRESH = 1.0
DEFAULT_SPAN = 300
CLOSE_WAIT_MS = 30_000  # the longest a closing window waits for an action or a view's worker


@dataclass
class _Tab:
    """One tab: the page the tab widget holds and, for a lazy tab, the factory of its view."""

    page: QWidget
    view: QWidget | None
    factory: ViewFactory | None = None


def effect_lines(decision: policy.Decision) -> list[str]:
    """What happens afterwards, in the window's language: the action's effect, or one line per action."""
    if decision.action_id != actions.ALL:
        return translate("actions", decision.effect).splitlines()
    return [
        translate("MainWindow", "{action}: {effect}").format(
            action=action_title(a), effect=translate("actions", actions.get(a).effect)
        )
        for a in decision.effect_of
    ]


def confirmation_text(decision: policy.Decision) -> str:
    """The question's body: what the action does, then what happens afterwards (one line per action)."""
    effect = "<br>".join(html.escape(line) for line in effect_lines(decision))
    return f"{html.escape(translate('actions', decision.description))}<br><br>{effect}"


def _refresh_label(seconds: float) -> str:
    if seconds == 0:
        return translate("MainWindow", "Paused")
    return translate("MainWindow", "Every {seconds} s").format(seconds=f"{seconds:g}")


def _file_filters() -> str:
    """The export dialog's file types, in the window's language."""
    names = (
        translate("MainWindow", "PNG image"),
        translate("MainWindow", "SVG drawing"),
        translate("MainWindow", "CSV table"),
    )
    suffixes = ("png", "svg", "csv")
    return ";;".join(f"{name} (*.{suffix})" for name, suffix in zip(names, suffixes, strict=True))


class MainWindow(QMainWindow):
    """RAMLens's one window."""

    def __init__(
        self,
        backend: Backend,
        settings: QSettings | None = None,
        history: History | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.backend = backend
        self.capabilities: Capabilities = backend.capabilities()
        self.settings = settings if settings is not None else default_settings()
        self.history = history if history is not None else History()
        self.setWindowTitle("RAMLens")
        self.setWindowIcon(app_icon())
        self.resize(1100, 720)

        self.stored_problems = SettingsProblems()  # corrupt stored values: defaults, and one note
        refresh = read_number(
            self.settings, "view/refresh", DEFAULT_REFRESH, self.stored_problems, REFRESH_CHOICES
        )
        self.sampler = Sampler(backend, self.history, refresh, self)
        self.runner = ActionRunner(backend, self)
        self.last_result: ActionResult | None = None
        self._tabs: dict[str, _Tab] = {}
        self.plugins: dict[str, object] = {}  # installer key -> what it returned (ui/plugins.py)
        self._wanted_tab = str(self.settings.value("view/tab", "lists"))

        self._build_central()
        self._build_status_bar()
        self._build_menus()
        self._build_toolbar()
        self._refresh_empty_menu()

        # The core views too are made when first shown: a window started in the tray builds none.
        self._marks: list[ActionMark] = []  # for a history view not made yet
        self.add_lazy_view("lists", translate("MainWindow", "Memory lists"), self._make_lists_view)
        self.add_lazy_view("history", translate("MainWindow", "History"), self._make_history_view)
        self.add_lazy_view("processes", translate("MainWindow", "Processes"), self._make_processes_view)

        spans = dict(SPAN_CHOICES)
        self.set_span(int(read_number(self.settings, "view/span", DEFAULT_SPAN, self.stored_problems, spans)))

        self.sampler.sampled.connect(self._on_sampled)
        self.sampler.failed.connect(self._on_sample_failed)
        self.sampler.interval_changed.connect(self._on_interval_changed)
        self.runner.started.connect(self._on_action_started)
        self.runner.job_finished.connect(self._on_action_finished)
        self.runner.queue_changed.connect(self._refresh_empty_menu)
        self._on_interval_changed(self.sampler.interval)

        from ui.plugins import INSTALLERS

        for key, install in INSTALLERS:
            plugin = install(self)
            if plugin is not None:
                self.plugins[key] = plugin
        if self.autoclean.controller.settings_problem:
            self.stored_problems.found.append(self.autoclean.controller.settings_problem)
        if self.stored_problems.found:
            self.notify(self.stored_problems.note(), "warning")

        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, (QByteArray, bytes)):
            self.restoreGeometry(geometry)
        # The first reading right away, so nothing shows empty until the first tick.
        QTimer.singleShot(0, self.sampler.sample_now)

    # ----- construction -------------------------------------------------------------------

    def _make_lists_view(self) -> QWidget:
        from ui.views.lists import ListsView

        view = ListsView(self)
        if self.sampler.latest is not None:
            view.refresh(self.sampler.latest)
        return view

    def _make_history_view(self) -> QWidget:
        from ui.views.history import HistoryView

        view = HistoryView(self.history, self)
        view.set_span(self._span)
        view.set_paused(self.sampler.paused)
        for mark in self._marks:
            view.add_mark(mark)
        self._marks.clear()
        return view

    def _make_processes_view(self) -> QWidget:
        from app.processes import PsutilProcesses
        from ui.views.processes import ProcessesView

        view = ProcessesView(self.capabilities.processes or PsutilProcesses(), self)
        view.trim_requested.connect(self.request_trim)
        return view

    @property
    def lists_view(self) -> ListsView:
        """The Memory lists view (made now if it was not yet)."""
        return cast("ListsView", self.view("lists"))

    @property
    def history_view(self) -> HistoryView:
        """The History view (made now if it was not yet)."""
        return cast("HistoryView", self.view("history"))

    @property
    def processes_view(self) -> ProcessesView:
        """The Processes view (made now if it was not yet)."""
        return cast("ProcessesView", self.view("processes"))

    def _build_central(self) -> None:
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(6, 6, 6, 0)
        column.setSpacing(6)
        self.elevation_bar: ElevationBar | None = None
        if not self.backend.privileged():
            note = translate("backend", self.backend.privilege_note()) or translate(
                "MainWindow", "Running without administrator rights: Empty actions may fail."
            )
            relaunch = self.relaunch_elevated if self.backend.can_relaunch_elevated() else None
            self.elevation_bar = ElevationBar(note, relaunch, central)
            column.addWidget(self.elevation_bar)
        self.message_bar = MessageBar(central)
        column.addWidget(self.message_bar)
        self.tabs = QTabWidget(central)
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        privileged = self.backend.privileged()
        if self.backend.platform == "windows":
            rights = (
                translate("MainWindow", "administrator")
                if privileged
                else translate("MainWindow", "not administrator")
            )
        else:
            rights = translate("MainWindow", "root") if privileged else translate("MainWindow", "not root")
        self.backend_label = QLabel(f"{self.backend.platform} · {self.backend.name} · {rights}")
        self.backend_label.setToolTip(
            translate("MainWindow", "The backend reading memory, and whether RAMLens runs with full rights")
        )
        self.result_label = QLabel("")
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # indeterminate: actions do not report progress
        self.busy_bar.setMaximumWidth(90)
        self.busy_bar.setMaximumHeight(14)
        self.busy_bar.hide()
        self.read_error_label = QLabel("")
        self.read_error_label.setStyleSheet("color: #b3261e")
        # Room between the permanent labels (backend, auto-clean…), which otherwise run together.
        bar.setStyleSheet("QStatusBar QLabel { padding: 0px 6px; } QStatusBar::item { border: none; }")
        # A long result must not push the permanent labels off or grow the bar: it is cut, and whole
        # in its tooltip.
        self.result_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.result_label, 1)
        bar.addPermanentWidget(self.read_error_label)
        bar.addPermanentWidget(self.busy_bar)
        bar.addPermanentWidget(self.backend_label)

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        self.file_menu = menu_bar.addMenu(translate("MainWindow", "&File"))
        self.export_action = QAction(translate("MainWindow", "&Export chart…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export_dialog)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(translate("MainWindow", "&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.empty_menu: QMenu = EmptyMenu(self.backend, self.runner, self.request_action, self)
        menu_bar.addMenu(self.empty_menu)

        self.view_menu = menu_bar.addMenu(translate("MainWindow", "&View"))
        self.refresh_now_action = QAction(translate("MainWindow", "&Refresh now"), self)
        self.refresh_now_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_now_action.triggered.connect(self.sampler.sample_now)
        self.view_menu.addAction(self.refresh_now_action)
        self.pause_action = QAction(translate("MainWindow", "&Pause"), self)
        self.pause_action.setCheckable(True)
        self.pause_action.setShortcut(QKeySequence("Ctrl+P"))
        self.pause_action.triggered.connect(self.toggle_pause)
        self.view_menu.addAction(self.pause_action)
        refresh_menu = self.view_menu.addMenu(translate("MainWindow", "Refresh &rate"))
        self.refresh_group = QActionGroup(self)
        self.refresh_actions: dict[float, QAction] = {}
        for seconds in REFRESH_CHOICES:
            act = QAction(_refresh_label(seconds), self.refresh_group)
            act.setCheckable(True)
            act.triggered.connect(lambda _=False, s=seconds: self.set_refresh(s))
            refresh_menu.addAction(act)
            self.refresh_actions[seconds] = act
        span_menu = self.view_menu.addMenu(translate("MainWindow", "History &span"))
        self.span_group = QActionGroup(self)
        self.span_actions: dict[int, QAction] = {}
        for seconds, text in SPAN_CHOICES:
            act = QAction(translate("HistoryView", text), self.span_group)
            act.setCheckable(True)
            act.triggered.connect(lambda _=False, s=seconds: self.set_span(s))
            span_menu.addAction(act)
            self.span_actions[seconds] = act
        self.view_menu.addSeparator()
        self._build_language_menu()
        self._goto_separator = self.view_menu.addSeparator()

        self.help_menu = menu_bar.addMenu(translate("MainWindow", "&Help"))
        about = QAction(translate("MainWindow", "&About RAMLens"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        self.help_menu.addAction(about)

    def _build_language_menu(self) -> None:
        """View › Language: System, then each shipped language in its own words; applies at the next start."""
        menu = self.view_menu.addMenu(translate("MainWindow", "&Language"))
        self.language_group = QActionGroup(self)
        self.language_actions: dict[i18n.Language, QAction] = {}
        chosen = i18n.chosen_language(self.settings)
        for language in i18n.Language:
            text = i18n.NATIVE_NAMES.get(language) or translate("MainWindow", "System")
            act = QAction(text, self.language_group)
            act.setCheckable(True)
            act.setChecked(language is chosen)
            act.triggered.connect(lambda _=False, chosen=language: self.set_language(chosen))
            menu.addAction(act)
            self.language_actions[language] = act

    def _build_toolbar(self) -> None:
        bar = self.addToolBar(translate("MainWindow", "Main"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addAction(self.refresh_now_action)
        bar.addAction(self.pause_action)
        self.empty_button = QToolButton(self)
        self.empty_button.setText(translate("MainWindow", "Empty"))
        self.empty_button.setMenu(self.empty_menu)
        self.empty_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.empty_button.setToolTip(translate("MainWindow", "Move memory between lists (the Empty menu)"))
        bar.addWidget(self.empty_button)
        bar.addSeparator()
        bar.addAction(self.export_action)
        self.toolbar = bar

    def _refresh_empty_menu(self) -> None:
        """The toolbar's Empty button and the busy bar follow what runs (the menu refreshes itself)."""
        current = self.runner.current
        busy = self.runner.busy
        self.busy_bar.setVisible(busy)
        self.empty_button.setText(
            translate("MainWindow", "Empty — {action}…").format(action=action_title(current))
            if current
            else translate("MainWindow", "Empty")
        )

    # ----- public hooks -------------------------------------------------------------------

    def plugin(self, key: str, kind: type[P]) -> P:
        """The controller an installer returned, checked to be a ``kind``; KeyError when there is none."""
        found = self.plugins.get(key)
        if not isinstance(found, kind):
            raise KeyError(f"no {key} plugin of type {kind.__name__} is installed")
        return found

    @property
    def autoclean(self) -> AutoCleanUI:
        """The auto-clean plugin (ui/autoclean.py)."""
        from ui.autoclean import AutoCleanUI

        return self.plugin("autoclean", AutoCleanUI)

    @property
    def snapshots(self) -> SnapshotController:
        """The snapshots plugin (ui/snapshots.py)."""
        from ui.snapshots import SnapshotController

        return self.plugin("snapshots", SnapshotController)

    @property
    def tray(self) -> Tray:
        """The tray plugin (ui/tray.py)."""
        from ui.tray import Tray

        return self.plugin("tray", Tray)

    @property
    def widget(self) -> QMainWindow:
        """This window as a Qt widget (WindowApi)."""
        return self

    def add_view(self, key: str, title: str, widget: QWidget) -> None:
        """Add a tab; the tab shown last time is restored when its view arrives."""
        self._add_tab(key, title, _Tab(widget, widget))

    def add_lazy_view(self, key: str, title: str, factory: ViewFactory) -> None:
        """Add a tab whose view ``factory`` makes the first time the tab is shown (or asked for)."""
        page = QWidget(self.tabs)
        QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
        self._add_tab(key, title, _Tab(page, None, factory))

    def view(self, key: str) -> QWidget:
        """The view of a tab, made now when it is a lazy one not shown yet. KeyError for no such tab."""
        tab = self._tabs[key]
        if tab.view is None:
            assert tab.factory is not None
            tab.view = tab.factory()
            tab.factory = None
            layout = tab.page.layout()
            assert layout is not None
            layout.addWidget(tab.view)
            if tab.page.isVisible():
                tab.view.show()  # now, not on the next turn of the event loop: before the next paint
        return tab.view

    def made_view(self, key: str) -> QWidget | None:
        """The view of a tab when it exists already; never makes one."""
        tab = self._tabs.get(key)
        return None if tab is None else tab.view

    def view_keys(self) -> list[str]:
        """Every tab's key, in tab order."""
        return list(self._tabs)

    def _add_tab(self, key: str, title: str, tab: _Tab) -> None:
        if key in self._tabs:
            raise ValueError(f"a view named {key!r} exists already")
        self._tabs[key] = tab
        index = self.tabs.addTab(tab.page, title)
        number = len(self._tabs)
        goto = QAction(translate("MainWindow", "Go to {tab}").format(tab=title), self)
        if number <= 9:
            goto.setShortcut(QKeySequence(f"Ctrl+{number}"))
        goto.triggered.connect(lambda: self.show_view(key))
        self.view_menu.addAction(goto)
        if key == self._wanted_tab:
            self.tabs.setCurrentIndex(index)

    def show_view(self, key: str) -> None:
        """Switch to a tab by its key (making its view if it is a lazy one)."""
        self.tabs.setCurrentWidget(self._tabs[key].page)
        self.view(key)

    def current_view(self) -> str:
        """Key of the visible tab."""
        widget = self.tabs.currentWidget()
        return next((k for k, t in self._tabs.items() if t.page is widget), "")

    def action_marks(self) -> tuple[ActionMark, ...]:
        """The Empty actions marked on the history chart (made or not)."""
        view = self.made_view("history")
        return tuple(self._marks) if view is None else cast("HistoryView", view).action_marks()

    def mark_action(self, result: ActionResult, automatic: bool = False) -> None:
        """Put a marker for this result on the history chart, at the time it finished."""
        mark = action_mark(result, automatic)
        view = self.made_view("history")
        if view is None:
            self._marks.append(mark)  # placed when the chart is made
        else:
            cast("HistoryView", view).add_mark(mark)

    def notify(self, text: str, level: str = "info") -> None:
        """Show a message in the banner (info, success, warning, error) and the status bar."""
        self.message_bar.show_message(text, level)
        # The status bar has one line: the first, the rest in the tooltip (and in the banner).
        self.result_label.setText(text.splitlines()[0] if text else "")
        self.result_label.setToolTip(text)

    def request_action(self, action_id: str) -> bool:
        """Queue an action as the Empty menu does; asks first for disruptive ones. True when queued."""
        if not self._confirm(action_id):
            return False
        self.runner.run(action_id)
        return True

    def request_trim(self, pids: Sequence[int]) -> bool:
        """Queue trimming these processes' working sets. True when queued."""
        if not pids:
            return False
        self.runner.trim(pids)
        return True

    def set_refresh(self, seconds: float) -> None:
        """Set the refresh rate (0 = paused) and remember it."""
        self.sampler.set_interval(seconds)
        self.settings.setValue("view/refresh", float(seconds))

    def toggle_pause(self) -> None:
        """Pause, or resume at the rate chosen before pausing."""
        if self.sampler.paused:
            resume = read_number(
                self.settings, "view/resume", DEFAULT_REFRESH, SettingsProblems(), REFRESH_CHOICES
            )
            self.set_refresh(resume or DEFAULT_REFRESH)
        else:
            self.settings.setValue("view/resume", self.sampler.interval)
            self.set_refresh(0.0)

    def set_span(self, seconds: int) -> None:
        """Show this many seconds of history and remember it."""
        self._span = seconds
        view = self.made_view("history")
        if view is not None:
            cast("HistoryView", view).set_span(seconds)
        if seconds in self.span_actions:
            self.span_actions[seconds].setChecked(True)
        self.settings.setValue("view/span", int(seconds))

    def set_language(self, language: i18n.Language) -> None:
        """Remember View › Language's choice; the window speaks it from the next start on."""
        if language is i18n.chosen_language(self.settings):
            return
        self.settings.setValue(i18n.SETTING, language.value)
        self.language_actions[language].setChecked(True)
        self.notify(translate("MainWindow", "The language changes when RAMLens starts again."), "info")

    def export_chart(self, path: str, width: int | None = None) -> None:
        """Write the history chart to ``path``: PNG, SVG or CSV by its suffix (PNG ``width`` pixels
        wide, by default export.DEFAULT_WIDTH). Raises OSError/ValueError."""
        from ui import export  # loads pyqtgraph's exporters: on first use, not at start-up

        lower = path.lower()
        # The chart must be laid out at its on-screen size before it can be drawn elsewhere.
        self.show_view("history")
        QApplication.processEvents()
        self.history_view.refresh(force=True)
        if lower.endswith(".png"):
            export.export_png(self.history_view.export_item, path, width or export.DEFAULT_WIDTH)
        elif lower.endswith(".svg"):
            export.export_svg(self.history_view.export_item, path)
        elif lower.endswith(".csv"):
            export.export_csv(self.history, path)
        else:
            raise ValueError(translate("MainWindow", "choose a file ending in .png, .svg or .csv"))

    def export_dialog(self) -> None:
        """File › Export chart…: ask for a file (and a width for PNG), write it, say so."""
        from ui import export

        path, chosen = QFileDialog.getSaveFileName(
            self, translate("MainWindow", "Export chart"), "ramlens-history.png", _file_filters()
        )
        if not path:
            return
        if not path.lower().endswith((".png", ".svg", ".csv")):
            path += export.suffix_for_filter(chosen)
        width = export.DEFAULT_WIDTH
        if path.lower().endswith(".png"):
            width, ok = QInputDialog.getInt(
                self,
                translate("MainWindow", "Export chart"),
                translate("MainWindow", "Image width in pixels:"),
                export.DEFAULT_WIDTH,
                200,
                10000,
                100,
            )
            if not ok:
                return
        try:
            self.export_chart(path, width)
        except (OSError, ValueError) as exc:
            message = translate("MainWindow", "Could not export the chart to {path}: {error}")
            self.notify(message.format(path=path, error=exc), "error")
            return
        self.notify(translate("MainWindow", "Chart exported to {path}").format(path=path), "success")

    def relaunch_elevated(self) -> None:
        """Start an elevated copy of RAMLens and close this one; say why when that was refused."""
        try:
            self.backend.relaunch_elevated(sys.argv[1:], int(self.winId()))
        except ActionError as exc:
            self.notify(
                translate("MainWindow", "Could not restart as administrator: {error}").format(error=exc),
                "error",
            )
            return
        self.close()

    def show_about(self) -> None:
        """Help › About."""
        QMessageBox.about(
            self,
            translate("MainWindow", "About RAMLens"),
            f"<b>RAMLens {__version__}</b><p>"
            + translate(
                "MainWindow",
                "Where physical memory is, live: in use, standby, modified, free — as a table and over time "
                "— and the Empty actions that move it.",
            )
            + "</p><p>"
            + translate("MainWindow", "Backend: {backend} on {platform}.").format(
                backend=self.backend.name, platform=self.backend.platform
            )
            + "</p>",
        )

    # ----- reactions ----------------------------------------------------------------------

    def _confirm(self, action_id: str) -> bool:
        decision = policy.decide(self.backend.availability(), action_id, self.backend.platform)
        key = f"confirm/{action_id}"
        if not decision.confirm or not self.settings.value(key, True, type=bool):
            return True
        title = action_title(action_id)
        question = translate("MainWindow", "{action}?").format(action=title)
        box = QMessageBox(QMessageBox.Icon.Question, question, f"<b>{title}</b>", parent=self)
        box.setInformativeText(confirmation_text(decision))
        box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 380px; }")  # fewer, longer lines
        run_button = box.addButton(title, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(run_button)
        dont_ask = QCheckBox(
            translate("MainWindow", "Don't ask again"), box
        )  # parented: PySide would free a bare temporary
        box.setCheckBox(dont_ask)
        box.exec()
        if box.clickedButton() is not run_button:
            return False
        if dont_ask.isChecked():
            self.settings.setValue(key, False)
        return True

    def _on_sampled(self, sample: Sample) -> None:
        if self.read_error_label.text():
            self.read_error_label.clear()
            self.read_error_label.setToolTip("")
        # Views not made yet need nothing: they read the latest sample and the history when made.
        lists = self.made_view("lists")
        if lists is not None:
            cast("ListsView", lists).refresh(sample)
        history = self.made_view("history")
        if history is not None:
            cast("HistoryView", history).refresh()
        if self.current_view() == "processes" and self.isVisible() and not self.isMinimized():
            self.processes_view.refresh()

    def _on_sample_failed(self, message: str) -> None:
        self.read_error_label.setText(translate("MainWindow", "Reading failed"))
        self.read_error_label.setToolTip(message)
        self.statusBar().showMessage(
            translate("MainWindow", "Reading memory failed: {error}").format(error=message), 10000
        )

    def _on_interval_changed(self, seconds: float) -> None:
        act = self.refresh_actions.get(seconds)
        if act is not None:
            act.setChecked(True)
        self.pause_action.setChecked(seconds == 0)
        self.pause_action.setText(
            translate("MainWindow", "Resume") if seconds == 0 else translate("MainWindow", "Pause")
        )
        history = self.made_view("history")
        if history is not None:  # a chart made later asks the sampler (_make_history_view)
            cast("HistoryView", history).set_paused(seconds == 0)

    def _on_tab_changed(self, _index: int) -> None:
        key = self.current_view()
        if key:
            self.settings.setValue("view/tab", key)
            self._make_current_view()

    def _make_current_view(self) -> None:
        """Make the current tab's view once the window is on screen (not hidden in the tray, not
        minimized): a window that starts in the tray builds no view until it is first shown."""
        key = self.current_view()
        if not key or not self.isVisible() or self.isMinimized():
            return
        self.view(key)
        if key == "processes":  # it lists only while shown: catch up
            self.processes_view.refresh(force=True)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Make the current tab's view before the first paint."""
        self._make_current_view()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """A window started minimized makes its current view when it is restored."""
        if event.type() == QEvent.Type.WindowStateChange:
            self._make_current_view()
        super().changeEvent(event)

    def _on_action_started(self, action_id: str) -> None:
        self.result_label.setText(
            translate("MainWindow", "{action} — running…").format(action=action_title(action_id))
        )

    def _on_action_finished(self, result: ActionResult, automatic: bool) -> None:
        self.last_result = result
        text = "\n".join((report.headline(result, WINDOW_WORDS), *report.breakdown(result, WINDOW_WORDS)))
        self.notify(text, "success" if result.ok else "error")
        self.mark_action(result, automatic)
        if self.current_view() == "processes" and self.made_view("processes") is not None:
            self.processes_view.refresh(force=True)  # before the reading below, which would be throttled
        self.sampler.sample_now()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Remember geometry; let a running action finish (it cannot be interrupted safely); stop the
        views' own work and wait for it, so no worker outlives the objects it reports to."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.sampler.set_interval(0)  # stop the timer; the saved rate is left as chosen
        self.settings.sync()
        self.runner.wait(CLOSE_WAIT_MS)
        working: list[BackgroundWork] = []
        for key in self._tabs:
            view = self.made_view(key)
            if isinstance(view, BackgroundWork):
                view.stop()  # all of them first, so they end side by side
                working.append(view)
        for work in working:
            work.wait(CLOSE_WAIT_MS)
        super().closeEvent(event)


_WINDOW_API_CHECK: type[WindowApi] = MainWindow  # mypy verifies the window against the plugins' contract
