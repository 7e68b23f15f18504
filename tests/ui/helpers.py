"""Driving the window as a person would: menus by their text, clicks, modal dialogs."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from ui.main import ScreenshotPacing


def menu_action(menu: QMenu, text_start: str) -> QAction:
    """The item of ``menu`` whose text (without '&') starts with ``text_start``."""
    for act in menu.actions():
        if act.text().replace("&", "").startswith(text_start):
            return act
    raise AssertionError(f"no item {text_start!r} in {[a.text() for a in menu.actions()]}")


def click_menu_item(qtbot, menu: QMenu, text_start: str) -> None:  # type: ignore[no-untyped-def]
    """Open ``menu`` and click the item, as a mouse would."""
    act = menu_action(menu, text_start)
    menu.popup(QPoint(10, 10))
    qtbot.waitUntil(menu.isVisible)
    menu.setActiveAction(act)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(act).center())
    qtbot.waitUntil(lambda: not menu.isVisible())


def settle() -> None:
    """Let Qt carry out what is pending (layouts, delayed item layouts) before a check or a picture."""
    for _ in range(3):  # what one turn posts, the next one carries out
        QApplication.processEvents()


def answer_dialog(handler: Callable[[QWidget], None], attempts: int = 200) -> None:
    """Call ``handler`` with the next modal dialog once it is up (dialogs block the test otherwise)."""

    def poll(left: int = attempts) -> None:
        box = QApplication.activeModalWidget()
        if box is not None:
            handler(box)
        elif left:
            QTimer.singleShot(20, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)


def press_message_box(button_text: str, tick_dont_ask: bool = False) -> Callable[[QWidget], None]:
    """A handler for answer_dialog: optionally tick "Don't ask again", then press a button by its text."""

    def handle(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox), widget
        if tick_dont_ask:
            box_check = widget.checkBox()
            assert box_check is not None
            box_check.setChecked(True)
        for button in widget.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in widget.buttons()]}")

    return handle


# Screenshot mode's readings taken without waiting between them (real readings, only the pause is
# injected: six seconds less per screenshot).
QUICK_PACING = ScreenshotPacing(samples=4, interval=0.0, settle=0.0)
# The window's start-up as `ramlens` runs it, with that pace.
QUICK_SCREENSHOT = (
    "import sys; from ui.main import ScreenshotPacing, run_gui; "
    "sys.exit(run_gui(sys.argv[1:], ScreenshotPacing(samples=4, interval=0.0, settle=0.0)))"
)


# Qt's PNG quality 80 is zlib level 1: the same pixels as the default level, encoded in half the time
# (a window-sized artefact took 50-70 ms) at much the same size.
ARTIFACT_PNG_QUALITY = 80


def save_png(picture: QPixmap | QImage, path: Path) -> bool:
    """Save ``picture`` to ``path`` as a PNG for people to look at; True when written."""
    return picture.save(str(path), "PNG", ARTIFACT_PNG_QUALITY)


def colour_share(image: QImage, colours: Iterable[QColor]) -> float:
    """The share of ``image``'s pixels painted exactly in one of ``colours``."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)  # 0xffRRGGBB per pixel, rows without padding
    pixels = np.frombuffer(rgb.constBits(), dtype=np.uint32, count=rgb.width() * rgb.height())
    return float(np.isin(pixels, [c.rgb() for c in colours]).mean())


def run_screenshot_mode(target: Path, tab: str, home: Path) -> subprocess.CompletedProcess[str]:
    """`ramlens --screenshot TARGET --tab TAB` in a subprocess with no display and a scratch config home."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["HOME"] = str(home)
    env["XDG_CONFIG_HOME"] = str(home / "config")  # so a test can prove the user's settings are left alone
    return subprocess.run(
        [sys.executable, "-c", QUICK_SCREENSHOT, "--screenshot", str(target), "--tab", tab],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
