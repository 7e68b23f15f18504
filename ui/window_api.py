"""What the window offers its plugins (auto-clean, snapshots, tray, the optional tabs): the contract as code.

A plugin is a function ``install(window: WindowApi) -> object | None`` listed in ui/plugins.py. It asks
``window.capabilities`` for the optional feature it needs (returning None when the backend has none),
adds menus, tabs and docks through these members, and never reaches into the window otherwise.
``ui.mainwindow.MainWindow`` implements this protocol (mypy checks it there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from app.backends.base import Backend, Capabilities
from app.history import History
from app.model import ActionResult
from app.snapshot.schema import ActionMark
from ui.bars import ElevationBar
from ui.runner import ActionRunner
from ui.sampler import Sampler

ViewFactory = Callable[[], QWidget]


class WindowApi(Protocol):
    """The members of the main window that plugins may use."""

    backend: Backend
    capabilities: Capabilities  # backend.capabilities(), asked once when the window is built
    settings: QSettings
    history: History
    sampler: Sampler  # sampled(Sample), failed(str); ``latest``
    runner: ActionRunner  # started(str), finished(ActionResult), job_finished(ActionResult, automatic)
    last_result: ActionResult | None
    plugins: dict[str, object]  # installer key -> what it returned, for plugins that build on another
    file_menu: QMenu
    empty_menu: QMenu
    view_menu: QMenu
    help_menu: QMenu
    export_action: QAction  # File menu items are inserted before it
    elevation_bar: ElevationBar | None  # the not-elevated notice (None when running with full rights)
    quit_action: QAction

    def action_marks(self) -> tuple[ActionMark, ...]:
        """The Empty actions marked on the history chart (a snapshot saves them)."""
        ...

    @property
    def widget(self) -> QMainWindow:
        """The window as a Qt widget: the parent of dialogs, menus and docks."""
        ...

    def add_view(self, key: str, title: str, widget: QWidget) -> None:
        """Add a tab holding ``widget`` (and a View › Go to entry)."""
        ...

    def add_lazy_view(self, key: str, title: str, factory: ViewFactory) -> None:
        """Add a tab whose widget ``factory`` makes the first time it is shown (heavy tabs)."""
        ...

    def view(self, key: str) -> QWidget:
        """The widget of a tab, made now if it is a lazy tab not shown yet. KeyError for no such tab."""
        ...

    def made_view(self, key: str) -> QWidget | None:
        """The widget of a tab if it exists already (a lazy tab never shown: None); never makes one."""
        ...

    def show_view(self, key: str) -> None:
        """Switch to a tab by its key."""
        ...

    def current_view(self) -> str:
        """Key of the visible tab."""
        ...

    def mark_action(self, result: ActionResult, automatic: bool = False) -> None:
        """Put a marker for this result on the history chart."""
        ...

    def notify(self, text: str, level: str = "info") -> None:
        """Show a message in the banner (info, success, warning, error) and the status bar."""
        ...

    def request_action(self, action_id: str) -> bool:
        """Run an action as the Empty menu does (asking first when the policy says so). True when queued."""
        ...
