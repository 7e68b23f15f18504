"""Running a blocking call (reading a file) off the UI thread while the window keeps painting."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal

T = TypeVar("T")


class _Finished(QObject):
    done = Signal()


def run_off_ui_thread(call: Callable[[], T]) -> T:
    """Run ``call`` in a worker thread and return its result (or raise its exception).

    The UI thread waits in a local event loop that keeps painting and sampling but takes no
    input, so a slow disk or a large file neither freezes the window nor lets a second click in.
    """
    outcome: dict[str, object] = {}
    relay = _Finished()
    loop = QEventLoop()
    relay.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)  # quits once the loop runs

    def work() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # handed to the UI thread and raised there
            outcome["error"] = exc
        relay.done.emit()

    worker = threading.Thread(target=work, name="ramlens-read", daemon=True)
    worker.start()
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    worker.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
