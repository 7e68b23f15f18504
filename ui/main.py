"""Starting the GUI: the application object, the backend, the window, and screenshot mode."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ui.background import BackgroundWork

if TYPE_CHECKING:  # Qt is imported only when the window starts
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QWidget

    from app.backends.base import Backend
    from ui.mainwindow import MainWindow

# How long a screenshot waits for the shown tab's own work (a census of a large machine takes seconds).
BACKGROUND_WAIT_MS = 60_000


@dataclass(frozen=True)
class ScreenshotPacing:
    """How screenshot mode takes its real readings: how many, how far apart, and how it waits.

    The defaults give the chart six seconds of history; tests pass a quick pace (the readings are
    real either way, only the waiting between them changes).
    """

    samples: int = 12
    interval: float = 0.5  # seconds between readings
    settle: float = 0.05  # seconds per event-loop turn while the last results arrive
    wait: Callable[[float], None] = time.sleep


def parse_gui_args(argv: Sequence[str]) -> argparse.Namespace:
    """The options the window takes (see app.cli.GUI_OPTIONS)."""
    parser = argparse.ArgumentParser(prog="ramlens", description="RAMLens window")
    parser.add_argument(
        "--screenshot", metavar="FILE", help="render one tab to an image (.png or .jpg) and exit"
    )
    parser.add_argument(
        "--tab", default=None, help="the tab to show: lists, history, processes or another view's key"
    )
    parser.add_argument(
        "--minimized", action="store_true", help="start in the tray (minimized where there is no tray)"
    )
    return parser.parse_args(list(argv))


# The screenshot's format follows the file name's suffix.
IMAGE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}


def image_format(path: str) -> str | None:
    """ "PNG" or "JPEG" for the file name's suffix; None for any other (refused)."""
    return IMAGE_FORMATS.get(os.path.splitext(path)[1].lower())


