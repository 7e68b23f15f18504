"""When a view may work: the one contract that keeps hidden views free (docs/architecture.md).

A view that follows readings asks its ``WorkGate`` before it draws: ``note()`` records that news
arrived and says whether the view may draw it now, which it may only while active, shown and in
a window that is not minimized. When the view becomes drawable again (it is shown, its window
leaves the minimized state, or it is made active) the gate calls ``catch_up`` once, so the view
draws only the newest state, never every reading it missed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class WorkGate(QObject):
    """Tracks whether ``view`` may work now and calls ``catch_up`` when news waits and it may."""

    def __init__(self, view: QWidget, catch_up: Callable[[], None]):
        super().__init__(view)
        self.view = view
        self.active = True
        self.stale = False  # news arrived that the view has not drawn
        self._catch_up = catch_up
        self._window: QWidget | None = None
        view.installEventFilter(self)

    def open(self) -> bool:
        """Active, shown, and in a window that is not minimized."""
        return self.active and self.view.isVisible() and not self.view.window().isMinimized()

    def note(self) -> bool:
        """News arrived: True when the view may draw it now (it is then no longer stale)."""
        self.stale = not self.open()
        return not self.stale

    def drawn(self) -> None:
        """The view drew the newest state on its own (a forced redraw)."""
        self.stale = False

    def set_active(self, active: bool) -> None:
        """Whether the view may work while shown (False: a shown view idles too); True catches up."""
        self.active = active
        self._maybe_catch_up()

    def _maybe_catch_up(self) -> None:
        if self.stale and self.open():
            self.stale = False
            self._catch_up()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Catch up when the view is shown or its window is restored; never consumes the event."""
        kind = event.type()
        if watched is self.view and kind == QEvent.Type.Show:
            window = self.view.window()
            if window is not self.view and window is not self._window:
                window.installEventFilter(self)
                self._window = window
            self._maybe_catch_up()
        elif watched is self._window and kind == QEvent.Type.WindowStateChange:
            self._maybe_catch_up()
        return False