def save_image(pixmap: QPixmap, path: str) -> None:
    """Encode ``pixmap`` in the format ``path`` names and write it; OSError (with the reason) on failure."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    fmt = image_format(path)
    if fmt is None:
        raise OSError(f"{path} is not a .png or .jpg file")
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pixmap.save(buffer, fmt):
        raise OSError(f"Qt could not encode the image as {fmt}")
    with open(path, "wb") as out:
        out.write(data.data())


def target_problem(path: str) -> str:
    """Why the screenshot cannot be written to ``path`` ("" when it can).

    Tried before the window starts, so a mistyped folder is said at once rather than after the
    readings; a file the try creates is removed again, an existing one is left as it was.
    """
    existed = os.path.lexists(path)
    try:
        with open(path, "ab"):
            pass
    except OSError as exc:
        return exc.strerror or str(exc)
    if not existed:
        os.remove(path)
    return ""


def _needs_offscreen() -> bool:
    """True when there is no display to draw on (screenshot mode then renders offscreen)."""
    from app.backends import display_missing

    return not os.environ.get("QT_QPA_PLATFORM") and display_missing()


def run_gui(argv: Sequence[str], pacing: ScreenshotPacing | None = None) -> int:
    """Open the window (or render a screenshot, paced by ``pacing``) and return the exit status."""
    args = parse_gui_args(argv)
    shot: Backend | None = None  # screenshot mode's backend, found before Qt loads
    if args.screenshot:
        if image_format(args.screenshot) is None:
            print(
                f"ramlens: cannot write {args.screenshot}: the screenshot is a .png or .jpg file",
                file=sys.stderr,
            )
            return 2
        problem = target_problem(args.screenshot)
        if problem:
            print(f"ramlens: could not write {args.screenshot}: {problem}", file=sys.stderr)
            return 1
        # Memory is found and --tab checked before Qt loads: a mistyped tab is said at once.
        from app.backends import BackendError, detect

        try:
            shot = detect()
        except (BackendError, ImportError, OSError) as exc:
            print(f"ramlens: cannot read memory: {exc}", file=sys.stderr)
            return 1
        if _refuse_tab(args.tab, shot):
            return 2
    if _needs_offscreen():
        if not args.screenshot:
            # Qt would abort with a page about platform plugins; say what is wrong and what works instead.
            print(
                "ramlens: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset). "
                "The command line works without one: ramlens status, ramlens --help; "
                "ramlens --screenshot FILE.png renders the window to an image.",
                file=sys.stderr,
            )
            return 2
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui import qtmessages

    qtmessages.install()
    from app import __version__
    from app.backends import BackendError, detect
    from ui import i18n
    from ui.icon import app_icon
    from ui.storedsettings import default_settings

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    QApplication.setApplicationName("RAMLens")
    QApplication.setOrganizationName("RAMLens")
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName("ramlens")
    QApplication.setWindowIcon(app_icon())
    # The language is chosen before any widget exists: View › Language applies at the next start.
    chosen = i18n.chosen_language(default_settings())
    i18n.install(app, i18n.effective_locale(chosen))
    if shot is not None:
        return render_screenshot(shot, args.screenshot, args.tab, pacing or ScreenshotPacing())
    try:
        backend = detect()
    except (BackendError, ImportError, OSError) as exc:
        QMessageBox.critical(
            None,
            i18n.translate("main", "RAMLens cannot read memory"),
            i18n.translate("main", "RAMLens cannot start: {error}").format(error=exc),
        )
        return 1
    if _refuse_tab(args.tab, backend):  # before the window is built
        return 2
    from ui import singleinstance

    settings = default_settings()
    guard = singleinstance.claim(settings.fileName())
    if guard is None:
        print("ramlens: the window is already open; brought it to the front", file=sys.stderr)
        return 0
    from ui.mainwindow import MainWindow  # after the claim: a second start hands over without building it

    window = MainWindow(backend, settings)
    guard.attach(window)
    if args.tab is not None:
        window.show_view(args.tab)
    if args.minimized:
        show_minimized(window)
    else:
        window.show()
    return app.exec()


def render_screenshot(backend: Backend, path: str, tab: str | None, pacing: ScreenshotPacing) -> int:
    """Screenshot mode once Qt runs: the window on ``backend`` showing ``tab`` (None: the first; one of
    ``ui.tabs.tab_keys``, which run_gui checks before Qt loads), rendered to ``path``; the exit status."""
    from PySide6.QtCore import QSettings

    from ui.mainwindow import MainWindow

    # A throw-away settings file, removed afterwards: screenshots look the same everywhere and
    # leave the user's settings (and /tmp) as they were.
    with tempfile.TemporaryDirectory(prefix="ramlens-shot-") as scratch:
        settings = QSettings(os.path.join(scratch, "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(backend, settings)
        if tab is not None:
            window.show_view(tab)
        return take_screenshot(window, path, pacing)


def _refuse_tab(tab: str | None, backend: Backend) -> bool:
    """True (after saying so on stderr) when the window on ``backend`` has no tab ``tab``."""
    if tab is None:
        return False
    from ui.tabs import unknown_tab

    refusal = unknown_tab(tab, backend.capabilities())
    if refusal:
        print(refusal, file=sys.stderr)
    return bool(refusal)


def show_minimized(window: QWidget) -> None:
    """Start in the tray: the window stays hidden; without a tray it starts minimized instead,
    so it can never vanish with no way back."""
    from PySide6.QtWidgets import QSystemTrayIcon

    if not QSystemTrayIcon.isSystemTrayAvailable():
        window.showMinimized()


def take_screenshot(window: MainWindow, path: str, pacing: ScreenshotPacing) -> int:
    """Take a few real readings, let the visible tab finish its own work (a census, a listing), render
    the window to ``path`` (PNG or JPEG by its suffix), return 0 (1 when it cannot be written)."""
    from PySide6.QtWidgets import QApplication

    window.resize(1200, 760)
    window.show()
    for _ in range(pacing.samples):
        window.sampler.sample_now()
        QApplication.processEvents()
        pacing.wait(pacing.interval)
    key = window.current_view()
    if key == "processes":
        window.processes_view.refresh(force=True)
    view = window.view(key)
    if isinstance(view, BackgroundWork):
        view.wait(BACKGROUND_WAIT_MS)  # its result is then delivered by the turns of the event loop below
    for _ in range(5):
        QApplication.processEvents()
        pacing.wait(pacing.settle)
    if key == "history":  # drawn now even if a refresh was just throttled (other tabs have no chart)
        window.history_view.refresh(force=True)
        QApplication.processEvents()
    try:
        save_image(window.grab(), path)
    except OSError as exc:
        print(f"ramlens: could not write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(path)
    window.close()
    return 0
